// The target's limits as data: WebGPU's defaults (what every adapter offers), against which a plan is
// checked at compile time; the runtime checks again against the device it got, which may offer more.
import type { Plan } from "./plan.ts";

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

/** Every kernel binds state, temp, clock, data and the permutation: five storage buffers. */
export const STORAGE_BINDINGS = 5;

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** What in a plan does not fit the limits, with the numbers; empty when everything fits. */
export function checkLimits(plan: Plan, limits: Limits = WEBGPU_DEFAULTS, dataBytes = 0): string[] {
  const problems: string[] = [];
  const binding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const buffers: [string, number][] = [
    ["the parameters and optimiser state need", 4 * plan.stateSize],
    ["the step's intermediate values need", 4 * plan.tempSize],
    ["the training set (float32) needs", dataBytes],
  ];
  for (const [what, bytes] of buffers) {
    if (bytes > binding) {
      problems.push(`${what} ${mib(bytes)}, over the adapter's storage buffer limit of ${mib(binding)}`);
    }
  }
  if (STORAGE_BINDINGS > limits.maxStorageBuffersPerShaderStage) {
    problems.push(
      `kernels bind ${STORAGE_BINDINGS} storage buffers, the adapter allows ${limits.maxStorageBuffersPerShaderStage}`,
    );
  }
  const kernels = [plan.init, ...plan.phases].flatMap((p) => p.kernels).concat(plan.sampler?.kernels ?? []);
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
