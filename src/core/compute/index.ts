/** Public manifest of the compute-time model. */
export type { AttentionOp, ComputeEstimate, ComputeOp, ComputeShape, ElementwiseOp, GemmOp, PrecisionClass, RecomputeModule } from './types.js';
export { layerOps, headOps, embeddingOps, mtpOps, layerKind, LAYER_KINDS, type LayerKind } from './ops.js';
export { attentionCoreFlops, type AttentionCoreDims } from './op-builders.js';
export { expertLoad, type ExpertLoad } from './ops-ffn.js';
export { defaultSelectiveModules } from './shape.js';
export { mathPrecision, operandBytes } from './precision.js';
export {
  BACKWARD_MULTIPLIERS, GEMM_TILE_ROWS, createRooflineDevice, gemmFlops, opFlops, opSeconds,
  type Pass, type PassMultipliers, type RooflineDevice,
} from './roofline.js';
export { recomputeMultiplier, resolveRecompute, type RecomputePolicy } from './recompute.js';
export {
  curveEfficiency, deviceEfficiency, gemmCurve,
  type AttentionCurve, type DeviceEfficiencyRecord, type EfficiencyParams, type GemmEfficiencyRecord, type SaturatingCurve,
} from './efficiency.js';
export { CALIBRATION_PRIOR, DEFAULT_EFFICIENCY_PARAMS, PRIOR_EFFICIENCY_PARAMS } from './efficiency-params.js';
export {
  applyCalibration, createGroupPrior, fittedValues, pathTerm, termValue,
  type CalibrationPrior, type FittedCalibration, type FittedParameter, type GemmTerm, type PriorParameter,
} from './efficiency-fit.js';
export {
  countStageParts, estimateLayerCompute, estimatePartCompute, estimateStageCompute, sumStageParts,
  type StageFlags, type StagePart, type StageParts,
} from './estimate-compute.js';
export { createComputeEstimator, type ComputeEstimator } from './compute-estimator.js';
export { PRECISION_SCALINGS, castBytesPerElement, resolvePrecisionScaling, type PrecisionScaling } from './precision-scaling.js';
export { gemmShapeEfficiency, type GemmPassShape, type GemmTiling } from './gemm-shape.js';
