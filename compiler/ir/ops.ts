// The IR's whole vocabulary: one enum of ops in families. Tensors are float32 on the GPU and float64
// in the reference interpreter; shapes include the batch dimension; broadcasting is explicit (EXPAND).

export const Op = {
  // sources
  PARAM: "param", // a persistent tensor (weights, optimiser state, running statistics); arg: its name
  INPUT: "input", // a tensor the runtime supplies for a phase (the real batch, step counters); arg: its name
  CONST: "const", // a scalar constant; arg: the value
  RANDOM: "random", // Philox4x32-10 draws; arg: { stream, dist, draw }; the step comes from the running phase

  // unary, elementwise
  NEG: "neg",
  EXP: "exp",
  LOG: "log",
  SQRT: "sqrt",
  RECIP: "recip",
  ABS: "abs",
  SIGMOID: "sigmoid",
  TANH: "tanh",
  SOFTPLUS: "softplus", // log(1 + e^x), computed stably: max(x, 0) + log(1 + e^-|x|)
  DETACH: "detach", // the identity, through which no gradient flows (spectral norm's power-iteration vectors)

  // binary, elementwise, operands of equal shape
  ADD: "add",
  SUB: "sub",
  MUL: "mul",
  DIV: "div",
  MAX: "max",
  POW: "pow",
  CMPLT: "cmplt", // 1 where a < b, else 0
  CMPEQ: "cmpeq", // 1 where a == b, else 0

  // ternary
  WHERE: "where", // c != 0 ? a : b

  // reduce; arg: the axes, which disappear from the shape
  SUM: "sum",
  MAXR: "maxr",

  // movement
  RESHAPE: "reshape", // arg: the new shape (same size)
  PERMUTE: "permute", // arg: the axis order
  EXPAND: "expand", // arg: the new shape; only axes of size 1 grow, the rank stays
  CONCAT: "concat", // two tensors stacked along axis 0 (the real and the generated batch through D)
  SLICE: "slice", // arg: [begin, end) along axis 0
  ONEHOT: "onehot", // x [n] of class numbers to [n, classes]: 1 where k = min(floor(x), classes - 1); arg: classes

  // contraction
  MATMUL: "matmul", // [m, k] x [k, n] -> [m, n]
  CONV2D: "conv2d", // x [b, c, h, w], w [o, c, k, k]; arg: { stride, padding } -> [b, o, h', w']
  CONV2D_T: "conv2d_t", // transposed conv: x [b, c, h, w], w [c, o, k, k]; arg: { stride, padding, outputPadding }
  CONV2D_WGRAD: "conv2d_wgrad", // x [b, c, h, w], g [b, o, h', w']; arg: { stride, padding, kernel } -> [o, c, k, k]
} as const;

export type OpName = (typeof Op)[keyof typeof Op];

export const UNARY: readonly OpName[] = [
  Op.NEG,
  Op.EXP,
  Op.LOG,
  Op.SQRT,
  Op.RECIP,
  Op.ABS,
  Op.SIGMOID,
  Op.TANH,
  Op.SOFTPLUS,
  Op.DETACH,
];
export const BINARY: readonly OpName[] = [Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MAX, Op.POW, Op.CMPLT, Op.CMPEQ];
export const ELEMENTWISE: readonly OpName[] = [...UNARY, ...BINARY, Op.WHERE];
export const SOURCES: readonly OpName[] = [Op.PARAM, Op.INPUT, Op.CONST, Op.RANDOM];

export interface ConvArg {
  stride: number;
  padding: number;
}
export interface ConvTArg extends ConvArg {
  outputPadding: number;
}
export interface WgradArg extends ConvArg {
  kernel: number;
}
export interface RandomArg {
  stream: number;
  dist: "uniform" | "normal";
  /** Tells apart several draws of one stream within a step (the k D-updates of Algorithm 1). */
  draw: number;
}
