/** `scaleplan memory <scenario>`: per-GPU memory of every pipeline stage and the fit verdict. */
import type { Command } from 'commander';
import { createLayout } from '../../core/index.js';
import { estimateMemory } from '../../core/index.js';
import { formatLayout, formatMemory } from '../format-estimate.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';

export function registerMemory(program: Command): void {
  program
    .command('memory')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .description('Per-GPU memory of each pipeline stage (weights, gradients, optimizer, activations, buffers) against HBM.')
    .option('--all-stages', 'show every pipeline stage (wide pipelines show the first, the peak and the last)')
    .option('--json', 'machine-readable output (stages[].totalBytes, peakBytesPerGpu, usableBytes, fits)')
    .action(action((path: string, opts: { json?: boolean; allStages?: boolean }) => {
      const scenario = readScenario(path);
      const layout = createLayout(scenario);
      const memory = estimateMemory(scenario, layout);
      if (opts.json) return printJson({ scenario: { name: scenario.name, model: scenario.model.id, accelerator: scenario.cluster.accelerator.id }, layout, ...memory });
      print(`${formatLayout(scenario, layout)}\n\n${formatMemory(memory, { allStages: opts.allStages === true })}`);
    }));
}
