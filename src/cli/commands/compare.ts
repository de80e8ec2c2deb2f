/** `scaleplan compare tp-pp|dp-ep <scenario>`: quantified comparisons of parallelism strategies. */
import type { Command } from 'commander';
import { compareDpEp, compareTpPp } from '../../core/index.js';
import { InputError } from '../../core/index.js';
import { createLayout } from '../../core/index.js';
import type { Scenario } from '../../core/index.js';
import { formatDpEp, formatTpPp } from '../format-compare.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';

const POSITIVE_INTEGER = /^[1-9]\d*$/;

/** `--factor N`: a positive integer (parsed in the action so a bad value follows the error contract). */
function parseFactor(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = POSITIVE_INTEGER.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new InputError('--factor', value, 'expected a positive integer (GPUs of model parallelism spent on TP or on PP)');
  return n;
}

function scenarioHeader(scenario: Scenario): { name: string; model: string; accelerator: string; gpus: number } {
  return { name: scenario.name, model: scenario.model.id, accelerator: scenario.cluster.accelerator.id, gpus: scenario.cluster.gpus };
}

function registerTpPp(compare: Command): void {
  compare
    .command('tp-pp')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .description('Tensor vs pipeline parallelism: a model-parallel factor F spent on TP (tp F, pp 1) or on PP (tp 1, pp F), and the scenario\'s own layout — split, role of each GPU, bytes each GPU sends per step and with which collective, how often, fabric tier, the bandwidth below which the traffic is no longer hidden behind compute, bubble, memory per GPU, step time.')
    .option('--factor <n>', 'model-parallel factor F (default: the scenario\'s tp if > 1, else its pp if > 1, else the GPUs of one scale-up domain)')
    .option('--json', 'machine-readable output (strategies[] with traffic[], memory, stepSeconds; invalid ones carry the reason)')
    .action(action((path: string, opts: { factor?: string; json?: boolean }) => {
      const factor = parseFactor(opts.factor);
      const scenario = readScenario(path);
      const layout = createLayout(scenario);
      const comparison = compareTpPp(scenario, layout, factor === undefined ? {} : { factor });
      const broken = comparison.strategies.filter((s) => s.id !== 'scenario' && !s.valid);
      // A factor the user chose that neither TP nor PP can take is bad input, not an answer.
      if (factor !== undefined && broken.length === 2) throw new InputError('--factor', factor, `neither TP${factor} nor PP${factor} is a valid layout here: ${broken.map((s) => (s.valid ? '' : s.reason)).join('; ')}`);
      if (opts.json) return printJson({ scenario: scenarioHeader(scenario), ...comparison });
      print(formatTpPp(comparison));
    }));
}

function registerDpEp(compare: Command): void {
  compare
    .command('dp-ep')
    .argument('<scenario>', 'scenario file (YAML or JSON) of a Mixture-of-Experts model')
    .description('Data vs expert parallelism for a Mixture-of-Experts model: what is replicated vs divided, gradient reduction vs token all-to-all bytes per GPU, memory per GPU, step time, and how they move with the GPU count, the EP degree and the expert count.')
    .option('--json', 'machine-readable output (strategies[], sweeps.gpus/ep/experts[], scaling); a dense model gives {applicable: false, reason}')
    .addHelpText('after', '\nA dense model has no experts to divide: the command prints why expert parallelism does not apply and exits 0 (an answer, not an input error).')
    .action(action((path: string, opts: { json?: boolean }) => {
      const scenario = readScenario(path);
      const layout = createLayout(scenario);
      const comparison = compareDpEp(scenario, layout);
      if (opts.json) return printJson({ scenario: scenarioHeader(scenario), ...comparison });
      print(comparison.applicable ? formatDpEp(comparison) : `not applicable: ${comparison.reason}`);
    }));
}

export function registerCompare(program: Command): void {
  const compare = program
    .command('compare')
    .description('Compare parallelism strategies on a scenario: `compare tp-pp` (tensor vs pipeline), `compare dp-ep` (data vs expert, MoE models).');
  registerTpPp(compare);
  registerDpEp(compare);
}
