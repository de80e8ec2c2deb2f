/**
 * Every pipeline schedule, keyed by its id. Adding a schedule = one file + one line here: the id
 * type, the scenario and run-record schema enums, the layout rules, memory, the step model and
 * the planner all read this object (through `catalog.ts`), and the contract suite
 * (`contract.test.ts`) runs every entry.
 */
import { dualPipe } from './dualpipe.js';
import { dualPipeV } from './dualpipev.js';
import { gpipe } from './gpipe.js';
import { interleaved } from './interleaved.js';
import { oneFOneB } from './one-f-one-b.js';
import type { Schedule } from './types.js';
import { zbH1 } from './zb-h1.js';
import { zbH2 } from './zb-h2.js';

export const SCHEDULES = {
  gpipe,
  '1f1b': oneFOneB,
  interleaved,
  'zb-h1': zbH1,
  'zb-h2': zbH2,
  dualpipe: dualPipe,
  dualpipev: dualPipeV,
} as const satisfies Record<string, Schedule>;

/** A registered schedule's id, the value of `layout.schedule`. */
export type ScheduleId = keyof typeof SCHEDULES;
