import { describe, expect, it } from 'vitest';
import { PRIOR_EFFICIENCY_PARAMS } from '../compute/efficiency-params.js';
import type { CalibrationPrior } from '../compute/efficiency-fit.js';
import type { AssumedField } from '../runs/record-conventions.js';
import type { RunCase } from '../runs/types.js';
import { fitResponses, isFittable } from './fit.js';
import { responseLnPredicted, type CaseResponse } from './response.js';

/** A prior with one parameter `e` (prior 0.5) that is every record's effMax. */
function prior(sigmaLn: number): CalibrationPrior {
  return {
    structure: 'test',
    efficiency: PRIOR_EFFICIENCY_PARAMS,
    parameters: { e: { value: 0.5, sigmaLn, min: 0.1, max: 1, description: 'test' } },
    term: () => ({ keys: ['e'], evaluate: (v) => v('e') }),
    softwareKey: () => null,
    residualSigmaLn: 0.1,
    familySigmaLn: 0.05,
  };
}

/**
 * A synthetic run whose throughput is proportional to effMax: ln m = ln E + ln(scale), tabulated
 * on the response grid (10 points of ln E from ln 0.1 to 0), measured at E = `trueEff`.
 */
function run(id: string, scale: number, trueEff: number, tag = id, key = 'e'): CaseResponse {
  const grid = Array.from({ length: 10 }, (_, i) => Math.log(0.1) * (1 - i / 9) + Math.log(scale));
  const fake = { id, assumed: [], scenario: { model: tag, cluster: { accelerator: { id: 'x' }, gpus: 1 }, training: {} }, layout: {}, flags: { forcedBalancedRouting: false } };
  // Only configurationKey and isFittable read `case` (scenario, layout, flags, assumed): a structural stand-in suffices.
  const c: RunCase = JSON.parse(JSON.stringify(fake));
  return { id, family: id.replace(/-\d+$/, ''), case: c, lnMeasured: Math.log(trueEff * scale), main: { term: { keys: [key], evaluate: (v) => v(key) }, lnPredicted: grid }, secondary: null };
}

describe('isFittable', () => {
  const withField = (basis: 'convention' | 'planner' | 'unknown', field: AssumedField['field'] = 'vp'): CaseResponse => {
    const r = run('A-001', 1000, 0.6);
    return { ...r, case: { ...r.case, assumed: [{ field, value: 1, basis, source: 'test' }] } };
  };

  it('a run whose null fields a convention or the planner\'s micro-batch fixes is fitted on; a planner vp or recomputation, or an unknown field, keeps it out', () => {
    expect(isFittable(run('A-001', 1000, 0.6))).toBe(true);
    expect(isFittable(withField('convention'))).toBe(true);
    expect(isFittable(withField('planner', 'microBatch'))).toBe(true);
    expect(isFittable(withField('planner', 'vp'))).toBe(false);
    expect(isFittable(withField('planner', 'recompute'))).toBe(false);
    expect(isFittable(withField('unknown', 'microBatch'))).toBe(false);
  });

  it('an unknown routing imbalance keeps a run out; an unknown packed-sample length (a few % of the step) does not', () => {
    expect(isFittable(withField('unknown', 'expertLoadImbalance'))).toBe(false);
    expect(isFittable(withField('unknown', 'documentTokens'))).toBe(true);
  });

  it('fitResponses ignores a planner-resolved run: adding one at a different efficiency leaves the fit unchanged', () => {
    const base = [run('A-001', 1000, 0.62), run('B-001', 50, 0.62)];
    const planned = { ...run('C-001', 300, 0.3), case: withField('planner').case };
    expect(fitResponses([...base, planned], prior(Infinity), 'run').values.e).toBeCloseTo(fitResponses(base, prior(Infinity), 'run').values.e ?? 0, 9);
  });
});

describe('fitResponses', () => {
  it('recovers the effMax that reproduces the measurements (no prior term)', () => {
    const fit = fitResponses([run('A-001', 1000, 0.62), run('A-002', 3000, 0.62), run('B-001', 50, 0.62)], prior(Infinity), 'run');
    expect(fit.values.e).toBeCloseTo(0.62, 3);
    expect(fit.parameters[0]?.families).toEqual(['A', 'B']);
  });

  it('the prior term shrinks a one-run fit toward the prior: θ = exp((n·x̂/σr² + x⁰/σ²) / (n/σr² + 1/σ²))', () => {
    const fit = fitResponses([run('A-001', 1000, 0.8)], prior(0.1), 'run');
    // one run, σr = σ = 0.1: the posterior mode is the geometric mean of 0.8 and 0.5
    expect(fit.values.e).toBeCloseTo(Math.sqrt(0.8 * 0.5), 3);
    expect(fit.parameters[0]?.sigmaLn).toBeCloseTo(0.1 / Math.SQRT2, 3);
  });

  it('a hierarchical prior: a member without runs follows what its pool mates achieve against their own prior', () => {
    const pooled: CalibrationPrior = {
      ...prior(Infinity),
      parameters: {
        k: { value: 1, sigmaLn: Infinity, min: 0.3, max: 1.5, description: 'pool' },
        e: { value: 0.5, sigmaLn: 0.1, min: 0.1, max: 1, description: 'member with runs', scaledBy: 'k' },
        f: { value: 0.4, sigmaLn: 0.1, min: 0.1, max: 1, description: 'member without runs', scaledBy: 'k' },
      },
    };
    // e's runs say 0.4 = 0.8 × its prior; the pool has no prior term, so it takes the whole ratio
    const fit = fitResponses([run('A-001', 1000, 0.4), run('B-001', 50, 0.4)], pooled, 'run');
    expect(fit.values.e).toBeCloseTo(0.4, 3);
    expect(fit.values.k).toBeCloseTo(0.8, 3);
    expect(fit.values.f).toBeCloseTo(0.4 * 0.8, 3);
    expect(fit.parameters.map((p) => p.key)).toEqual(['e', 'k']);
  });

  it("'family' weighting fits a family's common factor: where it overlaps others it measures high, so its lone parameter is corrected down", () => {
    const two: CalibrationPrior = {
      ...prior(Infinity),
      parameters: { e: { value: 0.5, sigmaLn: Infinity, min: 0.1, max: 1, description: 'shared' }, f: { value: 0.3, sigmaLn: Infinity, min: 0.1, max: 1, description: 'family A only' } },
    };
    // family A measures 20% above B on the shared parameter; only A measures f
    const runs = [run('A-001', 1000, 0.6), run('A-002', 500, 0.3, 'A-002', 'f'), run('B-001', 1000, 0.5), run('B-002', 300, 0.5), run('B-003', 50, 0.5)];
    const byConfig = fitResponses(runs, two, 'configuration');
    const byFamily = fitResponses(runs, two, 'family');
    expect(byConfig.familyEffects).toEqual({});
    expect(byConfig.values.f).toBeCloseTo(0.3, 3);
    expect(byFamily.familyEffects.A ?? 0).toBeGreaterThan(1.02);
    expect(byFamily.values.f ?? 1).toBeLessThan(0.3 / 1.02);
    // the lone parameter's run is still reproduced once the family factor is applied
    expect((byFamily.values.f ?? 0) * (byFamily.familyEffects.A ?? 0)).toBeCloseTo(0.3, 3);
  });

  it("'configuration' weighting counts repeated configurations once", () => {
    const repeated = [run('A-001', 1000, 0.8, 'same'), run('A-002', 1000, 0.8, 'same'), run('A-003', 1000, 0.8, 'same')];
    const byRun = fitResponses(repeated, prior(0.1), 'run');
    const byConfig = fitResponses(repeated, prior(0.1), 'configuration');
    expect(byConfig.configurations).toBe(1);
    expect(byConfig.values.e).toBeCloseTo(Math.sqrt(0.8 * 0.5), 3);
    expect(byRun.values.e ?? 0).toBeGreaterThan(byConfig.values.e ?? 1);
  });

  it('responseLnPredicted interpolates the tabulated response', () => {
    const r = run('A-001', 1000, 0.5);
    expect(responseLnPredicted(prior(Infinity), r, { e: 0.37 })).toBeCloseTo(Math.log(370), 6);
  });
});
