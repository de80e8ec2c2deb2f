/** Public manifest of the memory model: will a layout fit, per pipeline stage? */
export { FIT_HEADROOM_FRACTION, type EstimateMemoryOptions, type MemoryEstimate, type StageMemory } from './types.js';
export { estimateMemory, maxMicroBatchThatFits, peakMemoryBytes, usableHbmBytes } from './estimate-memory.js';
export { ACTIVATION_BYTES, FP32_BYTES, PRECISION_RECIPES, precisionRecipe, type PrecisionRecipe } from './precision.js';
export { layerActivation, layerTensors, type LayerActivation, type SelectivePolicy } from './activations.js';
export type { ActivationShape, SavedTensor, TensorRole } from './layer-tensors.js';
export { inFlightMicroBatches, parameterCopies } from './in-flight.js';
export {
  countRankParams, createSharding, layerParamCounts, stateBytes,
  type LayerParamCounts, type RankParams, type Sharding, type StateBytes,
} from './states.js';
export { DEFAULT_BUFFER_ASSUMPTIONS, type BufferAssumptions, type BufferBreakdown } from './buffers.js';
