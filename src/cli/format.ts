/** Formatting helpers of the terminal shell (formatting lives in the shells, never in the core). */
import Table from 'cli-table3';

export const GIB = 1024 ** 3;

/** 671026419200 → "671.03B". */
export function formatCount(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e12) return `${(n / 1e12).toFixed(2)}T`;
  if (abs >= 1e9) return `${(n / 1e9).toFixed(2)}B`;
  if (abs >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (abs >= 1e3) return `${(n / 1e3).toFixed(2)}K`;
  return n.toFixed(0);
}

/** A count and its noun, singular for one: (1, 'rack') → "1 rack", (4096, 'rack') → "4,096 racks". */
export function formatCounted(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;
}

/** Bytes → GiB with two decimals. */
export function formatGiB(bytes: number): string {
  return `${(bytes / GIB).toFixed(2)} GiB`;
}

/** Seconds → adaptive unit (µs, ms, s, h, days). */
export function formatSeconds(s: number): string {
  const abs = Math.abs(s);
  // An exact zero, and anything that would print as "0.0 µs", reads "0 s".
  if (abs < 0.05e-6) return '0 s';
  if (abs < 1e-3) return `${(s * 1e6).toFixed(1)} µs`;
  if (abs < 1) return `${(s * 1e3).toFixed(2)} ms`;
  if (abs < 3600) return `${s.toFixed(3)} s`;
  if (abs < 86400 * 2) return `${(s / 3600).toFixed(2)} h`;
  return `${(s / 86400).toFixed(2)} days`;
}

export function formatPct(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Compact borders: no separator line between body rows. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Cells that read as numbers (with a unit) are right-aligned. */
const NUMERIC = /^[-+$~]?[\d.,]+(\s?\S{0,6})?$|^-?$/;

/**
 * A row whose cells hold several lines, as one row per line (blank cells under the shorter ones).
 * Under COMPACT borders (no line between body rows) the table reads the same, and cli-table3 stays
 * off its slow path: it measures a multi-line cell again for every character it trims off a copy
 * it only logs (quadratic in the cell's length: 250 ms of the 1.5 s of a `report`).
 */
function rowPerLine(row: readonly string[]): string[][] {
  const lines = row.map((cell) => cell.split('\n'));
  const height = Math.max(1, ...lines.map((l) => l.length));
  return Array.from({ length: height }, (_, i) => lines.map((l) => l[i] ?? ''));
}

/** A plain table with a header row; right-aligned numeric columns. */
export function table(head: string[], rows: (string | number)[][], title?: string): string {
  const t = new Table({
    head,
    chars: COMPACT,
    style: { head: [], border: [] },
    colAligns: head.map((_, i) => (i > 0 && rows.every((r) => NUMERIC.test(String(r[i] ?? ''))) ? 'right' : 'left')),
  });
  for (const row of rows) t.push(...rowPerLine(row.map(String)));
  return (title ? `${title}\n` : '') + t.toString();
}

/** Key/value table. */
export function keyValues(rows: [string, string | number][], title?: string): string {
  const t = new Table({ chars: COMPACT, style: { head: [], border: [] }, colAligns: ['left', 'left'] });
  for (const [k, v] of rows) t.push(...rowPerLine([k, String(v)]));
  return (title ? `${title}\n` : '') + t.toString();
}
