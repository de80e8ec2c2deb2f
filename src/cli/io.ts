/** File and terminal I/O of the CLI: the only place that touches the file system. */
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, calibrationKeys, calibrationStructure, isInputError, parseProfileText, parseScenarioText, profileStepOptions, withCalibrationProfile } from '../core/index.js';
import type { CalibrationProfile, Scenario, StepOptions } from '../core/index.js';
import { currentIo, currentRunOptions } from './cli-io.js';

/** Whether `dir` holds the package's own package.json (one that names it: dist/cli's only sets the module type). */
function isPackageRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    const manifest: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'name' in manifest;
  } catch {
    return false;
  }
}

/**
 * Root of the installed package (holds data/ and examples/): the nearest folder above this module
 * whose package.json names the package. Searched, because the sources and the bundle sit at
 * different depths.
 */
export function packageRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (isPackageRoot(dir)) return dir;
    if (dirname(dir) === dir) return start;
  }
}

export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

export function readTextFile(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError(field, path, `cannot read file (${code})`);
  }
}

/** Reads and parses a scenario file (YAML or JSON, by extension; content sniffed otherwise). */
export function readScenario(path: string): Scenario {
  const text = readTextFile(path, 'scenario');
  const ext = extname(path).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  const scenario = parseScenarioText(text, format);
  // --profile wins over the scenario's own `calibration:` (a path relative to the scenario file).
  const given = currentRunOptions().profile;
  const file = given ?? (scenario.calibrationFile === undefined ? undefined : resolve(dirname(path), scenario.calibrationFile));
  if (file === undefined) return scenario;
  return withCalibrationProfile(scenario, readProfile(file, given === undefined ? 'calibration' : '--profile'), file);
}

/** Reads a calibration profile; its errors name the file. Records it as the profile in force. */
export function readProfile(file: string, field = '--profile'): CalibrationProfile {
  const text = readTextFile(file, field);
  let profile: CalibrationProfile;
  try {
    profile = parseProfileText(text, calibrationStructure(), calibrationKeys());
  } catch (error) {
    if (isInputError(error)) throw new InputError(`${basename(file)}: ${error.field}`, error.value, error.rule);
    throw error;
  }
  currentRunOptions().applied = { name: profile.name, file };
  return profile;
}

/** Step options with `--profile` in force, for commands that read no scenario (validate). */
export function profileOptionOf(): StepOptions | undefined {
  const file = currentRunOptions().profile;
  return file === undefined ? undefined : profileStepOptions(readProfile(file));
}

/** The profile in force, as the JSON output and the text header name it. */
function appliedProfile(): { readonly name: string; readonly file: string } | undefined {
  return currentRunOptions().applied;
}

/**
 * Writes a file atomically (temp file then rename), so a failure never leaves a half-written file.
 * Call it only after every computation has succeeded.
 */
export function writeFileAtomic(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
}

/** JSON output; with a calibration profile in force, its name and file lead the object. */
export function printJson(value: unknown): void {
  const applied = appliedProfile();
  const out = applied !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value) ? { calibration: applied, ...value } : value;
  currentIo().stdout(`${JSON.stringify(out, null, 2)}\n`);
}

/** Text output; with a calibration profile in force, the first line says which. */
export function print(text: string): void {
  const options = currentRunOptions();
  const applied = appliedProfile();
  if (applied !== undefined && options.announced !== true) {
    options.announced = true;
    currentIo().stdout(`calibration profile "${applied.name}" in force (${applied.file})\n\n`);
  }
  currentIo().stdout(`${text}\n`);
}
