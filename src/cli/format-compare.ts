/**
 * Terminal rendering of the parallelism comparisons: TP vs PP and DP vs EP. Rows are the quantities,
 * columns the strategies; the DP-vs-EP sweeps are one row per point.
 */
import type {
  DpEpComparison, DpEpPoint, DpEpStrategy, InvalidStrategy, ModelParallelTraffic, TpPpComparison, TpPpStrategy,
} from '../core/index.js';
import type { Layout } from '../core/index.js';
import { formatBandwidth, formatBytes, wrapText } from './format-analysis.js';
import { formatCount, formatGiB, formatNumber, formatPct, formatSeconds, table } from './format.js';

/** Width at which the prose cells of a comparison wrap [characters]. */
const TEXT_WIDTH = 32;

function layoutLabel(l: Layout): string {
  const ep = l.ep > 1 ? ` · EP${l.ep}` : '';
  return `TP${l.tp} · PP${l.pp}${l.vp > 1 ? `×${l.vp}` : ''} · DP${l.dp}${ep}`;
}

function memoryCell(peakBytes: number, capacityBytes: number, fits: boolean): string {
  return `${formatGiB(peakBytes)} of ${formatGiB(capacityBytes)}${fits ? '' : '\nDOES NOT FIT'}`;
}

/** Seconds (formatSeconds writes an exact zero as "0 s"). */
const formatTime = formatSeconds;

/** One cell per model-parallel flow (prefixed by the flow kind when a strategy has both). */
function trafficCell(s: TpPpStrategy, pick: (t: ModelParallelTraffic) => string): string {
  if (s.traffic.length === 0) return 'none';
  const prefix = s.traffic.length > 1;
  return s.traffic.map((t) => wrapText(`${prefix ? `${t.kind.toUpperCase()}: ` : ''}${pick(t)}`, TEXT_WIDTH)).join('\n');
}

const TP_PP_ROWS: readonly { label: string; cell: (s: TpPpStrategy) => string }[] = [
  { label: 'layout', cell: (s) => `${layoutLabel(s.layout)}\n${s.layout.schedule}, ${s.layout.microBatches} micro-batches` },
  { label: 'split', cell: (s) => wrapText(s.split, TEXT_WIDTH) },
  { label: 'role of each GPU', cell: (s) => wrapText(s.gpuRole, TEXT_WIDTH) },
  { label: 'collective', cell: (s) => trafficCell(s, (t) => t.collective) },
  { label: 'how often', cell: (s) => trafficCell(s, (t) => t.frequency) },
  { label: 'calls per step', cell: (s) => trafficCell(s, (t) => formatNumber(t.callsPerStep)) },
  { label: 'bytes per call', cell: (s) => trafficCell(s, (t) => formatBytes(t.bytesPerCall)) },
  { label: 'bytes each GPU sends per step', cell: (s) => trafficCell(s, (t) => formatBytes(t.bytesPerGpuPerStep)) },
  { label: 'fabric tier', cell: (s) => trafficCell(s, (t) => `${t.tier} (group of ${t.groupSize} over ${t.groupDomains} domain${t.groupDomains === 1 ? '' : 's'})`) },
  { label: 'tier bandwidth (effective)', cell: (s) => trafficCell(s, (t) => formatBandwidth(t.bandwidthBytesPerSec)) },
  { label: 'bandwidth to hide it', cell: (s) => trafficCell(s, (t) => `${formatBandwidth(t.hideBandwidthBytesPerSec)} (${t.hideable ? 'tier is faster: can hide with full overlap' : 'tier is slower: cannot hide'})`) },
  { label: 'exposed communication', cell: (s) => trafficCell(s, (t) => formatTime(t.exposedSeconds)) },
  { label: 'pipeline bubble', cell: (s) => `${formatTime(s.bubbleSeconds)} (${formatPct(s.bubbleFraction)})` },
  { label: 'memory per GPU (peak)', cell: (s) => memoryCell(s.memory.peakBytesPerGpu, s.memory.capacityBytes, s.memory.fits) },
  { label: 'weights / gradients / optimizer', cell: (s) => [s.memory.weightsBytes, s.memory.gradsBytes, s.memory.optimizerBytes].map(formatGiB).join(' / ') },
  { label: 'activations / buffers', cell: (s) => [s.memory.activationsBytes, s.memory.buffersBytes].map(formatGiB).join(' / ') },
  { label: 'compute per step', cell: (s) => formatSeconds(s.computeSeconds) },
  { label: 'step time', cell: (s) => formatSeconds(s.stepSeconds) },
  { label: 'MFU', cell: (s) => formatPct(s.mfu) },
];

function tpPpHead(s: TpPpStrategy | InvalidStrategy, factor: number): string {
  if (s.id === 'tensor') return `tensor (TP${factor})`;
  if (s.id === 'pipeline') return `pipeline (PP${factor})`;
  return 'scenario layout';
}

function sameLayout(a: TpPpStrategy | InvalidStrategy, b: TpPpStrategy | InvalidStrategy): boolean {
  return a.valid && b.valid && JSON.stringify(a.layout) === JSON.stringify(b.layout);
}

/** The columns to print: the scenario's own layout is folded into the strategy it equals. */
function tpPpColumns(c: TpPpComparison): { head: string; strategy: TpPpStrategy | InvalidStrategy }[] {
  const scenario = c.strategies.find((s) => s.id === 'scenario');
  const twin = scenario === undefined ? undefined : c.strategies.find((s) => s.id !== 'scenario' && sameLayout(s, scenario));
  return c.strategies
    .filter((s) => twin === undefined || s.id !== 'scenario')
    .map((s) => ({ head: `${tpPpHead(s, c.factor)}${s === twin ? '\n= scenario layout' : ''}`, strategy: s }));
}

/** The fastest valid strategy against each other valid one. */
function tpPpVerdict(c: TpPpComparison): string {
  const valid = c.strategies.filter((s): s is TpPpStrategy => s.valid);
  const best = [...valid].sort((a, b) => a.stepSeconds - b.stepSeconds)[0];
  if (best === undefined) return 'no strategy is valid for this model and GPU count';
  const others = valid.filter((s) => s.id !== best.id && s.stepSeconds !== best.stepSeconds)
    .map((s) => `${s.id} ${formatSeconds(s.stepSeconds)} (${(s.stepSeconds / best.stepSeconds).toFixed(2)}× slower)`);
  return `fastest: ${best.id}, ${formatSeconds(best.stepSeconds)} per step${others.length > 0 ? `; ${others.join(', ')}` : ''}${best.memory.fits ? '' : ' — but it does not fit in memory'}`;
}

export function formatTpPp(c: TpPpComparison): string {
  const columns = tpPpColumns(c);
  const head = ['', ...columns.map((col) => col.head)];
  const rows = TP_PP_ROWS.map((r, i) => [r.label, ...columns.map(({ strategy: s }) => {
    if (s.valid) return r.cell(s);
    return i === 0 ? wrapText(`invalid: ${s.reason}`, TEXT_WIDTH) : '-';
  })]);
  const title = `Tensor vs pipeline parallelism: ${c.model} on ${formatNumber(c.gpus)} GPUs, factor F = ${c.factor} (scale-up domain ${c.scaleUpDomainGpus} GPUs)`;
  const note = 'bandwidth to hide it = bytes per GPU per step / compute seconds: below it, the traffic cannot hide behind compute even with perfect overlap.';
  return [table(head, rows, title), tpPpVerdict(c), wrapText(note, 100)].join('\n');
}

function paramsCell(p: DpEpPoint): string {
  return `${formatCount(p.denseParamsPerGpu + p.expertParamsPerGpu)} (non-expert ${formatCount(p.denseParamsPerGpu)}, experts ${formatCount(p.expertParamsPerGpu)})`;
}

function allToAllCell(p: DpEpPoint): string {
  if (p.allToAllBytesPerGpuPerStep === 0) return 'none';
  return `${formatBytes(p.allToAllBytesPerGpuPerStep)} (${formatBytes(p.allToAllScaleOutBytesPerGpuPerStep)} scale-out)`;
}

const DP_EP_ROWS: readonly { label: string; cell: (s: DpEpStrategy, c: DpEpComparison) => string }[] = [
  { label: 'layout', cell: (s) => `EP${s.ep} · DP${s.dp}` },
  { label: 'routed experts per GPU', cell: (s, c) => `${formatNumber(s.expertsPerGpu, Number.isInteger(s.expertsPerGpu) ? 0 : 2)} of ${c.experts}` },
  { label: 'replicated on every GPU', cell: (s) => wrapText(s.replicated.join(', '), TEXT_WIDTH) },
  { label: 'divided over GPUs', cell: (s) => (s.divided.length === 0 ? 'nothing' : wrapText(s.divided.join(', '), TEXT_WIDTH)) },
  { label: 'gradient reduction per GPU per step', cell: (s) => formatBytes(s.gradientBytesPerGpuPerStep) },
  { label: 'token all-to-all per GPU per step', cell: (s) => allToAllCell(s) },
  { label: 'parameters per GPU', cell: (s) => wrapText(paramsCell(s), TEXT_WIDTH) },
  { label: 'memory per GPU (peak)', cell: (s) => (s.peakBytesPerGpu > 0 ? `${formatGiB(s.peakBytesPerGpu)}${s.fits ? ', fits' : '\nDOES NOT FIT'}` : '-') },
  { label: 'step time', cell: (s) => formatSeconds(s.stepSeconds) },
  { label: 'MFU', cell: (s) => formatPct(s.mfu) },
];

function sweepTable(title: string, key: (p: DpEpPoint) => string, points: readonly DpEpPoint[]): string {
  const rows = points.map((p) => (p.valid
    ? [key(p), p.dp, p.ep, formatBytes(p.gradientBytesPerGpuPerStep), formatBytes(p.allToAllBytesPerGpuPerStep), formatBytes(p.allToAllScaleOutBytesPerGpuPerStep), formatGiB(p.peakBytesPerGpu), p.fits ? 'yes' : 'NO', formatSeconds(p.stepSeconds), formatPct(p.mfu)]
    : [key(p), '-', p.ep, '-', '-', '-', '-', '-', '-', '-']));
  const invalid = points.filter((p) => !p.valid).map((p) => `  ${key(p)}: ${p.reason}`);
  const head = ['', 'DP', 'EP', 'gradient/GPU', 'all-to-all/GPU', 'of it scale-out', 'memory/GPU', 'fits', 'step', 'MFU'];
  return [table(head, rows, title), ...(invalid.length > 0 ? ['invalid points:', ...invalid] : [])].join('\n');
}

export function formatDpEp(c: DpEpComparison): string {
  const head = ['', ...c.strategies.map((s) => (s.id === 'data' ? 'data parallelism (EP1)' : `expert parallelism (EP${s.ep})`))];
  const rows = DP_EP_ROWS.map((r, i) => [r.label, ...c.strategies.map((s) => (s.valid ? r.cell(s, c) : i === 0 ? wrapText(`invalid: ${s.reason}`, TEXT_WIDTH) : '-'))]);
  const title = `Data vs expert parallelism: ${c.model} on ${formatNumber(c.gpus)} GPUs, ${c.experts} routed experts, top-${c.topK}`;
  const bytesNote = 'bytes are what one GPU sends per step (forward and backward, every micro-batch).';
  return [
    table(head, rows, title),
    bytesNote,
    '',
    sweepTable('As the GPU count grows (global batch fixed, DP absorbs the change)', (p) => `${formatNumber(p.gpus)} GPUs`, c.sweeps.gpus),
    '',
    sweepTable('As the EP degree grows', (p) => `EP ${p.ep}`, c.sweeps.ep),
    '',
    sweepTable('As the expert count grows (same EP)', (p) => `${p.experts} experts`, c.sweeps.experts),
    '',
    'How each scales:',
    wrapText(`gradient reduction: ${c.scaling.gradient}`, 100),
    wrapText(`token all-to-all: ${c.scaling.allToAll}`, 100),
  ].join('\n');
}
