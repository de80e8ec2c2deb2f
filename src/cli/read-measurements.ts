/**
 * The inputs of `scaleplan calibrate`, read from disk into cases: run-record JSON (the
 * `data/runs-dev.json` format), measurement tables (CSV, or YAML: a list of rows or `{ runs: [...] }`)
 * and training logs (Megatron-LM/Core, NeMo, torchtitan) paired with the scenario that produced them
 * (`train.log=scenario.yaml`, or `--scenario` for every log). Rows and records that cannot be modelled
 * are returned with their reason; malformed files are bad input (one line, with the line number).
 */
import { basename, extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import {
  InputError, collectCases, isRunCase, logCase, parseRunsFile, parseTextDocument, parseTrainingLog, readTableRow, tableRowCase,
  type RunCase, type Scenario,
} from '../core/index.js';
import { readScenario, readTextFile } from './io.js';

export interface ReadMeasurements {
  readonly cases: readonly RunCase[];
  readonly skipped: readonly { readonly id: string; readonly reason: string }[];
}

const LOG_EXTENSIONS = new Set(['.log', '.txt', '.out']);

function readCsvRows(path: string): { row: unknown; where: string }[] {
  const text = readTextFile(path, 'table');
  try {
    const records: { record: Record<string, string>; info: { lines: number } }[] = parseCsv(text, { columns: true, info: true, skip_empty_lines: true, trim: true, comment: '#' });
    return records.map(({ record, info }) => ({ row: record, where: `${basename(path)} line ${info.lines}` }));
  } catch (error) {
    if (error instanceof CsvError) throw new InputError(`${basename(path)} line ${error.lines ?? '?'}`, error.code, error.message.replace(/^Invalid [^:]*: /, ''));
    throw error;
  }
}

function readYamlRows(path: string): { row: unknown; where: string }[] {
  const data = parseTextDocument(readTextFile(path, 'table'), basename(path));
  const rows = Array.isArray(data) ? data : typeof data === 'object' && data !== null && 'runs' in data && Array.isArray(data.runs) ? data.runs : null;
  if (rows === null) throw new InputError(basename(path), '(document)', 'must be a list of measurement rows, or { runs: [...] }');
  return rows.map((row, i) => ({ row, where: `${basename(path)} row ${i + 1}` }));
}

function tableCases(path: string, rows: { row: unknown; where: string }[]): ReadMeasurements {
  const cases: RunCase[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const { row, where } of rows) {
    const c = tableRowCase(readTableRow(row, where), path);
    if (isRunCase(c)) cases.push(c);
    else skipped.push({ id: c.id, reason: c.skipReason });
  }
  return { cases, skipped };
}

function logCases(arg: string, defaultScenario: string | undefined): ReadMeasurements {
  const [logPath, scenarioPath = defaultScenario] = arg.split('=');
  if (logPath === undefined || scenarioPath === undefined) {
    throw new InputError('log', arg, 'needs the scenario that produced it: give log=scenario.yaml or --scenario <file>');
  }
  const scenario: Scenario = readScenario(scenarioPath);
  const log = parseTrainingLog(readTextFile(logPath, 'log'));
  return { cases: [logCase(basename(logPath), logPath, scenario, log)], skipped: [] };
}

/** Reads one input argument by its extension. */
export function readMeasurementInput(arg: string, defaultScenario?: string): ReadMeasurements {
  const path = arg.split('=')[0] ?? arg;
  const ext = extname(path).toLowerCase();
  if (ext === '.json') {
    const { cases, skipped } = collectCases(parseRunsFile(readTextFile(path, 'runs')));
    return { cases, skipped };
  }
  if (ext === '.csv') return tableCases(path, readCsvRows(path));
  if (ext === '.yaml' || ext === '.yml') return tableCases(path, readYamlRows(path));
  if (LOG_EXTENSIONS.has(ext) || arg.includes('=')) return logCases(arg, defaultScenario);
  throw new InputError('runs', arg, 'must be run records (.json), a table (.csv, .yaml) or a training log (.log, .txt) with its scenario');
}

/** Reads every input, in order. */
export function readMeasurements(args: readonly string[], defaultScenario?: string): ReadMeasurements {
  const cases: RunCase[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const arg of args) {
    const read = readMeasurementInput(arg, defaultScenario);
    cases.push(...read.cases);
    skipped.push(...read.skipped);
  }
  return { cases, skipped };
}
