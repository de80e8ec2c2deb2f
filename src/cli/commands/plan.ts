/** `scaleplan plan <scenario>`: search the layout fields left `auto` (or given as lists). */
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { DEFAULT_HEADROOM_FRACTION, InputError, OBJECTIVES, leadersWithinBand, planLayouts, planRequest, scenarioErrorBand, type PlanOptionNames } from '../../core/index.js';
import { formatPlan } from '../format-plan.js';
import { fitPolicy } from '../format-estimate.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';
import { currentIo } from '../cli-io.js';
import { youngGenerationRelease } from '../young-generation.js';

/** The flag of each option, for error messages (the core checks the rules). */
const FLAGS: PlanOptionNames = {
  objective: '--objective', search: '--search', top: '--top', headroomFraction: '--headroom', maxGpus: '--max-gpus',
  budgetUsd: '--budget', deadlineDays: '--deadline', gpuCounts: '--gpus',
};

/** A flag's text as a number (its range is the core's rule). */
function numberFlag(flag: string, text: string): number;
function numberFlag(flag: string, text: string | undefined): number | undefined;
function numberFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) throw new InputError(flag, text, 'must be a number');
  return n;
}

interface PlanCliOptions {
  objective: string; top: string; headroom: string; search?: string; gpus?: string;
  maxGpus?: string; budget?: string; deadline?: string; timeout?: string; progress?: boolean; json?: boolean;
}

/** Seconds between two progress lines off a terminal. */
const PROGRESS_LINE_SECONDS = 1;

/**
 * Off a terminal `--progress` writes one line to stderr at most every PROGRESS_LINE_SECONDS (a log
 * or CI shows the search advancing); the search runs on this thread and reports synchronously.
 */
function progressLines(started: number): (done: number, total: number) => void {
  let last = started;
  return (done, total) => {
    const now = performance.now();
    if (now - last < PROGRESS_LINE_SECONDS * 1000 && done < total) return;
    last = now;
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    currentIo().stderr(`planning: ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} layouts (${pct}%), ${((now - started) / 1000).toFixed(1)} s\n`);
  };
}

/** `--timeout <s>`: a positive number of seconds. */
function timeoutFlag(text: string | undefined): number | undefined {
  const seconds = numberFlag('--timeout', text);
  if (seconds !== undefined && !(seconds > 0)) throw new InputError('--timeout', text, 'must be a positive number of seconds');
  return seconds;
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .argument('<scenario>', 'scenario file; layout fields set to `auto` or to a list are searched')
    .description('Search the layout space (tp, pp, vp, ep, etp, cp, dp, ZeRO/FSDP, recompute, micro-batch, schedule): top layouts, Pareto front, and why the winner wins.')
    .option('--objective <name>', `what to minimise: ${OBJECTIVES.join(', ')}`, 'time')
    .option('--top <n>', 'layouts to list', '10')
    .option('--headroom <fraction>', 'share of HBM kept free (default: the fit policy every command applies)', String(DEFAULT_HEADROOM_FRACTION))
    .option('--search <fields>', 'also search these fixed layout fields ("all", or e.g. "tp,pp,microBatch"); the scenario\'s own layout stays the reference. Default: the fields left auto or given as lists, or all of them when the scenario fixes every field')
    .option('--gpus <list>', 'GPU counts to search, e.g. 1024,2048,4096')
    .option('--max-gpus <n>', 'largest GPU count allowed')
    .option('--budget <usd>', 'largest run cost allowed [USD]')
    .option('--deadline <days>', 'longest training time allowed [days]')
    .option('--timeout <seconds>', 'stop searching after this long and print the best layouts found so far')
    .option('--progress', 'off a terminal, print a progress line to stderr every second (on a terminal a bar is drawn anyway)')
    .option('--json', 'machine-readable output (best, top[], pareto[], counts)')
    .action(action(async (path: string, opts: PlanCliOptions) => {
      const maxGpus = numberFlag('--max-gpus', opts.maxGpus);
      const budgetUsd = numberFlag('--budget', opts.budget);
      const deadlineDays = numberFlag('--deadline', opts.deadline);
      const timeoutSeconds = timeoutFlag(opts.timeout);
      const request = planRequest(readScenario(path), {
        objective: opts.objective,
        top: numberFlag('--top', opts.top),
        headroomFraction: numberFlag('--headroom', opts.headroom),
        ...(opts.search === undefined ? {} : { search: opts.search }),
        ...(opts.gpus === undefined ? {} : { gpuCounts: opts.gpus.split(',').map((g) => numberFlag('--gpus', g)) }),
        ...(maxGpus === undefined ? {} : { maxGpus }),
        ...(budgetUsd === undefined ? {} : { budgetUsd }),
        ...(deadlineDays === undefined ? {} : { deadlineDays }),
        names: FLAGS,
      });
      const started = performance.now();
      // On a terminal the search runs in a worker so the bar stays live and Ctrl-C keeps the best so
      // far; off a terminal there is nothing to draw, so it runs here, without a second module load
      // (nor the worker and progress-bar modules).
      const onTerminal = currentIo().stderrIsTTY && opts.json !== true;
      const here = {
        ...(timeoutSeconds === undefined ? {} : { shouldStop: () => performance.now() - started > timeoutSeconds * 1000 }),
        ...(opts.progress === true ? { progressEvery: 256 } : {}),
      };
      // A large search lets V8's young generation grow (`young-generation.ts`).
      const release = youngGenerationRelease();
      const lines = opts.progress === true ? progressLines(started) : undefined;
      const onProgress = (done: number, total: number): void => {
        release(total);
        lines?.(done, total);
      };
      const result = onTerminal ? await (await import('../plan-in-worker.js')).planInWorker(request.scenario, request.options, timeoutSeconds) : planLayouts(request.scenario, { ...request.options, ...here, onProgress });
      const elapsed = (performance.now() - started) / 1000;
      const band = scenarioErrorBand(request.scenario);
      if (opts.json) {
        const strip = (p: (typeof result.top)[number]) => {
          const { simulation: _simulation, ...step } = p.step;
          return { ...p, step };
        };
        return printJson({
          objective: result.objective, best: result.best === null ? null : strip(result.best), top: result.top.map(strip), pareto: result.pareto.map(strip),
          evaluated: result.evaluated, counts: result.counts, pruned: result.pruned, explanation: result.explanation, diagnosis: result.diagnosis,
          stoppedEarly: result.stoppedEarly, elapsedSeconds: elapsed,
          band, leadersWithinBand: band === null ? null : leadersWithinBand(result.top.map((p) => p.metrics.days), band),
        });
      }
      if (request.searchedAll) print('the scenario fixes every layout field: searching all of them, compared with its own layout (--search chooses fields)\n');
      print(`${formatPlan(result, elapsed, band)}\n\n${fitPolicy(request.options.headroomFraction ?? DEFAULT_HEADROOM_FRACTION)}`);
    }));
}
