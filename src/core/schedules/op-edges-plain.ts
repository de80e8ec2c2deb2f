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

/** Throws: no op consumes an output (cold path of `linkPlainEdges`, whose lookups are written out: they run for every op). */
function noConsumer(what: string, key: number): never {
  throw new Error(`schedule bug: no ${what} op consumes micro-batch·stage key ${key}`);
}

/** Whether the programs are plain (see above): `linkPlainEdges` applies (found while reading them, `LinkInputs.plain`). */
export function isPlain(g: LinkInputs): boolean {
  return g.plain;
}

export function linkPlainEdges(g: LinkInputs): LinkedEdges {
  const n = g.ops.length;
  const S = g.lookup.stages;
  const { forward, backward, weight } = g.producers;
  const { kindOf, stageOf, rankOf, microBatchOf } = g;
  const edgeStart = new Int32Array(n + 1);
  // At most two edges leave an op (F: next F and own backward; I: W and previous backward).
  const edgeConsumer = new Int32Array(2 * n);
  const edgeCross = new Uint8Array(2 * n);
  const inDegree = new Int32Array(n);
  let count = 0;
  let transfers = 0;
  let expected = 0;
  for (let i = 0; i < n; i += 1) {
    const kind = kindOf[i] ?? 0;
    const s = stageOf[i] ?? 0;
    expected += kind === KIND.F ? (s > 0 ? 1 : 0) : kind === KIND.W ? 1 : (s < S - 1 ? 1 : 0) + 1; // expectedInputs, written out
    const key = (microBatchOf[i] ?? 0) * S + s;
    const rank = rankOf[i] ?? 0;
    // The consumers of the op's outputs: -2 where none is expected, -1 where the programs lack it.
    let crossTo = -2;
    let localTo = -2;
    if (kind === KIND.F) {
      if (s < S - 1) crossTo = forward[key + 1] ?? -1;
      localTo = backward[key] ?? -1;
    } else if (kind === KIND.B || kind === KIND.I) {
      if (s > 0) crossTo = backward[key - 1] ?? -1;
      if (kind === KIND.I) localTo = weight[key] ?? -1;
    }
    if (crossTo === -1) noConsumer(kind === KIND.F ? 'forward' : 'backward', kind === KIND.F ? key + 1 : key - 1);
    if (localTo === -1) noConsumer(kind === KIND.F ? 'backward' : 'weight', key);
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
  // Each output has one producer (`readPrograms`), so no op gets more edges than it expects: equal
  // totals mean every op got its inputs. Otherwise find the op that lacks one.
  if (count !== expected) checkInputs(g, inDegree);
  return { edgeStart, edgeConsumer: edgeConsumer.slice(0, count), edgeCross: edgeCross.slice(0, count), inDegree, transfers };
}

/** Inputs `collectEdges` would find producers for: F the activation (not on stage 0); W its I; B/I the gradient (not on the last stage) and its own F. */
function expectedInputs(kind: number, stage: number, last: number): number {
  return kind === KIND.F ? (stage > 0 ? 1 : 0) : kind === KIND.W ? 1 : (stage < last ? 1 : 0) + 1;
}

/** Throws for the first op that did not get its inputs (a producer is missing). */
function checkInputs(g: LinkInputs, inDegree: Int32Array): void {
  const last = g.lookup.stages - 1;
  for (let i = 0; i < inDegree.length; i += 1) {
    const expected = expectedInputs(g.kindOf[i] ?? 0, g.stageOf[i] ?? 0, last);
    if (inDegree[i] !== expected) throw new Error(`schedule bug: op ${i} has ${inDegree[i] ?? 0} of its ${expected} inputs`);
  }
}
