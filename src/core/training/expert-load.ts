/**
 * Routing imbalance of a Mixture-of-Experts step: the routed token copies of the busiest
 * expert-parallel rank over the mean. Every rank of an expert-parallel group waits for the
 * all-to-all of every MoE layer, so the busiest rank sets the expert GEMMs' and the all-to-alls'
 * time (DESIGN.md, "load imbalance").
 */
import type { Training } from './types.js';

/**
 * Busiest rank's routed tokens over the mean when routing is not forced balanced (a literature
 * prior, not fitted): 1.25.
 * - Switch Transformer (Fedus, Zoph & Shazeer, JMLR 2022) §2.2: each expert's buffer is
 *   tokens/experts × capacity factor, "a capacity factor greater than 1.0 creates additional buffer
 *   to accommodate for when tokens are not perfectly balanced across experts"; its models train at
 *   capacity factor 1.25 (Table 1), i.e. the busiest expert runs about 25 % over the mean. GShard
 *   (Lepikhin et al. 2020) §2.2 sizes expert capacity the same way.
 * - Upper-bound check: DeepSeek-V3's training profile, with routing forced perfectly balanced,
 *   reconstructs about 16 s of the measured 19.9 s step, leaving ~24 % for real routing imbalance,
 *   stage imbalance and the optimizer together (notes §2.10).
 * A dropless router (Megatron-Core, DeepSeek-V3) drops nothing, so the busiest rank runs all of its
 * tokens. Benchmarks that force balanced routing set 1 (`flags.forcedBalancedRouting`).
 */
export const DEFAULT_EXPERT_LOAD_IMBALANCE = 1.25;

/**
 * The imbalance a step prices with [dimensionless, ≥ 1]: the override (what-if, forced-balanced
 * benchmarks), else the scenario's `training.expertLoadImbalance`, else the prior above — and 1
 * without expert parallelism (`ep` ≤ 1), where every GPU holds every expert and runs exactly its own
 * tokens' copies whatever the router picks.
 */
export function expertLoadImbalance(training: Training, ep: number, override?: number): number {
  if (ep <= 1) return 1;
  return override ?? training.expertLoadImbalance ?? DEFAULT_EXPERT_LOAD_IMBALANCE;
}
