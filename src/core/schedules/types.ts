/**
 * Pipeline schedules: one interface, one file per schedule, one registry (`registry.ts`).
 *
 * A schedule turns a pipeline shape (`ScheduleParams`) into one program per pipeline rank: the
 * ordered list of compute ops that rank runs in one training step. Sends and receives are not
 * listed; they follow from the data dependencies of the ops (see `simulate-ops.ts`). The
 * simulator, not the closed-form formula, is the answer for step time; the formulas exist to test
 * the op lists (notes §3.7: "derive bubbles by executing the op lists").
 *
 * Notation (notes §3.0): p = pipeline ranks (`pp`), m = micro-batches per step, v = virtual chunks
 * per rank (`vp`). F = forward, I = backward for inputs, W = backward for weights, B = I + W (full
 * backward), F&B = an overlapped forward+backward pair (DualPipe).
 */

export type { ScheduleId } from './registry.js';
/** Pipeline shape a schedule runs. Field names follow `Layout` (pp, vp, microBatches). */
export interface ScheduleParams {
  /** Pipeline-parallel ranks p (devices along the pipeline). */
  readonly pp: number;
  /** Virtual chunks per rank v (interleaved 1F1B only; 1 for every other schedule). */
  readonly vp: number;
  /** Micro-batches per pipeline per step, m. */
  readonly microBatches: number;
}

/** Why a schedule cannot run a shape. The layout layer turns it into `InputError(field, value, rule)`. */
export interface Violation {
  readonly field: 'pp' | 'vp' | 'microBatches' | 'layers';
  readonly value: number;
  readonly rule: string;
}

/** The pipeline degrees alone, for facts that do not depend on the micro-batch count. */
export type PipelineShape = Pick<ScheduleParams, 'pp' | 'vp'>;

/** What a schedule's depth rules read from the model (structurally a `ModelSpec`). */
export interface LayerCount {
  readonly layers: number;
  /** Multi-token-prediction modules placed with the output head. */
  readonly mtpDepth: number;
}

/** A rule the model's depth sets; the layout reports it as `layout.pp` or `layout.vp`. */
export interface DepthViolation {
  readonly field: 'pp' | 'vp';
  readonly value: number;
  readonly rule: string;
}

/** One copy of a model stage: the rank that holds it and the local chunk index there. */
export interface StageHolder {
  readonly rank: number;
  readonly chunk: number;
}

/** An extra input a DualPipe commit waits for before the op starts (a receive posted early). */
export interface AwaitedInput {
  /** 'activation' = forward input of (microBatch, chunk); 'gradient' = output gradient of it. */
  readonly input: 'activation' | 'gradient';
  readonly microBatch: number;
  readonly chunk: number;
}

interface OpFields {
  readonly microBatch: number;
  /** Local chunk index on the rank (0 ≤ chunk < placement.chunksPerRank). */
  readonly chunk: number;
  /**
   * Outputs leave the rank when the op this many positions later on the same rank ends
   * (default 0: at the end of this op). DualPipe queues some sends behind the next compute.
   */
  readonly sendAfter?: number;
  /** Inputs of later ops that this op waits for anyway (DualPipe's commit-and-wait). */
  readonly awaits?: readonly AwaitedInput[];
}

/** One compute op of a rank's program. */
export type Op =
  | (OpFields & { readonly kind: 'F' })
  /** Full backward: input gradient and weight gradient together (B = I + W). */
  | (OpFields & { readonly kind: 'B' })
  /** Backward for inputs only; its W comes later as a separate op. */
  | (OpFields & { readonly kind: 'I' })
  | (OpFields & { readonly kind: 'W' })
  /** Overlapped pair: forward of (microBatch, chunk) with a full backward of (backwardMicroBatch, backwardChunk). */
  | (OpFields & { readonly kind: 'FB'; readonly backwardMicroBatch: number; readonly backwardChunk: number });

export type OpKind = Op['kind'];

/** The program of one pipeline rank, in execution order. */
export interface StageOps {
  readonly rank: number;
  readonly ops: readonly Op[];
}

/** Which rank and local chunk hold each model stage, for one direction of travel. */
export interface Route {
  /** rankOfStage[s] = rank holding model stage s (0 ≤ s < modelStages). */
  readonly rankOfStage: readonly number[];
  /** chunkOfStage[s] = local chunk index of model stage s on that rank. */
  readonly chunkOfStage: readonly number[];
}

/** How the model is cut into stages and placed on ranks. */
export interface Placement {
  /** Model stages S a micro-batch passes through (p, p·v, or 2p). */
  readonly modelStages: number;
  readonly chunksPerRank: number;
  /** Share of one pipeline stage (1/p of the layers) one chunk holds: 1, 1/v, or 1/2. */
  readonly chunkStageFraction: number;
  readonly routes: readonly Route[];
  /** routeOfMicroBatch[j] = index into `routes` (DualPipe: first half 0, second half 1). */
  readonly routeOfMicroBatch: readonly number[];
}

/** Times of one micro-batch through one model stage (seconds). */
export interface StageOpTimes {
  readonly forwardSeconds: number;
  /** Backward for inputs (activation gradient), I. */
  readonly backwardInputSeconds: number;
  /** Backward for weights, W. Full backward B = I + W. */
  readonly backwardWeightSeconds: number;
  /**
   * Communication a standalone forward exposes (e.g. MoE dispatch + combine), default 0.
   * Added to F; hidden inside an overlapped F&B pair (notes §2.4, §3.6).
   */
  readonly forwardCommSeconds?: number;
  /** Same for a backward (added to B and I, hidden in a pair), default 0. */
  readonly backwardCommSeconds?: number;
}

/** Inputs of one overlapped pair, for `ScheduleTimes.overlappedPairSeconds`. */
export interface PairInputs {
  readonly forwardSeconds: number;
  /** Full backward compute B = I + W of the paired backward. */
  readonly backwardSeconds: number;
  readonly forwardCommSeconds: number;
  readonly backwardCommSeconds: number;
}

export interface ScheduleTimes {
  /** One entry per model stage (`placement.modelStages`). */
  readonly stages: readonly StageOpTimes[];
  /** Seconds to move one activation or gradient across a rank boundary (0 within a rank). */
  readonly p2pSeconds: number;
  /**
   * F&B of a pair. Default `defaultPairSeconds`: compute is serial, F + B, and the pair's
   * communication hides under it, max(F + B, commF + commB) (notes §3.6, DeepSeek-V3 TR Fig. 4).
   */
  readonly overlappedPairSeconds?: (pair: PairInputs) => number;
}

/** Equal per-chunk times used by the closed-form formulas (seconds). */
export interface UniformOpTimes {
  readonly forwardSeconds: number;
  readonly backwardInputSeconds: number;
  readonly backwardWeightSeconds: number;
  /** F&B of a pair; defaults to F + I + W. */
  readonly overlappedPairSeconds?: number;
}

/**
 * What the published bubble measures. 'makespan': step makespan minus the busiest rank's compute
 * (an optimizer step that synchronises all ranks). 'rank-window': idle time inside each rank's
 * own first-op..last-op window (ZB-H2 with optimizer post-validation, no cross-rank sync).
 */
export type BubbleBasis = 'makespan' | 'rank-window';

/**
 * Everything the rest of scaleplan knows about one schedule. Layout checks, memory, the step model,
 * traffic and the planner ask these fields; none of them compares schedule ids.
 */
export interface Schedule {
  /** Registry key (`SCHEDULES`), the value of `layout.schedule`. */
  readonly id: string;
  /** Name as papers and frameworks write it ('DualPipeV'). */
  readonly name: string;
  /** One line for help texts and tables. */
  readonly describe: string;
  readonly bubbleBasis: BubbleBasis;
  /** Weight copies per device relative to one pipeline stage at the same device count (DualPipe 2). */
  readonly parameterCopies: number;
  /** Runs v ≥ 2 virtual chunks per rank (vp > 1); every other schedule takes vp = 1. */
  readonly virtualChunks: boolean;
  /**
   * Runs overlapped F&B pairs of two chunks, which hide the pair's communication (MoE dispatch and
   * combine) under its compute (notes §3.6, DeepSeek-V3 TR Fig. 4).
   */
  readonly pairsChunks: boolean;
  /**
   * Every rank's program ends on a full backward B (no weight-gradient W left to fill the drain),
   * so the step waits for the backward to travel back through every stage after a rank's last op.
   */
  readonly endsOnFullBackward: boolean;
  /** Micro-batches each local chunk runs per step, of m (DualPipe: m/2 per model copy). */
  microBatchesPerChunk(microBatches: number): number;
  /** Model stages S a micro-batch passes through (p, p·v or 2p); arithmetic, unlike `placement`. */
  modelStages(shape: PipelineShape): number;
  /**
   * Every copy of model stage `stage` (0 ≤ stage < `modelStages`): its rank and local chunk, the
   * same map as `placement` without building routes (DualPipe lists two copies).
   */
  stageHolders(shape: PipelineShape, stage: number): readonly StageHolder[];
  /** The first rule the model's depth sets for this shape (equal interleaved chunks, 2p ≤ layers), or null. */
  checkDepth(shape: PipelineShape, model: LayerCount): DepthViolation | null;
  /**
   * Micro-batches whose activations rank `rank` holds at its peak, as a multiple of the activations
   * of everything the rank holds (all its chunks) for one micro-batch. `peakInFlightBound` counts the
   * same peak in pipeline-stage units.
   */
  inFlightMicroBatches(params: ScheduleParams, rank: number): number;
  /** The first rule the shape breaks, or null. */
  check(params: ScheduleParams): Violation | null;
  /** Micro-batch counts the schedule accepts are multiples of this (given the other params). */
  microBatchMultiple(params: ScheduleParams): number;
  placement(params: ScheduleParams): Placement;
  /** One program per rank; call only after `check` returned null. */
  buildOps(params: ScheduleParams): StageOps[];
  /** Present when every run of the shape is symmetric under rank r ↔ pp−1−r (`RankMirror`). */
  rankMirror?(params: ScheduleParams): RankMirror;
  /** Published closed-form bubble (seconds) for equal per-chunk times; exact only near F = I = W. */
  bubbleFormula(params: ScheduleParams, times: UniformOpTimes): number;
  /** Upper bound of in-flight activations per rank, in pipeline-stage units (1/p of the layers, one micro-batch). */
  peakInFlightBound(params: ScheduleParams): number[];
}

/**
 * A run symmetric under rank r ↔ pp−1−r: rank pp−1−r's program is rank r's with chunk c → 1−c and
 * micro-batch j → `mirrorMicroBatch(j)`, and each mirrored op runs on the same model stage, so it
 * takes the same time under any stage times. Simulating ranks 0 .. pp/2−1 is then enough (the
 * folded graph of `op-graph.ts`).
 */
export interface RankMirror {
  mirrorMicroBatch(microBatch: number): number;
  /** Programs of ranks 0 .. pp/2 − 1, the same as the first half of `buildOps`. */
  buildKeptOps(): StageOps[];
}

/** One op with its simulated times, for tracing. */
export interface TimedOp {
  readonly rank: number;
  readonly kind: OpKind;
  readonly microBatch: number;
  readonly chunk: number;
  /** Model stage of the op (of the forward half for an F&B pair). */
  readonly stage: number;
  /** Backward half of an F&B pair; absent for other ops. */
  readonly backward?: { readonly microBatch: number; readonly chunk: number; readonly stage: number };
  readonly startSeconds: number;
  readonly endSeconds: number;
}

/** What one pipeline rank did during the step. */
export interface RankStats {
  readonly rank: number;
  /** Sum of op durations. */
  readonly busySeconds: number;
  /** makespan − busy: idle time of this rank in the step. */
  readonly bubbleSeconds: number;
  /** bubbleSeconds / makespan. */
  readonly bubbleFraction: number;
  readonly firstStartSeconds: number;
  readonly lastEndSeconds: number;
  /** Idle time between this rank's first op start and last op end. */
  readonly windowIdleSeconds: number;
  /** Peak in-flight activations in pipeline-stage units (1/p of the layers, one micro-batch). */
  readonly peakInFlight: number;
  /** Same peak counted in chunks (micro-batch × local chunk pairs whose F ran and whose I/B did not). */
  readonly peakInFlightChunks: number;
}

export interface ScheduleSimulation {
  readonly makespanSeconds: number;
  /** Busy time of the busiest rank. */
  readonly busySeconds: number;
  /** makespan − busiest rank's busy time: what the pipeline adds to pure compute (basis 'makespan'). */
  readonly bubbleSeconds: number;
  /** bubbleSeconds / makespanSeconds. */
  readonly bubbleFraction: number;
  /** Largest idle time inside one rank's own window (basis 'rank-window'). */
  readonly windowBubbleSeconds: number;
  /** Activations and gradients sent between ranks. */
  readonly p2pTransfers: number;
  readonly perStage: readonly RankStats[];
  /** Every op with its times, rank by rank in program order (empty when `recordOps` is false). */
  readonly ops: readonly TimedOp[];
}
