/**
 * Memo of compiled shapes for planners that price many layouts with the same schedule, pp, vp
 * and micro-batch count: the programs and dependency graph depend only on those, not on times.
 * The caller owns the cache (no module state); entries are evicted oldest-first. It also lends the
 * buffers the runs write their times into.
 */
import type { ScheduleId } from './registry.js';
import { compileSchedule, resolveSchedule } from './simulate.js';
import type { CompiledSchedule } from './simulate.js';
import { createRunBuffers, type RunBuffers } from './simulate-ops.js';
import type { Schedule, ScheduleParams } from './types.js';

export interface CompiledScheduleCache {
  /** The compiled shape, built on first use. Throws `InputError` like `compileSchedule`. */
  compile(schedule: Schedule | ScheduleId, params: ScheduleParams): CompiledSchedule;
  readonly size: number;
  /**
   * Run buffers lent to the runs of one estimate (`estimate.ts`: at most two runs' op times read at once),
   * reused by the next estimate instead of allocated per run.
   */
  readonly runBuffers: readonly [RunBuffers, RunBuffers];
}

/** A cache holding at most `maxEntries` compiled shapes (default 64). Keys use the schedule id. */
export function createCompiledScheduleCache(maxEntries = 64): CompiledScheduleCache {
  const entries = new Map<string, CompiledSchedule>();
  const runBuffers = [createRunBuffers(), createRunBuffers()] as const;
  return {
    runBuffers,
    get size() {
      return entries.size;
    },
    compile(schedule, params) {
      const s = resolveSchedule(schedule);
      const key = `${s.id}|${params.pp}|${params.vp}|${params.microBatches}`;
      const hit = entries.get(key);
      if (hit !== undefined) return hit;
      const compiled = compileSchedule(s, params);
      entries.set(key, compiled);
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      return compiled;
    },
  };
}
