// Runs a plan (data, not a generated module) on WebGPU: buffers and pipelines created once, a step recorded
// into one command buffer, metrics read back without waiting on the GPU.
import type { KernelPlan, PhasePlan, Plan } from "../../compiler/index.ts";
import { CLOCK_WORDS } from "../../compiler/index.ts";
import { Arenas, DATA_HEADER_WORDS, dispatch } from "../../compiler/shared.ts";

export interface Dataset {
  /** n examples, each of prod(plan.dataShape) values, already scaled to the spec's range. */
  values: Float32Array;
  n: number;
}

/** Which permutation and offset each real batch of a step uses (see compiler/ir/batches.ts). */
export interface BatchSource {
  perEpoch: number;
  epochOf(step: number): number;
  locate(step: number, j: number): { epoch: number; offset: number };
  permutation(epoch: number): Uint32Array;
}

export interface StepCounts {
  dispatches: number;
  /** Bytes written to the GPU by the CPU this step (the clock; a permutation at an epoch start). */
  uploadBytes: number;
}

/** For plans that never read training batches (sampling, evaluation, benchmarks of single products). */
export const NO_BATCHES: BatchSource = {
  perEpoch: 1,
  epochOf: () => 0,
  locate: () => ({ epoch: 0, offset: 0 }),
  permutation: () => new Uint32Array(1),
};

/**
 * Runs a plan's kernels over the support module's Arenas (the buffers, textures, pipelines and bind groups
 * a generated module uses too): the kernel-by-kernel tests, the Parzen estimator and the benchmarks'
 * lone products, which are the runtime's own programs rather than a spec's generated module.
 */
export class GpuExecutor {
  private readonly arenas: Arenas;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly texGroups = new Map<string, GPUBindGroup>();
  private readonly windowGroups = new Map<KernelPlan, GPUBindGroup>();
  private permEpochs: [number, number] = [-1, -1]; // epoch held in each half of `perm`
  readonly metricNames: string[];

  constructor(
    readonly device: GPUDevice,
    readonly plan: Plan,
    readonly dataset: Dataset,
    readonly batches: BatchSource,
  ) {
    this.metricNames = [...new Set(plan.phases.flatMap((p) => p.metrics.map((m) => m.name)))];
    const layout = {
      stateFloats: plan.stateSize,
      tempFloats: plan.tempSize,
      clockWords: plan.clockWords,
      textures: (plan.textures ?? []).map((t) => [t.width, t.height] as const),
      metrics: this.metricNames.length,
      ...(plan.chunk ? { chunkFloats: plan.chunk } : {}),
    };
    // the data buffer as support/feed.ts lays it out: a header (all zero: float32 rows), then the rows
    const head = 4 * DATA_HEADER_WORDS;
    this.arenas = new Arenas(device, layout, head + dataset.values.byteLength, 2 * Math.max(1, dataset.n));
    device.queue.writeBuffer(this.arenas.data, head, dataset.values as unknown as BufferSource);
  }

  get state(): GPUBuffer {
    return this.arenas.state;
  }
  get temp(): GPUBuffer {
    return this.arenas.temp;
  }

  /** Compiles every kernel's pipeline once, before the first step. Returns how many distinct ones. */
  async createPipelines(): Promise<number> {
    const all = [this.plan.init, ...this.plan.phases].flatMap((p) => p.kernels).concat(
      this.plan.sampler?.kernels ?? [],
      this.plan.repack ?? [],
    );
    for (const k of all) {
      if (!this.pipelines.has(k.wgsl)) {
        this.pipelines.set(k.wgsl, await this.arenas.pipeline(k.wgsl, (k.textures ?? []).map((t) => t.access)));
      }
    }
    return this.pipelines.size;
  }

  private texGroup(k: KernelPlan): GPUBindGroup | undefined {
    if (!k.textures?.length) return undefined;
    const key = k.textures.map((t) => `${t.access}${t.id}`).join(",");
    let g = this.texGroups.get(key);
    if (!g) {
      g = this.arenas.textureGroup(k.textures.map((t) => [t.access, t.id] as const));
      this.texGroups.set(key, g);
    }
    return g;
  }

  private dispatch(pass: GPUComputePassEncoder, k: KernelPlan): void {
    if (k.bindings) {
      let g = this.windowGroups.get(k);
      if (!g) this.windowGroups.set(k, g = this.arenas.windowGroup(k.bindings));
      pass.setBindGroup(0, g);
    }
    dispatch(pass, this.pipelines.get(k.wgsl)!, ...k.workgroups, this.texGroup(k));
  }

  /** A pass over some kernels: the arenas bound whole once, or each kernel's windows before it. */
  private encodeKernels(enc: GPUCommandEncoder, kernels: KernelPlan[]): void {
    const pass = enc.beginComputePass();
    if (!this.plan.chunk) pass.setBindGroup(0, this.arenas.group);
    for (const k of kernels) this.dispatch(pass, k);
    pass.end();
  }

  private writeClock(step: number, seed: number, offsets: number[]): number {
    const words = new Uint32Array(this.plan.clockWords);
    const f = new Float32Array(words.buffer);
    f[0] = step;
    f[1] = this.batches.epochOf(step);
    words[2] = step;
    words[3] = seed;
    offsets.forEach((o, j) => (words[CLOCK_WORDS + j] = o));
    this.device.queue.writeBuffer(this.arenas.clock, 0, words);
    return words.byteLength;
  }

  private encodePhase(enc: GPUCommandEncoder, ph: PhasePlan): number {
    this.encodeKernels(enc, ph.kernels);
    for (const c of ph.copies) this.arenas.copy(enc, "temp", c.from, "state", c.to, c.count);
    for (const m of ph.metrics) {
      this.arenas.copy(enc, "temp", m.offset, this.arenas.metrics, this.metricNames.indexOf(m.name), 1);
    }
    return ph.kernels.length;
  }

  /** Runs the init phase: every parameter's first value. */
  init(seed: number, dataMean: Float32Array): void {
    this.writeClock(0, seed, []);
    if (this.plan.init.dataMean !== undefined) {
      this.arenas.write("temp", this.plan.init.dataMean, dataMean);
    }
    const enc = this.device.createCommandEncoder();
    this.encodePhase(enc, this.plan.init);
    if (this.plan.repack?.length) this.encodeKernels(enc, this.plan.repack);
    this.device.queue.submit([enc.finish()]);
  }

  /** Packs the weights whose textures persist from the state arena (after writing it). */
  repack(): void {
    if (this.plan.repack?.length) this.runKernels(this.plan.repack);
  }

  /** Records and submits one training step; never waits for the GPU. */
  step(step: number, seed: number): StepCounts {
    let upload = 0;
    const offsets: number[] = [];
    for (let j = 0; j < this.plan.realBatches; j++) {
      const { epoch, offset } = this.batches.locate(step, j);
      upload += this.ensurePermutation(epoch);
      offsets.push((epoch % 2) * this.dataset.n + offset);
    }
    upload += this.writeClock(step, seed, offsets);
    const enc = this.device.createCommandEncoder();
    let dispatches = 0;
    for (const ph of this.plan.phases) dispatches += this.encodePhase(enc, ph);
    this.device.queue.submit([enc.finish()]);
    return { dispatches, uploadBytes: upload };
  }

  private ensurePermutation(epoch: number): number {
    const half = epoch % 2;
    if (this.permEpochs[half] === epoch) return 0;
    const p = this.batches.permutation(epoch);
    this.device.queue.writeBuffer(this.arenas.perm, 4 * half * this.dataset.n, p);
    this.permEpochs[half] = epoch;
    return p.byteLength;
  }

  /** The latest metrics (after the last submitted step). Maps a buffer: call every N steps, not every step. */
  async readMetrics(): Promise<Record<string, number>> {
    const v = await this.arenas.read(this.arenas.metrics, 0, this.metricNames.length);
    return Object.fromEntries(this.metricNames.map((n, i) => [n, v[i]]));
  }

  async readParams(): Promise<Map<string, Float32Array>> {
    const all = await this.arenas.readArena("state", 0, this.plan.stateSize);
    return new Map(
      this.plan.params.map((p) => [p.name, all.slice(p.offset, p.offset + p.shape.reduce((a, b) => a * b, 1))]),
    );
  }

  async writeParams(values: ReadonlyMap<string, Float32Array>): Promise<void> {
    for (const p of this.plan.params) {
      const v = values.get(p.name);
      if (v) this.arenas.write("state", p.offset, v);
    }
    this.repack();
    await this.device.queue.onSubmittedWorkDone();
  }

  /** G's samples for the plan's sampler batch of latent vectors (n x latent), from the live weights. */
  async sample(z: Float32Array): Promise<Float32Array> {
    const s = this.plan.sampler;
    if (!s) throw new Error("this plan has no sampler");
    this.arenas.write("temp", s.z, z);
    this.runKernels(s.kernels);
    return await this.arenas.readArena("temp", s.out, s.n * this.plan.dataShape.reduce((a, b) => a * b, 1));
  }

  /** For tests: fill an arena region, set the clock, run some kernels alone. */
  writeArena(arena: "state" | "temp", offset: number, values: Float32Array): void {
    this.arenas.write(arena, offset, values);
  }
  setClock(step: number, seed: number): void {
    this.writeClock(step, seed, []);
  }
  runKernels(kernels: KernelPlan[]): void {
    const enc = this.device.createCommandEncoder();
    this.encodeKernels(enc, kernels);
    this.device.queue.submit([enc.finish()]);
  }

  /** For tests: a texture's rows x cols values (row-major), without its padding. */
  async readTexture(id: number, rows: number, cols: number): Promise<Float32Array> {
    const { width, height } = this.plan.textures[id];
    const bytesPerRow = Math.ceil((width * 16) / 256) * 256;
    const staging = this.device.createBuffer({
      size: bytesPerRow * height,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const enc = this.device.createCommandEncoder();
    enc.copyTextureToBuffer({ texture: this.arenas.textures[id] }, {
      buffer: staging,
      bytesPerRow,
      rowsPerImage: height,
    }, [
      width,
      height,
    ]);
    this.device.queue.submit([enc.finish()]);
    await staging.mapAsync(GPUMapMode.READ);
    const all = new Float32Array(staging.getMappedRange().slice(0));
    staging.unmap();
    staging.destroy();
    const out = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) out.set(all.subarray((r * bytesPerRow) / 4, (r * bytesPerRow) / 4 + cols), r * cols);
    return out;
  }

  async readTemp(offset: number, count: number): Promise<Float32Array> {
    return await this.arenas.readArena("temp", offset, count);
  }

  /** For tests: values a kernel wrote, in whichever arena its plan put them. */
  async readArena(at: { arena: "state" | "temp"; offset: number }, count: number): Promise<Float32Array> {
    return await this.arenas.readArena(at.arena, at.offset, count);
  }

  destroy(): void {
    this.arenas.destroy();
  }
}
