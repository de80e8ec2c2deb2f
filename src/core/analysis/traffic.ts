/**
 * Bytes one GPU sends per training step, by parallelism, with the collective, how often it runs,
 * the fabric tier it lands on and the wire time at the effective bandwidth. Volumes, not times on
 * the critical path: the step model (`step/`) decides what is exposed; this file says what must
 * cross the wire so that the analysis can compare it with the compute time that could hide it.
 *
 * The rank reported is the busiest pipeline rank (most transformer layers, MTP blocks counted);
 * micro-batches through each of its chunks: the schedule's (`microBatchesPerChunk`, DualPipe m/2 per
 * model copy). Per-call volumes and calls per layer-pass are the step model's own (`step/layer-comm.ts`,
 * `step/data-parallel.ts`, through the step pricer), with NCCL's bus-bandwidth factors
 * (nccl-tests doc/PERFORMANCE.md):
 *
 * | kind | collective | per call, bytes sent by one GPU | calls per step |
 * |---|---|---|---|
 * | tp | all-reduce (RS + AG with SP) of S = (b·s/cp)·h·2 B | 2(n−1)/n · S | 4 per layer-pass (+2 with full recompute) |
 * | ep | dispatch + combine all-to-all (`moeAllToAllCost`) | scale-up + scale-out copies · h · bytes/elem | 4 per MoE layer-pass |
 * | cp | ring send/recv of K/V, (b·s/cp)·kvWidth·2 B | 1 · message | 3(cp−1) per layer-pass (fwd cp−1, bwd 2(cp−1)) |
 * | dp | grad all-reduce (ZeRO-0) or RS grads + AG params (ZeRO-1/2/3; HSDP adds the cross-replica all-reduce) | (n−1)/n or 2(n−1)/n · ψ·bytes | once per step (ZeRO-3 without PP: per micro-batch) |
 * | pp | send/recv of (b·s/cp)·h·2 B (÷tp with SP) | 1 · message | 2 per chunk per micro-batch (activation out, gradient back) |
 *
 * A layer-pass = one micro-batch through one layer. Sources: Shoeybi et al. 2019 §3; Korthikanti et
 * al. 2022 §4.2.2; ZeRO (Rajbhandari et al. 2020) §7; DeepSeek-V3 TR §3.2.2; notes §5.3–5.6.
 */
import { BUS_BANDWIDTH_FACTOR, bottleneckBandwidth } from '../comm/collective-algorithm.js';
import { tierLink, type Tier } from '../comm/links.js';
import type { GroupPlacement, GroupPlacements } from '../comm/place-groups.js';
import { pointToPointTier } from '../comm/send-recv.js';
import type { PipelineRank } from '../layout/stages.js';
import type { Layout } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';
import type { Scenario } from '../scenario/types.js';
import { rankDataParallelCalls, type RankParams } from '../step/data-parallel.js';
import {
  cpExchangesPerLayer, cpMessageBytes, epPairsPerLayer, expertAllToAlls, p2pMessageBytes, tpAllReduceEquivalents, tpCallsPerLayer, tpCollectiveBytes, tpRegathersPerLayer, type CommContext,
} from '../step/layer-comm.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import { commContextOf, groupsOf, microBatchesPerChunk, partitionOf, stepPricer, type StepContext, type StepPricer } from '../step/pricer.js';
import { rankParams } from '../step/rank-costs.js';

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

interface Ctx {
  readonly pricer: StepPricer;
  readonly layout: Layout;
  readonly comm: CommContext;
  readonly passes: RankPasses;
}

function tpFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, comm } = ctx;
  if (layout.tp <= 1) return null;
  const perPass = tpCallsPerLayer(layout.recompute);
  const layers = ctx.passes.dense + ctx.passes.moe;
  // Two re-gathers of sequence-parallel inputs move what one all-reduce equivalent does.
  const regathers = tpRegathersPerLayer(comm);
  const calls = (perPass.forward + perPass.backward + regathers / 2) * layers;
  // Each GPU sends 2(n−1)/n·S per all-reduce (RS + AG: the same); FP8 forward gathers move less.
  const equivalents = tpAllReduceEquivalents(comm);
  const bytes = (equivalents.forward + equivalents.backward) * layers * BUS_BANDWIDTH_FACTOR['all-reduce'](comm.groups.tp.size) * tpCollectiveBytes(comm);
  return tierFlow({
    kind: 'tp', collective: layout.sequenceParallel ? 'reduce-scatter + all-gather' : 'all-reduce',
    frequency: `every layer: 2 per forward, 2 per backward${layout.recompute === 'full' ? ', 2 more to recompute' : ''}${regathers > 0 ? ', 1 more (2 all-gathers) to re-gather inputs for wgrad' : ''}`,
    calls, group: comm.groups.tp, bandwidth: bottleneckBandwidth(comm.groups.tp, comm.links.collective),
  }, bytes);
}

function epFlow(ctx: Ctx): TrafficFlow | null {
  const { comm } = ctx;
  const a2a = expertAllToAlls(comm);
  if (a2a === null || ctx.passes.moe === 0) return null;
  const links = comm.links.allToAll;
  // Per MoE layer-pass: forward dispatch + combine, backward of each (dispatch- and combine-shaped),
  // and the recomputed forward's pair under full recomputation.
  const perPass = epPairsPerLayer(ctx.layout.recompute);
  const pairs = (perPass.forward + perPass.backward) * ctx.passes.moe;
  const up = pairs * (a2a.dispatch.scaleUpBytes + a2a.combine.scaleUpBytes);
  const out = pairs * (a2a.dispatch.scaleOutBytes + a2a.combine.scaleOutBytes);
  const upWire = up / links.scaleUp.bandwidthBytesPerSec;
  const outWire = out / links.scaleOut.bandwidthBytesPerSec;
  return createFlow({
    kind: 'ep', collective: 'all-to-all (dispatch + combine)',
    frequency: `every MoE layer: 2 per forward, 2 per backward${ctx.layout.recompute === 'full' ? ', 2 more to recompute' : ''}`,
    calls: 2 * pairs, scaleUpBytes: up, scaleOutBytes: out, group: comm.groups.ep,
    bandwidth: comm.groups.ep.tier === 'scale-up' ? links.scaleUp.bandwidthBytesPerSec : links.scaleOut.bandwidthBytesPerSec,
    wireSeconds: Math.max(upWire, outWire), scaleUpWireSeconds: upWire, scaleOutWireSeconds: outWire,
  });
}

function cpFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, comm } = ctx;
  if (layout.cp <= 1) return null;
  const perPass = cpExchangesPerLayer(layout.cp);
  const calls = (perPass.forward + perPass.backward) * (ctx.passes.dense + ctx.passes.moe);
  const link = tierLink(comm.links.pointToPoint, pointToPointTier(comm.groups.cp));
  return tierFlow({
    kind: 'cp', collective: 'send/recv (ring attention)', frequency: 'every layer: cp−1 ring steps forward, 2(cp−1) backward',
    calls, group: comm.groups.cp, bandwidth: link.bandwidthBytesPerSec,
  }, calls * cpMessageBytes(comm));
}

/**
 * The rank's data-parallel collectives (`step/data-parallel.ts`), each at NCCL's bus factor of its
 * group, per step (ZeRO-3 without PP gathers and scatters every micro-batch).
 */
function dpFlow(ctx: Ctx, params: RankParams): TrafficFlow | null {
  const { layout, comm } = ctx;
  const links = comm.links.collective;
  let calls = 0;
  let bytes = 0;
  let outBytes = 0;
  let wire = 0;
  let outWire = 0;
  let denseBytes = 0;
  const dense = rankDataParallelCalls({ dense: params.dense, expert: 0 }, comm.groups, layout, ctx.pricer.framework.gradReduceBytes).length;
  rankDataParallelCalls(params, comm.groups, layout, ctx.pricer.framework.gradReduceBytes).forEach((call, i) => {
    const times = call.phase === 'fsdpForwardSeconds' || call.phase === 'fsdpBackwardSeconds' ? layout.microBatches : 1;
    const sent = times * BUS_BANDWIDTH_FACTOR[call.kind](call.group.size) * call.bytes;
    const seconds = sent / bottleneckBandwidth(call.group, links);
    calls += times;
    bytes += sent;
    wire += seconds;
    if (i < dense) denseBytes += sent;
    if (call.group.tier === 'scale-out') {
      outBytes += sent;
      outWire += seconds;
    }
  });
  if (bytes === 0) return null;
  const collective = layout.zero === 0 ? 'all-reduce (gradients)' : layout.zero === 3 ? 'all-gather (params) + reduce-scatter (gradients)' : 'reduce-scatter (gradients) + all-gather (params)';
  return createFlow({
    kind: 'dp', collective, frequency: layout.zero === 3 && layout.pp === 1 ? 'every micro-batch' : 'once per step',
    calls, scaleUpBytes: bytes - outBytes, scaleOutBytes: outBytes,
    group: denseBytes >= bytes - denseBytes ? comm.groups.dp : comm.groups.edp, bandwidth: bytes / wire, wireSeconds: wire,
    scaleUpWireSeconds: wire - outWire, scaleOutWireSeconds: outWire,
  });
}

function ppFlow(ctx: Ctx): TrafficFlow | null {
  const { layout, comm } = ctx;
  if (layout.pp <= 1) return null;
  const calls = 2 * ctx.passes.chunks * microBatchesPerChunk(layout);
  const link = tierLink(comm.links.pointToPoint, pointToPointTier(comm.groups.pp));
  return tierFlow({
    kind: 'pp', collective: 'send/recv (activations forward, gradients backward)',
    frequency: 'stage boundaries: 1 out per micro-batch forward, 1 back per micro-batch backward',
    calls, group: comm.groups.pp, bandwidth: link.bandwidthBytesPerSec,
  }, calls * p2pMessageBytes(comm));
}

/** Bytes each GPU sends per step, by parallelism (table in the file header). */
export function estimateTraffic(scenario: Scenario, layout: Layout, options: StepOptions = DEFAULT_STEP_OPTIONS, context?: StepContext): Traffic {
  const pricer = stepPricer(scenario, options, context);
  const rank = busiestRank(partitionOf(pricer, layout).ranks, scenario.model);
  const passes = rankPasses(scenario.model, layout, rank);
  const ctx: Ctx = { pricer, layout, comm: commContextOf(pricer, layout), passes };
  const params = rank === undefined ? { dense: 0, expert: 0 } : rankParams(pricer, layout, rank);
  const flows = [tpFlow(ctx), cpFlow(ctx), epFlow(ctx), dpFlow(ctx, params), ppFlow(ctx)].filter((f): f is TrafficFlow => f !== null);
  return { flows, rank: rank?.rank ?? 0, layerPasses: { dense: passes.dense, moe: passes.moe }, rankParams: params, groups: groupsOf(pricer, layout) };
}

/** Bandwidth at which a flow's bytes take exactly `seconds` (the compute that could hide them) [bytes/s]. */
export function hideBandwidth(flow: Pick<TrafficFlow, 'bytesPerStep'>, seconds: number): number {
  return seconds > 0 ? flow.bytesPerStep / seconds : Number.POSITIVE_INFINITY;
}
