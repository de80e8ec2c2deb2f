/**
 * Fixtures of this folder's tests: example scenario text → scenario and layout (the tests read the
 * files), and a neutral BottleneckFacts record on which only the always-applicable rules fire.
 */
import { createLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import type { BottleneckFacts } from './bottlenecks/types.js';

/** Scenario text with each `[from, to]` edit applied once, parsed, with its layout. */
export function scenarioFromText(text: string, edits: readonly (readonly [string, string])[] = []): { scenario: Scenario; layout: Layout } {
  let edited = text;
  for (const [from, to] of edits) {
    if (!edited.includes(from)) throw new Error(`fixture edit: "${from}" not found`);
    edited = edited.replace(from, to);
  }
  const scenario = parseScenarioText(edited);
  return { scenario, layout: createLayout(scenario) };
}

/** Facts on which only the always-applicable rules fire, all at low scores. */
export function neutralFacts(): BottleneckFacts {
  return {
    compute: {
      stepSeconds: 10, computeSeconds: 5, computeShare: 0.5, tensorCoreShare: 0.45, mfu: 0.4, mfuBf16: 0.4, hfu: 0.4,
      recomputeFlopFraction: 0, recomputeStepShare: 0, precision: 'fp8', sixteenBit: false, fp8PeakRatio: 1,
      bubbleSeconds: 0, bubbleShare: 0,
    },
    memory: {
      peakBytesPerGpu: 40e9, capacityBytes: 100e9, usedFraction: 0.4, headroomFraction: 0.6, fits: true, overByBytes: 0,
      memoryBoundShare: 0.1, hbmStallShare: 0.05, memoryBoundStepShare: 0.05, hbmBandwidthBytesPerSec: 3e12,
      activationsShare: 0.4, statesShare: 0.4,
    },
    network: {
      exposed: { tp: 0, ep: 0, cp: 0, dp: 0, pp: 0 },
      exposedPerCompute: { scaleUp: 0, scaleOut: 0, total: 0 },
      utilization: { scaleUp: 0, scaleOut: 0 },
      demandBytesPerSec: { scaleUp: 0, scaleOut: 0 },
      bandwidthBytesPerSec: { scaleUp: 360e9, scaleOut: 40e9 },
      tiers: { tp: 'scale-up', ep: 'scale-up', cp: 'scale-up', dp: 'scale-up', pp: 'scale-up' },
      tp: 1, ep: 1, scaleUpDomainGpus: 8, flows: [],
    },
    power: {
      rackWatts: 15_000, itNameplateWatts: 1e6, facilityDesignWatts: 1.2e6, blockItWatts: 2e6, blocks: 1,
      itWattsPerGpu: 1500, powerChainLossWattsPerItWatt: 0.02, hvdc: true, rackFeedWatts: 1e6, sitePowerWatts: null,
    },
    cooling: {
      cooling: 'direct-to-chip', maxRackWatts: 140_000, rackWatts: 15_000, referenceRackWatts: 15_000, unitsPerRack: 4,
      referenceUnitsPerRack: 4, limitedByCooling: false, coolingWattsPerItWatt: 0.04, pue: 1.1, freeCoolingFraction: 0.4,
    },
    reliability: {
      mtbfHours: 100, checkpointBytes: 1e12, storageBandwidthBytesPerSec: 1e12, checkpointWriteSeconds: 0,
      checkpointIntervalSeconds: 1000, restartSeconds: 600, checkpointShare: 0, failureShare: 0, lostFraction: 0, expectedFailures: 0,
    },
  };
}

export type FactOverrides = { readonly [K in keyof BottleneckFacts]?: Partial<BottleneckFacts[K]> };

/** Neutral facts with some fields of some groups replaced. */
export function createFacts(overrides: FactOverrides = {}): BottleneckFacts {
  const base = neutralFacts();
  return {
    compute: { ...base.compute, ...overrides.compute },
    memory: { ...base.memory, ...overrides.memory },
    network: { ...base.network, ...overrides.network },
    power: { ...base.power, ...overrides.power },
    cooling: { ...base.cooling, ...overrides.cooling },
    reliability: { ...base.reliability, ...overrides.reliability },
  };
}
