// The tuning table: how kernels are shaped for each kind of adapter, chosen at compile time from data, so
// no user waits for tuning when a run starts. Each entry says where matmul operands live (storage buffers
// or rgba32float textures) and the register blocks of the matmul kernels. The figures behind each choice
// come from `npm run bench` and the block sweep `npm run bench:blocks` (README, Performance); an adapter
// that matches no entry gets `gpu`.

export type MatmulLayout = "nn" | "tn" | "nt";

export interface Block {
  /** Output rows per invocation (a multiple of 4 for the `tn` layout, whose texels run along rows). */
  rows: number;
  /** Output columns per invocation, a multiple of 4. */
  cols: number;
  /** Invocations per workgroup (one dimension). */
  workgroup: number;
}

export interface Target {
  name: string;
  /** Which adapters it is for, in words. */
  about: string;
  /** Where matmul operands are read from. */
  matmulOperands: "buffer" | "texture";
  /** Products smaller than this (multiply-adds) keep buffer operands: packing would cost more than it saves. */
  textureMinMacs: number;
  /** Texture matmuls: the register block per layout (C = A B, C = A^T B, C = A B^T). */
  blocks: Record<MatmulLayout, Block>;
  /**
   * Texture convolutions as implicit products: the register block of the forward (and transposed)
   * product and of the weight gradient. Convolutions on buffers take `cols` output channels per
   * invocation (buffer-convs.ts).
   */
  convBlocks: { forward: Block; wgrad: Block };
  /** Buffer matmuls: each invocation computes tile x tile outputs in a workgroup of workgroup^2. */
  bufferTile: { tile: number; workgroup: number };
  /**
   * Buffer convolutions take fewer output channels per invocation where `convBlocks`' would leave fewer
   * invocations than this (a one-channel image's filter gradient has 16 outputs per channel): every
   * core, or every SIMD unit, needs work.
   */
  minInvocations: number;
}

export const TARGETS: Record<string, Target> = {
  software: {
    name: "software",
    about: "CPU-emulated adapters (Mesa llvmpipe, SwiftShader): textures take a vectorised load path, buffers do not",
    matmulOperands: "texture",
    textureMinMacs: 1 << 20,
    // 20 x 12 for A B and A B^T: rows in twenties divide the batches (100, and 200 with D's stacked
    // batch) with no padded rows, and in `npm run bench:blocks` on the MNIST step's shapes (five rounds)
    // it beat 16 x 16 on all five A B^T shapes (by 4-35%) and four of five A B ones.
    // A^T B products have features as rows (1200, 784, 240, 100); there 16 x 16 and 20 x 12 were even.
    blocks: {
      nn: { rows: 20, cols: 12, workgroup: 8 },
      tn: { rows: 16, cols: 16, workgroup: 8 },
      nt: { rows: 20, cols: 12, workgroup: 8 },
    },
    convBlocks: { forward: { rows: 16, cols: 16, workgroup: 8 }, wgrad: { rows: 16, cols: 16, workgroup: 8 } },
    bufferTile: { tile: 8, workgroup: 8 },
    // 32 workgroups of 64: llvmpipe hands workgroups to its threads
    minInvocations: 2048,
  },
  gpu: {
    name: "gpu",
    about: "hardware adapters (not measured on this project's machines yet): register-blocked buffer matmuls",
    matmulOperands: "buffer",
    textureMinMacs: 0,
    blocks: {
      nn: { rows: 4, cols: 4, workgroup: 64 },
      tn: { rows: 4, cols: 4, workgroup: 64 },
      nt: { rows: 4, cols: 4, workgroup: 64 },
    },
    convBlocks: { forward: { rows: 4, cols: 4, workgroup: 64 }, wgrad: { rows: 4, cols: 4, workgroup: 64 } },
    bufferTile: { tile: 4, workgroup: 16 },
    // (not measured) enough threads to fill a mid-size GPU's cores
    minInvocations: 16384,
  },
};

/** The target a plan is compiled for when none is named: this project's reference machine. */
export const DEFAULT_TARGET = "software";

/** Picks the table entry for an adapter from what it says about itself. */
export function targetFor(
  info: { description?: string; vendor?: string; isFallbackAdapter?: boolean } | undefined,
): Target {
  const d = `${info?.description ?? ""} ${info?.vendor ?? ""}`.toLowerCase();
  if (info?.isFallbackAdapter || /llvmpipe|lavapipe|swiftshader|software/.test(d)) return TARGETS.software;
  return TARGETS.gpu;
}

export function getTarget(name: string): Target {
  const t = TARGETS[name];
  if (!t) throw new Error(`unknown target "${name}" (known: ${Object.keys(TARGETS).join(", ")})`);
  return t;
}
