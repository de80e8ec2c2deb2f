/** Public API of the model folder: catalog, parameter accounting, FLOP accounting. */
export type {
  AttentionSpec,
  MlaAttention,
  MlpKind,
  ModelSpec,
  MoeSpec,
  NormKind,
  StandardAttention,
} from './types.js';
export { MODELS, type ModelId } from './catalog.js';
export { findModel, MODEL_IDS } from './find-model.js';
export { createMegatronGpt, type MegatronGptConfig } from './gpt-family.js';
export {
  ACTIVE_PARAMS_CONVENTION,
  attentionMatmulParams,
  attentionParams,
  countParams,
  denseFfnWidth,
  denseMlpParams,
  embeddingParams,
  expertParams,
  isMoeLayer,
  layerFfnParams,
  layerNormParams,
  layerParams,
  megatronGptParams,
  mlpMatmulParams,
  moeLayerCount,
  mtpModuleParams,
  normParams,
  outputHeadParams,
  positionEmbeddingParams,
  routerParams,
  sharedExpertParams,
  type LayerFfnParams,
  type ParamBreakdown,
} from './params.js';
export {
  attentionCoreForwardFlops,
  flopsPerToken,
  layerForwardFlops,
  megatronGptFlopsPerIteration,
  mtpModuleForwardFlops,
  outputHeadForwardFlops,
  type FlopBreakdown,
  type FlopOptions,
  type LayerForwardFlops,
  type MegatronFlopOptions,
} from './flops.js';
