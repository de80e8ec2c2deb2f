/**
 * The step pricer: what one micro-batch costs on one GPU, priced once per shape and reused by
 * everything that asks — `estimateStep`, the planner's bounds and leaves, and the analysis.
 *
 *   layer prices  per (degrees, placement order, micro-batch, recomputation, sequence parallelism,
 *                 pairing): the compute shape, each layer kind's TP / EP / CP communication, the
 *                 attention core that hides the CP ring, the pipeline p2p time
 *   stage costs   counts × layer prices: a model stage's op times for the simulator (stage-times.ts),
 *                 per (layer prices, what the stage holds)
 *   rank costs    a pipeline rank's parameters, gradient reduction, parameter gather and optimizer
 *                 (rank-costs.ts)
 *
 * Each memo table is keyed by exactly the layout fields its function reads (`*_FIELDS`, and the
 * functions take `Pick<Layout, …>` of those fields, so the checker rejects a read the key misses).
 * The scenario and the step options are fixed per pricer. Everything lives in the pricer the caller
 * holds (no module state); `README.md` says where a new cost term goes.
 */
import { createCommLinks, type CommLinks } from '../comm/links.js';
import { DENSE_GROUP_FIELDS, placeGroups, type DenseGroupPlacements, type GroupPlacement, type GroupPlacements } from '../comm/place-groups.js';
import { createComputeEstimator, type ComputeEstimator } from '../compute/compute-estimator.js';
import type { ComputeShape } from '../compute/types.js';
import { partitionStages, type StageChunk, type StagePartition } from '../layout/stages.js';
import type { Layout, ParallelDim } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import type { RankCosts } from './rank-costs.js';
import { createCompiledScheduleCache, type CompiledScheduleCache } from '../schedules/cache.js';
import type { ScheduleSimulation } from '../schedules/types.js';
import { getSchedule } from '../schedules/catalog.js';
import { dataParallelComm, type DataParallelComm, type RankParams } from './data-parallel.js';
import { layerCommSeconds, pipelineP2pSeconds, tpGatherBytesPerElement, type CommContext, type LayerComm } from './layer-comm.js';
import { frameworkOf } from '../framework/registry.js';
import { DEFAULT_STEP_OPTIONS, stepEfficiency, stepExpertLoadImbalance, stepFramework, type StepFramework, type StepOptions } from './options.js';
import { estimateStageCost, type StageCost } from './stage-times.js';
import { chunkParams } from './stage-params.js';
import { createTupleIds, EMPTY_TUPLE, extendTuple, type TupleIds } from './tuple-ids.js';

/**
 * Caches for scenarios of one model on one accelerator (the compute estimator is built for them):
 * a planner shares one across the GPU counts it searches.
 */
export interface StepContext {
  readonly estimator: ComputeEstimator;
  /** Compiled schedule programs per (schedule, pp, vp, m): building them costs more than running them. */
  readonly schedules: CompiledScheduleCache;
  /** One pricer per scenario object priced through this context. */
  readonly pricers: WeakMap<Scenario, StepPricer>;
}

export function createStepContext(scenario: Scenario, options: StepOptions = DEFAULT_STEP_OPTIONS): StepContext {
  return {
    estimator: createComputeEstimator(scenario.model, scenario.cluster.accelerator, stepEfficiency(scenario, options)),
    schedules: createCompiledScheduleCache(),
    pricers: new WeakMap(),
  };
}

export interface StepPricer {
  readonly scenario: Scenario;
  readonly options: StepOptions;
  readonly context: StepContext;
  /** The scenario's software stack with the options' overrides (`framework/`). */
  readonly framework: StepFramework;
  readonly links: CommLinks;
  readonly groups: Map<number, PlacedGroups>;
  /** The dense layers' groups per `DENSE_GROUP_FIELDS`, shared by the layouts that differ in ep or etp only. */
  readonly denseGroups: Map<number, DenseGroupPlacements>;
  /** Interned identities of names (schedules, recomputations), placement orders and group placements. */
  readonly ids: Map<string, number>;
  readonly orders: Map<readonly ParallelDim[], number>;
  /** The memo keys: ids of tuples of field values (`tuple-ids.ts`). */
  readonly keys: TupleIds;
  readonly layers: Map<number, LayerPrices>;
  /** One layer's TP, EP and CP seconds per layer shape without the pairing (they do not read the schedule). */
  readonly layerComms: Map<number, LayerCommPair>;
  readonly transfers: Map<number, number>;
  readonly stages: Map<number, StageCost>;
  readonly partitions: Map<number, StagePartition>;
  readonly ranks: Map<number, RankCosts>;
  readonly params: Map<number, RankParams>;
  /** One chunk's parameters per GPU, per (tp, ep, etp) and what the chunk holds (`heldCode`): the ranks of a pipeline hold few distinct chunks. */
  readonly chunkParams: Map<number, RankParams>;
  /** Every rank's parameters and its data-parallel costs, per partition (rank-costs.ts). */
  readonly rankParamLists: Map<number, readonly RankParams[]>;
  readonly rankCostLists: Map<number, readonly RankCosts[]>;
  /** Pipeline simulations by schedule shape and stage costs, the most recent `SIMULATIONS_KEPT` (simulate-pipeline.ts). */
  readonly simulations: Map<string, ScheduleSimulation>;
  /** Identity of each stage cost object (they are memoised, so equal prices share one). */
  readonly stageIds: WeakMap<StageCost, number>;
  /** The last key of each list of fields (`keyOf`), by the list. */
  readonly fieldKeys: Map<readonly (keyof Layout)[], RecentFieldKey>;
  /** The keys of the layouts priced last (`RecentKeys`). */
  readonly recent: RecentKeys;
}

/**
 * The keys of the layouts priced last, kept by the values of the fields each key reads: the bounds
 * and `estimateStep` ask several levels about one layout in a row, and the planner asks about runs of
 * layouts that share their groups (the grids of one set of degrees, the leaves of one skeleton) or
 * their layer fields (a paired and an unpaired schedule). Comparing a few fields costs less than
 * building a key from them.
 */
interface RecentKeys {
  /** The layout whose group fields were placed last, and its placement. */
  groupsOf: GroupShape | null;
  placed: PlacedGroups | null;
  /** The layout whose layer fields were keyed last, and `keyOf(LAYER_FIELDS)`. */
  layerFieldsOf: LayerFields | null;
  layerFields: number;
  /** `layerCommKey` of the last layer-fields key and placement (-1: not built). */
  layerCommFields: number;
  layerCommPlaced: PlacedGroups | null;
  layerComm: number;
}

type LayerFields = Pick<Layout, (typeof LAYER_FIELDS)[number]>;

/** Whether `a` and `b` hold the same values in `fields` (the field lists below own what each key reads). */
function sameFields<F extends keyof Layout>(a: Pick<Layout, F>, b: Pick<Layout, F>, fields: readonly F[]): boolean {
  for (let i = 0; i < fields.length; i += 1) {
    const f = fields[i];
    if (f !== undefined && a[f] !== b[f]) return false;
  }
  return true;
}

function newPricer(scenario: Scenario, options: StepOptions, context: StepContext): StepPricer {
  return {
    scenario, options, context, framework: stepFramework(scenario.training, options), links: createCommLinks(scenario.cluster, options.comm),
    groups: new Map(), denseGroups: new Map(), ids: new Map(), orders: new Map(), keys: createTupleIds(), layers: new Map(), layerComms: new Map(), transfers: new Map(), stages: new Map(), partitions: new Map(), ranks: new Map(), params: new Map(), chunkParams: new Map(), rankParamLists: new Map(), rankCostLists: new Map(), simulations: new Map(), stageIds: new WeakMap(), fieldKeys: new Map(),
    recent: { groupsOf: null, placed: null, layerFieldsOf: null, layerFields: -1, layerCommFields: -1, layerCommPlaced: null, layerComm: -1 },
  };
}

/** The pricer of `scenario` under `options`, kept in `context` (a fresh one for other options). */
export function stepPricer(scenario: Scenario, options: StepOptions, context: StepContext = createStepContext(scenario, options)): StepPricer {
  const known = context.pricers.get(scenario);
  if (known !== undefined && known.options === options) return known;
  const pricer = newPricer(scenario, options, context);
  if (known === undefined) context.pricers.set(scenario, pricer);
  return pricer;
}

/** A small number standing for `key` in this pricer (the same key, the same number). */
function intern(pricer: StepPricer, key: string): number {
  let id = pricer.ids.get(key);
  if (id === undefined) {
    id = pricer.ids.size;
    pricer.ids.set(key, id);
  }
  return id;
}

function orderId(pricer: StepPricer, order: readonly ParallelDim[]): number {
  let id = pricer.orders.get(order);
  if (id === undefined) {
    id = intern(pricer, order.join(','));
    pricer.orders.set(order, id);
  }
  return id;
}

/** The number standing for one field value: numbers as they are, booleans 0/1, names and orders by interned id. */
function valueCode(pricer: StepPricer, value: Layout[keyof Layout]): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return intern(pricer, value);
  return orderId(pricer, value);
}

/** The key `key` extended by `value` (memo keys are ids of tuples of numbers, `tuple-ids.ts`). */
export function extendKey(pricer: StepPricer, key: number, value: number): number {
  return extendTuple(pricer.keys, key, value);
}

/** The key `keyOf` built last for one list of fields: the values it read, its prefix, the key (-1: none yet). */
interface RecentFieldKey {
  readonly values: Layout[keyof Layout][];
  from: number;
  key: number;
}

/** Whether `layout` holds `values` in `fields` (the same values, the same key: `valueCode` is a function of the value). */
function sameValues<F extends keyof Layout>(values: readonly Layout[keyof Layout][], layout: Pick<Layout, F>, fields: readonly F[]): boolean {
  for (let i = 0; i < fields.length; i += 1) {
    const f = fields[i];
    if (f === undefined || layout[f] !== values[i]) return false;
  }
  return true;
}

/**
 * Builds a memo key from exactly the listed fields, after `from` (the empty key by default). The
 * last key of each list (by the list object: a list used after several prefixes is best declared
 * once per prefix) is kept with the values it read: a search asks about runs of layouts equal in
 * the fields of one key (the leaves of a skeleton, the grids of a set of degrees), and comparing the
 * values costs less than looking the tuple up again.
 */
export function keyOf<F extends keyof Layout>(pricer: StepPricer, layout: Pick<Layout, F>, fields: readonly F[], from = EMPTY_TUPLE): number {
  let recent = pricer.fieldKeys.get(fields);
  if (recent === undefined) {
    recent = { values: new Array<Layout[keyof Layout]>(fields.length), from: -1, key: -1 };
    pricer.fieldKeys.set(fields, recent);
  } else if (recent.from === from && sameValues(recent.values, layout, fields)) {
    return recent.key;
  }
  let key = from;
  // Indexed loops here and below: an array iterator allocates a result object per step until the
  // JIT compiles the loop, and these run for every layout a search bounds.
  for (let i = 0; i < fields.length; i += 1) {
    const f = fields[i];
    if (f === undefined) continue;
    const value = layout[f];
    recent.values[i] = value;
    key = extendTuple(pricer.keys, key, valueCode(pricer, value));
  }
  recent.from = from;
  recent.key = key;
  return key;
}

export function memo<V>(table: Map<number, V>, key: number, make: () => V): V {
  const known = table.get(key);
  if (known !== undefined) return known;
  const value = make();
  table.set(key, value);
  return value;
}

/**
 * Whether a schedule pairs the forward of one chunk with the backward of another (the Schedule
 * record's fact): the pair hides the MoE all-to-all, whose kernels take SMs from the compute.
 */
export function pairsChunks(schedule: Layout['schedule']): boolean {
  return getSchedule(schedule).pairsChunks;
}

/** Micro-batches through each chunk per step (the Schedule record's fact: DualPipe's two copies take m/2 each). */
export function microBatchesPerChunk(layout: Pick<Layout, 'schedule' | 'microBatches'>): number {
  return getSchedule(layout.schedule).microBatchesPerChunk(layout.microBatches);
}

/** Communication of a dense and of a MoE layer (`layer-comm.ts`). */
type LayerCommPair = ReturnType<typeof layerCommSeconds>;

export const GROUP_FIELDS = ['tp', 'cp', 'ep', 'etp', 'dp', 'pp', 'order'] as const;
export type GroupShape = Pick<Layout, (typeof GROUP_FIELDS)[number]>;

/** The groups of a layout and the interned placements of those one layer's communication uses. */
interface PlacedGroups {
  readonly groups: GroupPlacements;
  /** Identity of the TP, CP, EP (and ETP) placements: what layer-comm.ts reads besides the shape. */
  readonly layerKey: number;
  /** Identity of the pipeline group's placement (the p2p transfer). */
  readonly ppKey: number;
}

function placedGroups(pricer: StepPricer, layout: GroupShape): PlacedGroups {
  const { recent } = pricer;
  if (recent.placed !== null && recent.groupsOf !== null && (recent.groupsOf === layout || sameFields(recent.groupsOf, layout, GROUP_FIELDS))) return recent.placed;
  const placed = newPlacedGroups(pricer, layout);
  recent.groupsOf = layout;
  recent.placed = placed;
  return placed;
}

/** Key of the layer fields of `layout` (`LAYER_FIELDS`). */
function layerFieldsKey(pricer: StepPricer, layout: LayerFields): number {
  const { recent } = pricer;
  if (recent.layerFieldsOf !== null && (recent.layerFieldsOf === layout || sameFields(recent.layerFieldsOf, layout, LAYER_FIELDS))) return recent.layerFields;
  // The tuple of LAYER_FIELDS, built after the key of its first part (kept by `keyOf`).
  recent.layerFields = keyOf(pricer, layout, LAYER_REST_FIELDS, keyOf(pricer, layout, LAYER_DEGREE_FIELDS));
  recent.layerFieldsOf = layout;
  return recent.layerFields;
}

function newPlacedGroups(pricer: StepPricer, layout: GroupShape): PlacedGroups {
  return memo(pricer.groups, keyOf(pricer, layout, GROUP_FIELDS), () => {
    const denseKey = keyOf(pricer, layout, DENSE_GROUP_FIELDS);
    const dense = pricer.denseGroups.get(denseKey);
    const groups = placeGroups(layout, layout.order, pricer.scenario.cluster, dense);
    if (dense === undefined) pricer.denseGroups.set(denseKey, groups);
    const layerKey = extendKey(pricer, extendKey(pricer, extendKey(pricer, extendKey(pricer, EMPTY_TUPLE,
      placementId(pricer, groups.tp)), placementId(pricer, groups.cp)), placementId(pricer, groups.ep)), placementId(pricer, groups.etp));
    return { groups, layerKey, ppKey: placementId(pricer, groups.pp) };
  });
}

/** A number standing for a group's placement: the id of the tuple of its fields (equal placements, equal ids). */
function placementId(pricer: StepPricer, g: GroupPlacement): number {
  const shape = extendKey(pricer, extendKey(pricer, extendKey(pricer, EMPTY_TUPLE, g.size), g.inDomain), g.domains);
  return extendKey(pricer, extendKey(pricer, shape, intern(pricer, g.tier)), g.uniform ? 1 : 0);
}

/** Size, domains and tier of every parallel group. */
export function groupsOf(pricer: StepPricer, layout: GroupShape): GroupPlacements {
  return placedGroups(pricer, layout).groups;
}

/** The layout fields one layer's price reads, besides the placement of its groups. */
/** `LAYER_FIELDS` in two parts: the degrees (shared by the grids of one set of degrees), then the rest. */
const LAYER_DEGREE_FIELDS = ['tp', 'cp', 'ep', 'etp'] as const;
const LAYER_REST_FIELDS = ['microBatch', 'recompute', 'sequenceParallel'] as const;
export const LAYER_FIELDS = [...LAYER_DEGREE_FIELDS, ...LAYER_REST_FIELDS] as const;
export type LayerShape = Pick<Layout, (typeof LAYER_FIELDS)[number] | 'schedule'> & GroupShape;

/** What one micro-batch costs per layer on one GPU, before the layers are counted. */
export interface LayerPrices {
  readonly shape: ComputeShape;
  readonly dense: LayerComm;
  readonly moe: LayerComm;
  /** Attention-core forward of one layer [s] (hides the context-parallel ring). */
  readonly attentionForwardSeconds: number;
  readonly paired: boolean;
}

/** The per-GPU compute shape of one micro-batch under `layout`. */
export function computeShape(scenario: Scenario, layout: Pick<Layout, (typeof LAYER_FIELDS)[number] | 'schedule'>, options: StepOptions): ComputeShape {
  return pairedComputeShape(scenario, layout, options, pairsChunks(layout.schedule));
}

/** `computeShape` under a schedule that pairs chunks (`paired`) or not. */
function pairedComputeShape(scenario: Scenario, layout: LayerFields, options: StepOptions, paired: boolean): ComputeShape {
  const moeOverlap = paired && scenario.model.moe !== null && layout.ep > 1;
  const framework = frameworkOf(scenario.training);
  return {
    microBatch: layout.microBatch,
    seqLen: scenario.training.seqLen,
    tp: layout.tp,
    cp: layout.cp,
    sp: layout.sequenceParallel,
    ep: layout.ep,
    etp: layout.etp,
    precision: scenario.training.precision,
    tokensPerExpertImbalance: stepExpertLoadImbalance(scenario.training, layout.ep, options),
    recompute: layout.recompute,
    computeSmFraction: moeOverlap ? 1 - options.commSmFraction : 1,
    selectivePolicy: framework.selectiveRecompute === 'torch-op-sac' ? 'torch-op-sac' : 'modules',
    elementwiseTrafficFactor: framework.elementwiseTrafficFactor,
    attentionKernel: framework.attentionKernel,
    ...(scenario.training.documentTokens === undefined ? {} : { documentTokens: scenario.training.documentTokens }),
    ...(scenario.training.precisionScaling === undefined ? {} : { precisionScaling: scenario.training.precisionScaling }),
  };
}

/** The communication inputs of one layer of `layout` (layer-comm.ts). */
export function commContextOf(pricer: StepPricer, layout: Omit<LayerShape, 'schedule'>): CommContext {
  const { scenario, options } = pricer;
  return {
    model: scenario.model, layout, seqLen: scenario.training.seqLen, precision: scenario.training.precision,
    groups: groupsOf(pricer, layout), links: pricer.links, moeLoadImbalance: stepExpertLoadImbalance(scenario.training, layout.ep, options),
    tpGatherBytes: tpGatherBytesPerElement(scenario.training.precision, pricer.framework.profile.tpGatherInFp8),
    spBackwardRegather: pricer.framework.profile.spBackwardRegather,
  };
}

/** Key of a layer shape's communication: its fields and the placements its communication uses. */
function layerCommKey(pricer: StepPricer, layout: Omit<LayerShape, 'schedule'>): number {
  const fields = layerFieldsKey(pricer, layout);
  const placed = placedGroups(pricer, layout);
  const { recent } = pricer;
  if (recent.layerCommFields !== fields || recent.layerCommPlaced !== placed) {
    recent.layerComm = extendKey(pricer, fields, placed.layerKey);
    recent.layerCommFields = fields;
    recent.layerCommPlaced = placed;
  }
  return recent.layerComm;
}

/** Key of a layer shape: its communication key and the schedule's pairing. */
function pairedLayerKey(pricer: StepPricer, layout: Omit<LayerShape, 'schedule'>, paired: boolean): number {
  return extendKey(pricer, layerCommKey(pricer, layout), paired ? 1 : 0);
}

/**
 * TP, EP and CP seconds of a dense and a MoE layer of `layout`. The schedule's pairing changes the
 * compute (the SMs lent to the all-to-all), not the communication: a paired and an unpaired
 * schedule of one layer shape share these.
 */
function layerComms(pricer: StepPricer, layout: Omit<LayerShape, 'schedule'>): LayerCommPair {
  return memo(pricer.layerComms, layerCommKey(pricer, layout), () => layerCommSeconds(commContextOf(pricer, layout)));
}

/** Layer prices of `layout`'s shape. */
export function layerPrices(pricer: StepPricer, layout: LayerShape): LayerPrices {
  const paired = pairsChunks(layout.schedule);
  return layerPricesKeyed(pricer, layout, pairedLayerKey(pricer, layout, paired), paired);
}

function layerPricesKeyed(pricer: StepPricer, layout: Omit<LayerShape, 'schedule'>, key: number, paired: boolean): LayerPrices {
  return memo(pricer.layers, key, () => {
    const shape = pairedComputeShape(pricer.scenario, layout, pricer.options, paired);
    const { dense, moe } = layerComms(pricer, layout);
    return {
      shape, paired, dense, moe,
      // byKind.attention sums the forward (1) and the backward (2.5) of the attention core.
      attentionForwardSeconds: pricer.context.estimator.layerAttentionSeconds(0, shape) / 3.5,
    };
  });
}

/** One pipeline boundary transfer of `layout` [s]. */
export function p2pSeconds(pricer: StepPricer, layout: Omit<LayerShape, 'schedule'>): number {
  const key = extendKey(pricer, extendKey(pricer, layerFieldsKey(pricer, layout), layout.pp), placedGroups(pricer, layout).ppKey);
  return memo(pricer.transfers, key, () => pipelineP2pSeconds(commContextOf(pricer, layout)));
}

export type StageShape = LayerShape & Pick<Layout, 'zero' | 'fsdpShardSize'>;
/** A stage shape without its schedule, whose pairing is given apart (`pairedStageCost`). */
export type UnscheduledStageShape = Omit<StageShape, 'schedule'>;

/** ZeRO-3 without pipeline gathers a stage's parameters every micro-batch (data-parallel.ts). */
function perLayerGathers(layout: Pick<Layout, 'zero' | 'pp'>): boolean {
  return layout.zero === 3 && layout.pp === 1;
}

const NO_GATHERS: DataParallelComm = { gradReduceSeconds: 0, paramGatherSeconds: 0, fsdpForwardSeconds: 0, fsdpBackwardSeconds: 0 };

/** What ZeRO-3 per-layer gathers read besides the layer shape. */
const GATHER_FIELDS = [...GROUP_FIELDS, 'zero', 'fsdpShardSize'] as const;

/** Key of a stage of `layout` without what the chunk holds: its layer key `key` and, with ZeRO-3 per-layer gathers, the data-parallel groups. */
function stageKeyOf(pricer: StepPricer, layout: UnscheduledStageShape, key: number): number {
  if (!perLayerGathers(layout)) return extendKey(pricer, key, 0);
  return keyOf(pricer, layout, GATHER_FIELDS, extendKey(pricer, key, 1));
}

/** A number standing for what a chunk holds: its dense and MoE layer counts (each ≤ the model's layers) and three flags. */
export function heldCode(pricer: StepPricer, chunk: StageChunk): number {
  const flags = (chunk.hasEmbedding ? 1 : 0) + (chunk.hasOutputHead ? 2 : 0) + (chunk.hasMtp ? 4 : 0);
  return (chunk.denseLayers * (pricer.scenario.model.layers + 1) + chunk.moeLayers) * 8 + flags;
}

function stageCostKeyed(pricer: StepPricer, layout: UnscheduledStageShape, chunk: StageChunk, layer: number, stage: number, paired: boolean): StageCost {
  return stageCostHeld(pricer, layout, chunk, layer, stage, paired, heldCode(pricer, chunk));
}

/** `stageCostKeyed` with the chunk's `heldCode` given. */
function stageCostHeld(pricer: StepPricer, layout: UnscheduledStageShape, chunk: StageChunk, layer: number, stage: number, paired: boolean, held: number): StageCost {
  const key = extendKey(pricer, stage, held);
  const known = pricer.stages.get(key);
  if (known !== undefined) return known;
  const cost = newStageCost(pricer, layout, chunk, layer, paired);
  pricer.stages.set(key, cost);
  return cost;
}

function newStageCost(pricer: StepPricer, layout: UnscheduledStageShape, chunk: StageChunk, layer: number, paired: boolean): StageCost {
  const prices = layerPricesKeyed(pricer, layout, layer, paired);
  const { scenario } = pricer;
  const fsdp = perLayerGathers(layout)
    ? dataParallelComm(chunkParams(scenario.model, layout, chunk), groupsOf(pricer, layout), layout, pricer.links.collective, pricer.framework.gradReduceBytes)
    : NO_GATHERS;
  return estimateStageCost({
    chunk, estimator: pricer.context.estimator, shape: prices.shape, dense: prices.dense, moe: prices.moe,
    attentionForwardSeconds: prices.attentionForwardSeconds, fsdp, framework: pricer.framework, pairedSchedule: prices.paired,
  });
}

/** Cost of one model stage per micro-batch: the layer prices times what the chunk holds. */
export function stageCost(pricer: StepPricer, layout: StageShape, chunk: StageChunk): StageCost {
  const paired = pairsChunks(layout.schedule);
  const layer = pairedLayerKey(pricer, layout, paired);
  return stageCostKeyed(pricer, layout, chunk, layer, stageKeyOf(pricer, layout, layer), paired);
}

/**
 * The key of `stageCost` under any schedule that pairs chunks (`paired`) or under any that does
 * not (the price reads only the pairing of the schedule, so one layout object stands for both
 * kinds): equal keys, equal costs. A caller that reads a few numbers of many stage costs, each
 * asked about a few times (the planner's grid bound: the whole model at every layer shape), keeps
 * those numbers under this key and prices a miss with `unkeptStageCost`, so that the pricer keeps
 * no cost object for them.
 */
export function pairedStageKey(pricer: StepPricer, layout: UnscheduledStageShape, chunk: StageChunk, paired: boolean): number {
  const layer = pairedLayerKey(pricer, layout, paired);
  return extendKey(pricer, stageKeyOf(pricer, layout, layer), heldCode(pricer, chunk));
}

/** The cost of `pairedStageKey`, priced as `stageCost` prices it but not kept in the pricer (its layer prices are). */
export function unkeptStageCost(pricer: StepPricer, layout: UnscheduledStageShape, chunk: StageChunk, paired: boolean): StageCost {
  return newStageCost(pricer, layout, chunk, pairedLayerKey(pricer, layout, paired), paired);
}

/** A small number standing for one stage cost object of this pricer. */
export function stageCostId(pricer: StepPricer, cost: StageCost): number {
  let id = pricer.stageIds.get(cost);
  if (id === undefined) {
    id = pricer.ids.size;
    pricer.ids.set(`stage#${id}`, id);
    pricer.stageIds.set(cost, id);
  }
  return id;
}

/** What the partition of the model stages on pipeline ranks reads. */
export const PARTITION_FIELDS = ['schedule', 'pp', 'vp'] as const;

/** Model stages on pipeline ranks (layout/stages.ts), per (schedule, pp, vp). */
export function partitionOf(pricer: StepPricer, layout: Pick<Layout, 'schedule' | 'pp' | 'vp'>): StagePartition {
  return memo(pricer.partitions, keyOf(pricer, layout, PARTITION_FIELDS), () => partitionStages(pricer.scenario.model, layout));
}

/** One cost per model stage of `layout` (DualPipe holds each stage twice; both copies price the same). */
export function stageCosts(pricer: StepPricer, layout: StageShape & Pick<Layout, 'vp'>): readonly StageCost[] {
  const partition = partitionOf(pricer, layout);
  const costs = new Array<StageCost>(partition.modelStages);
  const paired = pairsChunks(layout.schedule);
  const layer = pairedLayerKey(pricer, layout, paired);
  const stage = stageKeyOf(pricer, layout, layer);
  const { ranks } = partition;
  // A pipeline's chunks hold few distinct sets of layers (the middle ranks all the same; a V-shaped
  // schedule alternates two): the costs found so far are reused without a lookup.
  const heldSeen: number[] = [];
  const costSeen: StageCost[] = [];
  for (let r = 0; r < ranks.length; r += 1) {
    const chunks = ranks[r]?.chunks ?? [];
    for (let c = 0; c < chunks.length; c += 1) {
      const chunk = chunks[c];
      if (chunk === undefined || costs[chunk.modelStage] !== undefined) continue;
      const held = heldCode(pricer, chunk);
      const seen = heldSeen.indexOf(held);
      let cost = costSeen[seen];
      if (cost === undefined) {
        cost = stageCostHeld(pricer, layout, chunk, layer, stage, paired, held);
        heldSeen.push(held);
        costSeen.push(cost);
      }
      costs[chunk.modelStage] = cost;
    }
  }
  return costs;
}
