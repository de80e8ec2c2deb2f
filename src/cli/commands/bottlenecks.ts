/** `scaleplan bottlenecks <scenario> [--what-if <spec>]`: six-domain scores, evidence, remedies, what-if. */
import type { Command } from 'commander';
import { analyzeBottlenecks, runWhatIf, WHAT_IF_KEYS, type BottleneckReport, type WhatIfResult } from '../../core/index.js';
import { createLayout } from '../../core/index.js';
import type { Layout } from '../../core/index.js';
import type { Scenario } from '../../core/index.js';
import { formatBottlenecks, formatWhatIfResult } from '../format-analysis.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';

/** The bottleneck table of a scenario, as text and as data (the `report` command prints it too). */
export function bottleneckSection(scenario: Scenario, layout: Layout): { text: string; data: BottleneckReport } {
  const data = analyzeBottlenecks(scenario, layout);
  return { text: formatBottlenecks(data), data };
}

function scenarioHeader(scenario: Scenario): { name: string; model: string; accelerator: string; gpus: number } {
  return { name: scenario.name, model: scenario.model.id, accelerator: scenario.cluster.accelerator.id, gpus: scenario.cluster.gpus };
}

/** The what-if result without the whole changed scenario (the changes say what differs). */
function whatIfJson(result: WhatIfResult): object {
  const { scenario: _scenario, ...rest } = result;
  return rest;
}

const WHAT_IF_HELP = `re-run with changes and show the change of every score, of step time and MFU; comma-separated key=value, keys: ${WHAT_IF_KEYS.join(', ')} (factors like 2x; precision=fp8; gpus=4096 or 2x; scaleUpDomain=72; cooling=immersion)`;

export function registerBottlenecks(program: Command): void {
  program
    .command('bottlenecks')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .description('Score 0-100 what limits the run in six domains (compute, memory, network, power, cooling, storage & reliability), with the numbers behind each score and the remedies that apply.')
    .option('--what-if <spec>', WHAT_IF_HELP)
    .option('--json', 'machine-readable output (domains[] with score, rule, evidence, remedies; with --what-if: before/after/delta)')
    .addHelpText('after', '\nExample:\n  scaleplan bottlenecks examples/deepseek-v3-h800.yaml --what-if scaleUpBandwidth=2x,hbmBandwidth=1.5x,precision=fp8')
    .action(action((path: string, opts: { json?: boolean; whatIf?: string }) => {
      const scenario = readScenario(path);
      const layout = createLayout(scenario);
      if (opts.whatIf !== undefined) {
        const result = runWhatIf(scenario, layout, opts.whatIf);
        if (opts.json) return printJson({ scenario: scenarioHeader(scenario), whatIf: whatIfJson(result) });
        return print(`${scenario.name}\n${formatBottlenecks(result.before)}\n\n${formatWhatIfResult(result, layout)}`);
      }
      const { text, data } = bottleneckSection(scenario, layout);
      if (opts.json) return printJson({ scenario: scenarioHeader(scenario), layout, ...data });
      print(`${scenario.name}\n${text}`);
    }));
}
