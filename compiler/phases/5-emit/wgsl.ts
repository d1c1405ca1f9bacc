// Phase 5: one fused kernel as WGSL. The kernel's shape picks its emitter: a texture pack, an implicit
// convolution or a matmul over texture operands (fuse rules 7 and 10), or a kernel on the arenas alone;
// the offsets it uses become named constants (offsets.ts).
import type { Node } from "../../ir/node.ts";
import { Op } from "../../ir/ops.ts";
import type { Kernel } from "../4-fuse/fuse.ts";
import { emitBufferKernel } from "./buffer-kernels.ts";
import { emitTextureConv } from "./convolutions.ts";
import { type EmitContext, type EmittedKernel, type Location, NotPersistable } from "./frame.ts";
import { OffsetNames } from "./offsets.ts";
import { emitPack, emitTextureMatmul } from "./products.ts";
import { DEFAULT_TARGET, getTarget } from "./targets.ts";

export {
  CLOCK_WORDS,
  type EmitContext,
  type EmittedKernel,
  HEADER,
  type Location,
  NotPersistable,
  type TextureBinding,
} from "./frame.ts";
export { matmulLayout, textureDims } from "./products.ts";

export function emitKernel(
  k: Kernel,
  where: (n: Node) => Location | undefined,
  label: string,
  ctx: EmitContext = { target: getTarget(DEFAULT_TARGET) },
): EmittedKernel & { uses: Location[] } {
  const names = new OffsetNames(where);
  const emitter = pickEmitter(k);
  if (ctx.persist && emitter !== emitTextureMatmul) throw new NotPersistable(ctx.persist.param);
  const emitted = emitter(k, names.where, label, ctx);
  return { ...emitted, wgsl: names.declare(emitted.wgsl), uses: names.used(emitted.wgsl) };
}

function pickEmitter(k: Kernel): typeof emitBufferKernel {
  if (k.output === "texture") return emitPack;
  if (k.texReads && k.anchor?.op !== Op.MATMUL) return emitTextureConv;
  if (k.texReads) return emitTextureMatmul;
  return emitBufferKernel;
}
