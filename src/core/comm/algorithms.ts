/** The registry of collective algorithms. Adding one = one file in algorithms/ + one line here. */
import { hierarchical } from './algorithms/hierarchical.js';
import { ring } from './algorithms/ring.js';
import { tree } from './algorithms/tree.js';
import type { CollectiveAlgorithm } from './collective-algorithm.js';

export const COLLECTIVE_ALGORITHMS = {
  ring,
  tree,
  hierarchical,
} satisfies Record<string, CollectiveAlgorithm>;

export type CollectiveAlgorithmId = keyof typeof COLLECTIVE_ALGORITHMS;

function isCollectiveAlgorithmId(id: string): id is CollectiveAlgorithmId {
  return Object.prototype.hasOwnProperty.call(COLLECTIVE_ALGORITHMS, id);
}

/** Registry keys in registry order (the tie-break order of `auto` selection). */
export const COLLECTIVE_ALGORITHM_IDS: readonly CollectiveAlgorithmId[] = Object.keys(COLLECTIVE_ALGORITHMS).filter(isCollectiveAlgorithmId);
