// The WebGPU plumbing a generated module needs and nothing more: the two arenas and the buffers beside
// them, the operand textures, pipelines and bind groups, and reading values back. The kernels, their
// order and the schedule are the generated module's own code. Copied into each generated folder as
// support/webgpu.ts; it uses WebGPU alone, so it runs in Deno and in any page.
import { FormatError, KernelError, LimitError } from "./errors.ts";

/** What a module allocates: arena sizes in floats, operand textures as [width in texels, rows]. */
export interface Layout {
  stateFloats: number;
  tempFloats: number;
  clockWords: number;
  textures: readonly (readonly [number, number])[];
  metrics: number;
  /**
   * Floats per arena buffer, where an arena exceeds one storage binding: each arena is then held as
   * buffers of this size (the last shorter), and kernels bind windows of them (`Arenas.windowGroup`).
   */
  chunkFloats?: number;
}

export type Arena = "state" | "temp";

/** One @group(0) binding of a windowed kernel: a window of an arena [arena, offset, floats], or a small buffer. */
export type GroupBinding = readonly [Arena, number, number] | readonly ["clock" | "data" | "perm"];

/** What a module's kernels need of a device, to refuse one that is too small with the numbers. */
export interface Needs {
  /** Largest workgroup count in one dimension of any dispatch. */
  workgroups: number;
  /** Largest side of an operand texture, in texels or rows. */
  textureSide: number;
  /** Most storage textures one kernel binds. */
  storageTextures: number;
  /** In a module whose kernels bind arena windows: the largest window, in bytes. */
  binding?: number;
  /** In a module whose kernels bind arena windows: the most storage buffers one kernel binds. */
  storageBuffers?: number;
}

export type Access = "read" | "write";

/** Every kernel binds state, temp, clock, data and the permutation. */
export const STORAGE_BINDINGS = 5;

/** The @group(0) of kernels that bind the arenas whole: state and temp read-write, clock, data, perm read-only. */
const STANDARD = "wwrrr";

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** The limits a module's buffers meet (GPUSupportedLimits has them, and more). */
export interface BufferLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
  maxStorageBuffersPerShaderStage: number;
}

/**
 * Which of the arenas and the data exceed a device's buffer limits, with the numbers. `windows`: the
 * arenas are held as buffers of `chunk` floats, and no kernel binds more than `binding` bytes of them or
 * more than `storageBuffers` buffers.
 */
export function bufferProblems(
  limits: BufferLimits,
  stateFloats: number,
  tempFloats: number,
  dataBytes: number,
  windows?: { chunk: number; binding: number; storageBuffers: number },
): string[] {
  const problems: string[] = [];
  const binding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const buffers: [string, number][] = [
    ...(windows ? [] : [
      ["the parameters and optimiser state need", 4 * stateFloats] as [string, number],
      ["the step's intermediate values need", 4 * tempFloats] as [string, number],
    ]),
    ["the training data needs", dataBytes],
  ];
  for (const [what, bytes] of buffers) {
    if (bytes > binding) {
      problems.push(`${what} ${mib(bytes)}, over the adapter's storage buffer limit of ${mib(binding)}`);
    }
  }
  if (windows && 4 * windows.chunk > limits.maxBufferSize) {
    problems.push(
      `the arenas are held in buffers of ${mib(4 * windows.chunk)}, over the adapter's buffer limit of ${
        mib(limits.maxBufferSize)
      }`,
    );
  }
  if (windows && windows.binding > limits.maxStorageBufferBindingSize) {
    problems.push(
      `a kernel binds ${mib(windows.binding)} of an arena, over the adapter's storage buffer limit of ${
        mib(limits.maxStorageBufferBindingSize)
      }`,
    );
  }
  const most = windows?.storageBuffers ?? STORAGE_BINDINGS;
  if (most > limits.maxStorageBuffersPerShaderStage) {
    problems.push(
      `a kernel binds ${most} storage buffers, the adapter allows ${limits.maxStorageBuffersPerShaderStage}`,
    );
  }
  return problems;
}

/** What does not fit a device's limits, with the numbers; empty when everything fits. */
export function checkFits(limits: GPUSupportedLimits, layout: Layout, needs: Needs, dataBytes: number): string[] {
  const windows = layout.chunkFloats
    ? { chunk: layout.chunkFloats, binding: needs.binding ?? 0, storageBuffers: needs.storageBuffers ?? 0 }
    : undefined;
  const problems = bufferProblems(limits, layout.stateFloats, layout.tempFloats, dataBytes, windows);
  if (needs.workgroups > limits.maxComputeWorkgroupsPerDimension) {
    problems.push(
      `a kernel dispatches ${needs.workgroups} workgroups in one dimension, over ${limits.maxComputeWorkgroupsPerDimension}`,
    );
  }
  if (needs.textureSide > limits.maxTextureDimension2D) {
    problems.push(
      `an operand texture has ${needs.textureSide} texels on a side, over the adapter's ${limits.maxTextureDimension2D} (compile with --target gpu for buffer operands)`,
    );
  }
  if (needs.storageTextures > limits.maxStorageTexturesPerShaderStage) {
    problems.push(
      `a kernel binds ${needs.storageTextures} storage textures, the adapter allows ${limits.maxStorageTexturesPerShaderStage}`,
    );
  }
  return problems;
}

/** The buffers, textures and layouts of one module instance on one device. */
export class Arenas {
  /** The state arena's (first) buffer. */
  readonly state: GPUBuffer;
  /** The temp arena's (first) buffer. */
  readonly temp: GPUBuffer;
  /** Each arena's buffers: one, or buffers of `Layout.chunkFloats` floats each. */
  readonly buffers: Record<Arena, GPUBuffer[]>;
  readonly clock: GPUBuffer;
  readonly data: GPUBuffer;
  readonly perm: GPUBuffer;
  readonly metrics: GPUBuffer;
  /** The operand textures, by index (`Layout.textures`). */
  readonly textures: GPUTexture[];
  private readonly bgl: GPUBindGroupLayout;
  private whole?: GPUBindGroup;
  private readonly groupLayouts = new Map<string, { bgl: GPUBindGroupLayout; layout: GPUPipelineLayout }>();
  private readonly texLayouts = new Map<string, { group: GPUBindGroupLayout; pipeline: GPUPipelineLayout }>();
  private readonly pipelines = new Map<string, GPUComputePipeline>();

  /** The data and permutation buffers are sized by the training data's feed (support/feed.ts), which fills them. */
  constructor(readonly device: GPUDevice, readonly sizes: Layout, dataBytes: number, permWords: number) {
    const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
    const buf = (floats: number, label: string) =>
      device.createBuffer({ size: Math.max(16, 4 * floats), usage, label });
    const chunk = sizes.chunkFloats ?? Infinity;
    const arena = (floats: number, name: Arena) => {
      const out: GPUBuffer[] = [];
      for (let at = 0; at === 0 || at < floats; at += chunk) {
        out.push(buf(Math.min(chunk, floats - at), `${name} arena${chunk < floats ? ` ${out.length}` : ""}`));
      }
      return out;
    };
    this.buffers = { state: arena(sizes.stateFloats, "state"), temp: arena(sizes.tempFloats, "temp") };
    this.state = this.buffers.state[0];
    this.temp = this.buffers.temp[0];
    this.clock = buf(sizes.clockWords, "clock");
    this.data = buf(Math.ceil(dataBytes / 4), "training data");
    this.perm = buf(Math.max(1, permWords), "epoch permutations");
    this.metrics = buf(Math.max(1, sizes.metrics), "metrics");
    this.bgl = this.groupLayout(STANDARD).bgl;
    this.textures = sizes.textures.map(([width, height], i) =>
      device.createTexture({
        size: [width, height],
        format: "rgba32float",
        usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_SRC,
        label: `operand texture ${i}`,
      })
    );
  }

  /** @group(0) of kernels that bind the arenas whole: the five buffers. (A module with arena windows has none.) */
  get group(): GPUBindGroup {
    if (this.sizes.chunkFloats) throw new Error("these arenas are bound as windows (windowGroup), not whole");
    this.whole ??= this.device.createBindGroup({
      layout: this.bgl,
      entries: [this.state, this.temp, this.clock, this.data, this.perm].map((buffer, binding) => ({
        binding,
        resource: { buffer },
      })),
    });
    return this.whole;
  }

  /** @group(0) of a kernel bound to arena windows (KernelPlan.bindings), in binding order. */
  windowGroup(bindings: readonly GroupBinding[]): GPUBindGroup {
    return this.device.createBindGroup({
      layout: this.groupLayout(bindings.map((b) => (b.length === 3 ? "w" : "r")).join("")).bgl,
      entries: bindings.map((b, binding) => {
        if (b.length !== 3) return { binding, resource: { buffer: this[b[0]] } };
        const [arena, offset, floats] = b;
        const { buffer, at } = this.locate(arena, offset);
        return { binding, resource: { buffer, offset: 4 * at, size: 4 * floats } };
      }),
    });
  }

  /** A @group(0) layout by its bindings' access, "w" read-write or "r" read-only per binding ("wwrrr": the five). */
  private groupLayout(access: string) {
    let l = this.groupLayouts.get(access);
    if (!l) {
      const bgl = this.device.createBindGroupLayout({
        entries: [...access].map((a, binding) => ({
          binding,
          visibility: GPUShaderStage.COMPUTE,
          buffer: { type: a === "w" ? "storage" : "read-only-storage" },
        })),
      });
      l = { bgl, layout: this.device.createPipelineLayout({ bindGroupLayouts: [bgl] }) };
      this.groupLayouts.set(access, l);
    }
    return l;
  }

  /** Copies `count` floats between arenas (or from an arena into a buffer), across arena buffers' ends. */
  copy(enc: GPUCommandEncoder, from: Arena, at: number, to: Arena | GPUBuffer, into: number, count: number): void {
    for (let done = 0; done < count;) {
      const src = this.locate(from, at + done);
      const dst = typeof to === "string"
        ? this.locate(to, into + done)
        : { buffer: to, at: into + done, left: Infinity };
      const n = Math.min(count - done, src.left, dst.left);
      enc.copyBufferToBuffer(src.buffer, 4 * src.at, dst.buffer, 4 * dst.at, 4 * n);
      done += n;
    }
  }

  /** Writes floats into an arena at a float offset, across its buffers' ends. */
  write(arena: Arena, offset: number, values: Float32Array): void {
    for (let done = 0; done < values.length;) {
      const { buffer, at, left } = this.locate(arena, offset + done);
      const n = Math.min(values.length - done, left);
      upload(this.device, buffer, 4 * at, values.subarray(done, done + n));
      done += n;
    }
  }

  /** Reads `count` floats of an arena from a float offset, across its buffers' ends, and waits for them. */
  async readArena(arena: Arena, offset: number, count: number): Promise<Float32Array> {
    const out = new Float32Array(count);
    for (let done = 0; done < count;) {
      const { buffer, at, left } = this.locate(arena, offset + done);
      const n = Math.min(count - done, left);
      out.set(await this.read(buffer, at, n), done);
      done += n;
    }
    return out;
  }

  /** Where float x of an arena lies: its buffer, the offset in it, and the floats left before the buffer ends. */
  private locate(arena: Arena, x: number): { buffer: GPUBuffer; at: number; left: number } {
    const chunk = this.sizes.chunkFloats ?? Infinity;
    const i = Math.floor(x / chunk);
    return { buffer: this.buffers[arena][i], at: i ? x - i * chunk : x, left: (i + 1) * chunk - x };
  }

  /** A kernel's pipeline; `textures` lists the access of each texture it binds at @group(1). Shared by text. */
  async pipeline(wgsl: string, textures: readonly Access[] = []): Promise<GPUComputePipeline> {
    const known = this.pipelines.get(wgsl);
    if (known) return known;
    const label = wgsl.slice(3, wgsl.indexOf("\n"));
    // the kernel's own @group(0) where it binds arena windows, else the five buffers
    const decls = [...wgsl.matchAll(/^@group\(0\) @binding\(\d+\) var<storage, (read|read_write)>/gm)];
    const group0 = decls.map((m) => (m[1] === "read" ? "r" : "w")).join("");
    const layout = textures.length ? this.texLayout(textures, group0).pipeline : this.groupLayout(group0).layout;
    let p: GPUComputePipeline;
    let module: GPUShaderModule | undefined;
    try {
      module = this.device.createShaderModule({ code: wgsl, label });
      p = await this.device.createComputePipelineAsync({ layout, compute: { module, entryPoint: "main" }, label });
    } catch (e) {
      // the compiler's own words where the runtime gives them (line:column and message), else the error's
      const info = await module?.getCompilationInfo?.().catch(() => undefined);
      const errors = info?.messages.filter((m) => m.type === "error").map((m) =>
        `line ${m.lineNum}:${m.linePos}: ${m.message.split("\n").find((l) => l.trim())?.trim()}`
      );
      const why = errors?.length
        ? errors.slice(0, 3).join("; ")
        : String((e as Error)?.message ?? e).split("\n").filter((l) => l.trim()).slice(0, 3).join(" ");
      throw new KernelError(`the kernel "${label}" does not compile on this device: ${why}`);
    }
    this.pipelines.set(wgsl, p);
    return p;
  }

  /** Distinct pipelines created so far. */
  get pipelineCount(): number {
    return this.pipelines.size;
  }

  private texLayout(access: readonly Access[], group0 = STANDARD) {
    const sig = `${group0}:${access.join(",")}`;
    let l = this.texLayouts.get(sig);
    if (!l) {
      const group = this.device.createBindGroupLayout({
        entries: access.map((a, binding) => ({
          binding,
          visibility: GPUShaderStage.COMPUTE,
          storageTexture: { access: a === "read" ? "read-only" : "write-only", format: "rgba32float" },
        })),
      });
      const bindGroupLayouts = [this.groupLayout(group0).bgl, group];
      l = { group, pipeline: this.device.createPipelineLayout({ bindGroupLayouts }) };
      this.texLayouts.set(sig, l);
    }
    return l;
  }

  /** The @group(1) of kernels that bind these textures, in binding order: [access, texture index]. */
  textureGroup(bindings: readonly (readonly [Access, number])[]): GPUBindGroup {
    return this.device.createBindGroup({
      layout: this.texLayout(bindings.map(([a]) => a)).group,
      entries: bindings.map(([, id], binding) => ({ binding, resource: this.textures[id].createView() })),
    });
  }

  /** Copies `count` floats from a buffer and waits for them. */
  async read(src: GPUBuffer, offset: number, count: number): Promise<Float32Array> {
    const staging = this.device.createBuffer({
      size: Math.max(4, 4 * count),
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const enc = this.device.createCommandEncoder();
    enc.copyBufferToBuffer(src, 4 * offset, staging, 0, 4 * count);
    this.device.queue.submit([enc.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const out = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    staging.destroy();
    return out;
  }

  destroy(): void {
    const all = [...this.buffers.state, ...this.buffers.temp, this.clock, this.data, this.perm, this.metrics];
    for (const b of all) b.destroy();
    for (const t of this.textures) t.destroy();
  }
}

/**
 * Writes floats or words into a buffer at a byte offset. (The cast: TypeScript's WebGPU types ask for
 * arrays over an ArrayBuffer, and a Float32Array's type does not say which buffer it views.)
 */
export function upload(device: GPUDevice, buffer: GPUBuffer, byteOffset: number, values: Float32Array | Uint32Array) {
  device.queue.writeBuffer(buffer, byteOffset, values as unknown as BufferSource);
}

/** One kernel of a pass: its pipeline, its textures' group if any, its workgroups. */
export function dispatch(
  pass: GPUComputePassEncoder,
  pipeline: GPUComputePipeline,
  x: number,
  y: number,
  z: number,
  textures?: GPUBindGroup,
): void {
  pass.setPipeline(pipeline);
  if (textures) pass.setBindGroup(1, textures);
  pass.dispatchWorkgroups(x, y, z);
}

/** Refuses a device the module does not fit, with every reason. */
export function requireFits(name: string, device: GPUDevice, layout: Layout, needs: Needs, dataBytes: number): void {
  const problems = checkFits(device.limits, layout, needs, dataBytes);
  if (problems.length) throw new LimitError(`${name} does not fit this device: ${problems.join("; ")}`);
}

/**
 * Runs a fixed-size batch kernel over any number of rows: `z` holds rows of `dim` values, `run` takes
 * `batch` rows (the last chunk padded with zeros) and returns `batch` rows of `features` values.
 */
export async function inChunks(
  z: Float32Array,
  dim: number,
  batch: number,
  features: number,
  run: (chunk: Float32Array) => Promise<Float32Array>,
  progress?: (done: number, total: number) => void,
): Promise<Float32Array> {
  if (!(z instanceof Float32Array) || z.length % dim !== 0) {
    throw new FormatError(
      "latent vectors",
      `expected a Float32Array of rows of ${dim} values, got ${z?.length} values`,
    );
  }
  const n = z.length / dim;
  const out = new Float32Array(n * features);
  const chunk = new Float32Array(batch * dim);
  for (let s = 0; s < n; s += batch) {
    const m = Math.min(batch, n - s);
    chunk.fill(0).set(z.subarray(s * dim, (s + m) * dim));
    const x = await run(chunk);
    out.set(x.subarray(0, m * features), s * features);
    progress?.(s + m, n);
  }
  return out;
}
