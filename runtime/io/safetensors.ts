// safetensors, the checkpoint format: the reader and writer live in compiler/support/safetensors.ts, which
// every generated folder carries (a trainer saves and loads checkpoints without the runtime).
export {
  decodeSafetensors,
  type Dtype,
  encodeSafetensors,
  type Safetensors,
  type Tensor,
  type TensorData,
} from "../../compiler/shared.ts";
