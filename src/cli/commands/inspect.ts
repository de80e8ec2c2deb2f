/** `scaleplan inspect <model-id|scenario>`: parameter and FLOP breakdown. */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../core/index.js';
import { ACTIVE_PARAMS_CONVENTION, countParams, findModel, flopsPerToken } from '../../core/index.js';
import type { ModelSpec } from '../../core/index.js';
import { formatCount, formatPct, table } from '../format.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';

export function inspectReport(model: ModelSpec, seqLen: number) {
  const params = countParams(model);
  const flops = flopsPerToken(model, seqLen);
  return { model: { id: model.id, name: model.name }, seqLen, params, flopsPerToken: flops };
}

export function formatInspect(r: ReturnType<typeof inspectReport>): string {
  const p = r.params;
  const parts: [string, number][] = [
    ['embedding', p.embedding], ['position embedding', p.positionEmbedding], ['attention', p.attention],
    ['dense MLP', p.denseMlp], ['routed experts', p.routedExperts], ['shared experts', p.sharedExperts],
    ['router', p.router], ['norms', p.norms], ['output head', p.outputHead],
  ];
  const paramTable = table(['part', 'parameters', 'share'],
    [...parts.map(([k, v]) => [k, formatCount(v), formatPct(v / p.total)]),
      ['total (without MTP)', formatCount(p.total), '100.0%'],
      ['MTP modules', formatCount(p.mtp), ''],
      ['active per token', formatCount(p.active), formatPct(p.active / p.total)]],
    `${r.model.name} (${r.model.id}): parameters`);
  const f = r.flopsPerToken;
  const g = (x: number): string => (x / 1e9).toFixed(2);
  const flopTable = table(['part', 'GFLOP/token (fwd+bwd)'],
    [['attention projections', g(f.attentionProjections)], ['attention core (causal)', g(f.attentionCore)],
      ['dense MLP', g(f.denseMlp)], ['experts (activated)', g(f.experts)], ['router', g(f.router)],
      ['output head', g(f.outputHead)], ['total (MFU convention)', g(f.total)], ['MTP modules', g(f.mtp)],
      ['total with MTP', g(f.totalWithMtp)]],
    `Training FLOPs per token at sequence ${r.seqLen}`);
  return `${paramTable}\n${ACTIVE_PARAMS_CONVENTION}\n\n${flopTable}\nMFU counts model FLOPs: forward + backward (3x forward), causal attention halved, no recomputation, output head included.`;
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .argument('<model-or-scenario>', 'a catalog model id or a scenario file')
    .description('Parameter and FLOP breakdown of a model.')
    .option('--seq <tokens>', 'sequence length for the FLOP count (default: the scenario\'s, else 4096)')
    .option('--json', 'machine-readable output')
    .action(action((target: string, opts: { seq?: string; json?: boolean }) => {
      let model: ModelSpec;
      let seqLen = 4096;
      if (existsSync(target)) {
        const s = readScenario(target);
        model = s.model;
        seqLen = s.training.seqLen;
      } else {
        model = findModel(target);
      }
      if (opts.seq !== undefined) {
        const n = Number(opts.seq);
        if (!Number.isInteger(n) || n <= 0 || n > 10_000_000) throw new InputError('--seq', opts.seq, 'must be a positive integer ≤ 10,000,000');
        seqLen = n;
      }
      const report = inspectReport(model, seqLen);
      if (opts.json) return printJson(report);
      print(formatInspect(report));
    }));
}
