import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visitBestFirst, type Judge, type LazyNode } from './best-first.js';
import type { ObjectivePoint } from './objective.js';
import type { Decision } from './search-state.js';

const point = (score: number): ObjectivePoint => ({ score, days: score, usd: score, gpus: 1 });

/** A node: its cheap bound, its refined bound (≥ cheap) and its exact score (≥ refined), small integers so ties occur. */
const nodeArb = fc.record({ cheap: fc.integer({ min: 0, max: 20 }), extra: fc.integer({ min: 0, max: 6 }), gap: fc.integer({ min: 0, max: 6 }), leaves: fc.integer({ min: 1, max: 5 }) });

interface Node { readonly id: number; readonly cheap: number; readonly refined: number; readonly exact: number; readonly leaves: number }

/** A top-N search: a node is dropped when its bound is above the N-th best exact score visited so far. */
function createJudge(top: number): Judge & { readonly scores: number[]; readonly visited: number[]; readonly booked: Map<Decision, number>; visit(node: Node): void } {
  const scores: number[] = [];
  const threshold = (): number => (scores.length < top ? Infinity : scores[top - 1] ?? Infinity);
  const booked = new Map<Decision, number>();
  const visited: number[] = [];
  return {
    scores, visited, booked, lazy: true,
    verdict: (floor) => (floor.score > threshold() ? 'byBound' : null),
    decide: (decision, leaves) => booked.set(decision, (booked.get(decision) ?? 0) + leaves),
    stop: () => false,
    visit(node) {
      visited.push(node.id);
      scores.push(node.exact);
      scores.sort((a, b) => a - b);
      booked.set('ranked', (booked.get('ranked') ?? 0) + node.leaves);
    },
  };
}

/** The eager search it must reproduce: every bound refined, sorted (stable), then visited or dropped in order. */
function eager(nodes: readonly Node[], top: number): ReturnType<typeof createJudge> {
  const judge = createJudge(top);
  const sorted = [...nodes].sort((a, b) => a.refined - b.refined);
  for (const node of sorted) {
    const v = judge.verdict(point(node.refined));
    if (v !== null) judge.decide(v, node.leaves);
    else judge.visit(node);
  }
  return judge;
}

describe('visitBestFirst', () => {
  it('visits and drops exactly what refining every bound first and sorting would, with fewer refinements', () => {
    let refinedTotal = 0;
    let nodesTotal = 0;
    fc.assert(fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (drawn, top) => {
      const nodes: Node[] = drawn.map((d, id) => ({ id, cheap: d.cheap, refined: d.cheap + d.extra, exact: d.cheap + d.extra + d.gap, leaves: d.leaves }));
      const reference = eager(nodes, top);
      const judge = createJudge(top);
      let refinements = 0;
      const lazy: LazyNode<Node>[] = nodes.map((node) => ({ item: node, cheap: point(node.cheap), leaves: node.leaves }));
      visitBestFirst(judge, lazy, (node) => {
        refinements += 1;
        return point(node.refined);
      }, (node) => judge.visit(node));
      expect(judge.visited).toEqual(reference.visited);
      expect(judge.booked).toEqual(reference.booked);
      refinedTotal += refinements;
      nodesTotal += nodes.length;
    }), { seed: 9, numRuns: 300 });
    expect(refinedTotal).toBeLessThan(nodesTotal);
  });

  it('refines every node when the verdict must see refined bounds (budget or deadline)', () => {
    const judge = { ...createJudge(1), lazy: false };
    const nodes: LazyNode<number>[] = [0, 1, 2, 3].map((i) => ({ item: i, cheap: point(i), leaves: 1 }));
    const refined: number[] = [];
    visitBestFirst(judge, nodes, (i) => {
      refined.push(i);
      return point(i);
    }, () => judge.scores.push(0));
    expect(refined).toEqual([0, 1, 2, 3]);
  });
});
