/**
 * Micro-batches whose activations a pipeline rank holds at its peak, and the parameter copies it
 * keeps: facts of the schedule (`Schedule.inFlightMicroBatches`, `Schedule.parameterCopies`), whose
 * closed forms come from the op orders (notes §3.2–3.8; `schedules/README.md` decision table):
 *
 * | schedule | rank r of p, m micro-batches, v chunks | source |
 * |---|---|---|
 * | gpipe | m | Huang et al. 2019: all forwards before any backward |
 * | 1f1b, zb-h1 | min(p − r, m) | Narayanan et al. 2021; Qi et al. 2023 Table 2 (ZB-H1 as 1F1B) |
 * | zb-h2 | min(2(p − r) − 1, m) | Qi et al. 2023 Table 2: (2p − 1)·M_B on the first rank |
 * | interleaved | min(2(p − 1 − r) + (v − 1)·p + 1, m·v) / v | Megatron warm-up count + 1, in chunks of 1/v; rank 0: p + (p − 1)/v, factor 1 + (p − 1)/(p·v) (Korthikanti et al. 2022) |
 * | dualpipe | (p + 1)/2 (the rank holds two full stages) | DeepSeek-V3 TR Table 2: PP + 1 stage units on every rank |
 * | dualpipev | p + 1/2 (the rank holds two half stages) | DualPipe README: PP + 1 half-stage chunks, PP = 2p |
 */
import type { Layout } from '../layout/types.js';
import { getSchedule } from '../schedules/catalog.js';

/** In-flight multiple of rank `rank`'s one-micro-batch activations (all its chunks). */
export function inFlightMicroBatches(layout: Pick<Layout, 'schedule' | 'pp' | 'vp' | 'microBatches'>, rank: number): number {
  return getSchedule(layout.schedule).inFlightMicroBatches(layout, rank);
}

/**
 * Full copies of a model stage's parameters per device relative to one stage of 1/p of the
 * layers: DualPipe keeps two model copies (TR Table 2: "2x"); DualPipeV's two half stages make one.
 */
export function parameterCopies(layout: Pick<Layout, 'schedule'>): number {
  return getSchedule(layout.schedule).parameterCopies;
}
