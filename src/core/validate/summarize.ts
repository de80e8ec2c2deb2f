/** Error summaries of a validation: mean absolute / signed percentage error, overall and by group. */
import type { ErrorSummary, RunValidation, ValidationSummary } from './types.js';

export function summarizeErrors(errorsPct: readonly number[]): ErrorSummary {
  if (errorsPct.length === 0) return { modeled: 0, meanAbsPctError: 0, meanSignedPctError: 0, maxAbsPctError: 0 };
  let abs = 0;
  let signed = 0;
  let max = 0;
  for (const e of errorsPct) {
    abs += Math.abs(e);
    signed += e;
    max = Math.max(max, Math.abs(e));
  }
  return { modeled: errorsPct.length, meanAbsPctError: abs / errorsPct.length, meanSignedPctError: signed / errorsPct.length, maxAbsPctError: max };
}

function groupBy(runs: readonly RunValidation[], key: (r: RunValidation) => string): Record<string, ErrorSummary> {
  const groups = new Map<string, number[]>();
  for (const r of runs) {
    const k = key(r);
    const list = groups.get(k) ?? [];
    list.push(r.errorPct);
    groups.set(k, list);
  }
  const out: Record<string, ErrorSummary> = {};
  for (const k of [...groups.keys()].sort()) out[k] = summarizeErrors(groups.get(k) ?? []);
  return out;
}

/** The source family of a run id (`MBRIDGE-033` → `MBRIDGE`). */
export function sourceFamily(id: string): string {
  return id.replace(/-\d+$/, '');
}

export function summarizeValidation(runs: readonly RunValidation[], skipped: number): ValidationSummary {
  let worst: ValidationSummary['worst'] = null;
  for (const r of runs) if (worst === null || Math.abs(r.errorPct) > Math.abs(worst.errorPct)) worst = { id: r.id, errorPct: r.errorPct };
  const arch = groupBy(runs, (r) => (r.tags.moe ? 'moe' : 'dense'));
  return {
    ...summarizeErrors(runs.map((r) => r.errorPct)),
    skipped,
    byAccelerator: groupBy(runs, (r) => r.tags.accelerator),
    byArchitecture: { dense: arch.dense ?? summarizeErrors([]), moe: arch.moe ?? summarizeErrors([]) },
    byPrecision: groupBy(runs, (r) => r.tags.precisionClass),
    bySource: groupBy(runs, (r) => sourceFamily(r.id)),
    worst,
    fullySpecified: summarizeErrors(runs.filter((r) => r.assumed.length === 0).map((r) => r.errorPct)),
    assumed: summarizeErrors(runs.filter((r) => r.assumed.length > 0).map((r) => r.errorPct)),
  };
}
