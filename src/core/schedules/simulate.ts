/**
 * Simulate one training step of a pipeline schedule: build the rank programs, compile their
 * dependencies, run them through the event loop with the given per-stage times, and summarise.
 */
import { InputError } from '../errors.js';
import { createOpGraph } from './op-graph.js';
import type { OpGraph } from './op-graph.js';
import { SCHEDULES, type ScheduleId } from './registry.js';
import { simulateGraph } from './simulate-ops.js';
import type { SimulateOptions } from './simulate-ops.js';
import type { Schedule, ScheduleParams, ScheduleSimulation, ScheduleTimes } from './types.js';

/** A schedule's programs and dependency graph for one shape; independent of times, reusable. */
export interface CompiledSchedule {
  readonly schedule: Schedule;
  readonly params: ScheduleParams;
  /** Every rank's ops (built on first use). */
  readonly graph: OpGraph;
  /**
   * Ranks 0 .. pp/2−1 only when the schedule's run is symmetric under rank r ↔ pp−1−r
   * (`Schedule.rankMirror`), built on first use; null otherwise. Runs without a trace use it.
   */
  readonly folded: OpGraph | null;
}

export function resolveSchedule(schedule: Schedule | ScheduleId): Schedule {
  return typeof schedule === 'string' ? SCHEDULES[schedule] : schedule;
}

/** Throws `InputError(field, value, rule)` when the schedule cannot run the shape. */
export function assertRunnable(schedule: Schedule, params: ScheduleParams): void {
  const violation = schedule.check(params);
  if (violation) throw new InputError(violation.field, violation.value, violation.rule);
}

/**
 * Builds and links the programs of a shape once. A planner pricing many layouts of one shape
 * keeps this and calls `simulateCompiled` per set of times.
 */
export function compileSchedule(schedule: Schedule | ScheduleId, params: ScheduleParams): CompiledSchedule {
  const s = resolveSchedule(schedule);
  assertRunnable(s, params);
  let graph: OpGraph | undefined;
  let folded: OpGraph | null | undefined;
  return {
    schedule: s,
    params,
    get graph(): OpGraph {
      graph ??= createOpGraph(s.buildOps(params), s.placement(params));
      return graph;
    },
    get folded(): OpGraph | null {
      if (folded === undefined) {
        const mirror = s.rankMirror?.(params);
        folded = mirror === undefined ? null : createOpGraph(mirror.buildKeptOps(), s.placement(params), (j) => mirror.mirrorMicroBatch(j));
      }
      return folded;
    },
  };
}

/** Runs a compiled shape with `times` (one entry per model stage). Deterministic. */
export function simulateCompiled(compiled: CompiledSchedule, times: ScheduleTimes, options: SimulateOptions = {}): ScheduleSimulation {
  return simulateGraph(compiled.graph, times, options);
}

/**
 * Simulates one step. `times.stages` has one entry per model stage
 * (`schedule.placement(params).modelStages`: p, p·v for interleaved, 2p for DualPipeV).
 * Throws `InputError` when the schedule cannot run the shape. Deterministic.
 */
export function simulateSchedule(
  schedule: Schedule | ScheduleId,
  params: ScheduleParams,
  times: ScheduleTimes,
  options: SimulateOptions = {},
): ScheduleSimulation {
  return simulateCompiled(compileSchedule(schedule, params), times, options);
}
