/**
 * How a MoE model's tokens travel to their experts — the one owner of that choice; the all-to-all
 * (`step/layer-comm.ts`) and the token permutations (`compute/ops-ffn.ts`) both ask it.
 *
 * - `deduplicated` (DeepSeek-V3 TR §3.2.2, DeepEP): node-limited routing; a token crosses scale-out
 *   once per remote target node and is forwarded on NVLink. The dispatch kernel reads the tokens in
 *   place, so the only permutation is the receiver's into expert order, and its inverse before the combine.
 * - `plain` (NCCL all-to-all; Megatron-Core `MoEAlltoAllTokenDispatcher`): the sender permutes its
 *   token copies into destination order before the all-to-all (`permute`), the receiver sorts the
 *   chunks from each source rank into local-expert order (`sort_chunks_by_idxs`, when it holds more
 *   than one expert), and the combine runs both in reverse (`unpermute` with the routing weights).
 */
import type { MoeSpec } from './types.js';

export type MoeDispatcher = 'plain' | 'deduplicated';

/** Node-limited routing (a node cap per token) is what the deduplicated dispatch is built for. */
export function moeDispatcher(moe: MoeSpec): MoeDispatcher {
  return moe.maxNodesPerToken === null ? 'plain' : 'deduplicated';
}

/**
 * Permutation passes over the received token copies per direction (dispatch, and again in reverse
 * for the combine) beyond the one every dispatcher runs: 1 for the plain dispatcher when a rank
 * receives from other ranks (ep > 1) into more than one local expert, else 0.
 */
export function extraChunkSorts(moe: MoeSpec, ep: number): number {
  return moeDispatcher(moe) === 'plain' && ep > 1 && moe.experts / ep > 1 ? 1 : 0;
}
