/**
 * Interleaved 1F1B (Megatron virtual pipeline; Narayanan et al. 2021 §2.2; Megatron
 * `forward_backward_pipelining_with_interleaving`). Rank r holds v chunks; chunk c is model stage
 * c·p + r. Each rank runs m·v forwards and m·v full backwards:
 *   - the k-th forward uses chunk floor((k mod p·v) / p) and micro-batch floor(k / (p·v))·p + (k mod p);
 *     the k-th backward uses the mirrored chunk v-1-floor((k mod p·v) / p);
 *   - warm-up forwards = min(2(p-1-r) + (v-1)·p, m·v), or all m·v when m = p (Megatron's
 *     all-warm-up case); then one forward / one backward; then the remaining backwards.
 */
import { checkBasics } from './checks.js';
import { createLoopPlacement, loopStageHolders } from './placement.js';
import type { DepthViolation, LayerCount, Op, PipelineShape, Schedule, ScheduleParams, StageOps, Violation } from './types.js';

function warmupCount(params: ScheduleParams, rank: number): number {
  const { pp, vp, microBatches } = params;
  const total = microBatches * vp;
  if (microBatches === pp) return total;
  return Math.min(2 * (pp - 1 - rank) + (vp - 1) * pp, total);
}

function chunkOp(kind: 'F' | 'B', k: number, pp: number, vp: number): Op {
  const group = pp * vp;
  const position = Math.floor((k % group) / pp);
  const chunk = kind === 'F' ? position : vp - 1 - position;
  return { kind, microBatch: Math.floor(k / group) * pp + (k % pp), chunk };
}

function rankOps(params: ScheduleParams, rank: number): Op[] {
  const { pp, vp } = params;
  const total = params.microBatches * vp;
  const warmup = warmupCount(params, rank);
  const ops: Op[] = [];
  for (let k = 0; k < warmup; k += 1) ops.push(chunkOp('F', k, pp, vp));
  for (let k = 0; k < total - warmup; k += 1) {
    ops.push(chunkOp('F', k + warmup, pp, vp));
    ops.push(chunkOp('B', k, pp, vp));
  }
  for (let k = total - warmup; k < total; k += 1) ops.push(chunkOp('B', k, pp, vp));
  return ops;
}

function check(params: ScheduleParams): Violation | null {
  const basic = checkBasics(params);
  if (basic) return basic;
  if (params.vp < 2) {
    return { field: 'vp', value: params.vp, rule: 'interleaved 1F1B needs at least 2 virtual chunks per rank (vp ≥ 2); use 1F1B for vp = 1' };
  }
  if (params.microBatches % params.pp !== 0) {
    return {
      field: 'microBatches',
      value: params.microBatches,
      rule: `interleaved 1F1B runs micro-batches in groups of pp = ${params.pp}: microBatches must be a multiple of ${params.pp} (Megatron rule)`,
    };
  }
  return null;
}

/**
 * Interleaved chunks hold equal numbers of layers (Megatron `get_num_layers_to_build`), where
 * Megatron-Core may count the embedding and the loss as one layer each and place MTP layers in
 * the last stage (`account_for_embedding_in_pipeline_split`, `account_for_loss_in_pipeline_split`;
 * Megatron-Bridge runs Llama 3.1 405B's 126 layers as 128 with PP8·VP4). So pp·vp must divide
 * the layers, or the layers + MTP layers + 2. Interleaving also needs pp > 1.
 */
function checkDepth(shape: PipelineShape, model: LayerCount): DepthViolation | null {
  const { pp, vp } = shape;
  if (vp <= 1) return null;
  if (pp === 1) return { field: 'vp', value: vp, rule: 'must be 1 without pipeline parallelism (pp = 1)' };
  const chunks = pp * vp;
  const units = model.layers + model.mtpDepth + 2;
  if (model.layers % chunks === 0 || units % chunks === 0) return null;
  const rule = `pp·vp = ${pp}·${vp} = ${chunks} must divide model.layers ${model.layers} or, counting embedding, loss and MTP as layers, ${units} (interleaved chunks of equal depth)`;
  return { field: 'vp', value: vp, rule };
}

export const interleaved: Schedule = {
  id: 'interleaved',
  name: 'Interleaved 1F1B',
  describe: 'Interleaved 1F1B: v chunks per rank, bubble divided by v, v× more p2p messages',
  bubbleBasis: 'makespan',
  parameterCopies: 1,
  virtualChunks: true,
  pairsChunks: false,
  endsOnFullBackward: true,
  microBatchesPerChunk: (microBatches) => microBatches,
  modelStages: (shape) => shape.pp * shape.vp,
  stageHolders: loopStageHolders,
  checkDepth,
  check,
  microBatchMultiple: (params) => params.pp,
  placement: (params) => createLoopPlacement(params.pp, params.vp, params.microBatches),
  buildOps(params): StageOps[] {
    return Array.from({ length: params.pp }, (_, rank) => ({ rank, ops: rankOps(params, rank) }));
  },
  /**
   * (p-1)(F+B)/v with F, B per rank-stage (Narayanan et al. 2021 §2.2); with per-chunk times
   * f = F/v, b = B/v this is (p-1)(f+b) seconds.
   */
  bubbleFormula: (params, t) => (params.pp - 1) * (t.forwardSeconds + t.backwardInputSeconds + t.backwardWeightSeconds),
  /**
   * (warm-up + 1) chunks of 1/v stage each: rank 0 holds p + (p-1)/v stage units
   * (Megatron `theoretical_memory_usage.py` interleaved penalty; Korthikanti et al. 2022).
   */
  peakInFlightBound: (params) =>
    Array.from({ length: params.pp }, (_, r) => Math.min(warmupCount(params, r) + 1, params.microBatches * params.vp) / params.vp),
  /**
   * min(2(p − 1 − r) + (v − 1)·p + 1, m·v) / v: Megatron's warm-up count + 1 in chunks of 1/v,
   * without the all-warm-up case m = p; rank 0 holds p + (p − 1)/v, factor 1 + (p − 1)/(p·v)
   * (Korthikanti et al. 2022).
   */
  inFlightMicroBatches(params, rank) {
    const { pp, vp } = params;
    return Math.min(2 * (pp - 1 - rank) + (vp - 1) * pp + 1, params.microBatches * vp) / vp;
  },
};
