/** `scaleplan models`: the model catalog. */
import type { Command } from 'commander';
import { MODELS, countParams } from '../../core/index.js';
import { formatCount, table } from '../format.js';
import { print, printJson } from '../io.js';
import { action } from '../run.js';

export function registerModels(program: Command): void {
  program
    .command('models')
    .description('List the model catalog with parameter counts.')
    .option('--json', 'machine-readable output')
    .action(action((opts: { json?: boolean }) => {
      const rows = Object.values(MODELS).map((m) => {
        const p = countParams(m);
        return {
          id: m.id, name: m.name, layers: m.layers, hidden: m.hidden,
          attention: m.attention.kind, moe: m.moe !== null,
          paramsTotal: p.total, paramsActive: p.active,
        };
      });
      if (opts.json) return printJson({ models: rows });
      print(table(['id', 'name', 'layers', 'hidden', 'attention', 'type', 'total', 'active'],
        rows.map((r) => [r.id, r.name, r.layers, r.hidden, r.attention, r.moe ? 'MoE' : 'dense', formatCount(r.paramsTotal), formatCount(r.paramsActive)])));
    }));
}
