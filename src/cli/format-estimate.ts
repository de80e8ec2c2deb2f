/** Terminal rendering of memory, step-time and whole-run estimates. */
import type { Layout } from '../core/index.js';
import type { MemoryEstimate } from '../core/index.js';
import type { RunEstimate } from '../core/index.js';
import type { Scenario } from '../core/index.js';
import { MFU_CONVENTION, type StepReport } from '../core/index.js';
import { formatGiB, formatNumber, formatPct, formatSeconds, keyValues, table } from './format.js';

export function formatLayout(scenario: Scenario, l: Layout): string {
  return keyValues([
    ['model', `${scenario.model.name} (${scenario.model.id})`],
    ['cluster', `${formatNumber(scenario.cluster.gpus)} × ${scenario.cluster.accelerator.name}`],
    ['training', `seq ${scenario.training.seqLen}, batch ${scenario.training.globalBatch}, ${scenario.training.precision}, ${formatNumber(scenario.training.totalTokens / 1e9, 0)}B tokens`],
    ['parallelism', `TP${l.tp} · CP${l.cp} · PP${l.pp}${l.vp > 1 ? `×${l.vp}` : ''} · DP${l.dp}${l.ep > 1 ? ` (EP${l.ep}, ETP${l.etp}, EDP${l.edp})` : ''}`],
    ['schedule', `${l.schedule}, ${l.microBatches} micro-batches of ${l.microBatch}`],
    ['sharding / recompute', `ZeRO-${l.zero}${l.zero === 3 ? ` (shard ${l.fsdpShardSize})` : ''}, SP ${l.sequenceParallel ? 'on' : 'off'}, recompute ${l.recompute}`],
  ], `${scenario.name}`);
}

export function formatMemory(m: MemoryEstimate): string {
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
  // Wide pipelines: show the first, the peak, and the last stages only.
  const keep = stages.length <= 8 ? stages.map((_, i) => i) : [...new Set([0, 1, m.peakStage, stages.length - 2, stages.length - 1])].sort((a, b) => a - b);
  const pick = <T>(r: T[]): T[] => [r[0] as T, ...keep.map((i) => r[i + 1] as T)];
  const verdict = m.fits
    ? `fits: peak ${formatGiB(m.peakBytesPerGpu)} on stage ${m.peakStage} of ${formatGiB(m.capacityBytes)}`
    : `DOES NOT FIT: peak ${formatGiB(m.peakBytesPerGpu)} on stage ${m.peakStage}, over by ${formatGiB(m.overByBytes)}`;
  const mb = m.maxMicroBatchThatFits === null ? 'none fits' : String(m.maxMicroBatchThatFits);
  return `${table(pick(head), rows.map(pick), 'Memory per GPU, per pipeline stage')}\n${verdict}; largest micro-batch that fits: ${mb}`;
}

export function formatStep(r: StepReport, gpus: number): string {
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
    ['step', formatSeconds(t.stepSeconds), '100.0%'],
  ];
  const th = r.throughput;
  const thr = keyValues([
    ['tokens/s (cluster)', formatNumber(th.tokensPerSecond)],
    ['tokens/s per GPU', formatNumber(th.tokensPerSecondPerGpu, 1)],
    ['model TFLOP/s per GPU', formatNumber(th.modelFlopsPerSecondPerGpu / 1e12, 1)],
    ['MFU (peak at run precision)', formatPct(th.mfu)],
    ['MFU vs BF16 peak', formatPct(th.mfuBf16)],
    ['HFU', formatPct(th.hfu)],
    ['GPUs', formatNumber(gpus)],
  ], 'Throughput');
  return `${table(['step time', 'seconds', 'share'], rows, `Step time (${r.schedule.id}, ${r.schedule.microBatches} micro-batches)`)}\n${thr}\n${MFU_CONVENTION}`;
}

export function formatRun(run: RunEstimate): string {
  const g = run.goodput;
  return keyValues([
    ['steps', formatNumber(run.steps)],
    ['wall clock (no failures)', `${run.days.toFixed(1)} days`],
    ['GPU-hours', `${formatNumber(run.gpuHours / 1e3, 1)}K`],
    ['with failures (goodput)', `${g.effectiveDays.toFixed(1)} days, ${formatNumber(g.effectiveGpuHours / 1e3, 1)}K GPU-hours, ${formatPct(g.lostFraction)} lost`],
    ['failures', `MTBF ${g.mtbfHours.toFixed(1)} h, checkpoint ${formatNumber(g.checkpointBytes / 1e12, 2)} TB written in ${formatSeconds(g.checkpointWriteSeconds)} every ${formatSeconds(g.checkpointIntervalSeconds)}`],
    ['IT energy', `${formatNumber(run.energy.itMwh, 0)} MWh (${formatNumber(run.energy.avgWattsPerGpu, 0)} W per GPU incl. host and network)`],
    ['cost', `$${formatNumber(run.cost.usd / 1e6, 2)}M (${run.cost.basis}, $${run.cost.usdPerGpuHour.toFixed(2)}/GPU-h)`],
    ['facility energy', `${formatNumber(run.energy.facilityMwh, 0)} MWh at PUE ${run.energy.pue.toFixed(2)}`],
    ['carbon', `${formatNumber(run.carbon.tonnesCo2e, 0)} tCO2e (facility energy at ${run.carbon.gramsPerKwh} g/kWh)`],
  ], 'Whole run');
}
