/**
 * Edges of plain programs (F, B, I and W only; every send leaves at the end of its op; no awaited
 * receives), listed from the op that releases them: no edge repeats, so they need neither the
 * grouping nor the merging of `linkEdges` (`op-graph.ts`). The same edges as `collectEdges`
 * (notes §3.0): F(s, j) → F(s+1, j) and → its own backward (s, j); B/I(s, j) → the backward of
 * (s−1, j); I(s, j) → W(s, j). Their order within an op differs, which the run does not see
 * (op times are longest paths).
 */
import { KIND } from './op-edges.js';
import type { LinkInputs } from './op-edges.js';

/** Edges grouped by releasing op, with in-degrees and the p2p transfers of one step. */
export interface LinkedEdges {
  readonly edgeStart: Int32Array;
  readonly edgeConsumer: Int32Array;
  readonly edgeCross: Uint8Array;
  readonly inDegree: Int32Array;
  readonly transfers: number;
}

function consumerOf(table: Int32Array, key: number, what: string): number {
  const op = table[key] ?? -1;
  if (op < 0) throw new Error(`schedule bug: no ${what} op consumes micro-batch·stage key ${key}`);
  return op;
}

/** Whether the programs are plain (see above): `linkPlainEdges` applies. */
export function isPlain(g: LinkInputs): boolean {
  if (g.awaitedCount > 0) return false;
  for (let i = 0; i < g.ops.length; i += 1) {
    if (g.kindOf[i] === KIND.FB || g.sendAfter[i] !== 0) return false;
  }
  return true;
}

export function linkPlainEdges(g: LinkInputs): LinkedEdges {
  const n = g.ops.length;
  const S = g.lookup.stages;
  const { forward, backward, weight } = g.producers;
  const { kindOf, stageOf, rankOf } = g;
  const edgeStart = new Int32Array(n + 1);
  // At most two edges leave an op (F: next F and own backward; I: W and previous backward).
  const edgeConsumer = new Int32Array(2 * n);
  const edgeCross = new Uint8Array(2 * n);
  const inDegree = new Int32Array(n);
  let count = 0;
  let transfers = 0;
  for (let i = 0; i < n; i += 1) {
    const kind = kindOf[i] ?? 0;
    const s = stageOf[i] ?? 0;
    const key = (g.ops[i]?.microBatch ?? 0) * S + s;
    const rank = rankOf[i] ?? 0;
    let crossTo = -1;
    let localTo = -1;
    if (kind === KIND.F) {
      if (s < S - 1) crossTo = consumerOf(forward, key + 1, 'forward');
      localTo = consumerOf(backward, key, 'backward');
    } else if (kind === KIND.B || kind === KIND.I) {
      if (s > 0) crossTo = consumerOf(backward, key - 1, 'backward');
      if (kind === KIND.I) localTo = consumerOf(weight, key, 'weight');
    }
    if (crossTo >= 0) {
      const cross = rankOf[crossTo] === rank ? 0 : 1;
      edgeConsumer[count] = crossTo;
      edgeCross[count] = cross;
      inDegree[crossTo] = (inDegree[crossTo] ?? 0) + 1;
      transfers += cross;
      count += 1;
    }
    if (localTo >= 0) {
      edgeConsumer[count] = localTo;
      inDegree[localTo] = (inDegree[localTo] ?? 0) + 1;
      count += 1;
    }
    edgeStart[i + 1] = count;
  }
  checkInputs(g, inDegree);
  return { edgeStart, edgeConsumer: edgeConsumer.slice(0, count), edgeCross: edgeCross.slice(0, count), inDegree, transfers };
}

/** Every op got the inputs `collectEdges` would find producers for (else a producer is missing). */
function checkInputs(g: LinkInputs, inDegree: Int32Array): void {
  const last = g.lookup.stages - 1;
  for (let i = 0; i < inDegree.length; i += 1) {
    const kind = g.kindOf[i] ?? 0;
    const s = g.stageOf[i] ?? 0;
    const expected = kind === KIND.F ? (s > 0 ? 1 : 0) : kind === KIND.W ? 1 : (s < last ? 1 : 0) + 1;
    if (inDegree[i] !== expected) throw new Error(`schedule bug: op ${i} has ${inDegree[i] ?? 0} of its ${expected} inputs`);
  }
}
