/** Reading `name: value` / `name=value` fields out of a log line, with numbers as printed (1,234.5, 1.2E+03). */

// ANSI colour codes (torchtitan colours its metric line).
const ANSI = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

export function stripAnsi(line: string): string {
  return line.replace(ANSI, '');
}

const NUMBER = String.raw`([+-]?[0-9][0-9,]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The number after `label` followed by `:` or `=` (spaces allowed), or undefined. */
export function numberAfter(line: string, label: string): number | undefined {
  const match = new RegExp(`${escapeRegExp(label)}\\s*[:=]\\s*${NUMBER}`).exec(line);
  if (match?.[1] === undefined) return undefined;
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}
