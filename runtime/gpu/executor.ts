// Runs a compiled plan on WebGPU: buffers and pipelines created once, each training step recorded into
// one command buffer, the training set on the GPU, metrics read back without waiting on the GPU.
import type { KernelPlan, PhasePlan, Plan } from "../../compiler/index.ts";
import { CLOCK_WORDS } from "../../compiler/index.ts";

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

const STORAGE = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;

export class GpuExecutor {
  readonly state: GPUBuffer;
  readonly temp: GPUBuffer;
  private readonly clock: GPUBuffer;
  private readonly data: GPUBuffer;
  private readonly perm: GPUBuffer;
  private readonly metricBuf: GPUBuffer;
  private readonly bindGroup: GPUBindGroup;
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly layout: GPUPipelineLayout;
  private readonly bgl: GPUBindGroupLayout;
  /** Texture operands (plan.textures), and per texture signature its layouts, per binding its group. */
  private readonly textures: GPUTexture[];
  private readonly texLayouts = new Map<string, { group: GPUBindGroupLayout; pipeline: GPUPipelineLayout }>();
  private readonly texGroups = new Map<string, GPUBindGroup>();
  private permEpochs: [number, number] = [-1, -1]; // epoch held in each half of `perm`
  readonly metricNames: string[];

  constructor(
    readonly device: GPUDevice,
    readonly plan: Plan,
    readonly dataset: Dataset,
    readonly batches: BatchSource,
  ) {
    const buf = (floats: number, usage = STORAGE) => device.createBuffer({ size: Math.max(16, 4 * floats), usage });
    this.state = buf(plan.stateSize);
    this.temp = buf(plan.tempSize);
    this.clock = buf(plan.clockWords);
    this.data = buf(dataset.values.length);
    this.perm = buf(2 * Math.max(1, dataset.n));
    device.queue.writeBuffer(this.data, 0, dataset.values);
    this.metricNames = [...new Set(plan.phases.flatMap((p) => p.metrics.map((m) => m.name)))];
    this.metricBuf = buf(Math.max(1, this.metricNames.length));
    const bgl = device.createBindGroupLayout({
      entries: [0, 1, 2, 3, 4].map((binding) => ({
        binding,
        visibility: GPUShaderStage.COMPUTE,
        buffer: { type: binding < 2 ? "storage" : "read-only-storage" },
      })),
    });
    this.bgl = bgl;
    this.layout = device.createPipelineLayout({ bindGroupLayouts: [bgl] });
    this.textures = (plan.textures ?? []).map((t, i) =>
      device.createTexture({
        size: [t.width, t.height],
        format: "rgba32float",
        usage: GPUTextureUsage.STORAGE_BINDING | GPUTextureUsage.COPY_SRC,
        label: `operand texture ${i}`,
      })
    );
    this.bindGroup = device.createBindGroup({
      layout: bgl,
      entries: [this.state, this.temp, this.clock, this.data, this.perm].map((buffer, binding) => ({
        binding,
        resource: { buffer },
      })),
    });
  }

  /** Compiles every kernel's pipeline once, before the first step. Returns how many distinct ones. */
  async createPipelines(): Promise<number> {
    const all = [this.plan.init, ...this.plan.phases].flatMap((p) => p.kernels).concat(
      this.plan.sampler?.kernels ?? [],
    );
    for (const k of all) {
      if (this.pipelines.has(k.wgsl)) continue;
      const module = this.device.createShaderModule({ code: k.wgsl, label: k.label });
      const layout = k.textures?.length ? this.texLayout(k).pipeline : this.layout;
      const pipeline = await this.device.createComputePipelineAsync({
        layout,
        compute: { module, entryPoint: "main" },
        label: k.label,
      });
      this.pipelines.set(k.wgsl, pipeline);
    }
    return this.pipelines.size;
  }

  private texLayout(k: KernelPlan): { group: GPUBindGroupLayout; pipeline: GPUPipelineLayout } {
    const sig = k.textures!.map((t) => t.access).join(",");
    let l = this.texLayouts.get(sig);
    if (!l) {
      const group = this.device.createBindGroupLayout({
        entries: k.textures!.map((t, binding) => ({
          binding,
          visibility: GPUShaderStage.COMPUTE,
          storageTexture: { access: t.access === "read" ? "read-only" : "write-only", format: "rgba32float" },
        })),
      });
      l = { group, pipeline: this.device.createPipelineLayout({ bindGroupLayouts: [this.bgl, group] }) };
      this.texLayouts.set(sig, l);
    }
    return l;
  }

  private texGroup(k: KernelPlan): GPUBindGroup {
    const key = k.textures!.map((t) => `${t.access}${t.id}`).join(",");
    let g = this.texGroups.get(key);
    if (!g) {
      g = this.device.createBindGroup({
        layout: this.texLayout(k).group,
        entries: k.textures!.map((t, binding) => ({ binding, resource: this.textures[t.id].createView() })),
      });
      this.texGroups.set(key, g);
    }
    return g;
  }

  private dispatch(pass: GPUComputePassEncoder, k: KernelPlan): void {
    pass.setPipeline(this.pipelines.get(k.wgsl)!);
    if (k.textures?.length) pass.setBindGroup(1, this.texGroup(k));
    pass.dispatchWorkgroups(...k.workgroups);
  }

  private writeClock(step: number, seed: number, offsets: number[]): number {
    const words = new Uint32Array(this.plan.clockWords);
    const f = new Float32Array(words.buffer);
    f[0] = step;
    f[1] = this.batches.epochOf(step);
    words[2] = step;
    words[3] = seed;
    offsets.forEach((o, j) => (words[CLOCK_WORDS + j] = o));
    this.device.queue.writeBuffer(this.clock, 0, words);
    return words.byteLength;
  }

  private encodePhase(enc: GPUCommandEncoder, ph: PhasePlan): number {
    const pass = enc.beginComputePass();
    pass.setBindGroup(0, this.bindGroup);
    for (const k of ph.kernels) this.dispatch(pass, k);
    pass.end();
    for (const c of ph.copies) enc.copyBufferToBuffer(this.temp, 4 * c.from, this.state, 4 * c.to, 4 * c.count);
    for (const m of ph.metrics) {
      enc.copyBufferToBuffer(this.temp, 4 * m.offset, this.metricBuf, 4 * this.metricNames.indexOf(m.name), 4);
    }
    return ph.kernels.length;
  }

  /** Runs the init phase: every parameter's first value. */
  init(seed: number, dataMean: Float32Array): void {
    this.writeClock(0, seed, []);
    if (this.plan.init.dataMean !== undefined) {
      this.device.queue.writeBuffer(this.temp, 4 * this.plan.init.dataMean, dataMean);
    }
    const enc = this.device.createCommandEncoder();
    this.encodePhase(enc, this.plan.init);
    this.device.queue.submit([enc.finish()]);
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
    this.device.queue.writeBuffer(this.perm, 4 * half * this.dataset.n, p);
    this.permEpochs[half] = epoch;
    return p.byteLength;
  }

  /** The latest metrics (after the last submitted step). Maps a buffer: call every N steps, not every step. */
  async readMetrics(): Promise<Record<string, number>> {
    const v = await this.read(this.metricBuf, 0, this.metricNames.length);
    return Object.fromEntries(this.metricNames.map((n, i) => [n, v[i]]));
  }

  async readParams(): Promise<Map<string, Float32Array>> {
    const all = await this.read(this.state, 0, this.plan.stateSize);
    return new Map(
      this.plan.params.map((p) => [p.name, all.slice(p.offset, p.offset + p.shape.reduce((a, b) => a * b, 1))]),
    );
  }

  async writeParams(values: ReadonlyMap<string, Float32Array>): Promise<void> {
    for (const p of this.plan.params) {
      const v = values.get(p.name);
      if (v) this.device.queue.writeBuffer(this.state, 4 * p.offset, v);
    }
    await this.device.queue.onSubmittedWorkDone();
  }

  /** G's samples for the plan's sampler batch of latent vectors (n x latent), from the live weights. */
  async sample(z: Float32Array): Promise<Float32Array> {
    const s = this.plan.sampler;
    if (!s) throw new Error("this plan has no sampler");
    this.device.queue.writeBuffer(this.temp, 4 * s.z, z);
    this.runKernels(s.kernels);
    return await this.read(this.temp, s.out, s.n * this.plan.dataShape.reduce((a, b) => a * b, 1));
  }

  /** For tests: fill an arena region, set the clock, run some kernels alone. */
  writeArena(arena: "state" | "temp", offset: number, values: Float32Array): void {
    this.device.queue.writeBuffer(arena === "state" ? this.state : this.temp, 4 * offset, values);
  }
  setClock(step: number, seed: number): void {
    this.writeClock(step, seed, []);
  }
  runKernels(kernels: KernelPlan[]): void {
    const enc = this.device.createCommandEncoder();
    const pass = enc.beginComputePass();
    pass.setBindGroup(0, this.bindGroup);
    for (const k of kernels) this.dispatch(pass, k);
    pass.end();
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
    enc.copyTextureToBuffer({ texture: this.textures[id] }, { buffer: staging, bytesPerRow, rowsPerImage: height }, [
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
    return await this.read(this.temp, offset, count);
  }

  /** For tests: values a kernel wrote, in whichever arena its plan put them. */
  async readArena(at: { arena: "state" | "temp"; offset: number }, count: number): Promise<Float32Array> {
    return await this.read(at.arena === "state" ? this.state : this.temp, at.offset, count);
  }

  private async read(src: GPUBuffer, offset: number, count: number): Promise<Float32Array> {
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
    for (const b of [this.state, this.temp, this.clock, this.data, this.perm, this.metricBuf]) b.destroy();
    for (const t of this.textures) t.destroy();
  }
}
