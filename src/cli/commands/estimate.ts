/** `scaleplan estimate <scenario>`: memory, step time, throughput and whole-run totals. */
import type { Command } from 'commander';
import { estimateScenario } from '../../core/index.js';
import { createChromeTrace } from '../../core/index.js';
import { createStepOptions } from '../../core/index.js';
import { formatBand, formatLayout, formatMemory, formatRun, formatStep, notFitBanner } from '../format-estimate.js';
import { print, printJson, readScenario, writeFileAtomic } from '../io.js';
import { action } from '../run.js';

export function registerEstimate(program: Command): void {
  program
    .command('estimate')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .description('Memory per stage, step-time breakdown, tokens/s, MFU/HFU and the whole run (days, GPU-hours, MWh, $, tCO2e).')
    .option('--json', 'machine-readable output')
    .option('--all-stages', 'show every pipeline stage in the memory table')
    .option('--trace <file>', 'write the simulated pipeline as a Chrome trace (open in Perfetto / chrome://tracing)')
    .action(action((path: string, opts: { json?: boolean; trace?: string; allStages?: boolean }) => {
      const scenario = readScenario(path);
      const result = estimateScenario(scenario, { step: createStepOptions({ recordOps: opts.trace !== undefined }) });
      if (opts.trace !== undefined) {
        writeFileAtomic(opts.trace, JSON.stringify(createChromeTrace(result.step.simulation, { title: scenario.name })));
      }
      const { simulation: _simulation, ...step } = result.step;
      if (opts.json) {
        return printJson({
          scenario: { name: scenario.name, model: scenario.model.id, accelerator: scenario.cluster.accelerator.id, gpus: scenario.cluster.gpus },
          layout: result.layout,
          memory: result.memory,
          time: step.time,
          throughput: step.throughput,
          schedule: step.schedule,
          run: result.run,
          band: result.band,
        });
      }
      const banner = notFitBanner(result.memory);
      print([formatLayout(scenario, result.layout), ...(banner === null ? [] : [banner]), formatMemory(result.memory, { allStages: opts.allStages === true }), formatStep(result.step, scenario.cluster.gpus), formatRun(result.run), formatBand(result.band)].join('\n\n'));
      if (opts.trace !== undefined) print(`\ntrace written to ${opts.trace}`);
    }));
}
