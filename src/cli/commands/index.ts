/** Command registry: one entry per command; `main.ts` registers them in this order. */
import type { Command } from 'commander';
import { registerBottlenecks } from './bottlenecks.js';
import { registerCheck } from './check.js';
import { registerCompare } from './compare.js';
import { registerDatacenter } from './datacenter.js';
import { registerEstimate } from './estimate.js';
import { registerGpus } from './gpus.js';
import { registerMemory } from './memory.js';
import { registerInspect } from './inspect.js';
import { registerModels } from './models.js';
import { registerPlan } from './plan.js';
import { registerReport } from './report.js';
import { registerServe } from './serve.js';
import { registerValidate } from './validate.js';

export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerReport,
  registerModels,
  registerGpus,
  registerInspect,
  registerCheck,
  registerMemory,
  registerEstimate,
  registerPlan,
  registerDatacenter,
  registerBottlenecks,
  registerCompare,
  registerValidate,
  registerServe,
];
