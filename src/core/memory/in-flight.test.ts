import { describe, expect, it } from 'vitest';
import type { ScheduleId } from '../layout/types.js';
import { SCHEDULES } from '../schedules/registry.js';
import { inFlightMicroBatches } from './in-flight.js';

/** Stages (of L/p layers) one rank holds: DualPipe two, the others one. */
const STAGES_HELD = { gpipe: 1, '1f1b': 1, interleaved: 1, 'zb-h1': 1, 'zb-h2': 1, dualpipe: 2, dualpipev: 1 } satisfies Record<ScheduleId, number>;

describe('inFlightMicroBatches', () => {
  it('1F1B holds p − r micro-batches on rank r (p on the first rank)', () => {
    const layout = { schedule: '1f1b' as const, pp: 8, vp: 1, microBatches: 32 };
    expect([0, 3, 7].map((r) => inFlightMicroBatches(layout, r))).toEqual([8, 5, 1]);
  });

  it('GPipe holds all m micro-batches', () => {
    expect(inFlightMicroBatches({ schedule: 'gpipe', pp: 8, vp: 1, microBatches: 32 }, 0)).toBe(32);
  });

  it('ZB-H2 holds 2p − 1 on the first rank', () => {
    expect(inFlightMicroBatches({ schedule: 'zb-h2', pp: 8, vp: 1, microBatches: 32 }, 0)).toBe(15);
  });

  it('interleaved first rank: p·(1 + (p − 1)/(p·v))', () => {
    expect(inFlightMicroBatches({ schedule: 'interleaved', pp: 8, vp: 4, microBatches: 32 }, 0)).toBeCloseTo(8 * (1 + 7 / 32), 12);
  });

  it('DualPipe: p + 1 stage units on every rank, which holds two stages', () => {
    expect(inFlightMicroBatches({ schedule: 'dualpipe', pp: 16, vp: 1, microBatches: 120 }, 5) * 2).toBe(17);
  });

  it('fewer micro-batches than the warm-up caps the count', () => {
    expect(inFlightMicroBatches({ schedule: '1f1b', pp: 8, vp: 1, microBatches: 3 }, 0)).toBe(3);
  });

  it.each(Object.keys(STAGES_HELD) as ScheduleId[])('%s agrees with the schedule\'s peakInFlightBound on every rank', (schedule) => {
    const vp = schedule === 'interleaved' ? 2 : 1;
    const params = { pp: 4, vp, microBatches: 16 };
    const bound = SCHEDULES[schedule].peakInFlightBound(params);
    bound.forEach((units, rank) => {
      expect(inFlightMicroBatches({ schedule, ...params }, rank) * STAGES_HELD[schedule]).toBeCloseTo(units, 12);
    });
  });
});
