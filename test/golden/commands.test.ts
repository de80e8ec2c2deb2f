/**
 * Golden files of every command's --json on every example (`test/golden/commands/<example>/`): plan
 * (top 3 and Pareto front of a bounded search), datacenter, bottlenecks, compare tp-pp and dp-ep,
 * and the validate summary. A change to any figure shows up as a reviewed diff of these files;
 * `npm run test:update-golden` rewrites them. Numbers are rounded to 6 significant digits (below
 * any model change worth reviewing, above floating-point noise); run times are dropped.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/run-cli.js';

const EXAMPLES = new URL('../../examples/', import.meta.url);
const GOLDEN = new URL('./commands/', import.meta.url);
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).sort();

/** The plan search of the goldens: a few fields, so each example's search stays small. */
const PLAN_ARGS = ['--top', '3', '--search', 'tp,pp,microBatch,recompute'];

/** Every non-integer number to 6 significant digits, recursively. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(6));
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/** The command's --json output (read, as a user would, for the fields a golden keeps). */
async function json<T = Record<string, unknown>>(args: readonly string[]): Promise<T> {
  const r = await runCliCaptured([...args, '--json']);
  if (r.status !== 0) throw new Error(`scaleplan ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function golden(file: string, value: unknown): Promise<void> {
  return expect(`${JSON.stringify(rounded(value), null, 2)}\n`).toMatchFileSnapshot(new URL(file, GOLDEN).pathname);
}

interface PlannedJson {
  readonly gpus: number; readonly layout: unknown; readonly objectiveValue: number; readonly metrics: unknown; readonly memory: unknown;
  readonly step: { readonly time: unknown; readonly throughput: unknown };
}

interface PlanJson {
  readonly top: readonly PlannedJson[];
  readonly pareto: readonly PlannedJson[];
  readonly [field: string]: unknown;
}

/** A planned layout without its run record and pipeline schedule (their figures are in metrics and step). */
function plannedSummary(p: PlannedJson): unknown {
  return { gpus: p.gpus, layout: p.layout, objectiveValue: p.objectiveValue, metrics: p.metrics, memory: p.memory, step: { time: p.step.time, throughput: p.step.throughput } };
}

describe.each(examples)('%s', (example) => {
  const path = new URL(example, EXAMPLES).pathname;
  const dir = example.replace(/\.yaml$/, '');

  it(`plan ${PLAN_ARGS.join(' ')}: top 3 and Pareto front`, async () => {
    const { elapsedSeconds: _elapsed, best: _best, top, pareto, ...rest } = await json<PlanJson>(['plan', path, ...PLAN_ARGS]);
    await golden(`${dir}/plan.json`, { ...rest, top: top.map(plannedSummary), pareto: pareto.map(plannedSummary) });
  });

  it('datacenter', async () => {
    await golden(`${dir}/datacenter.json`, await json(['datacenter', path]));
  });

  it('bottlenecks', async () => {
    await golden(`${dir}/bottlenecks.json`, await json(['bottlenecks', path]));
  });

  it('compare tp-pp and dp-ep', async () => {
    await golden(`${dir}/compare-tp-pp.json`, await json(['compare', 'tp-pp', path]));
    await golden(`${dir}/compare-dp-ep.json`, await json(['compare', 'dp-ep', path]));
  });
});

interface ValidatedRun { readonly id: unknown; readonly predicted: number; readonly measured: number; readonly errorPct: number }

it('validate: the summary over the shipped published runs; every run predicted vs measured', async () => {
  const { summary, memory, skipped, runs } = await json<{ summary: { modeled: number }; memory: { summary: unknown; analyticalSummary: unknown }; skipped: readonly unknown[]; runs: readonly ValidatedRun[] }>(['validate']);
  expect(runs.length).toBe(summary.modeled);
  for (const run of runs) {
    expect(typeof run.id).toBe('string');
    expect(run.predicted).toBeGreaterThan(0);
    expect(run.measured).toBeGreaterThan(0);
    expect(run.errorPct).toBeCloseTo(((run.predicted - run.measured) / run.measured) * 100, 6);
  }
  await golden('validate-summary.json', { summary, memory: { summary: memory.summary, analyticalSummary: memory.analyticalSummary }, skipped: skipped.length });
});
