/** V8's interrupt budget for a command's process (`main.ts`, before a command loads the core). */
import { setFlagsFromString } from 'node:v8';

/**
 * Optimise a function later than V8's default (interrupt budget 67,584 bytecode units, Node 20):
 * a command runs its model code for a second or two, long enough that V8 otherwise optimises many
 * functions on little type feedback and re-optimises them after deoptimisation, which cost more CPU
 * than the optimised code saved (`plan` of every example, measured in `npm run bench -- "cli plan"`).
 * 32× rather than 16×: `plan` of GPT-3, Llama 3 405B and Mixtral 7–12 % less CPU, the 32K context
 * extension 1–8 % more (measured back to back under load); 64× cost the context extensions 3–5 %
 * (README, Speed).
 * Set before a command loads the core, so every function of the core starts with this budget; not
 * for `--help` alone, which runs no model code (loading `node:v8` costs it ~5 ms).
 */
export const INTERRUPT_BUDGET = 32 * 67_584;

/** Raises the budget for every function compiled from now on. */
export function raiseInterruptBudget(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
