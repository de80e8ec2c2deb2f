/** `scaleplan plan <scenario>`: search the layout fields left `auto` (or given as lists). */
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InputError } from '../../core/index.js';
import { fixLayout, type FixedLayout } from '../../core/index.js';
import { OBJECTIVES, planLayouts, type Objective, type PlanResult } from '../../core/index.js';
import { economicsOptions } from '../../core/index.js';
import type { LayoutSpec, Scenario } from '../../core/index.js';
import { formatPlan } from '../format-plan.js';
import type { PlanWorkerInput, PlanWorkerMessage } from '../plan-worker.js';
import { print, printJson, readScenario } from '../io.js';
import { action } from '../run.js';
import { currentIo } from '../cli-io.js';

const SEARCHABLE = ['tp', 'pp', 'vp', 'ep', 'etp', 'cp', 'zero', 'fsdpShardSize', 'recompute', 'microBatch', 'schedule'] as const;
type Searchable = (typeof SEARCHABLE)[number];

function isSearchable(field: string): field is Searchable {
  return (SEARCHABLE as readonly string[]).includes(field);
}

/** The scenario with the named layout fields turned to `auto` (dp follows as the remainder). */
function withSearched(scenario: Scenario, fields: readonly Searchable[]): Scenario {
  if (fields.length === 0) return scenario;
  const l = scenario.layout;
  const pick = <T>(field: Searchable, value: T): T | 'auto' => (fields.includes(field) ? 'auto' : value);
  const layout: LayoutSpec = {
    ...l,
    dp: 'auto',
    tp: pick('tp', l.tp), pp: pick('pp', l.pp), vp: pick('vp', l.vp), ep: pick('ep', l.ep), etp: pick('etp', l.etp), cp: pick('cp', l.cp),
    zero: pick('zero', l.zero), fsdpShardSize: pick('fsdpShardSize', l.fsdpShardSize), recompute: pick('recompute', l.recompute),
    microBatch: pick('microBatch', l.microBatch), schedule: pick('schedule', l.schedule),
    sequenceParallel: fields.includes('tp') ? null : l.sequenceParallel,
  };
  return { ...scenario, layout };
}

function parseSearch(value: string | undefined): Searchable[] {
  if (value === undefined) return [];
  if (value === 'all') return [...SEARCHABLE];
  return value.split(',').map((f) => {
    const field = f.trim();
    if (!isSearchable(field)) throw new InputError('--search', value, `fields must be "all" or a comma list of: ${SEARCHABLE.join(', ')}`);
    return field;
  });
}

function positive(field: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InputError(field, value, 'must be a positive number');
  return n;
}

/** The scenario's own layout, when every field is concrete, as the reference to compare with. */
function referenceLayout(scenario: Scenario): FixedLayout | undefined {
  try {
    return fixLayout(scenario);
  } catch {
    return undefined;
  }
}

/**
 * Runs the search in a worker thread: the main thread draws the progress bar (stderr, only on a
 * terminal and only for searches longer than a moment) and turns Ctrl-C into a stop flag the search
 * polls, so the best layouts found so far are still printed. A second Ctrl-C exits at once.
 */
function runPlanWorker(scenario: Scenario, options: PlanWorkerInput['options']): Promise<PlanResult> {
  const stopFlag = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  const worker = new Worker(new URL('../plan-worker.js', import.meta.url), { workerData: { scenario, options, stopFlag } satisfies PlanWorkerInput });
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'planning [{bar}] {percentage}% | {value}/{total} layouts | {eta}s left', stream: process.stderr, hideCursor: true }) : null;
  const started = performance.now();
  let barStarted = false;
  const onSigint = (): void => {
    if (Atomics.load(stop, 0) === 1) process.exit(130);
    Atomics.store(stop, 0, 1);
  };
  process.on('SIGINT', onSigint);
  return new Promise<PlanResult>((resolve, reject) => {
    const finish = (): void => {
      if (barStarted) bar?.stop();
      process.off('SIGINT', onSigint);
      void worker.terminate();
    };
    worker.on('message', (message: PlanWorkerMessage) => {
      if (message.kind === 'progress') {
        if (bar === null || performance.now() - started < 300) return;
        if (!barStarted) {
          bar.start(message.total, message.done);
          barStarted = true;
        } else bar.update(message.done);
        return;
      }
      finish();
      if (message.kind === 'result') resolve(message.result);
      else if (message.kind === 'input-error') reject(new InputError(message.field, message.value, message.rule));
      else reject(new Error(message.message));
    });
    worker.on('error', (error) => {
      finish();
      reject(error);
    });
  });
}

interface PlanCliOptions {
  objective: string; top: string; headroom: string; search?: string; gpus?: string;
  maxGpus?: string; budget?: string; deadline?: string; json?: boolean;
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .argument('<scenario>', 'scenario file; layout fields set to `auto` or to a list are searched')
    .description('Search the layout space (tp, pp, vp, ep, etp, cp, dp, ZeRO/FSDP, recompute, micro-batch, schedule): top layouts, Pareto front, and why the winner wins.')
    .option('--objective <name>', `what to minimise: ${OBJECTIVES.join(', ')}`, 'time')
    .option('--top <n>', 'layouts to list', '10')
    .option('--headroom <fraction>', 'share of HBM kept free', '0.05')
    .option('--search <fields>', 'also search these fixed layout fields ("all", or e.g. "tp,pp,microBatch"); the scenario\'s own layout stays the reference. Default: the fields left auto or given as lists, or all of them when the scenario fixes every field')
    .option('--gpus <list>', 'GPU counts to search, e.g. 1024,2048,4096')
    .option('--max-gpus <n>', 'largest GPU count allowed')
    .option('--budget <usd>', 'largest run cost allowed [USD]')
    .option('--deadline <days>', 'longest training time allowed [days]')
    .option('--json', 'machine-readable output (best, top[], pareto[], counts)')
    .action(action(async (path: string, opts: PlanCliOptions) => {
      if (!(OBJECTIVES as readonly string[]).includes(opts.objective)) throw new InputError('--objective', opts.objective, `must be one of: ${OBJECTIVES.join(', ')}`);
      const top = positive('--top', opts.top) ?? 10;
      if (!Number.isInteger(top) || top > 1000) throw new InputError('--top', opts.top, 'must be a whole number from 1 to 1000');
      const headroom = Number(opts.headroom);
      if (!(headroom >= 0 && headroom < 1)) throw new InputError('--headroom', opts.headroom, 'must be a fraction in [0, 1)');
      const gpuCounts = opts.gpus?.split(',').map((g) => {
        const n = Number(g);
        if (!Number.isInteger(n) || n <= 0) throw new InputError('--gpus', opts.gpus, 'must be a comma list of positive whole GPU counts');
        return n;
      });
      const base = readScenario(path);
      // A scenario that fixes every layout field has nothing to search: search all of them, with
      // its own layout as the reference the winner is explained against.
      const ownLayout = referenceLayout(base);
      const searchAll = opts.search === undefined && ownLayout !== undefined;
      const scenario = withSearched(base, searchAll ? [...SEARCHABLE] : parseSearch(opts.search));
      const reference = opts.search === undefined && !searchAll ? undefined : ownLayout;
      const maxGpus = positive('--max-gpus', opts.maxGpus);
      const budgetUsd = positive('--budget', opts.budget);
      const deadlineDays = positive('--deadline', opts.deadline);

      const started = performance.now();
      const options: PlanWorkerInput['options'] = {
        objective: opts.objective as Objective,
        top,
        headroomFraction: headroom,
        ...(gpuCounts === undefined ? {} : { gpuCounts }),
        ...(maxGpus === undefined ? {} : { maxGpus }),
        ...(budgetUsd === undefined ? {} : { budgetUsd }),
        ...(deadlineDays === undefined ? {} : { deadlineDays }),
        ...(reference === undefined ? {} : { reference }),
        run: economicsOptions(base.economics),
      };
      // On a terminal the search runs in a worker so the bar stays live and Ctrl-C keeps the best so
      // far; off a terminal there is nothing to draw, so it runs here, without a second module load.
      const onTerminal = currentIo().stderrIsTTY && opts.json !== true;
      const result = onTerminal ? await runPlanWorker(scenario, options) : planLayouts(scenario, options);
      const elapsed = (performance.now() - started) / 1000;
      if (opts.json) {
        const strip = (p: (typeof result.top)[number]) => {
          const { simulation: _simulation, ...step } = p.step;
          return { ...p, step };
        };
        return printJson({
          objective: result.objective, best: result.best === null ? null : strip(result.best), top: result.top.map(strip), pareto: result.pareto.map(strip),
          evaluated: result.evaluated, counts: result.counts, pruned: result.pruned, explanation: result.explanation, diagnosis: result.diagnosis,
          stoppedEarly: result.stoppedEarly, elapsedSeconds: elapsed,
        });
      }
      if (searchAll) print('the scenario fixes every layout field: searching all of them, compared with its own layout (--search chooses fields)\n');
      print(formatPlan(result, elapsed));
    }));
}
