/**
 * `compareTpPp`: tensor vs pipeline parallelism for the scenario's model and GPU count. A factor F of
 * model parallelism (default: the scenario's tp, else its pp, else the GPUs of one scale-up domain)
 * is spent either on TP (tp = F, pp = 1) or on PP
 * (tp = 1, pp = F); data parallelism, cp, ep, ZeRO, recomputation and the micro-batch stay the
 * scenario's, so both use the same dp = GPUs / (F·cp). The scenario's own layout is the third row.
 *
 * Per strategy: how the model is split, what each GPU holds and does, the bytes it sends per step
 * with which collective and how often (TP: 2 all-reduces of b·s·h per layer per pass — Shoeybi et
 * al. 2019 §3; PP: one send/recv of b·s·h per boundary per micro-batch each way — notes §5.3), the
 * tier the group lands on (`placeGroups`), the break-even bandwidth
 *
 *   hideBandwidth = bytes per GPU per step / compute seconds per step          [bytes/s]
 *
 * below which the traffic cannot hide behind compute even with perfect overlap, the bubble, the
 * memory per GPU (memory model) and the step time (step model).
 */
import type { Tier } from '../comm/links.js';
import type { FixedLayout } from '../layout/create-layout.js';
import type { Layout, ScheduleId } from '../layout/types.js';
import type { Scenario } from '../scenario/types.js';
import { defaultScheduleId, getSchedule } from '../schedules/catalog.js';
import { evaluateLayout, layoutFields, type LayoutEvaluation } from './evaluate-layout.js';
import type { AnalysisOptions } from './options.js';
import { hideBandwidth, type TrafficFlow } from './traffic.js';

export type TpPpStrategyId = 'tensor' | 'pipeline' | 'scenario';

/** The model-parallel traffic of a strategy (TP all-reduces or PP boundary transfers). */
export interface ModelParallelTraffic {
  readonly kind: 'tp' | 'pp';
  readonly collective: string;
  readonly frequency: string;
  readonly callsPerStep: number;
  readonly bytesPerCall: number;
  readonly bytesPerGpuPerStep: number;
  readonly tier: Tier;
  readonly groupSize: number;
  readonly groupDomains: number;
  /** Effective per-GPU bandwidth of the tier it runs on [bytes/s]. */
  readonly bandwidthBytesPerSec: number;
  /** bytes per step / compute seconds: below this bandwidth it cannot be hidden [bytes/s]. */
  readonly hideBandwidthBytesPerSec: number;
  /** bandwidth ≥ hide bandwidth. */
  readonly hideable: boolean;
  /** Exposed seconds per step the step model keeps on the critical path [s]. */
  readonly exposedSeconds: number;
}

export interface TpPpStrategy {
  readonly id: TpPpStrategyId;
  readonly valid: true;
  readonly layout: Layout;
  readonly split: string;
  readonly gpuRole: string;
  /** TP and/or PP traffic (empty without model parallelism). */
  readonly traffic: readonly ModelParallelTraffic[];
  /** Every flow of the layout (data parallelism, experts, …) for context. */
  readonly allTraffic: readonly TrafficFlow[];
  readonly bubbleSeconds: number;
  readonly bubbleFraction: number;
  readonly memory: {
    readonly peakBytesPerGpu: number;
    readonly capacityBytes: number;
    readonly fits: boolean;
    /** The peak stage's parts; they sum to peakBytesPerGpu. */
    readonly weightsBytes: number;
    readonly gradsBytes: number;
    readonly optimizerBytes: number;
    readonly activationsBytes: number;
    readonly buffersBytes: number;
  };
  readonly stepSeconds: number;
  readonly computeSeconds: number;
  readonly mfu: number;
}

export interface InvalidStrategy {
  readonly id: TpPpStrategyId;
  readonly valid: false;
  readonly fixed: FixedLayout;
  readonly reason: string;
}

export interface TpPpComparison {
  readonly model: string;
  readonly gpus: number;
  /** Model-parallel factor F spent on TP or on PP. */
  readonly factor: number;
  readonly scaleUpDomainGpus: number;
  readonly strategies: readonly (TpPpStrategy | InvalidStrategy)[];
}

export interface CompareTpPpOptions extends AnalysisOptions {
  /** Model-parallel factor F. Default: the layout's tp if > 1, else its pp if > 1, else GPUs per scale-up domain. */
  readonly factor?: number;
}

/** The scenario's TP degree if it uses TP, else its PP degree, else one scale-up domain's GPUs. */
function defaultFactor(scenario: Scenario, layout: Layout): number {
  if (layout.tp > 1) return layout.tp;
  if (layout.pp > 1) return layout.pp;
  return scenario.cluster.scaleUpDomainGpus;
}

function pipelineSchedule(layout: Layout): ScheduleId {
  return layout.pp > 1 && !getSchedule(layout.schedule).virtualChunks ? layout.schedule : defaultScheduleId(1);
}

/** Fields of each strategy: F on TP, or F on PP; dp from the GPU count (createLayout default). */
function strategyFields(layout: Layout, factor: number): Record<'tensor' | 'pipeline', FixedLayout> {
  const { dp: _dp, fsdpShardSize: _shard, ...base } = layoutFields(layout);
  return {
    tensor: { ...base, tp: factor, pp: 1, vp: 1, schedule: defaultScheduleId(1), sequenceParallel: true },
    pipeline: { ...base, tp: 1, pp: factor, vp: 1, schedule: pipelineSchedule(layout), sequenceParallel: false },
  };
}

function describe(scenario: Scenario, layout: Layout): { split: string; gpuRole: string } {
  const L = scenario.model.layers;
  const { tp, pp } = layout;
  const parts: string[] = [];
  const roles: string[] = [];
  if (tp > 1) {
    parts.push(`tensor: every layer's attention heads and FFN columns/rows split over ${tp} GPUs (Megatron column/row-parallel GEMMs)`);
    roles.push(`holds 1/${tp} of the weights of each layer it runs and computes 1/${tp} of every GEMM`);
  }
  if (pp > 1) {
    parts.push(`pipeline: the ${L} layers cut into ${pp} stages of about ${(L / pp).toFixed(1)} consecutive layers`);
    roles.push(`runs whole layers of one stage (${layout.schedule}) and passes activations to the next stage, gradients back`);
  }
  if (parts.length === 0) return { split: 'no model parallelism: every GPU holds the whole model', gpuRole: 'runs every layer of its data-parallel replica' };
  return { split: parts.join('; '), gpuRole: `each GPU ${roles.join(', and ')}` };
}

function modelParallelTraffic(e: LayoutEvaluation, kind: 'tp' | 'pp'): ModelParallelTraffic | null {
  const flow = e.traffic.flows.find((f) => f.kind === kind);
  if (flow === undefined) return null;
  const hide = hideBandwidth(flow, e.step.time.computeSeconds);
  return {
    kind,
    collective: flow.collective, frequency: flow.frequency, callsPerStep: flow.callsPerStep, bytesPerCall: flow.bytesPerCall,
    bytesPerGpuPerStep: flow.bytesPerStep, tier: flow.tier, groupSize: flow.groupSize, groupDomains: flow.groupDomains,
    bandwidthBytesPerSec: flow.bandwidthBytesPerSec, hideBandwidthBytesPerSec: hide, hideable: flow.bandwidthBytesPerSec >= hide,
    exposedSeconds: e.step.time.exposed[kind],
  };
}

function strategyReport(id: TpPpStrategyId, scenario: Scenario, e: LayoutEvaluation): TpPpStrategy {
  const { layout, step, memory } = e;
  const peak = memory.stages.find((s) => s.stage === memory.peakStage);
  return {
    id, valid: true, layout, ...describe(scenario, layout),
    traffic: [modelParallelTraffic(e, 'tp'), modelParallelTraffic(e, 'pp')].filter((t): t is ModelParallelTraffic => t !== null),
    allTraffic: e.traffic.flows,
    bubbleSeconds: step.time.bubbleSeconds,
    bubbleFraction: step.schedule.bubbleFraction,
    memory: {
      peakBytesPerGpu: memory.peakBytesPerGpu, capacityBytes: memory.capacityBytes, fits: memory.fits,
      weightsBytes: peak?.weightsBytes ?? 0, gradsBytes: peak?.gradsBytes ?? 0, optimizerBytes: peak?.optimizerBytes ?? 0,
      activationsBytes: peak?.activationsBytes ?? 0, buffersBytes: peak?.buffersBytes ?? 0,
    },
    stepSeconds: step.time.stepSeconds,
    computeSeconds: step.time.computeSeconds,
    mfu: step.throughput.mfu,
  };
}

/**
 * Tensor vs pipeline parallelism at model-parallel factor F for the scenario's model and GPU count,
 * plus the scenario's own layout. Invalid candidates carry the broken rule instead of numbers.
 */
export function compareTpPp(scenario: Scenario, layout: Layout, options: CompareTpPpOptions = {}): TpPpComparison {
  const factor = options.factor ?? defaultFactor(scenario, layout);
  const fields = strategyFields(layout, factor);
  const evaluate = (id: TpPpStrategyId, fixed: FixedLayout): TpPpStrategy | InvalidStrategy => {
    const e = evaluateLayout(scenario, fixed, options);
    return e.valid ? strategyReport(id, scenario, e) : { id, valid: false, fixed: e.fixed, reason: e.reason };
  };
  return {
    model: scenario.model.name,
    gpus: scenario.cluster.gpus,
    factor,
    scaleUpDomainGpus: scenario.cluster.scaleUpDomainGpus,
    strategies: [evaluate('tensor', fields.tensor), evaluate('pipeline', fields.pipeline), evaluate('scenario', layoutFields(layout))],
  };
}
