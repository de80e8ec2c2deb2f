/**
 * Predicts every published run scaleplan can model, from the run's inputs only (the adapter in
 * `runs/` never reads the `measured` block into the scenario), and compares with what was measured.
 */
import { isInputError } from '../errors.js';
import type { Layout } from '../layout/types.js';
import { flopsPerToken } from '../model/flops.js';
import { isRunCase, parseRunRecord } from '../runs/parse-run.js';
import type { RunRecord } from '../runs/record-schema.js';
import type { RunCase } from '../runs/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { DEFAULT_STEP_OPTIONS, type StepOptions } from '../step/options.js';
import type { StepReport } from '../step/types.js';
import { resolveByPlanner } from './resolve-by-planner.js';
import { runStepOptions } from './run-step-options.js';
import { summarizeValidation } from './summarize.js';
import type { RunValidation, SkippedRun, ValidationMetric } from './types.js';

export function describeLayout(l: Layout): string {
  const parts = [`TP${l.tp}`, `PP${l.pp}`];
  if (l.vp > 1) parts.push(`VP${l.vp}`);
  if (l.cp > 1) parts.push(`CP${l.cp}`);
  if (l.ep > 1) parts.push(`EP${l.ep}`);
  parts.push(`DP${l.dp}`);
  return `${parts.join('·')} z${l.zero} mb${l.microBatch} ${l.recompute} ${l.schedule}`;
}

/** The metric a run is compared on, with the measured value: tokens/s/GPU, else step time, else MFU. */
export function pickMetric(c: RunCase): { metric: ValidationMetric; measured: number } | null {
  const m = c.measured;
  if (m.tokensPerSecPerGpu !== undefined) return { metric: 'tokensPerSecPerGpu', measured: m.tokensPerSecPerGpu };
  if (m.stepTimeS !== undefined) return { metric: 'stepTimeS', measured: m.stepTimeS };
  if (m.mfu !== undefined) return { metric: 'mfu', measured: m.mfu };
  return null;
}

/**
 * The model's MFU in the source's FLOP count (`runs/record-mfu-convention.ts`): the same achieved
 * tokens/s, with the model FLOPs per token (`model/flops.ts`) that the source counts: a full
 * attention core adds the masked half to the causal count.
 */
function mfuInSourceCount(c: RunCase, report: StepReport): number {
  const { mfu, modelFlopsPerToken } = report.throughput;
  if (c.mfuConvention?.fullAttention !== true) return mfu;
  const { model, training } = c.scenario;
  const maskedHalf = flopsPerToken(model, training.seqLen, { causal: false }).total - flopsPerToken(model, training.seqLen).total;
  return mfu * ((modelFlopsPerToken + maskedHalf) / modelFlopsPerToken);
}

function predictedValue(c: RunCase, metric: ValidationMetric, report: StepReport): number {
  if (metric === 'tokensPerSecPerGpu') return report.throughput.tokensPerSecondPerGpu;
  if (metric === 'stepTimeS') return report.time.stepSeconds;
  return mfuInSourceCount(c, report);
}

/** Predicted GPU-hours per 10¹² tokens = 10¹² / (tokens/s/GPU · 3600 s/h), against the published figure. */
function perTrillionTokens(tokensPerSecondPerGpu: number, measured: number): { predicted: number; measured: number; errorPct: number } {
  const predicted = 1e12 / (tokensPerSecondPerGpu * 3600);
  return { predicted, measured, errorPct: 100 * (predicted / measured - 1) };
}

/** One run predicted, or why it cannot be (bad input from the record becomes a skip, never a crash). */
export function validateCase(c: RunCase, options: StepOptions): RunValidation | SkippedRun {
  const pick = pickMetric(c);
  if (pick === null) return { id: c.id, reason: 'no tokens/s, step time or MFU measured' };
  let report: StepReport;
  try {
    report = estimateStep(c.scenario, c.layout, runStepOptions(c, options));
  } catch (error) {
    if (isInputError(error)) return { id: c.id, reason: `cannot model: ${error.message}` };
    throw error;
  }
  const predicted = predictedValue(c, pick.metric, report);
  return {
    id: c.id,
    source: c.source,
    model: c.scenario.model.name,
    metric: pick.metric,
    predicted,
    measured: pick.measured,
    errorPct: ((predicted - pick.measured) / pick.measured) * 100,
    tags: c.tags,
    layout: describeLayout(c.layout),
    assumed: c.assumed,
    forcedBalancedRouting: c.flags.forcedBalancedRouting,
    ...(c.measured.gpuHoursPerTrillionTokens === undefined ? {} : {
      gpuHoursPerTrillionTokens: perTrillionTokens(report.throughput.tokensPerSecondPerGpu, c.measured.gpuHoursPerTrillionTokens),
    }),
  };
}

/** Every record turned into a case or a skip; an unknown vp, recompute, micro-batch or sequence parallelism resolved by the planner (resolve-by-planner.ts). */
export function collectCases(records: readonly RunRecord[]): { cases: RunCase[]; skipped: SkippedRun[] } {
  const cases: RunCase[] = [];
  const skipped: SkippedRun[] = [];
  for (const record of records) {
    const parsed = parseRunRecord(record);
    if (isRunCase(parsed)) cases.push(resolveByPlanner(parsed));
    else skipped.push({ id: parsed.id, reason: parsed.skipReason });
  }
  return { cases, skipped };
}

export function isRunValidation(v: RunValidation | SkippedRun): v is RunValidation {
  return 'errorPct' in v;
}

/** Throughput validation of `cases`. */
export function validateCases(cases: readonly RunCase[], options: StepOptions = DEFAULT_STEP_OPTIONS): { runs: RunValidation[]; skipped: SkippedRun[] } {
  const runs: RunValidation[] = [];
  const skipped: SkippedRun[] = [];
  for (const c of cases) {
    const v = validateCase(c, options);
    if (isRunValidation(v)) runs.push(v);
    else skipped.push(v);
  }
  return { runs, skipped };
}

export function validateThroughput(records: readonly RunRecord[], options: StepOptions = DEFAULT_STEP_OPTIONS) {
  const { cases, skipped: unmodelable } = collectCases(records);
  const { runs, skipped } = validateCases(cases, options);
  const allSkipped = [...unmodelable, ...skipped];
  return { summary: summarizeValidation(runs, allSkipped.length), runs, skipped: allSkipped };
}
