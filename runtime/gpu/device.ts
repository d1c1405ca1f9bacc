// The WebGPU adapter and device, or one sentence saying how to get one.

import { type Target, targetFor } from "../../compiler/shared.ts";

export class NoAdapterError extends Error {}

export async function acquireDevice(): Promise<
  { device: GPUDevice; adapter: GPUAdapter; description: string; target: Target }
> {
  if (!("gpu" in navigator) || !navigator.gpu) {
    throw new NoAdapterError(
      "WebGPU is not available in this runtime: run Deno with --unstable-webgpu (npx gan does).",
    );
  }
  const adapter = await navigator.gpu.requestAdapter({ powerPreference: "high-performance" });
  if (!adapter) {
    throw new NoAdapterError(
      "no WebGPU adapter found: without a GPU, install the software Vulkan driver (Debian/Ubuntu: sudo apt-get install mesa-vulkan-drivers) and run again.",
    );
  }
  const device = await adapter.requestDevice({ requiredLimits: requiredLimits(adapter) });
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const description = info?.description || info?.vendor || "unknown adapter";
  return { device, adapter, description, target: targetFor(info) };
}

/** What a device asks of its adapter: all it offers where a plan may need more than the defaults. */
export function requiredLimits(adapter: GPUAdapter): Record<string, number> {
  const limits: Record<string, number> = {};
  const wanted = [
    "maxStorageBufferBindingSize",
    "maxBufferSize",
    "maxComputeWorkgroupsPerDimension",
    // kernels over arenas larger than one binding bind several windows of them (compiler/phases/5-emit/windows.ts)
    "maxStorageBuffersPerShaderStage",
  ] as const;
  for (const k of wanted) {
    limits[k] = adapter.limits[k];
  }
  return limits;
}
