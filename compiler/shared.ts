// What runtime/ may use of the compiler besides compiler/index.ts: the support code every generated
// folder carries (its API types, checkpoints, safetensors, random numbers, data helpers, errors). It pulls
// in nothing of the compiler's phases, so a page's bundle that imports it stays small.
export type {
  DataSource,
  ExampleReader,
  FeedInfo,
  Generator,
  LogRecord,
  Metrics,
  Spec,
  Trainer,
  TrainingData,
  TrainOptions,
  Weights,
} from "./support/api.ts";
export {
  type Checkpoint,
  CHECKPOINT_FORMAT,
  checkTensors,
  decodeCheckpoint,
  encodeCheckpoint,
  type TensorDecl,
  type TensorInfo,
} from "./support/checkpoint.ts";
export { isToySource, TOY_SOURCES, toyModes } from "./support/api.ts";
export { featureMeans, TOY_EXAMPLES, toyDataset } from "./support/data.ts";
export { DATA_HEADER_WORDS, defaultLevels } from "./support/feed.ts";
export { FormatError, KernelError, LimitError } from "./support/errors.ts";
export { batchPlan, epochPermutation, normalTensor, philox4x32, uniformTensor } from "./support/random.ts";
export {
  decodeSafetensors,
  type Dtype,
  encodeSafetensors,
  type Safetensors,
  type Tensor,
  type TensorData,
} from "./support/safetensors.ts";
export {
  type Block,
  DEFAULT_TARGET,
  type MatmulLayout,
  type Target,
  targetFor,
  TARGETS,
} from "./phases/5-emit/targets.ts";
export { type Access, Arenas, dispatch, type Layout } from "./support/webgpu.ts";
