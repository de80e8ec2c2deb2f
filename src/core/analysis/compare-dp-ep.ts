/**
 * `compareDpEp`: data vs expert parallelism for a Mixture-of-Experts model.
 *
 * - Data parallelism (ep = 1): every GPU of a stage holds all routed experts; expert gradients are
 *   reduced over all tp·cp·dp ranks (edp), like dense ones. Bytes per GPU per step ≈ 2(n−1)/n · ψ·g
 *   (all-reduce) or (n−1)/n · ψ·(g + 2) (ZeRO reduce-scatter + all-gather): flat in the GPU count,
 *   proportional to the parameters a GPU holds — i.e. to the expert count (ZeRO §7).
 * - Expert parallelism (ep > 1): routed experts divided over ep ranks (experts/ep per GPU); tokens
 *   travel by all-to-all, 4 per MoE layer per micro-batch of λ·T·K·h·bytes copies (notes §5.5,
 *   DeepSeek-V3 TR §3.2.2): proportional to the tokens a GPU processes (falls as GPUs grow at a fixed
 *   global batch), to top-K, and to the off-GPU share (ep−1)/ep — not to the expert count.
 * Non-expert parameters (attention, norms, dense FFN layers, shared experts, router, embedding, head)
 * are replicated over data parallelism in both (ZeRO shards only their optimizer states/gradients).
 *
 * Sweeps: GPUs × 0.5, 1, 2 (dp absorbs the change); EP values around the scenario's; expert count
 * × 0.5, 1, 2 at the expert strategy's EP. Every point is priced by the step, memory and traffic models.
 */
import type { FixedLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import type { ModelSpec, MoeSpec } from '../model/types.js';
import type { Scenario } from '../scenario/types.js';
import { evaluateLayout, layoutFields, type LayoutEvaluation } from './evaluate-layout.js';
import type { AnalysisOptions } from './options.js';

export type DpEpStrategyId = 'data' | 'expert';

/** Traffic and cost of one priced layout. */
export interface DpEpPoint {
  readonly gpus: number;
  readonly experts: number;
  readonly ep: number;
  readonly dp: number;
  readonly valid: boolean;
  /** Why the point is not valid (empty when valid). */
  readonly reason: string;
  /** Data-parallel gradient reduction (+ ZeRO parameter gather), bytes one GPU sends per step. */
  readonly gradientBytesPerGpuPerStep: number;
  /** Expert all-to-all (dispatch + combine, forward + backward), bytes one GPU sends per step. */
  readonly allToAllBytesPerGpuPerStep: number;
  readonly allToAllScaleOutBytesPerGpuPerStep: number;
  /** Parameters one GPU holds (busiest pipeline rank): non-expert ÷ tp, routed experts ÷ ep·etp. */
  readonly denseParamsPerGpu: number;
  readonly expertParamsPerGpu: number;
  readonly peakBytesPerGpu: number;
  readonly fits: boolean;
  readonly stepSeconds: number;
  readonly mfu: number;
}

export interface DpEpStrategy extends DpEpPoint {
  readonly id: DpEpStrategyId;
  readonly replicated: readonly string[];
  readonly divided: readonly string[];
  readonly expertsPerGpu: number;
}

export interface DpEpComparison {
  readonly applicable: true;
  readonly model: string;
  readonly gpus: number;
  readonly experts: number;
  readonly topK: number;
  readonly strategies: readonly DpEpStrategy[];
  readonly sweeps: { readonly gpus: readonly DpEpPoint[]; readonly ep: readonly DpEpPoint[]; readonly experts: readonly DpEpPoint[] };
  readonly scaling: { readonly gradient: string; readonly allToAll: string };
}

export interface DpEpNotApplicable {
  readonly applicable: false;
  readonly reason: string;
}

/** Parts every data-parallel replica holds whole (dense FFN layers and shared experts only when the model has them). */
function replicatedParts(moe: MoeSpec): string[] {
  return [
    'attention', 'norms',
    ...(moe.denseLayers > 0 ? ['dense FFN layers'] : []),
    ...(moe.sharedExperts > 0 ? ['shared experts'] : []),
    'router', 'embedding and output head',
  ];
}

function point(scenario: Scenario, fixed: FixedLayout, options: AnalysisOptions): DpEpPoint {
  const experts = scenario.model.moe?.experts ?? 0;
  const e = evaluateLayout(scenario, fixed, options);
  if (!e.valid) {
    return {
      gpus: scenario.cluster.gpus, experts, ep: fixed.ep ?? 1, dp: fixed.dp ?? 0, valid: false, reason: e.reason,
      gradientBytesPerGpuPerStep: 0, allToAllBytesPerGpuPerStep: 0, allToAllScaleOutBytesPerGpuPerStep: 0,
      denseParamsPerGpu: 0, expertParamsPerGpu: 0, peakBytesPerGpu: 0, fits: false, stepSeconds: 0, mfu: 0,
    };
  }
  return pricedPoint(scenario, e);
}

function pricedPoint(scenario: Scenario, e: LayoutEvaluation): DpEpPoint {
  const dp = e.traffic.flows.find((f) => f.kind === 'dp');
  const ep = e.traffic.flows.find((f) => f.kind === 'ep');
  return {
    gpus: scenario.cluster.gpus, experts: scenario.model.moe?.experts ?? 0, ep: e.layout.ep, dp: e.layout.dp, valid: true, reason: '',
    gradientBytesPerGpuPerStep: dp?.bytesPerStep ?? 0,
    allToAllBytesPerGpuPerStep: ep?.bytesPerStep ?? 0,
    allToAllScaleOutBytesPerGpuPerStep: ep?.scaleOutBytesPerStep ?? 0,
    denseParamsPerGpu: e.traffic.rankParams.dense,
    expertParamsPerGpu: e.traffic.rankParams.expert,
    peakBytesPerGpu: e.memory.peakBytesPerGpu,
    fits: e.memory.fits,
    stepSeconds: e.step.time.stepSeconds,
    mfu: e.step.throughput.mfu,
  };
}

/** Fields with dp following the GPU count (dp and a whole-group FSDP shard left to createLayout). */
function baseFields(layout: Layout): FixedLayout {
  const { dp: _dp, fsdpShardSize: _shard, ...rest } = layoutFields(layout);
  return rest;
}

/** The EP of the expert strategy: the scenario's if > 1, else the largest divisor of the experts that fits the stage's ranks and one scale-up domain. */
function expertEp(scenario: Scenario, layout: Layout, moe: MoeSpec): number {
  if (layout.ep > 1) return layout.ep;
  const ranks = (layout.tp * layout.cp * layout.dp) / layout.etp;
  let best = 1;
  for (let ep = 2; ep <= Math.min(moe.experts, ranks, scenario.cluster.scaleUpDomainGpus); ep += 1) {
    if (moe.experts % ep === 0 && ranks % ep === 0) best = ep;
  }
  return best;
}

function withExperts(scenario: Scenario, moe: MoeSpec, experts: number): Scenario {
  const model: ModelSpec = { ...scenario.model, moe: { ...moe, experts } };
  return { ...scenario, model };
}

function sweepValues(base: number, factors: readonly number[]): number[] {
  const out: number[] = [];
  for (const f of factors) {
    const v = base * f;
    if (Number.isInteger(v) && v >= 1 && !out.includes(v)) out.push(v);
  }
  return out;
}

function strategy(id: DpEpStrategyId, p: DpEpPoint, moe: MoeSpec): DpEpStrategy {
  const divided = id === 'data' ? [] : [`routed experts: ${moe.experts / p.ep} of ${moe.experts} per GPU (EP ${p.ep})`];
  const replicated = replicatedParts(moe);
  return { ...p, id, replicated: id === 'data' ? [...replicated, 'routed experts'] : replicated, divided, expertsPerGpu: moe.experts / p.ep };
}

/**
 * Data vs expert parallelism for the scenario's MoE model: volumes, memory and step time of each, and
 * how they move with the GPU count, the EP degree and the expert count. A dense model returns
 * `{ applicable: false, reason }` (no error).
 */
export function compareDpEp(scenario: Scenario, layout: Layout, options: AnalysisOptions = {}): DpEpComparison | DpEpNotApplicable {
  const moe = scenario.model.moe;
  if (moe === null) return { applicable: false, reason: `${scenario.model.name} is a dense model: it has no experts to divide, so expert parallelism does not apply` };
  const fields = baseFields(layout);
  const ep = expertEp(scenario, layout, moe);
  const data = point(scenario, { ...fields, ep: 1 }, options);
  const expert = point(scenario, { ...fields, ep }, options);
  const gpus = sweepValues(scenario.cluster.gpus, [0.5, 1, 2]).map((n) =>
    point({ ...scenario, cluster: { ...scenario.cluster, gpus: n } }, { ...fields, ep }, options));
  const eps = sweepValues(ep, [1 / ep, 0.25, 0.5, 1, 2]).map((e) => point(scenario, { ...fields, ep: e }, options));
  const experts = sweepValues(moe.experts, [0.5, 1, 2]).map((n) => point(withExperts(scenario, moe, n), { ...fields, ep }, options));
  return {
    applicable: true,
    model: scenario.model.name,
    gpus: scenario.cluster.gpus,
    experts: moe.experts,
    topK: moe.topK,
    strategies: [strategy('data', data, moe), strategy('expert', expert, moe)],
    sweeps: { gpus, ep: eps, experts },
    scaling: {
      gradient: 'per GPU ≈ (n−1)/n · params per GPU · bytes: flat in the GPU count; grows with the expert count unless EP divides the experts',
      allToAll: 'per GPU ∝ tokens per GPU · topK · hidden · (off-GPU share): falls as GPUs grow at a fixed global batch; independent of the expert count; more of it crosses scale-out as EP spans more domains',
    },
  };
}
