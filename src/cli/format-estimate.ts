/** Terminal rendering of memory, step-time and whole-run estimates. */
import type { Layout } from '../core/index.js';
import type { MemoryEstimate } from '../core/index.js';
import type { RunEstimate } from '../core/index.js';
import type { Scenario } from '../core/index.js';
import { MFU_CONVENTION, type BandedRun, type BandedStep, type ErrorBand } from '../core/index.js';
import { formatGiB, formatNumber, formatPct, formatSeconds, keyValues, table } from './format.js';

export function formatLayout(scenario: Scenario, l: Layout): string {
  return keyValues([
    ['model', `${scenario.model.name} (${scenario.model.id})`],
    ['cluster', `${formatNumber(scenario.cluster.gpus)} × ${scenario.cluster.accelerator.name}`],
    ['training', `seq ${scenario.training.seqLen}, batch ${scenario.training.globalBatch}, ${scenario.training.precision}, ${formatNumber(scenario.training.totalTokens / 1e9, 0)}B tokens`],
    ['parallelism', `TP${l.tp} · CP${l.cp} · PP${l.pp}${l.vp > 1 ? `×${l.vp}` : ''} · DP${l.dp}${l.ep > 1 ? ` (EP${l.ep}, ETP${l.etp}, EDP${l.edp})` : ''}`],
    ['schedule', `${l.schedule}, ${l.microBatches} micro-batches of ${l.microBatch}`],
    ['sharding / recompute', `ZeRO-${l.zero}${l.zero === 3 ? ` (shard ${l.fsdpShardSize})` : ''}, SP ${l.sequenceParallel ? 'on' : 'off'}, recompute ${l.recompute}`],
  ], `${scenario.name}`) + pipelinedZeroNote(l);
}

/**
 * With a pipeline ZeRO-2/3 keep gradients unsharded and weights gathered for the whole step
 * (memory/states.ts: DeepSpeed, Megatron, torchtitan), so they are priced as ZeRO-1: say so.
 */
function pipelinedZeroNote(l: Layout): string {
  if (l.pp === 1 || l.zero < 2) return '';
  return `\nnote: ZeRO-${l.zero} with pipeline parallelism is priced as ZeRO-1${l.zero === 3 ? ` over the shard group of ${l.fsdpShardSize}` : ''}: gradients stay unsharded and weights stay gathered across the micro-batches of a step (Megatron-LM, DeepSpeed and torchtitan run it so)`;
}

/** One line above the time and cost of a layout that does not fit, so no reader misses it. */
export function notFitBanner(m: MemoryEstimate): string | null {
  if (m.fits) return null;
  const limit = m.headroomFraction === 0 ? `${formatGiB(m.capacityBytes)} of HBM` : `${formatGiB(m.usableBytes)} usable (${formatGiB(m.capacityBytes)} HBM less ${formatPct(m.headroomFraction, 0)} headroom)`;
  return `!! DOES NOT FIT: peak ${formatGiB(m.peakBytesPerGpu)} per GPU on stage ${m.peakStage} is over the ${limit} by ${formatGiB(m.overByBytes)}; the step time and cost below are for a layout that cannot run`;
}

/** The fit policy in words, as every command applies it. */
export function fitPolicy(headroomFraction: number): string {
  const counted = 'the peak counts allocator fragmentation and the CUDA/NCCL reserve';
  return headroomFraction === 0
    ? `fits = peak ≤ HBM (${counted}; plan --headroom keeps a margin)`
    : `fits = peak ≤ ${formatPct(1 - headroomFraction, 0)} of HBM (${formatPct(headroomFraction, 0)} headroom; ${counted})`;
}

/** Pipelines with more stages than this show the first, the peak and the last stages only. */
const STAGES_SHOWN = 8;

export function formatMemory(m: MemoryEstimate, options: { allStages?: boolean } = {}): string {
  const stages = m.stages;
  const head = ['', ...stages.map((s) => `stage ${s.stage}`)];
  const row = (label: string, pick: (s: (typeof stages)[number]) => number): string[] => [label, ...stages.map((s) => formatGiB(pick(s)))];
  const rows = [
    row('weights', (s) => s.weightsBytes),
    row('gradients', (s) => s.gradsBytes),
    row('optimizer', (s) => s.optimizerBytes),
    row('activations', (s) => s.activationsBytes),
    row('buffers', (s) => s.buffersBytes),
    row('total', (s) => s.totalBytes),
    row('capacity', (s) => s.capacityBytes),
    row('headroom', (s) => s.headroomBytes),
    ['fits', ...stages.map((s) => (s.fits ? 'yes' : 'NO'))],
  ];
  // Wide pipelines: the first, the peak and the last stages, unless every stage is asked for.
  const all = options.allStages === true || stages.length <= STAGES_SHOWN;
  const keep = all ? stages.map((_, i) => i) : [...new Set([0, 1, m.peakStage, stages.length - 2, stages.length - 1])].sort((a, b) => a - b);
  const pick = (r: string[]): string[] => [r[0] ?? '', ...keep.map((i) => r[i + 1] ?? '')];
  const hidden = stages.length - keep.length;
  const note = hidden > 0 ? `\n${hidden} middle stage${hidden === 1 ? '' : 's'} not shown (--all-stages shows every stage)` : '';
  const verdict = m.fits
    ? `fits: peak ${formatGiB(m.peakBytesPerGpu)} on stage ${m.peakStage}, within ${formatGiB(m.usableBytes)}${m.headroomFraction === 0 ? '' : ` usable of ${formatGiB(m.capacityBytes)}`}`
    : `DOES NOT FIT: peak ${formatGiB(m.peakBytesPerGpu)} on stage ${m.peakStage}, over the ${formatGiB(m.usableBytes)}${m.headroomFraction === 0 ? '' : ' usable'} by ${formatGiB(m.overByBytes)}`;
  const mb = m.maxMicroBatchThatFits === null ? 'none fits' : String(m.maxMicroBatchThatFits);
  return `${table(pick(head), rows.map(pick), 'Memory per GPU, per pipeline stage')}${note}\n${verdict}; largest micro-batch that fits: ${mb}\n${fitPolicy(m.headroomFraction)}`;
}

export function formatStep(r: BandedStep, gpus: number): string {
  const t = r.time;
  const share = (x: number): string => formatPct(x / t.stepSeconds);
  const rows: [string, string, string][] = [
    ['compute (busiest stage)', formatSeconds(t.computeSeconds), share(t.computeSeconds)],
    ['exposed TP communication', formatSeconds(t.exposed.tp), share(t.exposed.tp)],
    ['exposed EP all-to-all', formatSeconds(t.exposed.ep), share(t.exposed.ep)],
    ['exposed CP communication', formatSeconds(t.exposed.cp), share(t.exposed.cp)],
    ['exposed DP communication', formatSeconds(t.exposed.dp), share(t.exposed.dp)],
    ['exposed PP transfers', formatSeconds(t.exposed.pp), share(t.exposed.pp)],
    ['pipeline bubble', formatSeconds(t.bubbleSeconds), share(t.bubbleSeconds)],
    ['optimizer step', formatSeconds(t.optimizerSeconds), share(t.optimizerSeconds)],
    ['step', `${formatSeconds(t.stepSeconds)}${range(t.stepSecondsLow, t.stepSecondsHigh, formatSeconds)}`, '100.0%'],
  ];
  const th = r.throughput;
  const thr = keyValues([
    ['tokens/s (cluster)', formatNumber(th.tokensPerSecond)],
    ['tokens/s per GPU', `${formatNumber(th.tokensPerSecondPerGpu, 1)}${range(th.tokensPerSecondPerGpuLow, th.tokensPerSecondPerGpuHigh, (v) => formatNumber(v, 1))}`],
    ['model TFLOP/s per GPU', formatNumber(th.modelFlopsPerSecondPerGpu / 1e12, 1)],
    ['MFU (peak at run precision)', formatPct(th.mfu)],
    ['MFU vs BF16 peak', formatPct(th.mfuBf16)],
    ['HFU', formatPct(th.hfu)],
    ['GPUs', formatNumber(gpus)],
  ], 'Throughput');
  return `${table(['step time', 'seconds', 'share'], rows, `Step time (${r.schedule.id}, ${r.schedule.microBatches} micro-batches)`)}\n${thr}\n${MFU_CONVENTION}`;
}

/** " (80% band a–b)" when the estimate carries a band. */
function range(low: number | undefined, high: number | undefined, f: (v: number) => string): string {
  return low === undefined || high === undefined ? '' : ` (80% band ${f(low)}–${f(high)})`;
}

/** Where an estimate's band comes from. */
export function formatBand(band: ErrorBand | null): string {
  if (band === null) return 'expected error: no comparable published runs, no band';
  return `expected error: 80% band ×${band.lowFactor.toFixed(2)}–×${band.highFactor.toFixed(2)} on speed, from the cross-validated residuals of ${band.runs} published runs of class ${band.basis} (generation/precision/architecture/stack; * = pooled)`;
}

export function formatRun(run: BandedRun | RunEstimate): string {
  const days = 'daysLow' in run ? range(run.daysLow, run.daysHigh, (v) => v.toFixed(1)) : '';
  const usd = 'usdLow' in run.cost ? range(run.cost.usdLow, run.cost.usdHigh, (v) => `$${formatNumber(v / 1e6, 2)}M`) : '';
  const g = run.goodput;
  return keyValues([
    ['steps', formatNumber(run.steps)],
    ['wall clock (no failures)', `${run.days.toFixed(1)} days${days}`],
    ['GPU-hours', `${formatNumber(run.gpuHours / 1e3, 1)}K`],
    ['with failures (goodput)', `${g.effectiveDays.toFixed(1)} days, ${formatNumber(g.effectiveGpuHours / 1e3, 1)}K GPU-hours, ${formatPct(g.lostFraction)} lost`],
    ['failures', `MTBF ${g.mtbfHours.toFixed(1)} h, checkpoint ${formatNumber(g.checkpointBytes / 1e12, 2)} TB written in ${formatSeconds(g.checkpointWriteSeconds)} every ${formatSeconds(g.checkpointIntervalSeconds)}`],
    ['IT energy', `${formatNumber(run.energy.itMwh, 0)} MWh (${formatNumber(run.energy.avgWattsPerGpu, 0)} W per GPU incl. host and network)`],
    ['cost', `$${formatNumber(run.cost.usd / 1e6, 2)}M${usd} (${run.cost.basis}, $${run.cost.usdPerGpuHour.toFixed(2)}/GPU-h)`],
    ['facility energy', `${formatNumber(run.energy.facilityMwh, 0)} MWh at PUE ${run.energy.pue.toFixed(2)}`],
    ['carbon', `${formatNumber(run.carbon.tonnesCo2e, 0)} tCO2e (facility energy at ${run.carbon.gramsPerKwh} g/kWh)`],
  ], 'Whole run');
}
