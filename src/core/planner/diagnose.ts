/**
 * An empty search explained: every constraint that eliminated something, how much, the numbers
 * behind it, and what to relax. Rule lines count combinations of the fields decided when the rule
 * applied (enumerate.ts); the other lines count complete layouts.
 */
import { isSearched } from './space.js';
import type { SearchState } from './search-state.js';
import type { Diagnosis, DiagnosisLine } from './types.js';

const RULE_ADVICE: Readonly<Record<string, string>> = {
  layout: 'choose degrees whose product tp·cp·pp·dp is the GPU count, or leave dp auto',
  'layout.dp': 'choose tp·cp·pp dividing the GPU count, or search the GPU count (gpuCounts)',
  'layout.tp': 'choose a tp dividing the attention heads and FFN widths, or leave tp auto',
  'layout.cp': 'choose a cp whose double divides the sequence length, or leave cp auto',
  'layout.pp': 'choose a pp that the schedule accepts (DualPipe: even) and at most the layer count, or leave pp auto',
  'layout.vp': 'choose pp·vp dividing the layers (interleaved), vp 1 for other schedules, or leave vp auto',
  'layout.ep': 'choose ep·etp dividing tp·cp·dp and ep dividing the experts, or leave ep auto',
  'layout.etp': 'choose an etp dividing the expert FFN width, or leave etp auto',
  'layout.microBatch': 'choose a global batch divisible by dp·microBatch with enough micro-batches for the schedule, or leave microBatch auto',
  'layout.fsdpShardSize': 'give fsdpShardSize only with zero 3, dividing dp, or leave it unset',
  'model.layers': 'choose a schedule and pp that the layer count allows',
  batchQuantum: 'choose dp·microBatch dividing the batch ramp span (globalBatch − startGlobalBatch), or change the ramp',
};

/** Memory in GiB, the unit every command prints memory in. */
function gb(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

function ruleLines(state: SearchState): DiagnosisLine[] {
  return [...state.tally.rejected].map(([field, entry]) => ({
    constraint: `rule ${field}`,
    eliminated: entry.count,
    unit: 'combinations' as const,
    detail: `e.g. ${field} = ${JSON.stringify(entry.example.value)}: ${entry.example.rule}`,
    suggestion: RULE_ADVICE[field] ?? 'give another value, or leave the field auto',
  }));
}

function memoryLine(state: SearchState): DiagnosisLine {
  const scenario = state.space.scenario;
  const capacity = scenario.cluster.accelerator.hbmBytes;
  const limit = (1 - state.options.headroomFraction) * capacity;
  const smallest = Number.isFinite(state.minRejectedPeakBytes)
    ? `the smallest peak found needs ${gb(state.minRejectedPeakBytes)}`
    : `even the smallest need is at least ${gb(state.memoryFloorBytes)} (a lower bound: states, or states and activations)`;
  const spec = scenario.layout;
  const fixed = (['recompute', 'zero', 'pp', 'tp', 'microBatch'] as const).filter((f) => !isSearched(spec[f]));
  const relax = fixed.length > 0 ? `let ${fixed.join(', ')} be searched (auto); ` : '';
  return {
    constraint: 'memory',
    eliminated: state.counts.byMemory,
    unit: 'layouts',
    detail: `all exceed ${gb(limit)} (${scenario.cluster.accelerator.name} ${gb(capacity)} less ${(state.options.headroomFraction * 100).toFixed(0)} % headroom); ${smallest}`,
    suggestion: `${relax}allow full recompute, ZeRO-3, more pipeline or tensor parallelism, a smaller micro-batch, more GPUs, less headroom, or a larger-memory GPU`,
  };
}

function constraintLines(state: SearchState): DiagnosisLine[] {
  const { counts, options } = state;
  const lines: DiagnosisLine[] = [];
  if (counts.byMemory > 0) lines.push(memoryLine(state));
  if (counts.byGpuLimit > 0) {
    lines.push({ constraint: 'GPU limit', eliminated: counts.byGpuLimit, unit: 'layouts', detail: `GPU counts above ${options.maxGpus}`, suggestion: 'raise the GPU limit or search smaller GPU counts' });
  }
  if (counts.byRun > 0) {
    lines.push({ constraint: 'run model', eliminated: counts.byRun, unit: 'layouts', detail: 'the whole-run estimate rejects them (the rule lines below say why)', suggestion: RULE_ADVICE.batchQuantum ?? '' });
  }
  if (counts.byBudget > 0) {
    const usd = Math.round(state.cheapestRejectedUsd).toLocaleString('en-US');
    lines.push({ constraint: 'budget', eliminated: counts.byBudget, unit: 'layouts', detail: `the cheapest would cost at least $${usd}, above $${options.budgetUsd?.toLocaleString('en-US')}`, suggestion: 'raise the budget, allow more time with fewer GPUs, or a cheaper GPU' });
  }
  if (counts.byDeadline > 0) {
    lines.push({ constraint: 'deadline', eliminated: counts.byDeadline, unit: 'layouts', detail: `the fastest would take at least ${state.fastestRejectedDays.toFixed(1)} days, above ${options.deadlineDays} days`, suggestion: 'allow more days, more GPUs, or a faster GPU' });
  }
  return lines;
}

/** Why `state` ended with no layout. */
export function diagnose(state: SearchState): Diagnosis {
  const lines = [...constraintLines(state), ...ruleLines(state)].sort((a, b) => b.eliminated - a.eliminated);
  const counts = state.space.gpuCounts.join(', ');
  let summary: string;
  if (state.stopped && state.counts.ranked === 0) summary = `stopped after ${state.done.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')} layouts, before any passed every constraint`;
  else if (state.total === 0) summary = `no layout of ${counts} GPUs passes the layout rules`;
  else summary = `none of ${state.total.toLocaleString('en-US')} valid layouts on ${counts} GPUs passes every constraint`;
  if (lines.length === 0) {
    lines.push({ constraint: 'search limits', eliminated: 0, unit: 'layouts', detail: 'no `auto` candidate is within the search limits', suggestion: 'widen the limits (maxTp, maxCp, maxPp, maxVp, maxMicroBatch) or give values' });
  }
  return { summary, lines };
}
