/**
 * Calibration: fits the achievable GEMM efficiency (effMax) of each (accelerator, precision) group
 * to the published runs in data/runs-dev.json, and writes src/core/compute/efficiency-fitted.ts.
 *
 *   npm run calibrate                 # fit and write
 *   npm run calibrate -- --dry-run    # fit and print only
 *   npm run calibrate -- --cross-validate   # also leave-one-out errors (slower)
 *
 * Objective per group: minimise Σ ln²(predicted / measured) over the group's runs (throughput,
 * else step time, else MFU — the metric `scaleplan validate` compares), by golden-section search of
 * effMax in [0.15, 1]. Groups are independent: a run only uses its own group's GEMM record.
 * Groups and ties (same silicon, same tensor-core path) are documented in efficiency-fit.ts.
 * Nothing is keyed by model or run: a group is an accelerator and a precision.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyGemmFits, calibrationGroup, groupKey, type FittedGemm } from '../src/core/compute/efficiency-fit.js';
import { PRIOR_EFFICIENCY_PARAMS } from '../src/core/compute/efficiency-params.js';
import type { Precision } from '../src/core/hardware/types.js';
import { parseRunsFile } from '../src/core/runs/index.js';
import type { RunCase } from '../src/core/runs/types.js';
import { DEFAULT_STEP_OPTIONS } from '../src/core/step/options.js';
import { summarizeErrors } from '../src/core/validate/summarize.js';
import { collectCases, isRunValidation, validateCase } from '../src/core/validate/validate-runs.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'src', 'core', 'compute', 'efficiency-fitted.ts');
const args = new Set(process.argv.slice(2));

function errorsWith(cases: readonly RunCase[], fit: FittedGemm): number[] {
  const options = { ...DEFAULT_STEP_OPTIONS, efficiency: applyGemmFits(PRIOR_EFFICIENCY_PARAMS, [fit]) };
  const out: number[] = [];
  for (const c of cases) {
    const v = validateCase(c, options);
    if (isRunValidation(v)) out.push(v.errorPct);
  }
  return out;
}

function loss(errorsPct: readonly number[]): number {
  let sum = 0;
  for (const e of errorsPct) sum += Math.log(1 + e / 100) ** 2;
  return sum;
}

/** Golden-section search of effMax in [lo, hi] minimising the log loss of `cases`. */
function fitGroup(cases: readonly RunCase[], accelerator: string, precision: Precision): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = 0.15;
  let hi = 1;
  const f = (x: number): number => loss(errorsWith(cases, { accelerator, precision, effMax: x, runs: 0, residualMeanAbsPct: 0, source: '' }));
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = f(a);
  let fb = f(b);
  for (let i = 0; i < 28; i += 1) {
    if (fa < fb) { hi = b; b = a; fb = fa; a = hi - phi * (hi - lo); fa = f(a); }
    else { lo = a; a = b; fa = fb; b = lo + phi * (hi - lo); fb = f(b); }
  }
  return (lo + hi) / 2;
}

const records = parseRunsFile(readFileSync(join(ROOT, 'data', 'runs-dev.json'), 'utf8'));
const { cases } = collectCases(records);
const groups = new Map<string, RunCase[]>();
for (const c of cases) {
  const key = groupKey(c.scenario.cluster.accelerator.id, c.scenario.training.precision);
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

const fits: FittedGemm[] = [];
console.log('group                        runs  prior-MAE  effMax  fitted-MAE  leave-one-out-MAE');
for (const key of [...groups.keys()].sort()) {
  const groupCases = groups.get(key) ?? [];
  const first = groupCases[0];
  if (first === undefined) continue;
  const g = calibrationGroup(first.scenario.cluster.accelerator.id, first.scenario.training.precision);
  const priorErrors = errorsWith(groupCases, { ...g, effMax: PRIOR_EFFICIENCY_PARAMS.gemm.find((r) => r.accelerator === g.accelerator && r.precision === g.precision)?.effMax ?? PRIOR_EFFICIENCY_PARAMS.generic.gemm[g.precision].effMax, runs: 0, residualMeanAbsPct: 0, source: '' });
  const effMax = Number(fitGroup(groupCases, g.accelerator, g.precision).toFixed(3));
  const residual = summarizeErrors(errorsWith(groupCases, { ...g, effMax, runs: 0, residualMeanAbsPct: 0, source: '' })).meanAbsPctError;
  let loo = '';
  if (args.has('--cross-validate') && groupCases.length > 1) {
    const out: number[] = [];
    for (let i = 0; i < groupCases.length; i += 1) {
      const rest = groupCases.filter((_, j) => j !== i);
      const held = groupCases[i];
      if (held === undefined) continue;
      const x = fitGroup(rest, g.accelerator, g.precision);
      out.push(...errorsWith([held], { ...g, effMax: x, runs: 0, residualMeanAbsPct: 0, source: '' }));
    }
    loo = `${summarizeErrors(out).meanAbsPctError.toFixed(1)}%`;
  }
  const ids = groupCases.map((c) => c.id.replace(/-\d+$/, '')).filter((v, i, a) => a.indexOf(v) === i).join(', ');
  fits.push({
    ...g,
    effMax,
    runs: groupCases.length,
    residualMeanAbsPct: Number(residual.toFixed(1)),
    source: `fitted by scripts/calibrate.ts on ${groupCases.length} run(s) of data/runs-dev.json at ${g.accelerator}/${g.precision} (${ids}); residual mean |error| ${residual.toFixed(1)}%`,
  });
  console.log(`${key.padEnd(28)} ${String(groupCases.length).padStart(4)}  ${summarizeErrors(priorErrors).meanAbsPctError.toFixed(1).padStart(8)}%  ${effMax.toFixed(3)}  ${residual.toFixed(1).padStart(9)}%  ${loo.padStart(10)}`);
}

const body = `/**
 * GEMM efficiencies fitted by \`scripts/calibrate.ts\` (generated file: re-run \`npm run calibrate\`
 * after changing the model; do not edit by hand). One effMax per (accelerator, precision) group;
 * groups and ties are documented in efficiency-fit.ts.
 */
import type { FittedGemm } from './efficiency-fit.js';

export { applyGemmFits } from './efficiency-fit.js';

export const FITTED_GEMM: readonly FittedGemm[] = ${JSON.stringify(fits, null, 2).replace(/"(\w+)":/g, '$1:').replace(/"/g, "'")};
`;
if (args.has('--dry-run')) console.log('dry run: nothing written');
else {
  writeFileSync(OUT, body);
  console.log(`wrote ${OUT}`);
}
