/** Command registry: one entry per command; `main.ts` registers them in this order. */
import type { Command } from 'commander';
import { registerCheck } from './check.js';
import { registerGpus } from './gpus.js';
import { registerInspect } from './inspect.js';
import { registerModels } from './models.js';

export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerModels,
  registerGpus,
  registerInspect,
  registerCheck,
];
