import { describe, expect, it } from 'vitest';
import { createParetoFront, createTopList } from './ranking.js';

const entry = (score: number, days: number, usd: number, gpus: number, peakBytes = 0) => ({ point: { score, days, usd, gpus }, peakBytes, id: `${score}/${peakBytes}` });

describe('createTopList(3)', () => {
  it('keeps the three lowest scores in order; equal scores rank the smaller memory peak first', () => {
    const top = createTopList<ReturnType<typeof entry>>(3);
    expect(top.threshold()).toBe(Infinity);
    for (const [s, peak] of [[5, 0], [1, 0], [4, 0], [3, 9], [9, 0], [3, 2]] as const) top.offer(entry(s, s, s, 1, peak));
    expect(top.entries.map((e) => e.id)).toEqual(['1/0', '3/2', '3/9']);
    expect(top.threshold()).toBe(3);
    expect(top.offer(entry(3, 3, 3, 1, 20))).toBe(false);
  });
});

describe('createParetoFront', () => {
  it('time vs cost: drops dominated points and reports dominance of a bound', () => {
    const front = createParetoFront<ReturnType<typeof entry>>('time-cost');
    front.offer(entry(0, 10, 100, 8));
    front.offer(entry(0, 20, 50, 8));
    expect(front.offer(entry(0, 25, 60, 8))).toBe(false);
    front.offer(entry(0, 9, 100, 8));
    expect(front.entries().map((e) => [e.point.days, e.point.usd])).toEqual([[9, 100], [20, 50]]);
    expect(front.dominates({ score: 0, days: 21, usd: 55, gpus: 8 })).toBe(true);
    expect(front.dominates({ score: 0, days: 15, usd: 55, gpus: 8 })).toBe(false);
  });

  it('time vs GPUs uses the GPU count as the second axis', () => {
    const front = createParetoFront<ReturnType<typeof entry>>('time-gpus');
    front.offer(entry(0, 10, 100, 64));
    front.offer(entry(0, 20, 999, 32));
    expect(front.entries()).toHaveLength(2);
    expect(front.dominates({ score: 0, days: 30, usd: 1, gpus: 32 })).toBe(true);
  });
});
