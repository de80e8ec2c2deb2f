/**
 * `deriveBottleneckFacts`: the one place where the estimates become the numbers the rules read.
 * Every share is a plain ratio of two estimated quantities; units in the field names (types.ts).
 */
import { createCommLinks } from '../../comm/links.js';
import { peakFlopsPerSec } from '../../hardware/peak-flops.js';
import type { Precision } from '../../hardware/types.js';
import { scenarioPueInput } from '../../report/scenario-pue.js';
import type { Scenario } from '../../scenario/types.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../../step/options.js';
import type { AnalysisOptions } from '../options.js';
import type { AnalysisEstimates } from '../estimates.js';
import { share } from '../score.js';
import type { BottleneckFacts } from './types.js';

function isSixteenBit(precision: Precision): boolean {
  return precision === 'bf16' || precision === 'fp16';
}

/** FP8 dense peak / the run's dense peak; 1 when the run is already 8-bit or the part has no FP8. */
function fp8PeakRatio(scenario: Scenario): number {
  const accelerator = scenario.cluster.accelerator;
  const precision = scenario.training.precision;
  const fp8 = accelerator.peakFlopsPerSec.fp8;
  if (!isSixteenBit(precision) || fp8 === null) return 1;
  return fp8 / peakFlopsPerSec(accelerator, precision);
}

function computeFacts(scenario: Scenario, e: AnalysisEstimates): BottleneckFacts['compute'] {
  const { time, throughput } = e.step;
  const computeShare = share(time.computeSeconds, time.stepSeconds);
  const tensorCoreShare = computeShare * (1 - e.memoryWall.memoryBoundShare);
  const r = Math.max(0, throughput.hardwareFlopsPerToken / throughput.modelFlopsPerToken - 1);
  return {
    stepSeconds: time.stepSeconds,
    computeSeconds: time.computeSeconds,
    computeShare,
    tensorCoreShare,
    mfu: throughput.mfu,
    mfuBf16: throughput.mfuBf16,
    hfu: throughput.hfu,
    recomputeFlopFraction: r,
    // Of the tensor-core time, r/(1+r) re-runs forward work already done once.
    recomputeStepShare: (tensorCoreShare * r) / (1 + r),
    precision: scenario.training.precision,
    sixteenBit: isSixteenBit(scenario.training.precision),
    fp8PeakRatio: fp8PeakRatio(scenario),
    bubbleSeconds: time.bubbleSeconds,
    bubbleShare: share(time.bubbleSeconds, time.stepSeconds),
  };
}

function memoryFacts(scenario: Scenario, e: AnalysisEstimates, computeShare: number): BottleneckFacts['memory'] {
  const m = e.memory;
  const peak = m.stages.find((s) => s.stage === m.peakStage);
  const total = peak?.totalBytes ?? m.peakBytesPerGpu;
  const states = peak === undefined ? 0 : peak.weightsBytes + peak.gradsBytes + peak.optimizerBytes;
  return {
    peakBytesPerGpu: m.peakBytesPerGpu,
    capacityBytes: m.capacityBytes,
    usedFraction: share(m.peakBytesPerGpu, m.capacityBytes),
    headroomFraction: share(m.capacityBytes - m.peakBytesPerGpu, m.capacityBytes),
    fits: m.fits,
    overByBytes: m.overByBytes,
    memoryBoundShare: e.memoryWall.memoryBoundShare,
    hbmStallShare: e.memoryWall.hbmStallShare,
    memoryBoundStepShare: computeShare * e.memoryWall.memoryBoundShare,
    hbmBandwidthBytesPerSec: scenario.cluster.accelerator.hbmBandwidthBytesPerSec,
    activationsShare: share(peak?.activationsBytes ?? 0, total),
    statesShare: share(states, total),
  };
}

function networkFacts(scenario: Scenario, e: AnalysisEstimates, options: StepOptions): BottleneckFacts['network'] {
  const { exposed, computeSeconds } = e.step.time;
  const g = e.traffic.groups;
  const tiers = { tp: g.tp.tier, ep: g.ep.tier, cp: g.cp.tier, dp: g.dp.tier, pp: g.pp.tier };
  let up = 0;
  let out = 0;
  for (const kind of ['tp', 'ep', 'cp', 'dp', 'pp'] as const) {
    if (tiers[kind] === 'scale-up') up += exposed[kind];
    else out += exposed[kind];
  }
  const wire = { up: 0, out: 0, upBytes: 0, outBytes: 0 };
  for (const f of e.traffic.flows) {
    wire.up += f.scaleUpWireSeconds;
    wire.out += f.scaleOutWireSeconds;
    wire.upBytes += f.scaleUpBytesPerStep;
    wire.outBytes += f.scaleOutBytesPerStep;
  }
  const links = createCommLinks(scenario.cluster, options.comm).collective;
  return {
    exposed,
    exposedPerCompute: { scaleUp: share(up, computeSeconds), scaleOut: share(out, computeSeconds), total: share(up + out, computeSeconds) },
    utilization: { scaleUp: share(wire.up, computeSeconds), scaleOut: share(wire.out, computeSeconds) },
    demandBytesPerSec: { scaleUp: share(wire.upBytes, computeSeconds), scaleOut: share(wire.outBytes, computeSeconds) },
    bandwidthBytesPerSec: { scaleUp: links.scaleUp.bandwidthBytesPerSec, scaleOut: links.scaleOut.bandwidthBytesPerSec },
    tiers,
    tp: e.step.layout.tp,
    ep: e.step.layout.ep,
    scaleUpDomainGpus: scenario.cluster.scaleUpDomainGpus,
    flows: e.traffic.flows,
  };
}

function siteFacts(scenario: Scenario, e: AnalysisEstimates): Pick<BottleneckFacts, 'power' | 'cooling'> {
  const s = e.site;
  const { powerChain, climate } = scenarioPueInput(scenario);
  const siteMw = scenario.datacenter.sitePowerMw;
  return {
    power: {
      rackWatts: s.racks.rackWatts,
      itNameplateWatts: s.power.itNameplateWatts,
      facilityDesignWatts: s.facility.designWatts,
      blockItWatts: s.blocks.blockItWatts,
      blocks: s.blocks.count,
      itWattsPerGpu: s.power.itWattsPerGpu,
      powerChainLossWattsPerItWatt: s.pue.powerChainLossWattsPerItWatt,
      hvdc: powerChain.distribution === 'hvdc',
      rackFeedWatts: powerChain.rackFeedWatts,
      sitePowerWatts: siteMw === undefined ? null : siteMw * 1e6,
    },
    cooling: {
      cooling: s.racks.cooling,
      maxRackWatts: s.racks.maxRackWatts,
      rackWatts: s.racks.rackWatts,
      referenceRackWatts: s.racks.referenceUnitsPerRack * s.systems.unitWatts,
      unitsPerRack: s.racks.unitsPerRack,
      referenceUnitsPerRack: s.racks.referenceUnitsPerRack,
      limitedByCooling: s.racks.limitedByCooling,
      coolingWattsPerItWatt: s.pue.coolingWattsPerItWatt,
      pue: s.pue.pue,
      freeCoolingFraction: climate.freeCoolingHoursFraction,
    },
  };
}

function reliabilityFacts(e: AnalysisEstimates): BottleneckFacts['reliability'] {
  const g = e.run.goodput;
  const finite = Number.isFinite(g.mtbfSeconds);
  return {
    mtbfHours: g.mtbfHours,
    checkpointBytes: g.checkpointBytes,
    storageBandwidthBytesPerSec: g.storageBandwidthBytesPerSec,
    checkpointWriteSeconds: g.checkpointWriteSeconds,
    checkpointIntervalSeconds: g.checkpointIntervalSeconds,
    restartSeconds: g.restartSeconds,
    checkpointShare: finite ? share(g.checkpointWriteSeconds, g.checkpointIntervalSeconds) : 0,
    failureShare: finite ? (g.checkpointIntervalSeconds / 2 + g.restartSeconds) / g.mtbfSeconds : 0,
    lostFraction: g.lostFraction,
    expectedFailures: g.expectedFailures,
  };
}

/** The facts of one scenario under one layout (see `BottleneckFacts`). */
export function deriveBottleneckFacts(scenario: Scenario, estimates: AnalysisEstimates, options: AnalysisOptions = {}): BottleneckFacts {
  const compute = computeFacts(scenario, estimates);
  return {
    compute,
    memory: memoryFacts(scenario, estimates, compute.computeShare),
    network: networkFacts(scenario, estimates, options.step ?? DEFAULT_STEP_OPTIONS),
    ...siteFacts(scenario, estimates),
    reliability: reliabilityFacts(estimates),
  };
}
