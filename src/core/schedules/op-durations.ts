/**
 * Op durations without a pass over the ops per run. An op's duration depends only on its kind and
 * model stage (and, for an F&B pair, on the pair of stages), so the compiled graph gives every op a
 * slot in a small table, fixed with the topology:
 *
 *   slot = kind · S + stage                for F, B, I, W (S model stages)
 *   slot = 4 · S + k                       for the k-th distinct (forward stage, backward stage) pair
 *
 * and each run fills only the table (4·S + pairs entries) from its `ScheduleTimes`.
 */
import { SlotTable } from './graph-records.js';
import { KIND } from './op-edges.js';
import { forwardOpSeconds, fullBackwardOpSeconds, inputBackwardOpSeconds, pairOpSeconds } from './times.js';
import type { ScheduleTimes } from './types.js';

/** Duration slot of every op, and the stages of each F&B pair slot. */
export interface DurationSlots {
  /** Model stages S of the placement. */
  readonly stages: number;
  /** Slot of op i in the table `slotSeconds` fills. */
  readonly slotOf: Int32Array;
  /** Forward and backward model stage of pair slot 4·S + k. */
  readonly pairForward: Int32Array;
  readonly pairBackward: Int32Array;
}

/**
 * Numbers the distinct (forward stage, backward stage) pairs of F&B ops as they are met; the op
 * reader (`readPrograms`) writes every other op's slot itself (kind · S + stage) in its one pass.
 */
export interface PairSlots {
  /** Slot of an F&B pair of forward stage `f` and backward stage `b`. */
  slot(f: number, b: number): number;
  /** The slots of the ops, with the pairs met so far. */
  finish(slotOf: Int32Array): DurationSlots;
}

export function createPairSlots(stages: number): PairSlots {
  // Pair index per forward·S + backward stage, built at the first F&B pair (-1 until listed).
  let pairIndex: Int32Array | null = null;
  const forward: number[] = [];
  const backward: number[] = [];
  return {
    slot(f, b) {
      pairIndex ??= new Int32Array(stages * stages).fill(-1);
      let k = pairIndex[f * stages + b] ?? -1;
      if (k < 0) {
        k = forward.length;
        pairIndex[f * stages + b] = k;
        forward.push(f);
        backward.push(b);
      }
      return 4 * stages + k;
    },
    finish: (slotOf) => new SlotTable(stages, slotOf, Int32Array.from(forward), Int32Array.from(backward)),
  };
}

/**
 * The duration of every slot under `times` (seconds): each stage's F, B, I and W, then each listed
 * pair; written into `table` (at least 4·S + pairs long) when given.
 */
export function slotSeconds(slots: DurationSlots, times: ScheduleTimes, table: Float64Array = new Float64Array(4 * slots.stages + slots.pairForward.length)): Float64Array {
  const S = slots.stages;
  if (times.stages.length !== S) {
    throw new Error(`times.stages has ${times.stages.length} entries; the placement has ${S} model stages`);
  }
  const pairs = slots.pairForward.length;
  times.stages.forEach((t, s) => {
    table[KIND.F * S + s] = forwardOpSeconds(t);
    table[KIND.B * S + s] = fullBackwardOpSeconds(t);
    table[KIND.I * S + s] = inputBackwardOpSeconds(t);
    table[KIND.W * S + s] = t.backwardWeightSeconds;
  });
  for (let k = 0; k < pairs; k += 1) {
    const f = times.stages[slots.pairForward[k] ?? 0];
    table[4 * S + k] = f === undefined ? 0 : pairOpSeconds(times, f, times.stages[slots.pairBackward[k] ?? 0] ?? f);
  }
  return table;
}
