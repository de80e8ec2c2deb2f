/**
 * `estimateMemory`: will it fit? Per pipeline rank, the bytes of one GPU, in a fixed order:
 *   1. which layers, embedding, head and MTP the rank holds (`layout/stages.ts`);
 *   2. its parameters by class and their states under the precision recipe and ZeRO stage (`states.ts`);
 *   3. stored activations of one micro-batch through its layers × micro-batches in flight
 *      (`activations.ts`, `in-flight.ts`), plus the output layer's for the micro-batch at the loss;
 *   4. communication buffers, the largest temporary, fragmentation and the runtime reserve (`buffers.ts`);
 *   5. the verdict against the accelerator's HBM.
 * Arithmetic over a handful of records: no per-layer loops; the planner calls `peakMemoryBytes`.
 * A layout that cannot fit still gets a report (`fits: false`, `overByBytes`); nothing throws for it.
 */
import { frameworkOf } from '../framework/registry.js';
import { defaultSelectiveModules } from '../compute/shape.js';
import { InputError } from '../errors.js';
import { divisors } from '../layout/check-layout.js';
import { partitionStages, type PipelineRank, type StagePartition } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { embeddingParams, isMoeLayer } from '../model/params.js';
import type { Scenario } from '../scenario/types.js';
import { SCHEDULES } from '../schedules/registry.js';
import type { LayerActivation, SelectivePolicy } from './activations.js';
import { layerActivationOf, paramCountsOf, partitionOf, rankParamsOf, type MemoryCache } from './memory-cache.js';
import { commBufferBytes, DEFAULT_BUFFER_ASSUMPTIONS, estimateBuffers, tempBufferBytes, totalBufferBytes, type BufferAssumptions } from './buffers.js';
import { residentGradientBytes, type GradientLifetime } from './gradient-lifetime.js';
import { inFlightMicroBatches } from './in-flight.js';
import { lossSavedBytesPerLogit, lossSavedGradientBytes, lossTransientBytesPerLogit, type LossKernel } from './loss-kernel.js';
import {
  embeddingActivationBytes, mtpExtraActivationBytes, outputLayerActivationBytes, routedCopies, type ActivationShape,
} from './layer-tensors.js';
import { fp32GradientCopyBytes, optimizerStepExtraBytes, type OptimizerImplementation } from './optimizer-step.js';
import { paramDtypeOptimizerRecipe, precisionRecipe, withColumnwiseWeightCopy, type PrecisionRecipe } from './precision.js';
import type { ZeroBuckets } from './zero-buckets.js';
import { countRankParams, createSharding, sameRankParams, stateBytes, type LayerParamCounts, type RankParams, type Sharding } from './states.js';
import { FIT_HEADROOM_FRACTION, type EstimateMemoryOptions, type MemoryEstimate, type StageMemory } from './types.js';

/**
 * Everything shared by the ranks of one layout that its sharding (ZeRO stage, FSDP shard size) does
 * not change: the planner evaluates several shardings of one layout on one of these.
 */
interface LayoutMemory {
  readonly scenario: Scenario;
  readonly layout: Layout;
  /** The precision recipe before the optimizer options (its weight and activation bytes are final). */
  readonly baseRecipe: PrecisionRecipe;
  readonly options: EstimateMemoryOptions;
  readonly counts: LayerParamCounts;
  readonly shape: ActivationShape;
  readonly dense: LayerActivation;
  readonly moe: LayerActivation | null;
  /** The block of an MTP module (shaped like the last layer). */
  readonly mtp: LayerActivation;
  readonly partition: StagePartition;
  readonly buffers: BufferAssumptions;
  readonly fp8WeightCache: boolean;
  readonly gradientLifetime: GradientLifetime;
  readonly lossKernel: LossKernel;
  readonly retainedOutputBytesPerLogit: number;
  readonly heldOutputBytesPerLogit: number;
  readonly optimizerImplementation: OptimizerImplementation;
  readonly zeroBuckets: ZeroBuckets | null;
  readonly capacityBytes: number;
  /** Capacity less the fit headroom. */
  readonly usableBytes: number;
}

/** What the sharding sets: the recipe (gradients may take the parameters' dtype) and the shards. */
interface ShardingMemory {
  readonly recipe: PrecisionRecipe;
  readonly sharding: Sharding;
}

/** What one pipeline rank's memory does not read from the sharding. */
interface RankBase {
  readonly rank: PipelineRank;
  readonly params: RankParams;
  readonly inFlight: number;
  readonly activationsBytes: number;
  readonly routedCopies: number;
  readonly layerWorkingBytes: number;
  readonly largestModuleParams: number;
}

function selectivePolicy(scenario: Scenario, options: EstimateMemoryOptions): SelectivePolicy {
  const policy = options.selectivePolicy ?? (frameworkOf(scenario.training).selectiveRecompute === 'torch-op-sac' ? 'torch-op-sac' : 'modules');
  if (policy === 'torch-op-sac') return { kind: 'torch-op-sac' };
  return { kind: 'modules', modules: options.recomputeModules ?? defaultSelectiveModules(scenario.training.precision) };
}

function activationShape(scenario: Scenario, layout: Layout, recipe: PrecisionRecipe, options: EstimateMemoryOptions): ActivationShape {
  // The step prices the busiest rank of each MoE layer (`training/expert-load.ts`, prior 1.25): every
  // layer's all-to-all waits for it. Memory does not take that prior: a rank's stashed activations sum
  // over every layer of its stage and every micro-batch in flight, each routed independently, so the
  // busiest rank of one layer is rarely the busiest of the next and the per-rank sum sits near the
  // mean (a sum of n independent loads spreads as 1/√n). A scenario's explicit imbalance still applies.
  const expertLoadFactor = options.expertLoadFactor ?? scenario.training.expertLoadImbalance ?? 1;
  if (!(expertLoadFactor >= 1)) throw new InputError('memory.expertLoadFactor', expertLoadFactor, 'must be at least 1 (1 = uniform routing)');
  return {
    tokens: (layout.microBatch * scenario.training.seqLen) / layout.cp,
    seqLen: scenario.training.seqLen,
    tp: layout.tp,
    sequenceParallel: layout.sequenceParallel && layout.tp > 1,
    etp: layout.etp,
    flashAttention: options.flashAttention ?? true,
    dropout: options.dropout ?? false,
    linearInputBytes: recipe.cachedLinearInputBytes,
    expertLoadFactor,
    eagerElementwise: options.eagerElementwise ?? false,
  };
}

/**
 * Gradients in the parameters' 16-bit dtype: the option, else the framework's accumulation dtype for
 * ZeRO-sharded gradients (`framework/` `gradAccumDtype`; DeepSpeed: `param`).
 */
function gradientOnParamDtype(scenario: Scenario, layout: Pick<Layout, 'zero'>, options: EstimateMemoryOptions): boolean {
  return options.gradientOnParamDtype ?? (layout.zero >= 1 && frameworkOf(scenario.training).gradAccumDtype === 'param');
}

/** The optimizer steps the 16-bit parameters themselves: the option, else the framework's `optimizerDtype` (torchtune: `param`). */
function optimizerOnParamDtype(scenario: Scenario, options: EstimateMemoryOptions): boolean {
  return options.optimizerOnParamDtype ?? frameworkOf(scenario.training).optimizerDtype === 'param';
}

/** The precision recipe with the optimizer options applied (`EstimateMemoryOptions`). */
function optimizerRecipe(base: PrecisionRecipe, options: EstimateMemoryOptions, onParamDtypeGradients: boolean, onParamDtypeOptimizer: boolean): PrecisionRecipe {
  const gradients = onParamDtypeGradients ? { gradBytes: base.weightBytes } : {};
  const onParamDtype = onParamDtypeOptimizer ? paramDtypeOptimizerRecipe(base) : {};
  const moments = options.momentBytes === undefined ? {} : { momentBytes: options.momentBytes };
  return { ...base, ...gradients, ...onParamDtype, ...moments };
}

function createLayoutMemory(scenario: Scenario, layout: Layout, options: EstimateMemoryOptions, cache?: MemoryCache): LayoutMemory {
  const model = scenario.model;
  const published = precisionRecipe(scenario.training.precision);
  const baseRecipe = options.fp8ColumnwiseWeightCopy === true ? withColumnwiseWeightCopy(published) : published;
  const lossKernel = options.lossKernel ?? 'eager';
  const buffers = { ...DEFAULT_BUFFER_ASSUMPTIONS, ...options.buffers };
  const shape = activationShape(scenario, layout, baseRecipe, options);
  const policy = selectivePolicy(scenario, options);
  const dense = layerActivationOf(cache, model, false, shape, layout.recompute, policy);
  const moe = model.moe === null ? null : layerActivationOf(cache, model, true, shape, layout.recompute, policy);
  return {
    scenario, layout, baseRecipe, options, shape, dense, moe,
    counts: paramCountsOf(cache, model, layout),
    mtp: isMoeLayer(model, model.layers - 1) && moe !== null ? moe : dense,
    partition: options.stageLayers === undefined ? partitionOf(cache, model, layout) : partitionStages(model, layout, { stageLayers: options.stageLayers }),
    buffers: { ...buffers, lossTemporaryBytesPerLogit: lossTransientBytesPerLogit(lossKernel, buffers.lossTemporaryBytesPerLogit) },
    fp8WeightCache: options.fp8WeightCache ?? true,
    gradientLifetime: options.gradientLifetime ?? 'step',
    lossKernel,
    retainedOutputBytesPerLogit: options.retainedOutputBytesPerLogit ?? 0,
    heldOutputBytesPerLogit: options.heldOutputBytesPerLogit ?? 0,
    optimizerImplementation: options.optimizerImplementation ?? 'fused',
    zeroBuckets: options.zeroBuckets ?? null,
    capacityBytes: scenario.cluster.accelerator.hbmBytes,
    usableBytes: usableHbmBytes(scenario.cluster.accelerator.hbmBytes, options.headroomFraction),
  };
}

/** What the sharding's recipe and shards read of a layout. */
type ShardedFields = Pick<Layout, 'zero' | 'fsdpShardSize' | 'pp' | 'dp' | 'cp' | 'edp' | 'schedule'>;

/** The recipe and shards of `layout`'s sharding (`layout` differs from the base's in zero and fsdpShardSize at most). */
function shardingMemory(base: LayoutMemory, layout: ShardedFields): ShardingMemory {
  const recipe = optimizerRecipe(
    base.baseRecipe, base.options, gradientOnParamDtype(base.scenario, layout, base.options), optimizerOnParamDtype(base.scenario, base.options),
  );
  return { recipe, sharding: createSharding(layout) };
}

/** HBM a layout may fill: capacity less the fit headroom (FIT_HEADROOM_FRACTION unless given) [bytes]. */
export function usableHbmBytes(capacityBytes: number, headroomFraction = FIT_HEADROOM_FRACTION): number {
  return (1 - headroomFraction) * capacityBytes;
}

/** Stored activations of one micro-batch through all of a rank's chunks [bytes]. */
function perMicroBatchBytes(ctx: LayoutMemory, rank: PipelineRank): number {
  const model = ctx.scenario.model;
  let bytes = 0;
  for (const c of rank.chunks) {
    bytes += c.denseLayers * ctx.dense.storedBytes + c.moeLayers * (ctx.moe?.storedBytes ?? 0);
    if (c.hasEmbedding) bytes += embeddingActivationBytes(model, ctx.shape);
    if (c.hasMtp) bytes += model.mtpDepth * (ctx.mtp.storedBytes + mtpExtraActivationBytes(model, ctx.shape));
  }
  return bytes;
}

/** Largest backward working set among the layer kinds the rank holds [bytes]. */
function layerWorkingBytes(ctx: LayoutMemory, rank: PipelineRank): number {
  let working = 0;
  for (const c of rank.chunks) {
    if (c.denseLayers > 0) working = Math.max(working, ctx.dense.workingBytes);
    if (c.moeLayers > 0) working = Math.max(working, ctx.moe?.workingBytes ?? 0);
    if (c.hasMtp) working = Math.max(working, ctx.mtp.workingBytes);
  }
  return working;
}

/** The largest single module of the rank: embedding, head, or one Linear of a layer (h × the widest of FFN and query) [params]. */
function largestModuleParams(ctx: LayoutMemory, rank: PipelineRank): number {
  const model = ctx.scenario.model;
  const a = model.attention;
  const query = a.kind === 'mla' ? a.heads * (a.qkNopeHeadDim + a.qkRopeHeadDim) : a.heads * a.headDim;
  const linear = (model.hidden * Math.max(model.ffnHidden, query)) / ctx.layout.tp;
  return Math.max(linear, rank.hasEmbedding || rank.hasMtp ? ctx.counts.embedding : 0, rank.hasOutputHead ? ctx.counts.head : 0);
}

/**
 * Model outputs kept on the last stage beyond the loss [bytes]: a pipeline runtime's for all
 * micro-batches of the step (pp > 1, `retainedOutputBytesPerLogit`), or the training loop's for the
 * running micro-batch (`heldOutputBytesPerLogit`); the runtime's are what the loop holds, so the larger counts.
 */
function retainedOutputBytes(ctx: LayoutMemory, rank: PipelineRank): number {
  if (!rank.hasOutputHead) return 0;
  const logits = (ctx.shape.tokens * ctx.scenario.model.vocab) / ctx.layout.tp;
  const pipelined = ctx.layout.pp > 1 ? ctx.layout.microBatches * ctx.retainedOutputBytesPerLogit : 0;
  return logits * Math.max(pipelined, ctx.heldOutputBytesPerLogit);
}

/** The terms of one GPU's memory on a pipeline rank: what its record reports and what its peak sums. */
interface RankTerms {
  readonly states: ReturnType<typeof stateBytes>;
  readonly gradsBytes: number;
  readonly activationsBytes: number;
  readonly inFlight: number;
  readonly buffers: ReturnType<typeof estimateBuffers>;
  readonly buffersBytes: number;
  readonly totalBytes: number;
}

/**
 * Whether two ranks hold alike what `rankBase` reads of them besides the in-flight micro-batches:
 * the embedding, output head and MTP flags and, chunk by chunk in order, the layer counts and flags.
 */
function sameHeld(a: PipelineRank, b: PipelineRank): boolean {
  if (a.hasEmbedding !== b.hasEmbedding || a.hasOutputHead !== b.hasOutputHead || a.hasMtp !== b.hasMtp || a.chunks.length !== b.chunks.length) return false;
  for (let k = 0; k < a.chunks.length; k += 1) {
    const x = a.chunks[k];
    const y = b.chunks[k];
    if (x === undefined || y === undefined) return false;
    if (x.denseLayers !== y.denseLayers || x.moeLayers !== y.moeLayers || x.hasEmbedding !== y.hasEmbedding || x.hasMtp !== y.hasMtp) return false;
  }
  return true;
}

/**
 * `rankBase` of every rank of the partition: a rank holding alike (`sameHeld`) with as many
 * micro-batches in flight as an earlier one takes that rank's terms (the middle ranks of a deep
 * pipeline; every rank of a schedule that keeps as many micro-batches in flight on each).
 * `firstSame[i]` is such an earlier rank when it also holds the same parameters (the same terms
 * under every sharding: the same total, so a peak sums it once), else i.
 */
function rankBases(ctx: LayoutMemory, ranks: readonly PipelineRank[], paramsOf: (i: number) => RankParams): { bases: RankBase[]; firstSame: Int32Array } {
  const bases: RankBase[] = [];
  const firstSame = new Int32Array(ranks.length);
  for (let i = 0; i < ranks.length; i += 1) {
    const rank = ranks[i];
    firstSame[i] = i;
    if (rank === undefined) continue;
    const params = paramsOf(i);
    const inFlight = inFlightMicroBatches(ctx.layout, rank.rank);
    let base: RankBase | undefined;
    for (let j = 0; j < bases.length && base === undefined; j += 1) {
      const other = bases[j];
      if (other === undefined || other.inFlight !== inFlight || !sameHeld(other.rank, rank)) continue;
      base = { ...other, rank, params };
      if (sameRankParams(other.params, params)) firstSame[i] = j;
    }
    bases.push(base ?? rankBase(ctx, rank, params, inFlight));
  }
  return { bases, firstSame };
}

/** The terms of pipeline rank `rank` that the sharding does not change. */
function rankBase(ctx: LayoutMemory, rank: PipelineRank, params: RankParams, inFlight = inFlightMicroBatches(ctx.layout, rank.rank)): RankBase {
  const { scenario, layout, shape } = ctx;
  const model = scenario.model;
  const outputLayer = rank.hasOutputHead
    ? (1 + model.mtpDepth) * outputLayerActivationBytes(model, shape, lossSavedBytesPerLogit(ctx.lossKernel))
      + lossSavedGradientBytes(ctx.lossKernel, embeddingParams(model) / layout.tp, ctx.baseRecipe.weightBytes, shape.tokens, model.hidden)
    : 0;
  const activationsBytes = inFlight * perMicroBatchBytes(ctx, rank) + outputLayer + retainedOutputBytes(ctx, rank);
  return {
    rank, params, inFlight, activationsBytes,
    routedCopies: rank.chunks.some((c) => c.moeLayers > 0 || c.hasMtp) ? routedCopies(model, shape) : 0,
    layerWorkingBytes: layerWorkingBytes(ctx, rank), largestModuleParams: largestModuleParams(ctx, rank),
  };
}

/** Memory terms of one GPU of pipeline rank `r.rank` under a sharding, summed to its total. */
function rankTerms(ctx: LayoutMemory, shard: ShardingMemory, r: RankBase): RankTerms {
  const { scenario, layout, shape } = ctx;
  const { recipe, sharding } = shard;
  const model = scenario.model;
  const { params, inFlight, activationsBytes } = r;
  const states = stateBytes(params, recipe, sharding, ctx.fp8WeightCache);
  const sharded = sharding.denseShards > 1;
  const bufferInputs = {
    tokens: shape.tokens, hidden: model.hidden, vocab: model.vocab, tp: layout.tp, sequenceParallel: shape.sequenceParallel,
    pp: layout.pp, routedCopies: r.routedCopies,
    gatherUnitParams: sharding.weights && sharded ? params.largestUnit : 0,
    prefetchUnitParams: params.layerUnit > 0 ? params.layerUnit : params.largestUnit,
    gradUnitParams: sharding.grads && sharded ? params.largestUnit : 0, weightBytes: recipe.weightBytes, gradBytes: recipe.gradBytes,
    hasOutputHead: r.rank.hasOutputHead, layerWorkingBytes: r.layerWorkingBytes,
    zeroBuckets: ctx.zeroBuckets, largestModuleParams: r.largestModuleParams,
  };
  // Gradients resident at the peak (`gradient-lifetime.ts`); one unit's are largestUnit × grad bytes.
  const transientBytes = activationsBytes + tempBufferBytes(bufferInputs, ctx.buffers);
  const gradsBytes = residentGradientBytes(ctx.gradientLifetime, states.gradsBytes, params.largestUnit * recipe.gradBytes, transientBytes, layout.microBatches);
  const stepExtraBytes = optimizerStepExtraBytes({
    implementation: ctx.optimizerImplementation, optimizerBytes: states.optimizerBytes,
    momentBytesPerParam: recipe.momentBytes, masterBytesPerParam: recipe.masterBytes,
    // A step fused into the backward never holds every gradient at once.
    stepGradBytes: ctx.gradientLifetime === 'fused-step' ? gradsBytes : states.gradsBytes, residentGradBytes: gradsBytes,
    // The copy covers the parameters this GPU updates: its master partition.
    gradientCopyBytes: fp32GradientCopyBytes(
      states.optimizerBytes / (recipe.masterBytes + recipe.momentBytes || 1), recipe.gradBytes, recipe.masterBytes,
      sharding.weights && ctx.zeroBuckets !== null ? ctx.zeroBuckets.subGroupParams : Infinity,
    ),
    activationsBytes, commBytes: commBufferBytes(bufferInputs, ctx.buffers),
  });
  const buffers = estimateBuffers(bufferInputs, ctx.buffers, states.weightsBytes + gradsBytes + states.optimizerBytes + activationsBytes, stepExtraBytes);
  const buffersBytes = totalBufferBytes(buffers);
  const totalBytes = states.weightsBytes + gradsBytes + states.optimizerBytes + activationsBytes + buffersBytes;
  return { states, gradsBytes, activationsBytes, inFlight, buffers, buffersBytes, totalBytes };
}

/** Memory record of one GPU of pipeline rank `rank`. */
function estimateRank(ctx: LayoutMemory, shard: ShardingMemory, rank: PipelineRank, params: RankParams): StageMemory {
  const { states, gradsBytes, activationsBytes, inFlight, buffers, buffersBytes, totalBytes } = rankTerms(ctx, shard, rankBase(ctx, rank, params));
  const headroomBytes = ctx.capacityBytes - totalBytes;
  return {
    stage: rank.rank, modelStages: rank.chunks.map((c) => c.modelStage), layers: rank.layers,
    hasEmbedding: rank.hasEmbedding, hasOutputHead: rank.hasOutputHead, hasMtp: rank.hasMtp,
    ...states, gradsBytes, activationsBytes, inFlightMicroBatches: inFlight, buffersBytes, buffers, totalBytes,
    capacityBytes: ctx.capacityBytes, headroomBytes, fits: totalBytes <= ctx.usableBytes,
  };
}

/** The peak of one layout under several shardings, sharing what the sharding does not change. */
export interface ShardingPeaks {
  /**
   * Peak bytes per GPU of the layout with `sharding`'s ZeRO stage and FSDP shard size
   * (`peakMemoryBytes` of that layout, bit for bit); `activationsBytes[i]` receives the stored
   * activations of the i-th rank of the partition when given.
   */
  peakBytes(sharding: Pick<Layout, 'zero' | 'fsdpShardSize'>, activationsBytes?: number[]): number;
  /** Each pipeline rank's parameters, in partition order (the sharding does not change them). */
  rankParams(): readonly RankParams[];
  /**
   * The ranks (partition indices) whose terms no earlier rank shares: every other rank has the
   * parameters and stored activations of one of them (the same states and peak under any sharding).
   */
  distinctRanks(): readonly number[];
}

/**
 * `peakMemoryBytes` of `layout` and of the layouts that differ from it only in the sharding (zero,
 * fsdpShardSize): the partition, activation shapes and each rank's parameters and activations are
 * built once. A `cache` (`memory-cache.ts`) shares partitions and layer activations between layouts.
 */
export function createShardingPeaks(scenario: Scenario, layout: Layout, options: EstimateMemoryOptions = {}, cache?: MemoryCache): ShardingPeaks {
  const ctx = createLayoutMemory(scenario, layout, options, cache);
  let bases: RankBase[] | null = null;
  /** Per rank, an earlier rank with the same terms, else itself (`rankBases`). */
  let firstSame: Int32Array | null = null;
  const ranks = (): RankBase[] => {
    if (bases === null) {
      const params = rankParamsOf(cache, scenario.model, ctx.counts, ctx.partition);
      const { ranks: partitionRanks } = ctx.partition;
      const built = rankBases(ctx, partitionRanks, (i) => params[i] ?? countRankParams(scenario.model, ctx.counts, partitionRanks[i] as PipelineRank));
      bases = built.bases;
      firstSame = built.firstSame;
    }
    return bases;
  };
  return {
    peakBytes(sharding, activationsBytes) {
      const own = sharding === layout || (sharding.zero === layout.zero && sharding.fsdpShardSize === layout.fsdpShardSize);
      const { pp, dp, cp, edp, schedule } = layout;
      const shard = shardingMemory(ctx, own ? layout : { pp, dp, cp, edp, schedule, zero: sharding.zero, fsdpShardSize: sharding.fsdpShardSize });
      const list = ranks();
      let peak = 0;
      for (let i = 0; i < list.length; i += 1) {
        const r = list[i];
        if (r === undefined) continue;
        if (firstSame !== null && firstSame[i] !== i) {
          // The same terms as an earlier rank: the same total, already in the peak.
          if (activationsBytes !== undefined) activationsBytes[i] = r.activationsBytes;
          continue;
        }
        const terms = rankTerms(ctx, shard, r);
        if (activationsBytes !== undefined) activationsBytes[i] = terms.activationsBytes;
        peak = Math.max(peak, terms.totalBytes);
      }
      return peak;
    },
    rankParams: () => ranks().map((r) => r.params),
    distinctRanks() {
      ranks();
      const distinct: number[] = [];
      if (firstSame !== null) for (let i = 0; i < firstSame.length; i += 1) if (firstSame[i] === i) distinct.push(i);
      return distinct;
    },
  };
}

/**
 * Peak bytes per GPU over the pipeline ranks of `layout` — the planner's inner-loop call
 * (the terms of `estimateMemory`'s records, no record, no micro-batch search). A `cache`
 * (`memory-cache.ts`) shares partitions and layer activations between calls. When given,
 * `activationsBytes[i]` receives the stored activations of the i-th rank of the partition
 * (`estimateMemory(...).stages[i].activationsBytes`).
 */
export function peakMemoryBytes(
  scenario: Scenario, layout: Layout, options: EstimateMemoryOptions = {}, cache?: MemoryCache, activationsBytes?: number[],
): number {
  return createShardingPeaks(scenario, layout, options, cache).peakBytes(layout, activationsBytes);
}

/** The layout with another micro-batch size (micro-batches per step follow). */
function withMicroBatch(layout: Layout, globalBatch: number, microBatch: number): Layout {
  return { ...layout, microBatch, microBatches: globalBatch / (layout.dp * microBatch) };
}

/**
 * Largest micro-batch b whose peak fits: b divides globalBatch/dp and the schedule accepts the
 * resulting micro-batch count (DualPipe: even, ≥ 2p). Every candidate is evaluated, since memory is
 * not monotone in b for every schedule (GPipe holds all m·b sequences). Null if none fits.
 */
export function maxMicroBatchThatFits(scenario: Scenario, layout: Layout, options: EstimateMemoryOptions = {}): number | null {
  const perReplica = scenario.training.globalBatch / layout.dp;
  if (!Number.isInteger(perReplica)) return null;
  const capacity = usableHbmBytes(scenario.cluster.accelerator.hbmBytes, options.headroomFraction);
  let best: number | null = null;
  for (const b of divisors(perReplica)) {
    const candidate = withMicroBatch(layout, scenario.training.globalBatch, b);
    const shape = { pp: candidate.pp, vp: candidate.vp, microBatches: candidate.microBatches };
    if (SCHEDULES[candidate.schedule].check(shape) !== null) continue;
    if (peakMemoryBytes(scenario, candidate, options) <= capacity) best = b;
  }
  return best;
}

/**
 * Memory per GPU of every pipeline rank of `layout`, the verdict against the accelerator's HBM
 * and the largest micro-batch that fits. Options default as documented on `EstimateMemoryOptions`.
 * @throws InputError only for malformed options (a `stageLayers` that does not fit the model, a load factor < 1).
 */
export function estimateMemory(scenario: Scenario, layout: Layout, options: EstimateMemoryOptions = {}, cache?: MemoryCache): MemoryEstimate {
  const ctx = createLayoutMemory(scenario, layout, options, cache);
  const shard = shardingMemory(ctx, layout);
  const params = rankParamsOf(cache, scenario.model, ctx.counts, ctx.partition);
  const stages = ctx.partition.ranks.map((rank, i) => estimateRank(ctx, shard, rank, params[i] ?? countRankParams(scenario.model, ctx.counts, rank)));
  let peakStage = 0;
  for (const s of stages) if (s.totalBytes > (stages[peakStage]?.totalBytes ?? 0)) peakStage = s.stage;
  const peakBytesPerGpu = stages[peakStage]?.totalBytes ?? 0;
  const overByBytes = Math.max(0, peakBytesPerGpu - ctx.usableBytes);
  return {
    stages, peakBytesPerGpu, peakStage, capacityBytes: ctx.capacityBytes,
    headroomFraction: options.headroomFraction ?? FIT_HEADROOM_FRACTION, usableBytes: ctx.usableBytes, fits: overByBytes === 0, overByBytes,
    maxMicroBatchThatFits: options.searchMicroBatch === false ? null : maxMicroBatchThatFits(scenario, layout, options),
  };
}
