/** `scaleplan datacenter <scenario>`: the building the cluster needs. */
import type { Command } from 'commander';
import { estimateScenario, estimateSite } from '../../core/index.js';
import { formatSite } from '../format-site.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';

export function registerDatacenter(program: Command): void {
  program
    .command('datacenter')
    .argument('<scenario>', 'scenario file (YAML or JSON); its optional `datacenter:` section sets cooling, climate, power chain, block size and a growth schedule')
    .description('GPUs → systems → racks → modular blocks → site: IT and facility power, modeled PUE vs a traditional build, fabric, capex/opex, run energy, deployment and pay-as-you-grow.')
    .option('--json', 'machine-readable output')
    .action(action((path: string, opts: { json?: boolean }) => {
      const scenario = readScenario(path);
      const site = estimateSite(scenario, estimateScenario(scenario));
      if (opts.json) return printJson(site);
      print(formatSite(site));
    }));
}
