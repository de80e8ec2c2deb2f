/**
 * Every rule a concrete parallel layout must satisfy, as a pure check that returns the first
 * violation (field, value, rule) or null. No exceptions, no allocation on success: the planner
 * calls it in its inner loop. `createLayout` throws the violation as an InputError.
 *
 * Degrees follow Megatron-Core: tp·cp·pp·dp = GPUs, and expert parallelism folds into the
 * tp·cp·dp ranks of one stage (etp·ep·edp = tp·cp·dp, "MoE parallel folding",
 * Megatron-Core `RankGenerator` with separate expert ranks).
 */
import type { ModelSpec } from '../model/types.js';
import { SCHEDULES } from '../schedules/registry.js';
import type { Violation as ScheduleViolation } from '../schedules/types.js';
import type { Layout } from './types.js';

/** The first broken rule: `field` is the layout field at fault (`layout.tp`). */
export interface LayoutViolation {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
}

/** A layout before its derived fields (edp, microBatches) are computed. */
export type LayoutCandidate = Omit<Layout, 'edp' | 'microBatches'>;

/** What the rules need from a scenario. */
export interface LayoutContext {
  readonly model: ModelSpec;
  readonly gpus: number;
  readonly seqLen: number;
  readonly globalBatch: number;
  /** globalBatch − the batch ramp's start [sequences]; absent without a ramp. */
  readonly rampSpan?: number;
}

function violation(field: string, value: unknown, rule: string): LayoutViolation {
  return { field, value, rule };
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value >= 1;
}

const DEGREE_FIELDS = ['tp', 'pp', 'vp', 'ep', 'etp', 'cp', 'dp', 'microBatch', 'fsdpShardSize'] as const satisfies readonly (keyof LayoutCandidate)[];
const ORDER_DIMS = ['tp', 'cp', 'ep', 'dp', 'pp'] as const;
const ZERO_STAGES: readonly number[] = [0, 1, 2, 3];
const POSITIVE_INTEGER = 'must be a positive integer';

function isPermutation(order: readonly string[]): boolean {
  if (order.length !== ORDER_DIMS.length) return false;
  for (let i = 0; i < ORDER_DIMS.length; i += 1) if (!order.includes(ORDER_DIMS[i] ?? '')) return false;
  return true;
}

function checkValues(layout: LayoutCandidate): LayoutViolation | null {
  // Indexed loops: the planner checks a candidate per grid and per sharding option.
  for (let i = 0; i < DEGREE_FIELDS.length; i += 1) {
    const field = DEGREE_FIELDS[i];
    if (field === undefined) continue;
    if (!isPositiveInteger(layout[field])) return violation(`layout.${field}`, layout[field], POSITIVE_INTEGER);
  }
  if (!ZERO_STAGES.includes(layout.zero)) return violation('layout.zero', layout.zero, 'must be 0, 1, 2 or 3');
  if (!Object.hasOwn(SCHEDULES, layout.schedule)) {
    return violation('layout.schedule', layout.schedule, `must be one of: ${Object.keys(SCHEDULES).join(', ')}`);
  }
  if (!isPermutation(layout.order)) return violation('layout.order', layout.order, `must be a permutation of ${ORDER_DIMS.join(', ')}`);
  return null;
}

/** tp·cp·pp·dp = GPUs; the message prints every factor (torchtitan ParallelDims style). */
function checkProduct(context: LayoutContext, layout: LayoutCandidate): LayoutViolation | null {
  const product = layout.tp * layout.cp * layout.pp * layout.dp;
  if (product === context.gpus) return null;
  const factors = `${layout.tp}·${layout.cp}·${layout.pp}·${layout.dp}`;
  return violation('layout', product, `tp·cp·pp·dp = ${factors} = ${product} ≠ cluster.gpus ${context.gpus}`);
}

/**
 * Tensor parallelism splits heads and FFN columns (Megatron-LM, Shoeybi et al. 2019 §3):
 * tp divides the query heads and every FFN width it shards. GQA/MQA: kvHeads divisible by tp
 * (each rank owns whole KV heads), or tp divisible by kvHeads (each KV head replicated on
 * tp/kvHeads ranks, as Megatron-Core and vLLM do for tp > kvHeads).
 */
function checkTensor(model: ModelSpec, layout: LayoutCandidate): LayoutViolation | null {
  const tp = layout.tp;
  const attention = model.attention;
  if (attention.heads % tp !== 0) return violation('layout.tp', tp, `must divide model.attention.heads ${attention.heads}`);
  if (attention.kind !== 'mla' && attention.kvHeads % tp !== 0 && tp % attention.kvHeads !== 0) {
    return violation('layout.tp', tp, `must divide model.attention.kvHeads ${attention.kvHeads} or be a multiple of it (replicated KV heads)`);
  }
  const moe = model.moe;
  const denseFfn = moe === null ? model.ffnHidden : moe.denseLayers > 0 ? moe.denseFfnHidden : null;
  if (denseFfn !== null && denseFfn % tp !== 0) return violation('layout.tp', tp, `must divide the dense FFN width ${denseFfn}`);
  if (moe !== null && moe.sharedExperts > 0 && moe.sharedFfnHidden % tp !== 0) {
    return violation('layout.tp', tp, `must divide the shared-expert FFN width ${moe.sharedFfnHidden}`);
  }
  return null;
}

/** What the expert rules read: the split and the ranks of a stage it folds into, and the placement order. */
type ExpertSplit = Pick<LayoutCandidate, 'tp' | 'cp' | 'dp' | 'ep' | 'etp' | 'order'>;

/** Expert parallelism: ep | experts, etp | expert FFN, ep·etp | tp·cp·dp (folding gives edp). */
function checkExperts(model: ModelSpec, layout: ExpertSplit): LayoutViolation | null {
  const moe = model.moe;
  if (moe === null) {
    if (layout.ep > 1) return violation('layout.ep', layout.ep, 'must be 1 for a dense model (no experts)');
    if (layout.etp > 1) return violation('layout.etp', layout.etp, 'must be 1 for a dense model (no experts)');
    return null;
  }
  if (moe.experts % layout.ep !== 0) return violation('layout.ep', layout.ep, `must divide model.moe.experts ${moe.experts}`);
  if (moe.expertFfnHidden % layout.etp !== 0) {
    return violation('layout.etp', layout.etp, `must divide model.moe.expertFfnHidden ${moe.expertFfnHidden}`);
  }
  const ranks = layout.tp * layout.cp * layout.dp;
  if (ranks % (layout.ep * layout.etp) !== 0) {
    const rule = `ep·etp = ${layout.ep}·${layout.etp} = ${layout.ep * layout.etp} must divide tp·cp·dp = ${layout.tp}·${layout.cp}·${layout.dp} = ${ranks} (MoE parallel folding)`;
    return violation('layout.ep', layout.ep, rule);
  }
  return null;
}

/**
 * Dense and expert layers number their ranks with one placement order (Megatron-Core "MoE parallel
 * folding"); both numberings must give the same pipeline groups, so the ranks placed before `pp`
 * must count the same with dense sizes {tp, cp, ep: 1, dp} and expert sizes {etp, cp: 1, ep, edp}.
 */
function checkOrderGroups(layout: ExpertSplit): LayoutViolation | null {
  const edp = (layout.tp * layout.cp * layout.dp) / (layout.ep * layout.etp);
  const { order } = layout;
  let denseRanks = 1;
  let expertRanks = 1;
  // The dims before pp in order, multiplied in place (no list or record per check).
  for (let i = 0; i < order.length && order[i] !== 'pp'; i += 1) {
    const dim = order[i];
    denseRanks *= dim === 'tp' ? layout.tp : dim === 'cp' ? layout.cp : dim === 'dp' ? layout.dp : 1;
    expertRanks *= dim === 'tp' ? layout.etp : dim === 'ep' ? layout.ep : dim === 'dp' ? edp : 1;
  }
  if (denseRanks === expertRanks) return null;
  return violation('layout.order', layout.order, `dense and expert layers must share pipeline groups: the ranks placed before pp number ${denseRanks} for dense layers and ${expertRanks} for expert layers; put pp after tp, cp, ep and dp`);
}

/**
 * Pipeline: pp ≤ layers (uneven splits allowed), then the depth rules of the schedule
 * (`Schedule.checkDepth`: interleaved chunks of equal depth, DualPipeV's 2·pp ≤ layers). Whether a
 * schedule takes vp > 1 at all is the schedule's own `check` (last in `checkLayout`).
 */
function checkPipeline(model: ModelSpec, layout: LayoutCandidate): LayoutViolation | null {
  const pp = layout.pp;
  if (pp > model.layers) return violation('layout.pp', pp, `must be at most model.layers ${model.layers} (one layer per stage at least)`);
  const broken = SCHEDULES[layout.schedule].checkDepth(layout, model);
  return broken === null ? null : violation(`layout.${broken.field}`, broken.value, broken.rule);
}

/** Context parallelism: cp | seqLen, and 2·cp | seqLen for load-balanced causal CP (Megatron-Core). */
function checkContext(context: LayoutContext, layout: LayoutCandidate): LayoutViolation | null {
  const cp = layout.cp;
  if (context.seqLen % cp !== 0) return violation('layout.cp', cp, `must divide training.seqLen ${context.seqLen}`);
  if (cp > 1 && context.seqLen % (2 * cp) !== 0) {
    return violation('layout.cp', cp, `2·cp = ${2 * cp} must divide training.seqLen ${context.seqLen} (load-balanced causal attention splits each sequence into 2·cp chunks)`);
  }
  return null;
}

/** globalBatch = dp · microBatch · microBatches; a batch ramp fills whole micro-batches. */
function checkBatch(context: LayoutContext, layout: Pick<LayoutCandidate, 'dp' | 'microBatch'>): LayoutViolation | null {
  const perStep = layout.dp * layout.microBatch;
  if (context.globalBatch % perStep !== 0) {
    const rule = `training.globalBatch ${context.globalBatch} must be divisible by dp·microBatch = ${layout.dp}·${layout.microBatch} = ${perStep}`;
    return violation('layout.microBatch', layout.microBatch, rule);
  }
  // A batch ramp grows in whole steps of dp·microBatch sequences (run/steps.ts, Megatron-LM
  // `--rampup-batch-size`), so that quantum must divide the ramp's span.
  if (context.rampSpan !== undefined && context.rampSpan % perStep !== 0) {
    const rule = `dp·microBatch = ${layout.dp}·${layout.microBatch} = ${perStep} must divide the batch ramp's span training.globalBatch − training.batchRamp.startGlobalBatch = ${context.rampSpan} (the ramp grows in whole micro-batches)`;
    return violation('layout.microBatch', layout.microBatch, rule);
  }
  return null;
}

/** ZeRO-3 shard groups divide dp (HSDP); other stages shard over all of dp. */
function checkSharding(layout: LayoutCandidate): LayoutViolation | null {
  if (layout.zero === 3 && layout.dp % layout.fsdpShardSize !== 0) {
    return violation('layout.fsdpShardSize', layout.fsdpShardSize, `must divide dp ${layout.dp} (HSDP replicates shard groups across dp)`);
  }
  if (layout.zero !== 3 && layout.fsdpShardSize !== layout.dp) {
    return violation('layout.fsdpShardSize', layout.fsdpShardSize, `applies only with zero 3 (zero is ${layout.zero})`);
  }
  return null;
}

/**
 * The first rule `layout` breaks for `context`, or null. Order: value ranges, GPU product,
 * tensor, experts, pipeline, context, batch and sharding, then the schedule's own constraints.
 */
export function checkLayout(context: LayoutContext, layout: LayoutCandidate): LayoutViolation | null {
  const found =
    checkValues(layout) ??
    checkProduct(context, layout) ??
    checkTensor(context.model, layout) ??
    checkExperts(context.model, layout) ??
    checkOrderGroups(layout) ??
    checkPipeline(context.model, layout) ??
    checkContext(context, layout) ??
    checkBatch(context, layout) ??
    checkSharding(layout);
  return found ?? checkSchedule(context, layout);
}

/** The schedule's own constraints on (pp, vp, micro-batches). */
function checkSchedule(context: LayoutContext, layout: Pick<LayoutCandidate, 'schedule' | 'pp' | 'vp' | 'dp' | 'microBatch'>): LayoutViolation | null {
  const microBatches = context.globalBatch / (layout.dp * layout.microBatch);
  const broken = SCHEDULES[layout.schedule].check({ pp: layout.pp, vp: layout.vp, microBatches });
  return broken === null ? null : fromSchedule(broken, layout, microBatches);
}

/**
 * `checkLayout` of `layout` with its expert split set to (`ep`, `etp`), given that `checkLayout`
 * accepts `layout` with ep = etp = 1: only the rules that read ep or etp can then fail (their range,
 * the experts' divisibility and folding, the placement order's pipeline groups), and they are asked
 * in `checkLayout`'s order. The planner checks the expert splits of the degrees it enumerates with this.
 */
export function checkExpertSplit(context: LayoutContext, layout: LayoutCandidate, ep: number, etp: number): LayoutViolation | null {
  if (!isPositiveInteger(ep)) return violation('layout.ep', ep, POSITIVE_INTEGER);
  if (!isPositiveInteger(etp)) return violation('layout.etp', etp, POSITIVE_INTEGER);
  const split = { tp: layout.tp, cp: layout.cp, dp: layout.dp, ep, etp, order: layout.order };
  return checkExperts(context.model, split) ?? checkOrderGroups(split);
}

/**
 * `checkLayout` of `layout` with its micro-batch size set to `microBatch`, given that `checkLayout`
 * accepts `layout` with a micro-batch size of 1: only the rules that read the micro-batch size can
 * then fail (its range, the batch and ramp divisibility, the schedule's micro-batch count; the
 * schedule's depth rules read pp and vp only), and they are asked in `checkLayout`'s order. The
 * planner checks the micro-batch sizes of a set of degrees it has admitted with this.
 */
export function checkMicroBatch(context: LayoutContext, layout: LayoutCandidate, microBatch: number): LayoutViolation | null {
  if (!isPositiveInteger(microBatch)) return violation('layout.microBatch', microBatch, POSITIVE_INTEGER);
  const sized = { schedule: layout.schedule, pp: layout.pp, vp: layout.vp, dp: layout.dp, microBatch };
  return checkBatch(context, sized) ?? checkSchedule(context, sized);
}

/** A schedule's own violation, named by the layout field a user can change. */
function fromSchedule(broken: ScheduleViolation, layout: Pick<LayoutCandidate, 'schedule' | 'microBatch'>, microBatches: number): LayoutViolation {
  const prefix = `schedule ${layout.schedule}`;
  switch (broken.field) {
    case 'pp':
    case 'vp':
      return violation(`layout.${broken.field}`, broken.value, `${prefix}: ${broken.rule}`);
    case 'layers':
      return violation('model.layers', broken.value, `${prefix}: ${broken.rule}`);
    case 'microBatches':
      return violation(
        'layout.microBatch',
        layout.microBatch,
        `${prefix}: microBatches = globalBatch / (dp·microBatch) = ${microBatches}: ${broken.rule}`,
      );
  }
}

/** Positive divisors of `n` in ascending order (the planner's candidate degrees). O(√n). */
export function divisors(n: number): number[] {
  if (!isPositiveInteger(n)) return [];
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d += 1) {
    if (n % d !== 0) continue;
    small.push(d);
    if (d * d !== n) large.push(n / d);
  }
  return small.concat(large.reverse());
}
