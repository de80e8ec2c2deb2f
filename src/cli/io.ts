/** File and terminal I/O of the CLI: the only place that touches the file system. */
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { extname, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/index.js';
import { parseScenarioText } from '../core/index.js';
import type { Scenario } from '../core/index.js';
import { currentIo } from './cli-io.js';

/**
 * Root of the installed package (holds data/ and examples/): the nearest folder above this module
 * with a package.json. Searched, because the sources and the bundle sit at different depths.
 */
export function packageRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
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
  return parseScenarioText(text, format);
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

export function printJson(value: unknown): void {
  currentIo().stdout(`${JSON.stringify(value, null, 2)}\n`);
}

export function print(text: string): void {
  currentIo().stdout(`${text}\n`);
}
