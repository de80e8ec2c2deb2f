import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFacts, type FactOverrides } from '../test-fixtures.js';
import { computeBound, computeFp8Available, computePipelineBubble, computeRecompute } from './rules-compute.js';
import { coolingAirDenseRacks, coolingDensityLimited, coolingEnergy, coolingRackHeadroom } from './rules-cooling.js';
import { memoryActivationsTight, memoryBandwidthWall, memoryCapacity, memoryDoesNotFit, memoryStatesTight } from './rules-memory.js';
import {
  networkEpAcrossDomains, networkExposed, networkScaleOutExposed, networkScaleOutSaturated, networkScaleUpExposed,
  networkScaleUpSaturated, networkTpAcrossDomains,
} from './rules-network.js';
import { powerChainLosses, powerRackFeed, powerSiteCap, powerSiteScale } from './rules-power.js';
import { reliabilityFailures, reliabilityGoodput, storageCheckpointWrite } from './rules-storage.js';
import { BOTTLENECK_RULES } from './rules.js';
import { DOMAINS, type BottleneckRule } from './types.js';

/**
 * One case per rule: facts where it fires (with the expected score from its formula) and facts
 * where it does not — for rules that always apply, facts at the low anchor where it scores 0.
 */
interface RuleCase {
  readonly rule: BottleneckRule;
  readonly fires: FactOverrides;
  readonly score: number;
  readonly quiet: FactOverrides;
  readonly always?: boolean;
}

const outTiers = { tp: 'scale-out', ep: 'scale-out', cp: 'scale-up', dp: 'scale-out', pp: 'scale-out' } as const;
const zeroExposed = { tp: 0, ep: 0, cp: 0, dp: 0, pp: 0 };

const CASES: readonly RuleCase[] = [
  // saving = 0.8 · (1 − 1/2) = 0.4 → 100 · 0.4 / 0.5
  { rule: computeFp8Available, fires: { compute: { sixteenBit: true, fp8PeakRatio: 2, tensorCoreShare: 0.8 } }, score: 80, quiet: { compute: { sixteenBit: true, fp8PeakRatio: 1 } } },
  { rule: computeRecompute, fires: { compute: { recomputeFlopFraction: 1 / 3, recomputeStepShare: 0.2 } }, score: 80, quiet: {} },
  { rule: computePipelineBubble, fires: { compute: { bubbleSeconds: 2, bubbleShare: 0.2 } }, score: 40, quiet: {} },
  { rule: computeBound, fires: { compute: { tensorCoreShare: 0.9 } }, score: 90, quiet: { compute: { tensorCoreShare: 0 } }, always: true },
  { rule: memoryDoesNotFit, fires: { memory: { fits: false, usedFraction: 1.2, overByBytes: 20e9 } }, score: 100, quiet: {} },
  { rule: memoryActivationsTight, fires: { memory: { usedFraction: 0.95, activationsShare: 0.6 } }, score: 90, quiet: { memory: { usedFraction: 0.95, activationsShare: 0.3 } } },
  { rule: memoryStatesTight, fires: { memory: { usedFraction: 0.95, statesShare: 0.6 } }, score: 90, quiet: { memory: { usedFraction: 0.8, statesShare: 0.6 } } },
  { rule: memoryCapacity, fires: { memory: { usedFraction: 0.75 } }, score: 50, quiet: { memory: { fits: false } } },
  { rule: memoryBandwidthWall, fires: { memory: { memoryBoundStepShare: 0.25 } }, score: 50, quiet: { memory: { memoryBoundStepShare: 0 } }, always: true },
  // exposed tp 0.625 s over 5 s of compute = 0.125 → 50
  { rule: networkTpAcrossDomains, fires: { network: { tp: 16, tiers: outTiers, exposed: { ...zeroExposed, tp: 0.625 } } }, score: 50, quiet: { network: { tp: 16, exposed: { ...zeroExposed, tp: 0.625 } } } },
  { rule: networkEpAcrossDomains, fires: { network: { ep: 64, tiers: outTiers, exposed: { ...zeroExposed, ep: 0.25 } } }, score: 20, quiet: { network: { ep: 8, exposed: { ...zeroExposed, ep: 0.25 } } } },
  { rule: networkScaleOutSaturated, fires: { network: { utilization: { scaleUp: 0, scaleOut: 0.6 } } }, score: 60, quiet: {} },
  { rule: networkScaleUpSaturated, fires: { network: { utilization: { scaleUp: 0.3, scaleOut: 0 } } }, score: 30, quiet: {} },
  { rule: networkScaleOutExposed, fires: { network: { exposedPerCompute: { scaleUp: 0, scaleOut: 0.1, total: 0.1 } } }, score: 40, quiet: {} },
  { rule: networkScaleUpExposed, fires: { network: { exposedPerCompute: { scaleUp: 0.05, scaleOut: 0, total: 0.05 } } }, score: 20, quiet: {} },
  { rule: networkExposed, fires: { network: { exposedPerCompute: { scaleUp: 0.1, scaleOut: 0.4, total: 0.5 } } }, score: 100, quiet: {}, always: true },
  // (70 − 20) / (120 − 20)
  { rule: powerRackFeed, fires: { power: { rackWatts: 90_000, rackFeedWatts: 120_000 } }, score: 50, quiet: { power: { rackWatts: 40_000, rackFeedWatts: 120_000 } } },
  { rule: powerSiteCap, fires: { power: { facilityDesignWatts: 7.5e6, sitePowerWatts: 10e6 } }, score: 50, quiet: { power: { sitePowerWatts: null } } },
  // (0.11 − 0.02) / (0.2 − 0.02)
  { rule: powerChainLosses, fires: { power: { hvdc: false, powerChainLossWattsPerItWatt: 0.11 } }, score: 50, quiet: { power: { hvdc: true, powerChainLossWattsPerItWatt: 0.11 } } },
  // log10(20 MW / 2 MW) / log10(200 MW / 2 MW) = 1/2
  { rule: powerSiteScale, fires: { power: { facilityDesignWatts: 20e6 } }, score: 50, quiet: { power: { facilityDesignWatts: 1e6 } }, always: true },
  { rule: coolingDensityLimited, fires: { cooling: { limitedByCooling: true, unitsPerRack: 2, referenceUnitsPerRack: 4 } }, score: 50, quiet: {} },
  { rule: coolingAirDenseRacks, fires: { cooling: { cooling: 'air', rackWatts: 42_500 } }, score: 50, quiet: { cooling: { cooling: 'air', rackWatts: 30_000 } } },
  { rule: coolingRackHeadroom, fires: { cooling: { rackWatts: 105_000, maxRackWatts: 140_000 } }, score: 50, quiet: { cooling: { rackWatts: 26_000, maxRackWatts: 140_000 } } },
  { rule: coolingEnergy, fires: { cooling: { coolingWattsPerItWatt: 0.3 } }, score: 50, quiet: { cooling: { coolingWattsPerItWatt: 0.04 } }, always: true },
  { rule: storageCheckpointWrite, fires: { reliability: { checkpointShare: 0.025 } }, score: 50, quiet: {} },
  { rule: reliabilityFailures, fires: { reliability: { failureShare: 0.05 } }, score: 50, quiet: {} },
  { rule: reliabilityGoodput, fires: { reliability: { lostFraction: 0.075 } }, score: 50, quiet: { reliability: { lostFraction: 0 } }, always: true },
];

describe('bottleneck rules', () => {
  it('every rule of BOTTLENECK_RULES has a case, with a unique id', () => {
    const ids = BOTTLENECK_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(CASES.map((c) => c.rule.id).sort()).toEqual([...ids].sort());
  });

  it('every domain ends with a rule that always applies, and has at least one', () => {
    for (const domain of DOMAINS) {
      const rules = BOTTLENECK_RULES.filter((r) => r.domain === domain);
      const last = rules[rules.length - 1];
      expect(last, domain).toBeDefined();
      expect(CASES.find((c) => c.rule === last)?.always, `${domain}: ${last?.id}`).toBe(true);
    }
  });

  for (const c of CASES) {
    describe(c.rule.id, () => {
      it(`fires and scores ${c.score}: ${c.rule.formula}`, () => {
        const f = createFacts(c.fires);
        expect(c.rule.applies(f)).toBe(true);
        expect(c.rule.score(f)).toBeCloseTo(c.score, 9);
        const evidence = c.rule.evidence(f);
        expect(Object.keys(evidence).length).toBeGreaterThan(0);
        for (const e of Object.values(evidence)) expect(Number.isFinite(e.value)).toBe(true);
        expect(c.rule.remedies.length).toBeGreaterThan(0);
      });
      if (c.always === true) {
        it('always applies, and scores 0 at the low anchor', () => {
          const f = createFacts(c.quiet);
          expect(c.rule.applies(f)).toBe(true);
          expect(c.rule.score(f)).toBe(0);
        });
      } else {
        it('does not fire without its condition', () => {
          expect(c.rule.applies(createFacts(c.quiet))).toBe(false);
        });
      }
    });
  }

  it('every rule scores within [0, 100] on arbitrary facts', () => {
    const share = fc.double({ min: 0, max: 3, noNaN: true });
    fc.assert(fc.property(
      fc.record({
        a: share, b: share, c: share, d: share, e: share,
        watts: fc.double({ min: 1, max: 1e10, noNaN: true }),
        units: fc.integer({ min: 1, max: 8 }),
        fits: fc.boolean(),
        ratio: fc.double({ min: 1, max: 8, noNaN: true }),
      }),
      (x) => {
        const f = createFacts({
          compute: { tensorCoreShare: x.a, recomputeFlopFraction: x.b, recomputeStepShare: x.c, bubbleSeconds: x.d, bubbleShare: x.d, sixteenBit: true, fp8PeakRatio: x.ratio },
          memory: { fits: x.fits, usedFraction: x.a, activationsShare: x.b, statesShare: x.c, memoryBoundStepShare: x.e },
          network: { tp: 16, ep: 64, tiers: outTiers, exposed: { tp: x.a, ep: x.b, cp: 0, dp: x.c, pp: x.d }, exposedPerCompute: { scaleUp: x.a, scaleOut: x.b, total: x.a + x.b }, utilization: { scaleUp: x.c, scaleOut: x.e } },
          power: { rackWatts: x.watts, facilityDesignWatts: x.watts, powerChainLossWattsPerItWatt: x.e, hvdc: false, sitePowerWatts: 1e7 },
          cooling: { cooling: 'air', rackWatts: x.watts, limitedByCooling: true, unitsPerRack: x.units, referenceUnitsPerRack: 8, coolingWattsPerItWatt: x.c },
          reliability: { checkpointShare: x.a, failureShare: x.b, lostFraction: x.c },
        });
        for (const rule of BOTTLENECK_RULES) {
          const score = rule.score(f);
          expect(score, rule.id).toBeGreaterThanOrEqual(0);
          expect(score, rule.id).toBeLessThanOrEqual(100);
        }
      },
    ), { seed: 7, numRuns: 200 });
  });
});
