/**
 * Every estimate carries its expected error: a band derived from the cross-validated residuals of
 * comparable published runs (`npm run calibrate` tabulates them into `compute/efficiency-fitted.ts`).
 *
 * A run's residual is r = ln(predicted speed / measured speed) (speed: tokens/s or MFU; for a
 * step time, the inverse ratio), from the calibration fitted without the run's source family.
 * Runs are compared by class = silicon generation × precision class × dense/MoE × stack. For a
 * class with mean m and standard deviation s of r over n runs, the true speed of a new run lies,
 * with about 80 % probability (z = 1.28, normal residuals), in
 *
 *   [P · e^−(m + z·s'),  P · e^−(m − z·s')],   s' = max(s, S_MIN)                          (1)
 *
 * P the point estimate. A class with fewer than N_MIN runs borrows from the next coarser one:
 * generation × precision × dense/MoE, then precision × dense/MoE, then every run.
 */
import { SILICON_GENERATION } from '../compute/efficiency-structure.js';
import type { PrecisionClass } from '../runs/types.js';
import type { RunValidation } from '../validate/types.js';

/** Residual statistics of one class of runs. */
export interface ResidualClass {
  /** `generation/precision/dense|moe/stack`, with `*` for a pooled level. */
  readonly key: string;
  readonly runs: number;
  /** Mean and standard deviation of r = ln(predicted / measured speed). */
  readonly meanLn: number;
  readonly sdLn: number;
}

export interface ErrorBand {
  /** Multiply a predicted speed (tokens/s, MFU) by these for the 80 % band; divide a time or a cost. */
  readonly lowFactor: number;
  readonly highFactor: number;
  /** The class the band comes from and its number of cross-validated runs. */
  readonly basis: string;
  readonly runs: number;
}

export interface BandQuery {
  readonly accelerator: string;
  readonly precisionClass: PrecisionClass;
  readonly moe: boolean;
  /** The stack (`framework` id); null = the reference stack, Megatron-Core. */
  readonly framework: string | null;
}

const Z_80 = 1.2816;
const N_MIN = 3;
/** Floor of the residual spread: run-to-run variation of a repeated measurement (~3 %). */
const S_MIN = 0.03;

/** The class keys of a query, finest first. */
export function classKeys(q: BandQuery): string[] {
  const generation = SILICON_GENERATION[q.accelerator] ?? q.accelerator;
  const arch = q.moe ? 'moe' : 'dense';
  const stack = q.framework ?? 'megatron-core';
  return [`${generation}/${q.precisionClass}/${arch}/${stack}`, `${generation}/${q.precisionClass}/${arch}/*`, `*/${q.precisionClass}/${arch}/*`, '*/*/*/*'];
}

/** Residual classes of cross-validated runs at every pooling level. */
export function tabulateResiduals(runs: readonly { readonly query: BandQuery; readonly residualLn: number }[]): ResidualClass[] {
  const groups = new Map<string, number[]>();
  for (const r of runs) for (const k of classKeys(r.query)) groups.set(k, [...(groups.get(k) ?? []), r.residualLn]);
  return [...groups.keys()].sort().map((key) => {
    const v = groups.get(key) ?? [];
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    const variance = v.length > 1 ? v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1) : 0;
    return { key, runs: v.length, meanLn: mean, sdLn: Math.sqrt(variance) };
  });
}

/** The 80 % band (1) of an estimate, from the finest class with at least N_MIN runs. */
export function errorBand(classes: readonly ResidualClass[], q: BandQuery): ErrorBand | null {
  for (const key of classKeys(q)) {
    const c = classes.find((x) => x.key === key);
    if (c === undefined || c.runs < N_MIN) continue;
    const s = Math.max(c.sdLn, S_MIN);
    return { lowFactor: Math.exp(-(c.meanLn + Z_80 * s)), highFactor: Math.exp(-(c.meanLn - Z_80 * s)), basis: key, runs: c.runs };
  }
  return null;
}

/** Residual r of a validated run: ln(predicted / measured speed); a step time counts inversely. */
export function residualLn(run: Pick<RunValidation, 'metric' | 'predicted' | 'measured'>): number {
  const r = Math.log(run.predicted / run.measured);
  return run.metric === 'stepTimeS' ? -r : r;
}

/** Residual classes of cross-validated runs (the table `npm run calibrate` writes). */
export function residualClasses(runs: readonly RunValidation[]): ResidualClass[] {
  return tabulateResiduals(runs.map((r) => ({
    query: { accelerator: r.tags.accelerator, precisionClass: r.tags.precisionClass, moe: r.tags.moe, framework: r.tags.framework },
    residualLn: residualLn(r),
  })));
}

/**
 * How many of the leading estimates (sorted best first, by a time such as training days) lie
 * within the first one's band: two times t₁ ≤ t₂ with the same band [t/high, t/low] overlap
 * when t₂ / t₁ ≤ high / low. 1 = the winner is resolved; k > 1 = the model cannot rank the first k.
 */
export function leadersWithinBand(timesBestFirst: readonly number[], band: ErrorBand): number {
  const first = timesBestFirst[0];
  if (first === undefined) return 0;
  const width = band.highFactor / band.lowFactor;
  let n = 0;
  for (const t of timesBestFirst) if (t / first <= width) n += 1;
  return n;
}
