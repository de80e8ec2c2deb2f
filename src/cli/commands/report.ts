/**
 * `scaleplan report <scenario>`: the one screen a planner hands to their manager — layout, memory,
 * step time, run totals, data center, bottlenecks — plus a campaign cost table when other phases
 * (context extension, post-training) are given. `npm start` runs it on the DeepSeek-V3 example.
 */
import type { Command } from 'commander';
import { compareCampaign, estimateCampaign, type PhaseComparison, type PublishedComparison } from '../../core/index.js';
import { estimateScenario, estimateSite } from '../../core/index.js';
import { countParams, flopsPerToken } from '../../core/index.js';
import { formatCount, formatNumber, table } from '../format.js';
import { formatLayout, formatMemory, formatRun, formatStep, notFitBanner } from '../format-estimate.js';
import { formatSite } from '../format-site.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';
import { bottleneckSection } from './bottlenecks.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** "2,664K (-9.5%)"; `signed` adds "+" to a positive error. */
function publishedCell(c: PublishedComparison, signed: boolean): string {
  const sign = signed && c.errorPct >= 0 ? '+' : '';
  return `${formatNumber(c.publishedGpuHours / 1e3, 0)}K (${sign}${c.errorPct.toFixed(1)}%)`;
}

function phaseCell(c: PhaseComparison | undefined): string {
  if (c === undefined || c.kind === 'unpublished') return '-';
  return c.kind === 'with-next' ? '(with next)' : publishedCell(c, true);
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .description('Full report: layout, memory, step time, whole run, data center, bottlenecks; with --phase, a campaign cost table over several runs.')
    .option('--phase <scenario>', 'another phase of the same campaign (repeatable), e.g. context extension, post-training', collect, [])
    .option('--json', 'machine-readable output')
    .action(action((path: string, opts: { phase: string[]; json?: boolean }) => {
      const scenario = readScenario(path);
      const estimate = estimateScenario(scenario);
      const site = estimateSite(scenario, estimate);
      const bottlenecks = bottleneckSection(scenario, estimate.layout);
      const others = opts.phase.map(readScenario);
      const phases = [{ name: scenario.name, run: estimate.run }, ...others.map((s) => ({ name: s.name, run: estimateScenario(s).run }))];
      const price = estimate.run.cost.usdPerGpuHour;
      const campaign = estimateCampaign(phases, price, 'ideal');
      const published = compareCampaign(campaign, [scenario, ...others].map((s) => s.reference));
      if (opts.json) {
        const { simulation: _simulation, ...step } = estimate.step;
        return printJson({ layout: estimate.layout, memory: estimate.memory, step, run: estimate.run, datacenter: site, bottlenecks: bottlenecks.data, campaign, published });
      }
      const campaignTable = table(['phase', 'GPU-hours', 'published (error)', 'days', 'cost'], [
        ...campaign.rows.map((r, i) => [r.name, `${formatNumber(r.gpuHours / 1e3, 0)}K`, phaseCell(published.phases[i]), r.days.toFixed(1), `$${formatNumber(r.usd / 1e6, 3)}M`]),
        ['total', `${formatNumber(campaign.total.gpuHours / 1e3, 0)}K`, published.total === null ? '-' : publishedCell(published.total, false), campaign.total.days.toFixed(1), `$${formatNumber(campaign.total.usd / 1e6, 3)}M`],
      ], `Campaign at $${price.toFixed(2)}/GPU-hour (failure-free GPU-hours, as published cost tables count them)`);
      const sources = [scenario, ...others].map((s) => s.reference.source).filter((s): s is string => s !== undefined);
      const params = countParams(scenario.model);
      const flops = flopsPerToken(scenario.model, scenario.training.seqLen);
      const accounting = `Model: ${formatCount(params.total)} parameters (${formatCount(params.active)} active per token; ${formatCount(params.mtp)} more in MTP modules), ${(flops.total / 1e9).toFixed(1)} GFLOP per token for training at sequence ${scenario.training.seqLen} (\`scaleplan inspect\` for the breakdown)`;
      const banner = notFitBanner(estimate.memory);
      print([
        formatLayout(scenario, estimate.layout) + `\n${accounting}`,
        ...(banner === null ? [] : [banner]),
        formatMemory(estimate.memory),
        formatStep(estimate.step, scenario.cluster.gpus),
        formatRun(estimate.run),
        campaignTable + (sources.length > 0 ? `\npublished: ${[...new Set(sources)].join('; ')}` : ''),
        formatSite(site),
        bottlenecks.text,
      ].join('\n\n'));
    }));
}
