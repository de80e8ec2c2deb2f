/**
 * Bytes one GPU sends per training step, by parallelism, with the collective, how often it runs,
 * the fabric tier it lands on and the wire time at the effective bandwidth. Volumes, not times on
 * the critical path: the step model (`step/`) decides what is exposed; this file says what must
 * cross the wire so that the analysis can compare it with the compute time that could hide it.
 *
 * The rank reported is the busiest pipeline rank (most transformer layers, MTP blocks counted);
 * micro-batches through each of its chunks: m, except DualPipe whose two model copies take m/2 each
 * (same convention as `step/estimate-step.ts`). Per-call volumes follow `step/layer-comm.ts` and
 * `step/data-parallel.ts`, with NCCL's bus-bandwidth factors (nccl-tests doc/PERFORMANCE.md):
 *
 * | kind | collective | per call, bytes sent by one GPU | calls per step |
 * |---|---|---|---|
 * | tp | all-reduce (RS + AG with SP) of S = (b·s/cp)·h·2 B | 2(n−1)/n · S | 4 per layer-pass (+2 with full recompute) |
 * | ep | dispatch + combine all-to-all (`moeAllToAllCost`) | scale-up + scale-out copies · h · bytes/elem | 4 per MoE layer-pass |
 * | cp | ring send/recv of K/V, (b·s/cp)·kvWidth·2 B | 1 · message | 3(cp−1) per layer-pass (fwd cp−1, bwd 2(cp−1)) |
 * | dp | grad all-reduce (ZeRO-0) or RS grads + AG params (ZeRO-1/2/3) | (n−1)/n or 2(n−1)/n · ψ·bytes | once per step (ZeRO-3 without PP: per micro-batch) |
 * | pp | send/recv of (b·s/cp)·h·2 B (÷tp with SP) | 1 · message | 2 per chunk per micro-batch (activation out, gradient back) |
 *
 * A layer-pass = one micro-batch through one layer. Sources: Shoeybi et al. 2019 §3; Korthikanti et
 * al. 2022 §4.2.2; ZeRO (Rajbhandari et al. 2020) §7; DeepSeek-V3 TR §3.2.2; notes §5.3–5.6.
 */
import type { ModelSpec } from '../model/types.js';
import { kvWidth } from '../step/layer-comm.js';
import { BUS_BANDWIDTH_FACTOR, bottleneckBandwidth } from '../comm/collective-algorithm.js';
import { createCommLinks, tierLink, type CommLinks, type Tier } from '../comm/links.js';
import { moeAllToAllCost } from '../comm/moe-all-to-all.js';
import { placeGroups, type GroupPlacement, type GroupPlacements } from '../comm/place-groups.js';
import { pointToPointTier } from '../comm/send-recv.js';
import { partitionStages, type PipelineRank } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import { getSchedule } from '../schedules/catalog.js';
import type { Scenario } from '../scenario/types.js';
import { DEFAULT_STEP_OPTIONS, expertLoadImbalance, stepFramework, type StepOptions } from '../step/options.js';
import type { RankParams } from '../step/data-parallel.js';
import { addParams, chunkParams } from '../step/stage-params.js';

export type TrafficKind = 'tp' | 'cp' | 'ep' | 'dp' | 'pp';

export const TRAFFIC_KINDS: readonly TrafficKind[] = ['tp', 'cp', 'ep', 'dp', 'pp'];

/** One kind of traffic of one GPU over one step. */
export interface TrafficFlow {
  readonly kind: TrafficKind;
  /** The collective, e.g. `all-reduce`, `reduce-scatter + all-gather`, `all-to-all`, `send/recv`. */
  readonly collective: string;
  /** How often it runs, in words (`every layer, 2 per pass`, `stage boundaries`, `once per step`). */
  readonly frequency: string;
  readonly callsPerStep: number;
  /** Mean bytes one GPU sends per call [bytes]. */
  readonly bytesPerCall: number;
  /** Bytes one GPU sends per step [bytes] = scaleUpBytes + scaleOutBytes. */
  readonly bytesPerStep: number;
  readonly scaleUpBytesPerStep: number;
  readonly scaleOutBytesPerStep: number;
  /** Tier of the group (scale-out when it spans domains). */
  readonly tier: Tier;
  readonly groupSize: number;
  readonly groupDomains: number;
  /** Effective per-GPU bandwidth the flow runs at on its bottleneck tier [bytes/s]. */
  readonly bandwidthBytesPerSec: number;
  /** Wire time per step, latency excluded: bytes / bandwidth (two tiers in parallel for EP) [s]. */
  readonly wireSeconds: number;
  /** Wire time on each tier [s] (a flow on one tier has the other at 0). */
  readonly scaleUpWireSeconds: number;
  readonly scaleOutWireSeconds: number;
}

/** Every flow of a layout (kinds with a group of one are left out). */
export interface Traffic {
  readonly flows: readonly TrafficFlow[];
  /** Pipeline rank the per-layer flows are counted on. */
  readonly rank: number;
  /** Layer-passes of that rank per step (dense, MoE). */
  readonly layerPasses: { readonly dense: number; readonly moe: number };
  /** Parameters one GPU of that rank holds: dense (÷tp) and routed-expert (÷ep·etp). */
  readonly rankParams: RankParams;
  readonly groups: GroupPlacements;
}

/** Bytes of one BF16 activation element on the wire (Megatron, DeepSeek combine). */
const ACTIVATION_BYTES = 2;
/** Working weights gathered by ZeRO/FSDP (BF16), as `step/data-parallel.ts`. */
const WEIGHT_BYTES = 2;

interface FlowInput {
  readonly kind: TrafficKind;
  readonly collective: string;
  readonly frequency: string;
  readonly calls: number;
  readonly scaleUpBytes: number;
  readonly scaleOutBytes: number;
  readonly group: GroupPlacement;
  readonly bandwidth: number;
  readonly wireSeconds: number;
  readonly scaleUpWireSeconds: number;
  readonly scaleOutWireSeconds: number;
}

function createFlow(f: FlowInput): TrafficFlow {
  const bytes = f.scaleUpBytes + f.scaleOutBytes;
  return {
    kind: f.kind, collective: f.collective, frequency: f.frequency, callsPerStep: f.calls,
    bytesPerCall: f.calls > 0 ? bytes / f.calls : 0, bytesPerStep: bytes,
    scaleUpBytesPerStep: f.scaleUpBytes, scaleOutBytesPerStep: f.scaleOutBytes,
    tier: f.group.tier, groupSize: f.group.size, groupDomains: f.group.domains,
    bandwidthBytesPerSec: f.bandwidth, wireSeconds: f.wireSeconds,
    scaleUpWireSeconds: f.scaleUpWireSeconds, scaleOutWireSeconds: f.scaleOutWireSeconds,
  };
}

/** A single-tier flow: all bytes on the group's tier at `bandwidth`. */
function tierFlow(base: Omit<FlowInput, 'scaleUpBytes' | 'scaleOutBytes' | 'wireSeconds' | 'scaleUpWireSeconds' | 'scaleOutWireSeconds'>, bytes: number): TrafficFlow {
  const onUp = base.group.tier === 'scale-up';
  const wire = bytes / base.bandwidth;
  return createFlow({
    ...base, scaleUpBytes: onUp ? bytes : 0, scaleOutBytes: onUp ? 0 : bytes, wireSeconds: wire,
    scaleUpWireSeconds: onUp ? wire : 0, scaleOutWireSeconds: onUp ? 0 : wire,
  });
}

/** The rank with the most layers (MTP blocks count as layers): it carries the most per-layer traffic. */
function busiestRank(ranks: readonly PipelineRank[], model: ModelSpec): PipelineRank | undefined {
  let best: PipelineRank | undefined;
  let bestLayers = -1;
  for (const r of ranks) {
    const layers = r.layers + (r.hasMtp ? model.mtpDepth : 0);
    if (layers > bestLayers) { best = r; bestLayers = layers; }
  }
  return best;
}

/** Micro-batches through each chunk per step: m, DualPipe m/2 per model copy. */
function microBatchesPerChunk(layout: Layout): number {
  return getSchedule(layout.schedule).microBatchesPerChunk(layout.microBatches);
}

interface RankPasses { readonly dense: number; readonly moe: number; readonly chunks: number }

function rankPasses(model: ModelSpec, layout: Layout, rank: PipelineRank | undefined): RankPasses {
  const per = microBatchesPerChunk(layout);
  let dense = 0;
  let moe = 0;
  for (const c of rank?.chunks ?? []) {
    dense += per * c.denseLayers;
    moe += per * (c.moeLayers + (c.hasMtp ? model.mtpDepth : 0));
  }
  return { dense, moe, chunks: rank?.chunks.length ?? 0 };
}

/** Tokens of one micro-batch on one GPU: b·s/cp. */
function gpuTokens(layout: Layout, seqLen: number): number {
  return (layout.microBatch * seqLen) / layout.cp;
}

interface Ctx {
  readonly scenario: Scenario;
  readonly layout: Layout;
  readonly groups: GroupPlacements;
  readonly links: CommLinks;
  readonly passes: RankPasses;
  readonly options: StepOptions;
}

function tpFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, groups, scenario } = ctx;
  if (layout.tp <= 1) return null;
  const n = groups.tp.size;
  const perLayerPass = layout.recompute === 'full' ? 6 : 4;
  const calls = perLayerPass * (ctx.passes.dense + ctx.passes.moe);
  // [bytes] S = (b·s/cp)·h·2; each GPU sends 2(n−1)/n·S per all-reduce (RS + AG: the same).
  const s = gpuTokens(layout, scenario.training.seqLen) * scenario.model.hidden * ACTIVATION_BYTES;
  const bytes = calls * BUS_BANDWIDTH_FACTOR['all-reduce'](n) * s;
  return tierFlow({
    kind: 'tp', collective: layout.sequenceParallel ? 'reduce-scatter + all-gather' : 'all-reduce',
    frequency: `every layer: 2 per forward, 2 per backward${layout.recompute === 'full' ? ', 2 more to recompute' : ''}`,
    calls, group: groups.tp, bandwidth: bottleneckBandwidth(groups.tp, ctx.links.collective),
  }, bytes);
}

function dispatchBytesPerElement(scenario: Scenario): number {
  // FP8 dispatch with one FP32 scale per 128 channels for fp8-block (DeepSeek-V3 TR §3.3.3), else BF16.
  return scenario.training.precision === 'fp8-block' ? 1 + 4 / 128 : ACTIVATION_BYTES;
}

function epFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, groups, scenario } = ctx;
  const moe = scenario.model.moe;
  if (moe === null || layout.ep <= 1 || ctx.passes.moe === 0) return null;
  const base = {
    tokens: (gpuTokens(layout, scenario.training.seqLen) * layout.etp) / layout.tp,
    topK: moe.topK, hidden: scenario.model.hidden, loadImbalance: expertLoadImbalance(scenario.training, ctx.options),
    maxNodesPerToken: moe.maxNodesPerToken, deduplicate: moe.maxNodesPerToken !== null,
  };
  const links = ctx.links.allToAll;
  const dispatch = moeAllToAllCost({ ...base, bytesPerElement: dispatchBytesPerElement(scenario) }, groups.ep, links);
  const combine = moeAllToAllCost({ ...base, bytesPerElement: ACTIVATION_BYTES }, groups.ep, links);
  // Per MoE layer-pass: forward dispatch + combine, backward of each (dispatch- and combine-shaped).
  const up = 2 * ctx.passes.moe * (dispatch.scaleUpBytes + combine.scaleUpBytes);
  const out = 2 * ctx.passes.moe * (dispatch.scaleOutBytes + combine.scaleOutBytes);
  const upWire = up / links.scaleUp.bandwidthBytesPerSec;
  const outWire = out / links.scaleOut.bandwidthBytesPerSec;
  return createFlow({
    kind: 'ep', collective: 'all-to-all (dispatch + combine)', frequency: 'every MoE layer: 2 per forward, 2 per backward',
    calls: 4 * ctx.passes.moe, scaleUpBytes: up, scaleOutBytes: out, group: groups.ep,
    bandwidth: groups.ep.tier === 'scale-up' ? links.scaleUp.bandwidthBytesPerSec : links.scaleOut.bandwidthBytesPerSec,
    wireSeconds: Math.max(upWire, outWire), scaleUpWireSeconds: upWire, scaleOutWireSeconds: outWire,
  });
}

function cpFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, groups, scenario } = ctx;
  if (layout.cp <= 1) return null;
  const message = gpuTokens(layout, scenario.training.seqLen) * kvWidth(scenario.model, layout.tp) * ACTIVATION_BYTES;
  const calls = 3 * (layout.cp - 1) * (ctx.passes.dense + ctx.passes.moe);
  const link = tierLink(ctx.links.pointToPoint, pointToPointTier(groups.cp));
  return tierFlow({
    kind: 'cp', collective: 'send/recv (ring attention)', frequency: 'every layer: cp−1 ring steps forward, 2(cp−1) backward',
    calls, group: groups.cp, bandwidth: link.bandwidthBytesPerSec,
  }, calls * message);
}

interface DpVolume { readonly bytes: number; readonly calls: number }

/** Bytes one GPU sends for `params` over `group` per step, by ZeRO stage (ZeRO §7, `step/data-parallel.ts`). */
function dpVolume(params: number, group: GroupPlacement, layout: Layout, gradBytes: number): DpVolume {
  const n = group.size;
  if (n <= 1 || params === 0) return { bytes: 0, calls: 0 };
  const rs = BUS_BANDWIDTH_FACTOR['reduce-scatter'](n);
  if (layout.zero === 0) return { bytes: BUS_BANDWIDTH_FACTOR['all-reduce'](n) * params * gradBytes, calls: 1 };
  const once = rs * params * (gradBytes + WEIGHT_BYTES);
  if (layout.zero <= 2 || layout.pp > 1) return { bytes: once, calls: 2 };
  // ZeRO-3 without PP: per micro-batch, gather in forward, gather + reduce-scatter in backward.
  return { bytes: layout.microBatches * rs * params * (2 * WEIGHT_BYTES + gradBytes), calls: 3 * layout.microBatches };
}

function rankParams(model: ModelSpec, layout: Layout, rank: PipelineRank | undefined): RankParams {
  let params: RankParams = { dense: 0, expert: 0 };
  for (const c of rank?.chunks ?? []) params = addParams(params, chunkParams(model, layout, c));
  return params;
}

function dpFlow(ctx: Ctx, params: RankParams): TrafficFlow | null {
  const { layout, groups } = ctx;
  const g = stepFramework(ctx.scenario.training, ctx.options).gradReduceBytes;
  const dense = dpVolume(params.dense, groups.dp, layout, g);
  const expert = dpVolume(params.expert, groups.edp, layout, g);
  if (dense.bytes + expert.bytes === 0) return null;
  const links = ctx.links.collective;
  const denseBw = bottleneckBandwidth(groups.dp, links);
  const expertBw = bottleneckBandwidth(groups.edp, links);
  const denseWire = dense.bytes / denseBw;
  const expertWire = expert.bytes / expertBw;
  const wire = denseWire + expertWire;
  const group = dense.bytes >= expert.bytes ? groups.dp : groups.edp;
  const outWire = (groups.dp.tier === 'scale-out' ? denseWire : 0) + (groups.edp.tier === 'scale-out' ? expertWire : 0);
  const collective = layout.zero === 0 ? 'all-reduce (gradients)' : layout.zero === 3 ? 'all-gather (params) + reduce-scatter (gradients)' : 'reduce-scatter (gradients) + all-gather (params)';
  const spansOut = (p: GroupPlacement, b: number): number => (p.tier === 'scale-out' ? b : 0);
  const out = spansOut(groups.dp, dense.bytes) + spansOut(groups.edp, expert.bytes);
  return createFlow({
    kind: 'dp', collective, frequency: layout.zero === 3 && layout.pp === 1 ? 'every micro-batch' : 'once per step',
    calls: dense.calls + expert.calls, scaleUpBytes: dense.bytes + expert.bytes - out, scaleOutBytes: out,
    group, bandwidth: (dense.bytes + expert.bytes) / wire, wireSeconds: wire,
    scaleUpWireSeconds: wire - outWire, scaleOutWireSeconds: outWire,
  });
}

function ppFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, groups, scenario } = ctx;
  if (layout.pp <= 1) return null;
  const split = layout.sequenceParallel ? layout.tp : 1;
  const message = (gpuTokens(layout, scenario.training.seqLen) * scenario.model.hidden * ACTIVATION_BYTES) / split;
  const calls = 2 * ctx.passes.chunks * microBatchesPerChunk(layout);
  const link = tierLink(ctx.links.pointToPoint, pointToPointTier(groups.pp));
  return tierFlow({
    kind: 'pp', collective: 'send/recv (activations forward, gradients backward)',
    frequency: 'stage boundaries: 1 out per micro-batch forward, 1 back per micro-batch backward',
    calls, group: groups.pp, bandwidth: link.bandwidthBytesPerSec,
  }, calls * message);
}

/** Bytes each GPU sends per step, by parallelism (table in the file header). */
export function estimateTraffic(scenario: Scenario, layout: Layout, options: StepOptions = DEFAULT_STEP_OPTIONS): Traffic {
  const groups = placeGroups(layout, layout.order, scenario.cluster);
  const partition = partitionStages(scenario.model, layout);
  const rank = busiestRank(partition.ranks, scenario.model);
  const passes = rankPasses(scenario.model, layout, rank);
  const ctx: Ctx = { scenario, layout, groups, links: createCommLinks(scenario.cluster, options.comm), passes, options };
  const params = rankParams(scenario.model, layout, rank);
  const flows = [tpFlow(ctx), cpFlow(ctx), epFlow(ctx), dpFlow(ctx, params), ppFlow(ctx)].filter((f): f is TrafficFlow => f !== null);
  return { flows, rank: rank?.rank ?? 0, layerPasses: { dense: passes.dense, moe: passes.moe }, rankParams: params, groups };
}

/** Bandwidth at which a flow's bytes take exactly `seconds` (the compute that could hide them) [bytes/s]. */
export function hideBandwidth(flow: Pick<TrafficFlow, 'bytesPerStep'>, seconds: number): number {
  return seconds > 0 ? flow.bytesPerStep / seconds : Number.POSITIVE_INFINITY;
}
