/**
 * Calibration: fits the GEMM efficiency parameters (structure and loss in
 * src/core/compute/efficiency-fit.ts) to the published runs of data/runs-dev.json with the core's
 * `fitCalibration`, and writes src/core/compute/efficiency-fitted.ts.
 *
 *   npm run calibrate                        # fit and write
 *   npm run calibrate -- --dry-run           # fit and print only
 *   npm run calibrate -- --cross-validate    # also print the leave-one-source-family-out errors
 *
 * Also writes src/core/calibration/error-bands-fitted.ts: the cross-validated residuals by class
 * that every estimate's error band comes from (calibration/error-band.ts).
 *
 * Prints the number of free parameters against the number of distinct configurations they are
 * fitted on, and each parameter with its prior, uncertainty, runs and source families.
 * Nothing is keyed by model or run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_CALIBRATION_SETUP, applyCalibration, collectCases, createCalibrationResponses, crossValidate, fitResponses, parseRunsFile,
  residualClasses, summarizeErrors, validateCases, type ErrorSummary,
} from '../src/core/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'src', 'core', 'compute', 'efficiency-fitted.ts');
const OUT_BANDS = join(ROOT, 'src', 'core', 'calibration', 'error-bands-fitted.ts');
const args = new Set(process.argv.slice(2));
const setup = DEFAULT_CALIBRATION_SETUP;

const records = parseRunsFile(readFileSync(join(ROOT, 'data', 'runs-dev.json'), 'utf8'));
const { cases } = collectCases(records);
const responses = createCalibrationResponses(cases, setup);
const fit = fitResponses(responses, setup.prior, setup.weighting);
const efficiency = applyCalibration(setup.prior, fit.values, 'fitted');
const { runs } = validateCases(cases, { ...setup.options, efficiency });

console.log(`structure: ${fit.structure}; weighting: ${setup.weighting}`);
const nuisances = Object.keys(fit.familyEffects).length;
console.log(`${fit.parameters.length} free parameters${nuisances > 0 ? ` (+ ${nuisances} family factors, nuisance)` : ''}, fitted on ${fit.configurations} distinct configurations (${fit.runs} runs)`);
console.log('parameter                      prior   fitted  ±(ln)   runs  configs  residual  families');
const residuals = new Map<string, ErrorSummary>();
for (const p of fit.parameters) {
  const pooled = (k: string): boolean => k === p.key || setup.prior.parameters[k]?.scaledBy === p.key;
  const dependent = new Set(responses.filter((r) => r.main.term.keys.some(pooled)).map((r) => r.id));
  const s = summarizeErrors(runs.filter((r) => dependent.has(r.id)).map((r) => r.errorPct));
  residuals.set(p.key, s);
  console.log(`${p.key.padEnd(30)} ${p.prior.toFixed(3)}  ${p.value.toFixed(3)}  ${p.sigmaLn.toFixed(3)}  ${String(p.runs).padStart(4)}  ${String(p.configurations).padStart(7)}  ${s.meanAbsPctError.toFixed(1).padStart(7)}%  ${p.families.join(', ')}`);
}
const effects = Object.entries(fit.familyEffects).map(([f, e]) => `${f} ${e.toFixed(3)}`).join(', ');
if (effects !== '') console.log(`family factors e^b (nuisance, τ = ${setup.prior.familySigmaLn}): ${effects}`);
const inSample = summarizeErrors(runs.map((r) => r.errorPct));
console.log(`in-sample: ${inSample.modeled} runs, mean |error| ${inSample.meanAbsPctError.toFixed(1)}%, mean error ${inSample.meanSignedPctError.toFixed(1)}%`);

const crossValidation = crossValidate(cases, setup, responses);
const classes = residualClasses(crossValidation.runs);
if (args.has('--cross-validate')) {
  const cv = crossValidation.summary;
  console.log(`cross-validated (leave one source family out): ${cv.modeled} runs, mean |error| ${cv.meanAbsPctError.toFixed(1)}%, mean error ${cv.meanSignedPctError.toFixed(1)}%`);
  for (const [group, s] of Object.entries({ ...cv.byFamily, ...cv.byAccelerator, ...cv.byPrecision, ...cv.byArchitecture })) {
    console.log(`  ${group.padEnd(16)} ${String(s.modeled).padStart(4)}  ${s.meanAbsPctError.toFixed(1).padStart(5)}%  ${s.meanSignedPctError.toFixed(1).padStart(6)}%`);
  }
}

const parameters = fit.parameters.map((p) => ({
  key: p.key,
  value: Number(p.value.toFixed(4)),
  sigmaLn: Number(p.sigmaLn.toFixed(4)),
  runs: p.runs,
  configurations: p.configurations,
  families: p.families,
  residualMeanAbsPct: Number((residuals.get(p.key)?.meanAbsPctError ?? 0).toFixed(1)),
}));
const body = `/**
 * Parameters fitted by \`scripts/calibrate.ts\` (generated file: re-run \`npm run calibrate\` after
 * changing the model; do not edit by hand). The structure (which parameters make up each GEMM
 * effMax) and the loss are documented in efficiency-fit.ts. ${fit.parameters.length} free parameters,
 * ${fit.configurations} distinct configurations (${fit.runs} runs).
 */
import type { FittedCalibration } from './efficiency-fit.js';

export const FITTED_CALIBRATION: FittedCalibration = {
  structure: '${fit.structure}',
  data: 'data/runs-dev.json',
  parameters: ${JSON.stringify(parameters, null, 2).replace(/"(\w+)":/g, '$1:').replace(/"/g, "'").replace(/\n/g, '\n  ')},
};
`;
const bands = `/**
 * Cross-validated residual classes written by \`scripts/calibrate.ts\` (generated file: re-run
 * \`npm run calibrate\`; do not edit by hand). See error-band.ts. ${crossValidation.runs.length} cross-validated runs.
 */
import type { ResidualClass } from './error-band.js';

export const FITTED_RESIDUAL_CLASSES: readonly ResidualClass[] = [
${classes.map((c) => `  { key: '${c.key}', runs: ${c.runs}, meanLn: ${c.meanLn.toFixed(4)}, sdLn: ${c.sdLn.toFixed(4)} },`).join('\n')}
];
`;
if (args.has('--dry-run')) console.log('dry run: nothing written');
else {
  writeFileSync(OUT, body);
  writeFileSync(OUT_BANDS, bands);
  console.log(`wrote ${OUT} and ${OUT_BANDS}`);
}
