import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunsFile } from '../runs/record-schema.js';
import type { RunCase } from '../runs/types.js';
import { sourceFamily } from '../validate/summarize.js';
import { collectCases } from '../validate/validate-runs.js';
import { DEFAULT_CALIBRATION_SETUP, crossValidate } from './cross-validate.js';

const RECORDS = parseRunsFile(readFileSync(new URL('../../../data/runs-dev.json', import.meta.url), 'utf8'));
// A cheap subset: two A100 BF16 dense runs of each source family that has some (each case costs ~10 step estimates).
const CASES = collectCases(RECORDS).cases
  .filter((c) => c.scenario.cluster.accelerator.id === 'a100-80gb' && c.scenario.training.precision === 'bf16' && c.scenario.model.moe === null)
  .filter((c) => c.measured.tokensPerSecPerGpu !== undefined || c.measured.stepTimeS !== undefined)
  .filter((c, i, all) => all.slice(0, i).filter((o) => sourceFamily(o.id) === sourceFamily(c.id)).length < 2);

function withMeasuredScaled(c: RunCase, factor: number): RunCase {
  const m = c.measured;
  return {
    ...c,
    measured: {
      ...m,
      ...(m.tokensPerSecPerGpu === undefined ? {} : { tokensPerSecPerGpu: m.tokensPerSecPerGpu * factor }),
      ...(m.stepTimeS === undefined ? {} : { stepTimeS: m.stepTimeS / factor }),
      ...(m.mfu === undefined ? {} : { mfu: m.mfu * factor }),
    },
  };
}

describe('crossValidate (leave one source family out)', () => {
  const families = new Set(CASES.map((c) => c.id.replace(/-\d+$/, '')));
  const base = crossValidate(CASES, DEFAULT_CALIBRATION_SETUP);

  it('predicts every run of the subset once, summarised by family, accelerator, precision and architecture', () => {
    expect(families.size).toBeGreaterThanOrEqual(2);
    expect(base.summary.modeled).toBe(CASES.length);
    expect(Object.keys(base.summary.byFamily).sort()).toEqual([...families].sort());
    expect(base.summary.byAccelerator['a100-80gb']?.modeled).toBe(CASES.length);
    expect(base.summary.byArchitecture.dense.modeled).toBe(CASES.length);
  });

  it("a family's predictions never see its own measurements, but move with the other families'", () => {
    const family = [...families][0] ?? '';
    const ownAltered = CASES.map((c) => (c.id.startsWith(`${family}-`) ? withMeasuredScaled(c, 1.5) : c));
    const othersAltered = CASES.map((c) => (c.id.startsWith(`${family}-`) ? c : withMeasuredScaled(c, 1.5)));
    const predictedOf = (runs: typeof base.runs) => runs.filter((r) => r.id.startsWith(`${family}-`)).map((r) => r.predicted);
    expect(predictedOf(crossValidate(ownAltered, DEFAULT_CALIBRATION_SETUP).runs)).toEqual(predictedOf(base.runs));
    const moved = predictedOf(crossValidate(othersAltered, DEFAULT_CALIBRATION_SETUP).runs);
    expect(moved.every((p, i) => p !== predictedOf(base.runs)[i])).toBe(true);
  });
});
