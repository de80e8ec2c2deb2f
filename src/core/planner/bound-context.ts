/**
 * What the planner's bounds and leaves share per GPU count: the step pricer of that scenario
 * (step/pricer.ts: layer, stage and rank prices, memoised per shape) and the schedules' stage→rank
 * routes. The bounds take every price from the pricer and never re-derive one.
 */
import type { StageChunk } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import { SCHEDULES } from '../schedules/registry.js';
import type { Placement } from '../schedules/types.js';
import type { StepOptions } from '../step/options.js';
import { RANK_SUM_SLOTS } from '../step/rank-sums.js';
import { keyOf, PARTITION_FIELDS, stepPricer, type StepContext, type StepPricer } from '../step/pricer.js';
import { reserveTuples } from '../step/tuple-ids.js';

export interface BoundContext {
  readonly scenario: Scenario;
  readonly options: StepOptions;
  readonly pricer: StepPricer;
  /** Each schedule's routes per (schedule, pp, vp), by the pricer's key of those fields. */
  readonly placements: Map<number, Placement>;
  /** The whole model as one chunk (what every micro-batch passes through once): the grid bound's stage. */
  readonly wholeModel: StageChunk;
  /** What a micro-batch keeps the GPUs busy in the whole model per layer shape (bound.ts `busySeconds`), by `pairedStageKey` [s]. */
  readonly busySeconds: Map<number, number>;
  /** Scratch arrays of the pipeline bound (`scratchEnds`), grown to the deepest pipeline bounded. */
  ends: PipelineEnds;
  /** Scratch of the pipeline bound's rank sums (`scratchSums`): `RANK_SUM_SLOTS` per distinct rank, and the chunks each was summed for. */
  sums: Float64Array;
  readonly summedChunks: (readonly StageChunk[])[];
}

/** Earliest start and backward tail per pipeline rank [s] (the first pp entries of each array). */
export interface PipelineEnds {
  readonly start: Float64Array;
  readonly suffix: Float64Array;
}

/** The context's scratch arrays with room for `pp` ranks (their contents last until the next call). */
export function scratchEnds(bc: BoundContext, pp: number): PipelineEnds {
  if (bc.ends.start.length < pp) bc.ends = { start: new Float64Array(pp), suffix: new Float64Array(pp) };
  return bc.ends;
}

/** The context's rank-sum scratch with room for `ranks` ranks' sums (`RANK_SUM_SLOTS` each), its chunk list emptied. */
export function scratchSums(bc: BoundContext, ranks: number): Float64Array {
  if (bc.sums.length < ranks * RANK_SUM_SLOTS) bc.sums = new Float64Array(ranks * RANK_SUM_SLOTS);
  bc.summedChunks.length = 0;
  return bc.sums;
}

/** Tuple ids a search's pricer is reserved for (`reserveTuples`): the plan of GPT-3 175B keys ~7 k, DeepSeek-V3 ~42 k. */
const SEARCH_TUPLES = 1 << 14;

export function createBoundContext(scenario: Scenario, options: StepOptions, step: StepContext): BoundContext {
  const pricer = stepPricer(scenario, options, step);
  reserveTuples(pricer.keys, SEARCH_TUPLES);
  return { scenario, options, pricer, placements: new Map(), wholeModel: wholeModelOf(scenario), busySeconds: new Map(),
    ends: { start: new Float64Array(0), suffix: new Float64Array(0) }, sums: new Float64Array(0), summedChunks: [],
  };
}

function wholeModelOf(scenario: Scenario): StageChunk {
  const { model } = scenario;
  const denseLayers = model.moe === null ? model.layers : Math.min(model.layers, model.moe.denseLayers);
  return {
    chunk: 0, modelStage: 0, firstLayer: 0, layers: model.layers, denseLayers, moeLayers: model.layers - denseLayers,
    hasEmbedding: true, hasOutputHead: true, hasMtp: model.mtpDepth > 0,
  };
}

export function placementOf(bc: BoundContext, layout: Pick<Layout, 'schedule' | 'pp' | 'vp'>): Placement {
  const key = keyOf(bc.pricer, layout, PARTITION_FIELDS);
  const known = bc.placements.get(key);
  if (known !== undefined) return known;
  // Routes do not depend on the micro-batch count; 2·pp is accepted by every schedule.
  const placement = SCHEDULES[layout.schedule].placement({ pp: layout.pp, vp: layout.vp, microBatches: 2 * layout.pp });
  bc.placements.set(key, placement);
  return placement;
}
