// The target's limits as data: WebGPU's defaults (what every adapter offers), against which a plan is
// checked at compile time; the runtime checks again against the device it got, which may offer more.
import type { Plan } from "./plan.ts";
import { bufferProblems, STORAGE_BINDINGS } from "../../support/webgpu.ts";

export interface Limits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
  maxStorageBuffersPerShaderStage: number;
  maxComputeWorkgroupsPerDimension: number;
  maxComputeInvocationsPerWorkgroup: number;
  maxTextureDimension2D: number;
  maxStorageTexturesPerShaderStage: number;
}

export const WEBGPU_DEFAULTS: Limits = {
  maxStorageBufferBindingSize: 134_217_728,
  maxBufferSize: 268_435_456,
  maxStorageBuffersPerShaderStage: 8,
  maxComputeWorkgroupsPerDimension: 65_535,
  maxComputeInvocationsPerWorkgroup: 256,
  maxTextureDimension2D: 8192,
  maxStorageTexturesPerShaderStage: 4,
};

export { STORAGE_BINDINGS };

/** What in a plan does not fit the limits, with the numbers; empty when everything fits. */
export function checkLimits(plan: Plan, limits: Limits = WEBGPU_DEFAULTS, dataBytes = 0): string[] {
  const kernels = [plan.init, ...plan.phases].flatMap((p) => p.kernels).concat(plan.sampler?.kernels ?? []);
  // arenas over one binding are held as buffers of plan.chunk floats, and kernels bind windows of them
  const windows = plan.chunk
    ? {
      chunk: plan.chunk,
      binding: Math.max(0, ...kernels.flatMap((k) => (k.bindings ?? []).map((b) => (b.length === 3 ? 4 * b[2] : 0)))),
      storageBuffers: Math.max(0, ...kernels.map((k) => k.bindings?.length ?? 0)),
    }
    : undefined;
  const problems = bufferProblems(limits, plan.stateSize, plan.tempSize, dataBytes, windows);
  for (const k of kernels) {
    const over = k.workgroups.find((g) => g > limits.maxComputeWorkgroupsPerDimension);
    if (over) {
      problems.push(
        `${k.label} dispatches ${over} workgroups in one dimension, over ${limits.maxComputeWorkgroupsPerDimension}`,
      );
    }
  }
  for (const [i, t] of (plan.textures ?? []).entries()) {
    const side = Math.max(t.width, t.height);
    if (side > limits.maxTextureDimension2D) {
      problems.push(
        `operand texture ${i} is ${t.width}x${t.height} texels, over the adapter's ${limits.maxTextureDimension2D} per side (compile with --target gpu for buffer operands)`,
      );
    }
  }
  for (const k of kernels) {
    const n = k.textures?.length ?? 0;
    if (n > limits.maxStorageTexturesPerShaderStage) {
      problems.push(
        `${k.label} binds ${n} storage textures, the adapter allows ${limits.maxStorageTexturesPerShaderStage}`,
      );
    }
  }
  return problems;
}
