/**
 * `collectEdges` lists every (release, consumer) pair once: a DualPipe commit that awaits several
 * inputs through the same ops adds one edge, not one per input. Every registered schedule, whole
 * and folded graphs, several shapes.
 */
import { describe, expect, it } from 'vitest';
import { collectEdges } from './op-edges.js';
import type { EdgeList } from './op-edges.js';
import { readPrograms } from './op-graph.js';
import { SCHEDULES } from './registry.js';
import type { Schedule, ScheduleParams } from './types.js';

function repeats(edges: EdgeList): number {
  const seen = new Set<string>();
  let repeated = 0;
  for (let e = 0; e < edges.count; e += 1) {
    const key = `${edges.release[e] ?? -1}>${edges.consumer[e] ?? -1}`;
    if (seen.has(key)) repeated += 1;
    seen.add(key);
  }
  return repeated;
}

function wholeAndFolded(schedule: Schedule, params: ScheduleParams): EdgeList[] {
  const placement = schedule.placement(params);
  const lists = [collectEdges(readPrograms(schedule.buildOps(params), placement))];
  const mirror = schedule.rankMirror?.(params);
  if (mirror !== undefined) lists.push(collectEdges(readPrograms(mirror.buildKeptOps(), placement, (j) => mirror.mirrorMicroBatch(j))));
  return lists;
}

describe('collectEdges', () => {
  it('lists no (release, consumer) pair twice, for every schedule, whole and folded', () => {
    let graphs = 0;
    for (const schedule of Object.values(SCHEDULES)) {
      for (const [pp, vp, microBatches] of [[2, 1, 4], [4, 1, 8], [4, 2, 8], [6, 1, 12], [8, 1, 20], [8, 2, 24], [16, 1, 40]] as const) {
        const params = { pp, vp, microBatches };
        if (schedule.check(params) !== null) continue;
        for (const edges of wholeAndFolded(schedule, params)) {
          expect(repeats(edges), `${schedule.id} pp ${pp} vp ${vp} m ${microBatches}`).toBe(0);
          graphs += 1;
        }
      }
    }
    expect(graphs).toBeGreaterThanOrEqual(30);
  });

  it('lists DeepSeek-V3’s folded DualPipe (pp 16, m 120) in 3 276 edges (6 688 whole), each once', () => {
    const params = { pp: 16, vp: 1, microBatches: 120 };
    const [whole, folded] = wholeAndFolded(SCHEDULES.dualpipe, params);
    expect(folded?.count).toBe(3276);
    expect(whole?.count).toBe(6688);
  });
});
