/**
 * The routing imbalance of a published Mixture-of-Experts run: how many routed tokens the busiest
 * expert-parallel rank runs over the mean. Benchmarks that force balanced routing state it
 * (`flags.forcedBalancedRouting`: 1, `validate/run-step-options.ts`); no source here publishes it
 * otherwise, so it is unknown. The step prices the literature prior (`training/expert-load.ts`,
 * 1.25) and the case marks it `unknown`, which keeps the run out of the fit (`calibration/fit.ts`):
 * the imbalance moves a fine-grained MoE step by tens of percent (ms-swift's Qwen3-30B-A3B, EP 8:
 * 3.1 s at 1, 3.5 s at 1.25, 4.8 s at 2, 8.4 s at 4; measured 9.6 s, i.e. about 4.7 if the routing
 * were all of the gap; the same architecture under forced-balanced routing, Megatron-Bridge's rows,
 * is priced median −4 %, README "What the MoE runs say").
 */
import { DEFAULT_EXPERT_LOAD_IMBALANCE } from '../training/expert-load.js';
import type { AssumedField } from './record-conventions.js';
import type { RunRecord } from './record-schema.js';

/** Appends the unknown routing imbalance of an expert-parallel MoE record that does not force balanced routing. */
export function recordRouting(record: RunRecord, moe: boolean, ep: number, notes: string[], assumed: AssumedField[]): void {
  if (!moe || ep <= 1 || record.flags.forcedBalancedRouting) return;
  notes.push(`routing imbalance not published: the busiest expert-parallel rank runs ${DEFAULT_EXPERT_LOAD_IMBALANCE}× the mean (literature prior)`);
  assumed.push({
    field: 'expertLoadImbalance', value: DEFAULT_EXPERT_LOAD_IMBALANCE, basis: 'unknown',
    source: 'routing not forced balanced and its imbalance not published: the Switch Transformer capacity-factor prior (training/expert-load.ts)',
  });
}
