/**
 * Command registry: each command's name, its usage and one-line summary for the command list, and
 * the loader of its module. A command's module, and the core it needs, load only when that command
 * runs (or shows its own help), so `scaleplan --help` reads no model code. Listed in this order.
 */
import type { Command } from 'commander';

export interface CommandEntry {
  readonly name: string;
  /** Arguments after the name in the command list, e.g. "[options] <scenario>". */
  readonly usage: string;
  readonly summary: string;
  /** Imports the command's module and returns the function that registers it in full. */
  readonly load: () => Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'report', usage: '[options] <scenario>', summary: 'the full report: layout, memory, step time, whole run, campaign cost, data center, bottlenecks', load: async () => (await import('./report.js')).registerReport },
  { name: 'models', usage: '[options]', summary: 'the model catalog with parameter counts', load: async () => (await import('./models.js')).registerModels },
  { name: 'gpus', usage: '[options]', summary: 'the accelerator catalog: dense peaks, HBM, scale-up domain, power, with sources', load: async () => (await import('./gpus.js')).registerGpus },
  { name: 'inspect', usage: '[options] <model-or-scenario>', summary: 'parameter and FLOP breakdown of a model', load: async () => (await import('./inspect.js')).registerInspect },
  { name: 'check', usage: '[options] <scenario>', summary: 'parse a scenario and check its layout against every rule', load: async () => (await import('./check.js')).registerCheck },
  { name: 'memory', usage: '[options] <scenario>', summary: 'per-GPU memory of each pipeline stage against HBM', load: async () => (await import('./memory.js')).registerMemory },
  { name: 'estimate', usage: '[options] <scenario>', summary: 'memory, step-time breakdown, tokens/s, MFU and the whole run', load: async () => (await import('./estimate.js')).registerEstimate },
  { name: 'plan', usage: '[options] <scenario>', summary: 'search the layout space: top layouts, Pareto front, why the winner wins', load: async () => (await import('./plan.js')).registerPlan },
  { name: 'datacenter', usage: '[options] <scenario>', summary: 'racks, modular blocks, power, PUE, cooling, cost and deployment of the site', load: async () => (await import('./datacenter.js')).registerDatacenter },
  { name: 'bottlenecks', usage: '[options] <scenario>', summary: 'score 0-100 what limits the run in six domains, with evidence, remedies and what-if', load: async () => (await import('./bottlenecks.js')).registerBottlenecks },
  { name: 'compare', usage: 'tp-pp|dp-ep <scenario>', summary: 'tensor vs pipeline, data vs expert parallelism, quantified', load: async () => (await import('./compare.js')).registerCompare },
  { name: 'validate', usage: '[options] [runs]', summary: 'predicted vs measured for every published run scaleplan can model', load: async () => (await import('./validate.js')).registerValidate },
  { name: 'calibrate', usage: '[options] <runs...>', summary: 'fit the calibration to your own runs (records, tables, training logs) and write a profile', load: async () => (await import('./calibrate.js')).registerCalibrate },
  { name: 'serve', usage: '[options] [scenario]', summary: 'the web UI on loopback: scenario editor, charts, planner, computed in the browser', load: async () => (await import('./serve.js')).registerServe },
];

/** The command an argument list runs (`help <name>` counts as `<name>`), or undefined. */
export function invokedCommand(argv: readonly string[]): CommandEntry | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}
