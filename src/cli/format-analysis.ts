/**
 * Terminal rendering of the analysis: six-domain bottleneck scores, what-if deltas, and the shared
 * unit formatters of the comparisons (`format-compare.ts`). Formatting only; numbers come from
 * src/core/analysis.
 */
import type { BottleneckReport, DomainScore, Evidence, EvidenceUnit, EvidenceValue, WhatIfResult } from '../core/index.js';
import type { Layout } from '../core/index.js';
import { formatGiB, formatNumber, formatPct, formatSeconds, table } from './format.js';

/** Width of the severity bar [characters]; one block per 10 points. */
const BAR_WIDTH = 10;

/** 62.4 → "██████░░░░" (rounded to the nearest 10 points, clamped to 0–100). */
export function formatScoreBar(score: number): string {
  const filled = Math.min(BAR_WIDTH, Math.max(0, Math.round((score / 100) * BAR_WIDTH)));
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

/** Score with no decimals (the anchors are not finer than a point). */
export function formatScore(score: number): string {
  return score.toFixed(0);
}

/** Signed score change: "+19", "-3", "0". */
export function formatScoreDelta(delta: number): string {
  const r = Math.round(delta);
  return r > 0 ? `+${r}` : r === 0 ? '0' : String(r);
}

/** Bytes with decimal SI prefixes (network convention): 3.28e12 → "3.28 TB". */
export function formatBytes(bytes: number): string {
  const abs = Math.abs(bytes);
  const units: [number, string][] = [[1e15, 'PB'], [1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];
  for (const [scale, unit] of units) if (abs >= scale) return `${(bytes / scale).toFixed(2)} ${unit}`;
  return `${bytes.toFixed(0)} B`;
}

/** Bandwidth in decimal units: 1.6e11 → "160.00 GB/s". */
export function formatBandwidth(bytesPerSec: number): string {
  return `${formatBytes(bytesPerSec)}/s`;
}

/** A plain number: integers as is, otherwise 2 significant decimals. */
function formatPlain(n: number): string {
  return Number.isInteger(n) ? formatNumber(n) : formatNumber(n, Math.abs(n) >= 100 ? 0 : 2);
}

/** Seconds for evidence: whole seconds from 100 s up, else the adaptive format. */
function formatEvidenceSeconds(s: number): string {
  return s >= 100 && s < 3600 ? `${s.toFixed(0)} s` : formatSeconds(s);
}

/** Power with a decimal prefix: 1.2e6 → "1.20 MW", 40e3 → "40.0 kW", 700 → "700 W". */
export function formatWatts(watts: number): string {
  const abs = Math.abs(watts);
  if (abs >= 1e6) return `${(watts / 1e6).toFixed(2)} MW`;
  if (abs >= 1e3) return `${(watts / 1e3).toFixed(1)} kW`;
  return `${watts.toFixed(0)} W`;
}

/** How each evidence unit reads (the core gives SI values with their unit). */
const EVIDENCE_FORMATS: Readonly<Record<EvidenceUnit, (v: number) => string>> = {
  // Memory reads in GiB in every command.
  'bytes': formatGiB,
  'bytes/s': formatBandwidth,
  'watts': formatWatts,
  'seconds': formatEvidenceSeconds,
  'fraction': (v) => formatPct(v),
  'ratio': (v) => `${v.toFixed(2)}×`,
  'W/W': (v) => `${v.toFixed(3)} W per IT W`,
  'count': (v) => formatNumber(v),
  'number': formatPlain,
};

const ACRONYMS: Readonly<Record<string, string>> = {
  gpu: 'GPU', gpus: 'GPUs', tp: 'TP', ep: 'EP', dp: 'DP', pp: 'PP', cp: 'CP', hbm: 'HBM', mfu: 'MFU', hfu: 'HFU',
  pue: 'PUE', fp8: 'FP8', bf16: 'BF16', mtbf: 'MTBF', it: 'IT',
};

/** "exposedTpPerCompute" → "exposed TP per compute". */
export function formatEvidenceLabel(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
}

/** One evidence entry: `peakPerGpu: { value: 7.87e10, unit: 'bytes' }` → "peak per GPU 73.29 GiB". */
export function formatEvidenceEntry(name: string, e: EvidenceValue): string {
  return `${formatEvidenceLabel(name)} ${EVIDENCE_FORMATS[e.unit](e.value)}`;
}

export function formatEvidence(evidence: Evidence): string[] {
  return Object.entries(evidence).map(([k, v]) => formatEvidenceEntry(k, v));
}

/** Greedy word wrap at `width` characters (words longer than the width stay whole). */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    if (line.length > 0 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.join('\n');
}

/** Remedies shown per domain in the terminal (all of them are in --json). */
const REMEDIES_SHOWN = 3;

function remediesBlock(d: DomainScore): string {
  const shown = d.remedies.slice(0, REMEDIES_SHOWN).map((r) => `  - ${r}`);
  const more = d.remedies.length - shown.length;
  if (more > 0) shown.push(`  (+${more} more: --json lists every remedy)`);
  if (shown.length === 0) shown.push('  (none)');
  return [`${d.domain} ${formatScore(d.score)} — ${d.rule ?? 'no rule'}: ${d.describe}`, ...shown].join('\n');
}

/** Domains from the most to the least severe (DOMAINS order on a tie: the sort is stable). */
function bySeverity(report: BottleneckReport): DomainScore[] {
  return [...report.domains].sort((a, b) => b.score - a.score);
}

/**
 * The six-domain table: the worst domain on the first line, then every domain from the most severe
 * with its score, bar, rule and evidence, then the remedies of each.
 */
export function formatBottlenecks(report: BottleneckReport): string {
  const worst = report.domains.find((d) => d.domain === report.worst);
  const headline = worst === undefined
    ? 'worst: none'
    : `worst: ${worst.domain} ${formatScore(worst.score)}/100 (${worst.rule ?? 'no rule'}: ${worst.describe})`;
  const context = `step ${formatSeconds(report.stepSeconds)}, MFU ${formatPct(report.mfu)}, ${formatNumber(report.tokensPerSecondPerGpu, 1)} tokens/s per GPU, memory ${report.memoryFits ? 'fits' : 'DOES NOT FIT'}`;
  const ordered = bySeverity(report);
  const rows = ordered.map((d) => [d.domain, formatScore(d.score), formatScoreBar(d.score), d.rule ?? '-', formatEvidence(d.evidence).join('\n')]);
  const scores = table(['domain', 'score', 'severity', 'rule', 'evidence'], rows, 'Bottlenecks (0 = no limit, 100 = the limit)');
  const remedies = ['Remedies (of the rules that fired, highest score first)', ...ordered.map(remediesBlock)].join('\n');
  return [headline, context, '', scores, '', remedies].join('\n');
}

function ruleChange(before: string | null, after: string | null): string {
  if (before === after) return before ?? '-';
  return `${before ?? '-'} → ${after ?? '-'}`;
}

/** Before/after/delta of every domain score, of the step time and of MFU. */
export function formatWhatIfResult(result: WhatIfResult, layoutBefore?: Layout): string {
  const rows: string[][] = result.domains.map((d) => [d.domain, formatScore(d.before), formatScore(d.after), formatScoreDelta(d.delta), ruleChange(d.ruleBefore, d.ruleAfter)]);
  const s = result.stepSeconds;
  const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
  rows.push(['step time', formatSeconds(s.before), formatSeconds(s.after), pct(s.delta / s.before), s.speedup >= 1 ? `${s.speedup.toFixed(3)}× faster` : `${(1 / s.speedup).toFixed(3)}× slower`]);
  const m = result.mfu;
  rows.push(['MFU', formatPct(m.before), formatPct(m.after), `${m.after >= m.before ? '+' : ''}${((m.after - m.before) * 100).toFixed(1)} pt`, '']);
  const notes: string[] = [];
  if (result.before.memoryFits !== result.after.memoryFits) notes.push(`memory: ${result.after.memoryFits ? 'now fits' : 'NO LONGER FITS'}`);
  if (layoutBefore !== undefined && layoutBefore.dp !== result.layout.dp) notes.push(`layout: dp ${layoutBefore.dp} → ${result.layout.dp} (data parallelism absorbs the GPU change)`);
  notes.push('MFU is against the dense peak at each run\'s own precision.');
  return [table(['', 'before', 'after', 'change', 'rule'], rows, `What-if ${result.spec}`), ...notes].join('\n');
}
