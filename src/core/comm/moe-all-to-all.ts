/**
 * MoE token dispatch / combine all-to-all over the expert-parallel group.
 *
 * Volume (notes §5.5): a rank with T tokens, top-K routing, hidden h, b bytes per element sends
 * T·K·h·b·(E−1)/E bytes per all-to-all under uniform routing over an EP group of E ranks. Training runs
 * four per MoE layer per micro-batch: forward dispatch and combine, and their two backward mirrors —
 * call this once per all-to-all with that all-to-all's bytes per element (DeepSeek-V3: FP8 dispatch
 * with one FP32 scale per 128 channels = 1 + 4/128 bytes, BF16 combine = 2 bytes; TR §3.3.3).
 *
 * Two dispatchers:
 * - plain (`deduplicate: false`; NCCL all-to-all, Megatron's alltoall dispatcher): one copy per
 *   (token, expert); of the K copies, K·(k−1)/E stay in the domain and K·(E−k)/E leave it.
 * - deduplicated (`deduplicate: true`; DeepSeek-V3 TR §3.2.2, DeepEP): a token crosses scale-out at most
 *   once per remote target domain, landing on the GPU with the same in-domain index, then NVLink
 *   forwards it to the expert GPUs; IB and NVLink transfers overlap. Node-limited routing caps the
 *   target domains at M (DeepSeek-V3: 4 nodes). "Node" here = scale-up domain.
 * Load imbalance λ ≥ 1 scales the busiest rank's traffic (the all-to-all waits for it).
 */
import { InputError } from '../errors.js';
import type { AllToAllCost } from './all-to-all.js';
import { twoTierTransferSeconds } from './all-to-all.js';
import type { Links } from './links.js';
import type { GroupPlacement } from './place-groups.js';

export interface MoeAllToAllInput {
  /** Tokens entering the MoE layer on one rank, per micro-batch. */
  readonly tokens: number;
  /** Routed experts per token (K). */
  readonly topK: number;
  /** Hidden size h [elements per token]. */
  readonly hidden: number;
  /** Bytes per element on the wire (BF16 2; FP8 with 1x128 FP32 scales 1 + 4/128). */
  readonly bytesPerElement: number;
  /** Busiest rank's traffic over the mean, ≥ 1 (1 = perfectly balanced routing). */
  readonly loadImbalance: number;
  /** Node-limited routing: at most this many scale-up domains per token (DeepSeek-V3: 4); null = no limit. */
  readonly maxNodesPerToken: number | null;
  /** DeepEP-style deduplicated dispatch (one scale-out copy per remote domain) vs plain all-to-all. */
  readonly deduplicate: boolean;
}

/** Expected distinct targets hit by `draws` uniform draws with replacement among `targets`: c·(1 − (1 − 1/c)^K). */
function expectedDistinct(draws: number, targets: number): number {
  return targets * (1 - Math.pow(1 - 1 / targets, draws));
}

/**
 * Expected number of remote scale-up domains one token is sent to.
 * Derivation. The router restricts the token to m = min(M, d) of the d domains of the EP group, chosen
 * uniformly (balanced routing), and its K experts fall uniformly and independently on those m domains.
 * A chosen domain gets none of the K experts with probability (1 − 1/m)^K, so the token reaches
 * m·(1 − (1 − 1/m)^K) distinct domains on average. By symmetry each reached domain is the token's
 * own with probability 1/d, hence
 *   E[remote domains] = (d − 1)/d · m · (1 − (1 − 1/m)^K).
 * Checks: K = 1 → (d−1)/d; d = 1 → 0; DeepSeek-V3 (d = 8, M = 4, K = 8) → 3.15 (the notes' 3.5
 * assumes every one of the 4 chosen nodes receives an expert).
 */
export function expectedRemoteDomains(topK: number, domains: number, maxNodesPerToken: number | null): number {
  if (domains <= 1) return 0;
  const m = Math.min(maxNodesPerToken ?? domains, domains);
  return ((domains - 1) / domains) * expectedDistinct(topK, m);
}

function checkPositive(field: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new InputError(field, value, 'must be a positive number');
}

/** Checks every field (no list built per call: the planner prices thousands of all-to-alls). */
function checkInput(input: MoeAllToAllInput): void {
  checkPositive('moe.topK', input.topK);
  checkPositive('moe.hidden', input.hidden);
  checkPositive('moe.bytesPerElement', input.bytesPerElement);
  if (!(input.tokens >= 0) || !Number.isFinite(input.tokens)) throw new InputError('moe.tokens', input.tokens, 'must be a finite number >= 0');
  if (!(input.loadImbalance >= 1) || !Number.isFinite(input.loadImbalance)) throw new InputError('moe.loadImbalance', input.loadImbalance, 'must be a finite number >= 1');
  const limit = input.maxNodesPerToken;
  if (limit !== null && (!Number.isInteger(limit) || limit < 1)) throw new InputError('moe.maxNodesPerToken', limit, 'must be a positive integer or null');
}

/** Copies of one token per tier [token copies]. */
function copiesPerToken(input: MoeAllToAllInput, group: GroupPlacement): { scaleUp: number; scaleOut: number } {
  const e = group.size;
  const k = group.inDomain;
  const d = group.domains;
  if (!input.deduplicate) return { scaleUp: (input.topK * (k - 1)) / e, scaleOut: (input.topK * (e - k)) / e };
  // Dedup: each distinct target GPU except the one a copy lands on (1 in k) takes one NVLink hop.
  const m = Math.min(input.maxNodesPerToken ?? d, d);
  const targetGpus = expectedDistinct(input.topK, m * k);
  return { scaleUp: (targetGpus * (k - 1)) / k, scaleOut: expectedRemoteDomains(input.topK, d, input.maxNodesPerToken) };
}

/**
 * Bytes per tier and seconds of one dispatch (or combine) all-to-all over the EP `group`:
 *   bytes_tier = λ · T · copies_tier · h · b     [bytes]
 *   seconds    = max(up / B_up, out / B_out) + α per tier used   (tiers overlap; TR §3.2.2)
 * @throws InputError on moe.<field> for negative tokens, non-positive sizes, λ < 1 or a bad node limit.
 */
export function moeAllToAllCost(input: MoeAllToAllInput, group: GroupPlacement, links: Links): AllToAllCost {
  checkInput(input);
  if (group.size <= 1) return { scaleUpBytes: 0, scaleOutBytes: 0, seconds: 0 };
  const copies = copiesPerToken(input, group);
  const bytesPerCopy = input.loadImbalance * input.tokens * input.hidden * input.bytesPerElement;
  const scaleUpBytes = copies.scaleUp * bytesPerCopy;
  const scaleOutBytes = copies.scaleOut * bytesPerCopy;
  return { scaleUpBytes, scaleOutBytes, seconds: twoTierTransferSeconds(scaleUpBytes, scaleOutBytes, links) };
}
