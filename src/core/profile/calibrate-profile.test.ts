import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_PRIOR } from '../compute/efficiency-params.js';
import { applyCalibration } from '../compute/efficiency-fit.js';
import { parseRunsFile } from '../runs/record-schema.js';
import { DEFAULT_STEP_OPTIONS } from '../step/options.js';
import { sourceFamily } from '../validate/summarize.js';
import { collectCases, isRunValidation, validateCase } from '../validate/validate-runs.js';
import { calibrationKeys, calibrationStructure, profileStepOptions, type CalibrationBase } from './built-in.js';
import { calibrateProfile } from './calibrate-profile.js';
import { formatProfile, parseProfileText } from './parse-profile.js';

const { cases } = collectCases(parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8')));
const titan = cases.filter((c) => sourceFamily(c.id) === 'TORCHTITAN' && isRunValidation(validateCase(c, DEFAULT_STEP_OPTIONS)));
const models = [...new Set(titan.map((c) => c.scenario.model.name))].sort();
const fitOn = titan.filter((c) => models.indexOf(c.scenario.model.name) % 2 === 0);
const heldOut = titan.filter((c) => models.indexOf(c.scenario.model.name) % 2 === 1);

// A cluster the calibration has never seen: start from the datasheet priors alone.
const unseen: CalibrationBase = { values: Object.fromEntries(Object.entries(CALIBRATION_PRIOR.parameters).map(([k, p]) => [k, p.value])), sigmaLn: {} };

function meanAbsPct(options: typeof DEFAULT_STEP_OPTIONS): number {
  const errors = heldOut.map((c) => validateCase(c, options)).filter(isRunValidation).map((v) => Math.abs(v.errorPct));
  return errors.reduce((a, b) => a + b, 0) / errors.length;
}

describe('calibrateProfile', () => {
  const result = calibrateProfile(fitOn, { name: 'titan', inputs: ['runs-dev.json'] }, unseen);

  it('the split is disjoint by model and both halves have runs', () => {
    expect(fitOn.length).toBeGreaterThan(2);
    expect(heldOut.length).toBeGreaterThan(0);
    expect(new Set(fitOn.map((c) => c.scenario.model.name)).size + new Set(heldOut.map((c) => c.scenario.model.name)).size).toBe(models.length);
  });

  it('fitting some models of a cluster improves the prediction of its other models', () => {
    const before = meanAbsPct({ ...DEFAULT_STEP_OPTIONS, efficiency: applyCalibration(CALIBRATION_PRIOR, unseen.values, 'priors') });
    const after = meanAbsPct(profileStepOptions(result.profile, unseen));
    // With the power-capped clock and torchtitan's FlashAttention-2 kernels in the built-in model the
    // prior already lands under 8 % on these runs (was ~12 %); the profile must still lower the
    // unseen model's error, and keep it under 8 %.
    expect(after).toBeLessThan(before);
    expect(after).toBeLessThan(8);
  });

  it('reports every fitted run with its error before and after, and a leave-one-out error', () => {
    expect(result.profile.residuals).toHaveLength(fitOn.length);
    const meanAfter = result.profile.residuals.reduce((s, r) => s + Math.abs(r.afterPct), 0) / fitOn.length;
    const meanBefore = result.profile.residuals.reduce((s, r) => s + Math.abs(r.beforePct), 0) / fitOn.length;
    expect(meanAfter).toBeLessThan(meanBefore);
    expect(result.profile.leaveOneOutMeanAbsPct).not.toBeNull();
    expect(result.profile.leaveOneOutMeanAbsPct ?? 0).toBeGreaterThanOrEqual(meanAfter * 0.5);
  });

  it('each fitted value carries its uncertainty and the value it moved from', () => {
    const entries = Object.entries(result.profile.parameters);
    expect(entries.length).toBeGreaterThan(0);
    for (const [, p] of entries) {
      expect(p.sigmaLn).toBeGreaterThan(0);
      expect(p.value).not.toBe(p.builtIn);
    }
  });

  it('one run moves a parameter less than many (shrinkage toward the built-in value)', () => {
    const one = calibrateProfile(fitOn.slice(0, 1), { name: 'one', inputs: [] }, unseen);
    const key = Object.keys(one.profile.parameters)[0] ?? '';
    const p1 = one.profile.parameters[key];
    const pn = result.profile.parameters[key];
    expect(p1).toBeDefined();
    expect(pn).toBeDefined();
    if (p1 !== undefined && pn !== undefined) expect(Math.abs(Math.log(p1.value / p1.builtIn))).toBeLessThan(Math.abs(Math.log(pn.value / pn.builtIn)));
    expect(one.profile.leaveOneOutMeanAbsPct).toBeNull();
  });

  it('refuses what one precision cannot separate (the precision ratio from the silicon efficiency), saying why', () => {
    const fp8 = fitOn.filter((c) => c.scenario.training.precision === 'fp8');
    const r = calibrateProfile(fp8, { name: 'fp8', inputs: [] }, unseen);
    const twin = r.refused.find((x) => /cannot be separated/.test(x.reason));
    expect(twin, JSON.stringify(r.refused)).toBeDefined();
    expect(Object.keys(r.profile.parameters)).not.toContain(twin?.key);
  });

  it('runs in two precisions on one chip separate the ratio; one stack cannot separate its software efficiency from the silicon', () => {
    const precisions = new Set(fitOn.map((c) => c.scenario.training.precision));
    expect(precisions.size).toBeGreaterThan(1);
    expect(Object.keys(result.profile.parameters)).toContain('ratio:fp8/bf16');
    expect(result.refused.map((x) => x.key)).toContain('software:torchtitan');
  });
});

describe('profile file', () => {
  const { profile } = calibrateProfile(fitOn, { name: 'titan', inputs: ['runs-dev.json'] });

  it('round-trips: formatProfile → parseProfileText gives the same profile, which applies', () => {
    const text = formatProfile(profile);
    const back = parseProfileText(text, calibrationStructure(), calibrationKeys());
    expect(back).toEqual(profile);
    const c = fitOn[0];
    if (c === undefined) throw new Error('no case');
    const v = validateCase(c, profileStepOptions(back));
    expect(isRunValidation(v)).toBe(true);
  });

  it('refuses another version, another structure and unknown parameters, naming the field', () => {
    const text = formatProfile(profile);
    expect(() => parseProfileText(text.replace('scaleplanProfile: 1', 'scaleplanProfile: 2'), calibrationStructure(), calibrationKeys())).toThrow(/^scaleplanProfile = 2: must be 1/);
    expect(() => parseProfileText(text, 'another structure', calibrationKeys())).toThrow(/^structure = .*another calibration structure/);
    const bad = formatProfile({ ...profile, parameters: { 'tpu/bf16': { value: 0.5, builtIn: 0.5, sigmaLn: 0.1, runs: 1 } } });
    expect(() => parseProfileText(bad, calibrationStructure(), calibrationKeys())).toThrow(/^parameters\.tpu\/bf16 = .*not a calibration parameter/);
  });
});
