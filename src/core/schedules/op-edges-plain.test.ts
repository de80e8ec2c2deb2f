/**
 * Plain programs' edges listed from their releasing op are exactly the grouped and merged edges of
 * `collectEdges` + `linkEdges`: the same (release, consumer, crosses) set, in-degrees and transfers,
 * for every plain registered schedule over several shapes.
 */
import { describe, expect, it } from 'vitest';
import { isPlain, linkPlainEdges } from './op-edges-plain.js';
import type { LinkedEdges } from './op-edges-plain.js';
import { linkEdges, readPrograms } from './op-graph.js';
import { SCHEDULES } from './registry.js';

function edgeSet(e: LinkedEdges): string[] {
  const list: string[] = [];
  for (let i = 0; i + 1 < e.edgeStart.length; i += 1) {
    for (let k = e.edgeStart[i] ?? 0; k < (e.edgeStart[i + 1] ?? 0); k += 1) list.push(`${i}>${e.edgeConsumer[k] ?? -1}:${e.edgeCross[k] ?? -1}`);
  }
  return list.sort();
}

describe('plain edges', () => {
  it('equal the general edges for every plain schedule', () => {
    let plain = 0;
    for (const schedule of Object.values(SCHEDULES)) {
      for (const [pp, vp, microBatches] of [[1, 1, 3], [2, 1, 4], [4, 1, 8], [4, 2, 8], [8, 1, 19], [4, 3, 12], [8, 2, 24]] as const) {
        const params = { pp, vp, microBatches };
        if (schedule.check(params) !== null) continue;
        const inputs = readPrograms(schedule.buildOps(params), schedule.placement(params));
        if (!isPlain(inputs)) continue;
        const fast = linkPlainEdges(inputs);
        const general = linkEdges(inputs);
        expect(edgeSet(fast)).toEqual(edgeSet(general));
        expect(Array.from(fast.inDegree)).toEqual(Array.from(general.inDegree));
        expect(fast.transfers).toBe(general.transfers);
        plain += 1;
      }
    }
    expect(plain).toBeGreaterThanOrEqual(15);
  });

  it('leaves DualPipe (awaited receives, delayed sends, F&B pairs) to the general edges', () => {
    const params = { pp: 4, vp: 1, microBatches: 8 };
    expect(isPlain(readPrograms(SCHEDULES.dualpipe.buildOps(params), SCHEDULES.dualpipe.placement(params)))).toBe(false);
  });
});
