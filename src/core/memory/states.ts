/**
 * Weights, gradients and optimizer states of one GPU: the parameters its pipeline rank holds,
 * split by tensor and expert parallelism, then sharded over data parallelism by the ZeRO stage.
 *
 * Splitting (Megatron-Core; DeepSeek-V3 TR §3.2):
 * - attention, dense FFN, shared experts, embedding and head: divided by tp (vocabulary-parallel
 *   embedding and head); norms, the router and learned positions are replicated;
 * - routed experts: experts/ep per GPU, each divided by etp.
 *
 * Data-parallel sharding, per parameter class (ZeRO, Rajbhandari et al. 2020 §5; notes §4.3):
 *
 * | zero | weights | grads | master + moments |
 * |---|---|---|---|
 * | 0 (DDP) | full | full | full |
 * | 1 (distributed optimizer) | full | full | / N |
 * | 2 | full | / N | / N |
 * | 3 (FSDP; HSDP) | / N | / N | / N |
 *
 * N = dp·cp for dense parameters (Megatron shards the distributed optimizer over the data-and-context
 * group; torchtitan's FSDP mesh is dp_shard × cp), fsdpShardSize·cp under ZeRO-3/HSDP; for routed
 * experts N = edp, the expert-data-parallel degree (under HSDP scaled by fsdpShardSize/dp, at least 1).
 * DualPipe holds two model copies: their gradients are summed, so one reduce-scatter over N × 2
 * shards the optimizer over both copies (an assumption; the report does not describe it).
 *
 * With pipeline parallelism (pp > 1) ZeRO-2/3 keep gradients unsharded and ZeRO-3 keeps weights
 * gathered across the micro-batches of a step: DeepSpeed rejects ZeRO-2/3 with its pipeline engine,
 * Megatron's distributed optimizer is ZeRO-1, and torchtitan/`torch.distributed.pipelining` turn off
 * FSDP's reshard-after-forward and gradient sync until the last micro-batch. In memory a pipelined
 * ZeRO-2/3 is then ZeRO-1.
 *
 * The low-precision copy of each GEMM weight (FP8 recipes) is persistent only when the framework
 * caches it and the weights are not sharded (under FSDP it exists for the gathered unit only).
 */
import type { Layout } from '../layout/types.js';
import type { PipelineRank } from '../layout/stages.js';
import {
  attentionMatmulParams, attentionParams, denseFfnWidth, denseMlpParams, embeddingParams, expertParams,
  isMoeLayer, layerNormParams, mlpMatmulParams, mtpModuleParams, normParams, positionEmbeddingParams, routerParams, sharedExpertParams,
} from '../model/params.js';
import type { ModelSpec } from '../model/types.js';
import { parameterCopies } from './in-flight.js';
import type { PrecisionRecipe } from './precision.js';

/** Parameters of one GPU by class [params]. */
export interface RankParams {
  /** Non-expert parameters (after tp splitting). */
  readonly dense: number;
  /** Of which in matrix products (these get a low-precision copy under FP8 recipes). */
  readonly denseGemm: number;
  /** Routed-expert parameters on this GPU (after ep and etp splitting). */
  readonly expert: number;
  readonly expertGemm: number;
  /** The largest FSDP unit on this GPU: one layer, the embedding or the head [params]. */
  readonly largestUnit: number;
  /** The largest layer unit on this GPU [params] (0 without layers): the neighbour of any unit. */
  readonly layerUnit: number;
}

/** Whether two ranks hold the same parameters in every class (the same states under any sharding). */
export function sameRankParams(a: RankParams, b: RankParams): boolean {
  return a === b || (a.dense === b.dense && a.denseGemm === b.denseGemm && a.expert === b.expert && a.expertGemm === b.expertGemm
    && a.largestUnit === b.largestUnit && a.layerUnit === b.layerUnit);
}

/** Per-layer parameter counts on one GPU, computed once per estimate. */
export interface LayerParamCounts {
  readonly denseLayer: number;
  readonly denseLayerGemm: number;
  readonly moeLayerDense: number;
  readonly moeLayerDenseGemm: number;
  readonly moeLayerExpert: number;
  readonly moeLayerExpertGemm: number;
  readonly embedding: number;
  readonly head: number;
  readonly mtpDense: number;
  readonly mtpExpert: number;
}

/** Per-layer parameter counts of `model` on one GPU of `layout`. */
export function layerParamCounts(model: ModelSpec, layout: Pick<Layout, 'tp' | 'ep' | 'etp'>): LayerParamCounts {
  const tp = layout.tp;
  const norms = layerNormParams(model);
  const attention = attentionParams(model) / tp;
  const attentionGemm = attentionMatmulParams(model) / tp;
  const denseFfn = denseMlpParams(model, denseFfnWidth(model)) / tp;
  const moe = model.moe;
  const localExperts = moe === null ? 0 : moe.experts / layout.ep;
  const sharedGemm = moe === null ? 0 : (moe.sharedExperts * mlpMatmulParams(model, moe.sharedFfnHidden)) / tp;
  const moeLayerExpert = (localExperts * expertParams(model)) / layout.etp;
  const lastIsMoe = isMoeLayer(model, model.layers - 1);
  // MTP = 3 norms + projection [h × 2h] + one block shaped like the last layer (params.ts).
  const mtpTotal = mtpModuleParams(model);
  const mtpExpertFull = lastIsMoe && moe !== null ? moe.experts * expertParams(model) : 0;
  return {
    denseLayer: norms + attention + denseFfn,
    denseLayerGemm: attentionGemm + mlpMatmulParams(model, denseFfnWidth(model)) / tp,
    moeLayerDense: norms + attention + routerParams(model) + sharedExpertParams(model) / tp,
    moeLayerDenseGemm: attentionGemm + sharedGemm,
    moeLayerExpert,
    moeLayerExpertGemm: moe === null ? 0 : (localExperts * mlpMatmulParams(model, moe.expertFfnHidden)) / layout.etp,
    embedding: embeddingParams(model) / tp + positionEmbeddingParams(model),
    head: embeddingParams(model) / tp + normParams(model, model.hidden),
    mtpDense: (mtpTotal - mtpExpertFull) / tp,
    mtpExpert: lastIsMoe ? moeLayerExpert : 0,
  };
}

/**
 * Parameters held by one pipeline rank. The head is V·h (its own matrix, or the copy of a tied
 * embedding a rank without the embedding keeps — Megatron); MTP modules share the rank's embedding
 * and head, and a rank holding MTP without the embedding keeps a copy of it.
 */
export function countRankParams(model: ModelSpec, counts: LayerParamCounts, rank: PipelineRank): RankParams {
  let dense = 0;
  let denseGemm = 0;
  let expert = 0;
  let expertGemm = 0;
  for (const c of rank.chunks) {
    dense += c.denseLayers * counts.denseLayer + c.moeLayers * counts.moeLayerDense;
    denseGemm += c.denseLayers * counts.denseLayerGemm + c.moeLayers * counts.moeLayerDenseGemm;
    expert += c.moeLayers * counts.moeLayerExpert;
    expertGemm += c.moeLayers * counts.moeLayerExpertGemm;
    if (c.hasMtp) {
      dense += model.mtpDepth * counts.mtpDense;
      expert += model.mtpDepth * counts.mtpExpert;
    }
  }
  const needsEmbedding = rank.hasEmbedding || rank.hasMtp;
  const tiedHeadShared = model.tiedEmbeddings && rank.hasEmbedding;
  if (needsEmbedding) dense += counts.embedding;
  if (rank.hasOutputHead && !tiedHeadShared) dense += counts.head;
  const layerUnit = Math.max(
    rank.chunks.some((c) => c.denseLayers > 0) ? counts.denseLayer : 0,
    rank.chunks.some((c) => c.moeLayers > 0) ? counts.moeLayerDense + counts.moeLayerExpert : 0,
  );
  const largestUnit = Math.max(layerUnit, needsEmbedding ? counts.embedding : 0, rank.hasOutputHead ? counts.head : 0);
  return { dense, denseGemm, expert, expertGemm, largestUnit, layerUnit };
}

/** Data-parallel shard counts and which states are sharded. */
export interface Sharding {
  readonly denseShards: number;
  readonly expertShards: number;
  readonly weights: boolean;
  readonly grads: boolean;
  readonly optimizer: boolean;
  /** Extra factor on the optimizer shards (DualPipe: the two model copies). */
  readonly optimizerCopies: number;
}

/** Sharding of `layout` (see the table above). */
export function createSharding(layout: Pick<Layout, 'zero' | 'pp' | 'dp' | 'cp' | 'edp' | 'fsdpShardSize' | 'schedule'>): Sharding {
  const fsdp = layout.zero === 3;
  const denseShards = (fsdp ? layout.fsdpShardSize : layout.dp) * layout.cp;
  const expertShards = fsdp ? Math.max(1, (layout.edp * layout.fsdpShardSize) / layout.dp) : layout.edp;
  const pipelined = layout.pp > 1;
  const optimizer = layout.zero >= 1;
  return {
    denseShards, expertShards,
    weights: fsdp && !pipelined,
    grads: layout.zero >= 2 && !pipelined,
    optimizer,
    optimizerCopies: optimizer ? parameterCopies(layout) : 1,
  };
}

/** Weights, gradients and optimizer states of one GPU [bytes]. */
export interface StateBytes {
  readonly weightsBytes: number;
  readonly gradsBytes: number;
  readonly optimizerBytes: number;
}

/** Bytes of the states of `params` under `recipe` and `sharding`. */
export function stateBytes(params: RankParams, recipe: PrecisionRecipe, sharding: Sharding, fp8WeightCache: boolean): StateBytes {
  const w = sharding.weights;
  const dShard = w ? sharding.denseShards : 1;
  const eShard = w ? sharding.expertShards : 1;
  // GEMM weights: the 16-bit copy (+ a cached low-precision cast), or the low-precision copy alone.
  const gemmWorking = recipe.bf16GemmWeights ? recipe.weightBytes : recipe.gemmWeightCopyBytes;
  const gemmCache = recipe.bf16GemmWeights && fp8WeightCache && !w ? recipe.gemmWeightCopyBytes : 0;
  const denseOther = params.dense - params.denseGemm;
  const expertOther = params.expert - params.expertGemm;
  const weightsBytes =
    (denseOther * recipe.weightBytes + params.denseGemm * gemmWorking) / dShard +
    (expertOther * recipe.weightBytes + params.expertGemm * gemmWorking) / eShard +
    (params.denseGemm + params.expertGemm) * gemmCache;
  const g = sharding.grads;
  const gradsBytes = (params.dense * recipe.gradBytes) / (g ? sharding.denseShards : 1) + (params.expert * recipe.gradBytes) / (g ? sharding.expertShards : 1);
  const o = sharding.optimizer;
  const optimizerPerParam = recipe.masterBytes + recipe.momentBytes;
  const copies = sharding.optimizerCopies;
  const optimizerBytes =
    (params.dense * optimizerPerParam) / (o ? sharding.denseShards * copies : 1) +
    (params.expert * optimizerPerParam) / (o ? sharding.expertShards * copies : 1);
  return { weightsBytes, gradsBytes, optimizerBytes };
}
