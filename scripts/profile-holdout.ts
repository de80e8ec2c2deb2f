/**
 * Does calibrating to a cluster help predict other models on it? For each source family of the
 * published runs with at least two models: the built-in calibration is refitted WITHOUT that family
 * (the tool as a user sees it on a cluster it has never seen), a profile is fitted on half of the
 * family's models (`scaleplan calibrate`'s fit), and the other half is predicted before and after.
 *
 *   npm run build && node dist/scripts/profile-holdout.js
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CALIBRATION_PRIOR, DEFAULT_CALIBRATION_SETUP, DEFAULT_STEP_OPTIONS, applyCalibration, calibrateProfile, collectCases, fitCalibration,
  isRunValidation, parseRunsFile, profileStepOptions, sourceFamily, validateCase, type CalibrationBase, type RunCase, type StepOptions,
} from '../src/core/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { cases } = collectCases(parseRunsFile(readFileSync(join(ROOT, 'data', 'runs-dev.json'), 'utf8')));

function meanAbs(test: readonly RunCase[], options: StepOptions): number {
  const errors = test.map((c) => validateCase(c, options)).filter(isRunValidation).map((v) => Math.abs(v.errorPct));
  return errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length);
}

console.log('family        fit runs  held-out runs  before  after  leave-one-out (fit runs)');
for (const family of [...new Set(cases.map((c) => sourceFamily(c.id)))].sort()) {
  const own = cases.filter((c) => sourceFamily(c.id) === family && isRunValidation(validateCase(c, DEFAULT_STEP_OPTIONS)));
  const models = [...new Set(own.map((c) => c.scenario.model.name))].sort();
  if (models.length < 2) continue;
  const fitOn = own.filter((c) => models.indexOf(c.scenario.model.name) % 2 === 0);
  const heldOut = own.filter((c) => models.indexOf(c.scenario.model.name) % 2 === 1);
  const without = fitCalibration(cases.filter((c) => sourceFamily(c.id) !== family), DEFAULT_CALIBRATION_SETUP);
  const base: CalibrationBase = { values: without.values, sigmaLn: Object.fromEntries(without.parameters.map((p) => [p.key, p.sigmaLn])) };
  const before = { ...DEFAULT_STEP_OPTIONS, efficiency: applyCalibration(CALIBRATION_PRIOR, without.values, `fit without ${family}`) };
  const { profile } = calibrateProfile(fitOn, { name: family, inputs: [] }, base);
  const after = profileStepOptions(profile, base);
  console.log(`${family.padEnd(12)}  ${String(fitOn.length).padStart(8)}  ${String(heldOut.length).padStart(13)}  ${meanAbs(heldOut, before).toFixed(1).padStart(5)}%  ${meanAbs(heldOut, after).toFixed(1).padStart(4)}%  ${profile.leaveOneOutMeanAbsPct ?? '-'}%`);
}
