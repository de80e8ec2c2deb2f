/** `scaleplan check <scenario>`: parse the scenario and apply every rule the estimates apply. */
import type { Command } from 'commander';
import { checkScenario } from '../../core/index.js';
import { keyValues } from '../format.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .description('Parse a scenario and check it against every rule the estimates apply: layout divisibility, schedule, precision support, batch ramp, whole-run and data-center rules.')
    .option('--json', 'machine-readable output')
    .action(action((path: string, opts: { json?: boolean }) => {
      const scenario = readScenario(path);
      const layout = checkScenario(scenario);
      if (opts.json) {
        return printJson({ ok: true, scenario: { name: scenario.name, model: scenario.model.id, accelerator: scenario.cluster.accelerator.id, gpus: scenario.cluster.gpus }, layout });
      }
      print(keyValues([
        ['model', scenario.model.id],
        ['cluster', `${scenario.cluster.gpus} × ${scenario.cluster.accelerator.id}`],
        ['tp · cp · pp · dp', `${layout.tp} · ${layout.cp} · ${layout.pp} · ${layout.dp} = ${layout.tp * layout.cp * layout.pp * layout.dp}`],
        ['ep · etp · edp', `${layout.ep} · ${layout.etp} · ${layout.edp}`],
        ['virtual stages', layout.vp],
        ['sequence parallel', String(layout.sequenceParallel)],
        ['ZeRO stage', layout.zero === 3 ? `3 (shard group ${layout.fsdpShardSize})` : layout.zero],
        ['recompute', layout.recompute],
        ['micro-batch × count', `${layout.microBatch} × ${layout.microBatches}`],
        ['schedule', layout.schedule],
        ['rank order (inner→outer)', layout.order.join(', ')],
      ], `${scenario.name}: layout OK`));
    }));
}
