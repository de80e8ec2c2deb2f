/**
 * Parameters one GPU holds for a model stage, split into dense (data-parallel over dp·cp) and routed
 * expert (data-parallel over edp) parts — the input of gradient reduction and the optimizer step.
 */
import type { StageChunk } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import {
  attentionParams, denseFfnWidth, denseMlpParams, embeddingParams, expertParams, layerNormParams,
  mtpModuleParams, normParams, outputHeadParams, positionEmbeddingParams, routerParams, sharedExpertParams,
} from '../model/params.js';
import type { ModelSpec } from '../model/types.js';
import type { RankParams } from './data-parallel.js';

/** Dense parameters of one stage chunk per GPU (÷tp) and routed-expert parameters per GPU (÷ep·etp). */
export function chunkParams(model: ModelSpec, layout: Pick<Layout, 'tp' | 'ep' | 'etp'>, chunk: StageChunk): RankParams {
  const common = attentionParams(model) + layerNormParams(model);
  let dense = chunk.layers * common + chunk.denseLayers * denseMlpParams(model, denseFfnWidth(model));
  let expert = 0;
  if (model.moe !== null && chunk.moeLayers > 0) {
    dense += chunk.moeLayers * (sharedExpertParams(model) + routerParams(model));
    expert += (chunk.moeLayers * model.moe.experts * expertParams(model)) / (layout.ep * layout.etp);
  }
  if (chunk.hasEmbedding) dense += embeddingParams(model) + positionEmbeddingParams(model);
  // Tied embeddings: Megatron keeps a copy of the embedding on the last stage for the head.
  if (chunk.hasOutputHead) dense += normParams(model, model.hidden) + (model.tiedEmbeddings ? embeddingParams(model) : outputHeadParams(model));
  if (chunk.hasMtp) {
    const mtp = model.mtpDepth * mtpModuleParams(model);
    const mtpExpert = model.moe === null ? 0 : (model.mtpDepth * model.moe.experts * expertParams(model));
    dense += mtp - mtpExpert;
    expert += mtpExpert / (layout.ep * layout.etp);
  }
  return { dense: dense / layout.tp, expert };
}

export function addParams(a: RankParams, b: RankParams): RankParams {
  return { dense: a.dense + b.dense, expert: a.expert + b.expert };
}
