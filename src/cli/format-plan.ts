/** Terminal rendering of a planner result. */
import type { Layout } from '../core/index.js';
import { leadersWithinBand, type ErrorBand, type PlannedLayout, type PlanResult, type StepComparison } from '../core/index.js';
import { formatNumber, formatSeconds, table } from './format.js';

export function shortLayout(l: Layout): string {
  const parts = [`TP${l.tp}`, `PP${l.pp}`];
  if (l.vp > 1) parts.push(`VP${l.vp}`);
  if (l.cp > 1) parts.push(`CP${l.cp}`);
  if (l.ep > 1) parts.push(`EP${l.ep}${l.etp > 1 ? `/ETP${l.etp}` : ''}`);
  parts.push(`DP${l.dp}`);
  const zero = l.zero === 3 && l.fsdpShardSize < l.dp * l.cp ? `z3/${l.fsdpShardSize}` : `z${l.zero}`;
  return `${parts.join('·')} ${zero} mb${l.microBatch} ${l.recompute} ${l.schedule}`;
}

function rows(list: readonly PlannedLayout[]): (string | number)[][] {
  return list.map((p, i) => [
    i + 1,
    shortLayout(p.layout),
    p.gpus,
    formatSeconds(p.step.time.stepSeconds),
    formatNumber(p.step.throughput.tokensPerSecondPerGpu, 0),
    `${(100 * p.step.throughput.mfu).toFixed(1)}%`,
    `${(p.memory.peakBytesPerGpu / 2 ** 30).toFixed(1)}`,
    p.metrics.days.toFixed(1),
    `$${formatNumber(p.metrics.usd / 1e6, 2)}M`,
    formatNumber(p.metrics.facilityMwh, 0),
  ]);
}

const HEAD = ['#', 'layout', 'GPUs', 'step', 'tok/s/GPU', 'MFU', 'peak GiB', 'days', 'cost', 'MWh'];

function formatComparison(c: StepComparison): string {
  const title = c.against === 'runner-up' ? 'Why the winner beats the runner-up' : 'Why the winner beats the scenario\'s own layout';
  const changes = c.changes.map((x) => `${x.field} ${x.other} → ${x.best}`).join(', ') || 'same layout fields';
  const body = table(['component', 'winner', c.against, 'difference'],
    c.components.filter((x) => Math.abs(x.deltaSeconds) > 1e-6).map((x) => [x.component, formatSeconds(x.bestSeconds), formatSeconds(x.otherSeconds), `${x.deltaSeconds > 0 ? '+' : ''}${formatSeconds(x.deltaSeconds)}`]));
  return `${title}: step ${formatSeconds(c.bestStepSeconds)} vs ${formatSeconds(c.otherStepSeconds)} (${changes})\n${body}`;
}

/** The expected-error band of the estimates, and how many leading layouts it cannot separate. */
export function formatPlanBand(r: PlanResult, band: ErrorBand | null): string {
  if (band === null) return 'expected error: no comparable published runs, no band';
  const days = r.top.map((p) => p.metrics.days);
  const n = leadersWithinBand(days, band);
  const lo = r.best === null ? '' : ` (winner: ${(r.best.metrics.days / band.highFactor).toFixed(1)}–${(r.best.metrics.days / band.lowFactor).toFixed(1)} days)`;
  const head = `expected error: 80% band ×${band.lowFactor.toFixed(2)}–×${band.highFactor.toFixed(2)} on speed from ${band.runs} cross-validated published runs (${band.basis})${lo}`;
  return n > 1
    ? `${head}\nlayouts #1–#${n} lie within each other's bands: ranked by the point estimate, but the model cannot tell them apart`
    : `${head}\nthe winner is ahead of #2 by more than the band`;
}

export function formatPlan(r: PlanResult, elapsedSeconds: number, band: ErrorBand | null = null): string {
  const out: string[] = [];
  const c = r.counts;
  out.push(`searched ${formatNumber(c.enumerated)} valid layouts in ${elapsedSeconds.toFixed(2)} s: ${formatNumber(c.byMemory)} do not fit in memory, ${formatNumber(c.byBound)} bounded out, ${formatNumber(r.evaluated)} priced${r.stoppedEarly ? ' (stopped early: best so far)' : ''}`);
  if (r.best === null) {
    out.push(r.diagnosis === null ? 'no layout found' : `${r.diagnosis.summary}\n${table(['constraint', 'eliminated', 'detail', 'relax'], r.diagnosis.lines.map((d) => [d.constraint, `${formatNumber(d.eliminated)} ${d.unit}`, d.detail, d.suggestion]))}`);
    return out.join('\n');
  }
  out.push(table(HEAD, rows(r.top), `Top ${r.top.length} layouts by ${r.objective}`));
  out.push(formatPlanBand(r, band));
  const axes = r.paretoAxes === 'time-gpus' ? 'time vs GPU count' : 'time vs cost';
  out.push(table(HEAD, rows(r.pareto), `Pareto front (${axes})`));
  if (r.explanation.vsRunnerUp !== null) out.push(formatComparison(r.explanation.vsRunnerUp));
  if (r.explanation.vsScenario !== null) out.push(formatComparison(r.explanation.vsScenario));
  if (r.scenarioLayout?.status === 'invalid') out.push(`scenario layout not considered: ${r.scenarioLayout.violation.field} ${r.scenarioLayout.violation.rule}`);
  return out.join('\n\n');
}
