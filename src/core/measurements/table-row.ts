/**
 * One row of a measurement table (CSV or YAML, parsed by the shell into plain objects) → a scenario
 * input and what was measured. Two row shapes:
 *
 * - **flat** (CSV, or YAML rows of scalars): `model, accelerator, gpus, seqLen, globalBatch,
 *   precision, framework, tp, pp, vp, cp, ep, etp, dp, zero, fsdpShardSize, recompute, microBatch,
 *   schedule, sequenceParallel` plus the measured columns `stepTimeS, tokensPerSecPerGpu, mfu,
 *   peakMemGiB, memoryStatistic`; an empty cell is "not given";
 * - **nested** (YAML): a scenario (`model`, `cluster`, `training`, `layout`, …) plus `measured: {…}`.
 *
 * `totalTokens` defaults to one step (globalBatch · seqLen): a measurement is a steady-state step.
 */
import { InputError } from '../errors.js';
import type { MemoryStatistic } from './types.js';

export interface MeasuredFigures {
  readonly stepTimeS?: number;
  readonly tokensPerSecPerGpu?: number;
  readonly mfu?: number;
  readonly peakMemGiB?: number;
  readonly memoryStatistic?: MemoryStatistic;
}

export interface TableRow {
  readonly id: string;
  readonly scenario: Record<string, unknown>;
  readonly measured: MeasuredFigures;
}

const TRAINING_COLUMNS = ['seqLen', 'globalBatch', 'totalTokens', 'precision', 'framework', 'expertLoadImbalance'] as const;
const LAYOUT_COLUMNS = ['tp', 'pp', 'vp', 'cp', 'ep', 'etp', 'dp', 'zero', 'fsdpShardSize', 'recompute', 'microBatch', 'schedule', 'sequenceParallel'] as const;
const MEASURED_COLUMNS = ['stepTimeS', 'tokensPerSecPerGpu', 'mfu', 'peakMemGiB'] as const;
const OTHER_COLUMNS = ['id', 'name', 'model', 'accelerator', 'gpus', 'memoryStatistic'] as const;
const KNOWN = new Set<string>([...TRAINING_COLUMNS, ...LAYOUT_COLUMNS, ...MEASURED_COLUMNS, ...OTHER_COLUMNS]);
const MEMORY_STATISTICS: readonly MemoryStatistic[] = ['max-allocated', 'max-reserved'];

/** A cell as the scenario schema wants it: numbers and booleans from their text, "" = not given. */
function cell(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === '') return undefined;
  if (text === 'true' || text === 'false') return text === 'true';
  // Thousands separators as spreadsheets print them (7,000) are read; anything else stays text.
  const plain = /^[+-]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(text) ? text.replace(/,/g, '') : text;
  const n = Number(plain);
  return Number.isFinite(n) && /^[+-]?[0-9.]/.test(plain) ? n : text;
}

function pick(row: Record<string, unknown>, columns: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = cell(row[c]);
    if (v !== undefined) out[c] = v;
  }
  return out;
}

function measuredOf(raw: Record<string, unknown>, where: string): MeasuredFigures {
  const out: Record<string, number> = {};
  for (const c of MEASURED_COLUMNS) {
    const v = cell(raw[c]);
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !(v > 0)) throw new InputError(`${where}.${c}`, raw[c], 'must be a positive number');
    if (c === 'mfu' && v >= 1) throw new InputError(`${where}.mfu`, raw[c], 'must be a fraction below 1 (e.g. 0.41 for 41%)');
    out[c] = v;
  }
  const statistic = cell(raw.memoryStatistic);
  if (statistic !== undefined && !MEMORY_STATISTICS.some((s) => s === statistic)) {
    throw new InputError(`${where}.memoryStatistic`, raw.memoryStatistic, `must be one of ${MEMORY_STATISTICS.join(', ')}`);
  }
  const measured: MeasuredFigures = { ...out, ...(statistic === 'max-allocated' || statistic === 'max-reserved' ? { memoryStatistic: statistic } : {}) };
  if (Object.keys(out).length === 0) throw new InputError(where, '(no figure)', `needs at least one of ${MEASURED_COLUMNS.join(', ')}`);
  return measured;
}

function withOneStep(training: Record<string, unknown>): Record<string, unknown> {
  const { seqLen, globalBatch } = training;
  if (training.totalTokens !== undefined || typeof seqLen !== 'number' || typeof globalBatch !== 'number') return training;
  return { ...training, totalTokens: seqLen * globalBatch };
}

function flatRow(row: Record<string, unknown>, where: string): Record<string, unknown> {
  for (const key of Object.keys(row)) {
    if (!KNOWN.has(key)) throw new InputError(`${where}.${key}`, row[key], `unknown column (known: ${[...KNOWN].join(', ')})`);
  }
  const layout = pick(row, LAYOUT_COLUMNS);
  const name = cell(row.name) ?? cell(row.id);
  return {
    ...(name === undefined ? {} : { name: String(name) }),
    model: cell(row.model),
    cluster: { accelerator: cell(row.accelerator), gpus: cell(row.gpus) },
    training: withOneStep(pick(row, TRAINING_COLUMNS)),
    ...(Object.keys(layout).length === 0 ? {} : { layout }),
  };
}

function nestedRow(row: Record<string, unknown>): Record<string, unknown> {
  const { measured: _measured, id: _id, ...scenario } = row;
  const training = scenario.training;
  return typeof training === 'object' && training !== null && !Array.isArray(training)
    ? { ...scenario, training: withOneStep({ ...training }) }
    : scenario;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A table row → its scenario input (unparsed: `parseScenario` checks it) and measured figures.
 * `where` names the row for errors (e.g. `table line 3`). @throws InputError.
 */
export function readTableRow(row: unknown, where: string): TableRow {
  if (!isRecord(row)) throw new InputError(where, row, 'must be a row of named columns');
  const nested = isRecord(row.measured);
  const scenario = nested ? nestedRow(row) : flatRow(row, where);
  const measured = measuredOf(nested && isRecord(row.measured) ? row.measured : row, nested ? `${where}.measured` : where);
  const id = cell(row.id) ?? cell(row.name) ?? where;
  return { id: String(id), scenario, measured };
}
