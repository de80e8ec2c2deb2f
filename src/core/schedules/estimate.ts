/**
 * Fast bubble estimate for large micro-batch counts.
 *
 * Every schedule here adds micro-batches only to its steady phase (1F1B's one-forward-one-backward
 * loop, DualPipe's step 4, ...), and the per-stage times do not depend on the micro-batch. Past a
 * transient, the run is a max-plus linear system in its periodic regime: adding one period of L
 * micro-batches (L a multiple of the regime's cyclicity) adds the same time to the makespan and to
 * every rank's busy time and window, so these are affine in m on each residue class mod L.
 *
 * We simulate m2 - 2L, m2 - L and m2 (m2 ≤ cap, m2 ≡ m mod L, L = lcm(step, 12) so cyclicities
 * 1, 2, 3, 4, 6 and 12 are covered) and extrapolate linearly when the runs are periodic (the totals
 * grew equally and the later half of every rank's ops moved as a block: `lastPeriodSteady` on
 * the last two runs, then `equalGrowth` with the first, which is simulated only if needed); otherwise
 * (transient not over, another cyclicity, a phase change ahead) we simulate m itself. A transient
 * can in principle outlast any finite window (two nearly equal cycle means), so this is a checked
 * heuristic, not a theorem: `estimate.test.ts` compares it with the full simulation on random
 * unequal stage times with and without p2p latency, for every schedule.
 */
import type { CompiledScheduleCache } from './cache.js';
import { assertRunnable, compileSchedule, resolveSchedule } from './simulate.js';
import { createRunBuffers, runEvents, runFolded, type RunBuffers, type SimContext } from './simulate-ops.js';
import { createRankStats, createSimulation, summarizeRun } from './summarize.js';
import type { ScheduleId } from './registry.js';
import type { RankStats, Schedule, ScheduleParams, ScheduleSimulation, ScheduleTimes } from './types.js';

export interface EstimateOptions {
  /** Largest micro-batch count simulated when extrapolating. Default 4·p·v, at least first valid + 2L. */
  readonly maxSimulatedMicroBatches?: number;
  /** Reuse compiled shapes across calls (planners); compiled afresh when absent. */
  readonly cache?: CompiledScheduleCache;
}

export interface BubbleEstimate {
  readonly makespanSeconds: number;
  readonly busySeconds: number;
  readonly bubbleSeconds: number;
  readonly bubbleFraction: number;
  readonly windowBubbleSeconds: number;
  /** Micro-batch counts simulated: [m] when m itself was simulated, [m2-2L, m2-L, m2] when extrapolated. */
  readonly simulatedMicroBatches: readonly number[];
}

function fromSimulation(sim: ScheduleSimulation, simulated: readonly number[]): BubbleEstimate {
  return {
    makespanSeconds: sim.makespanSeconds,
    busySeconds: sim.busySeconds,
    bubbleSeconds: sim.bubbleSeconds,
    bubbleFraction: sim.bubbleFraction,
    windowBubbleSeconds: sim.windowBubbleSeconds,
    simulatedMicroBatches: simulated,
  };
}

/** Value at m of the line through (m1, a) and (m2, b). */
function extend(a: number, b: number, periods: number): number {
  return b + (b - a) * periods;
}

function extrapolate(near: ScheduleSimulation, far: ScheduleSimulation, periods: number, simulated: number[]): BubbleEstimate {
  const makespan = extend(near.makespanSeconds, far.makespanSeconds, periods);
  let busy = 0;
  let windowBubble = 0;
  far.perStage.forEach((f, r) => {
    const n = near.perStage[r] ?? f;
    const rankBusy = extend(n.busySeconds, f.busySeconds, periods);
    const window = extend(n.lastEndSeconds - n.firstStartSeconds, f.lastEndSeconds - f.firstStartSeconds, periods);
    busy = Math.max(busy, rankBusy);
    windowBubble = Math.max(windowBubble, window - rankBusy);
  });
  return {
    makespanSeconds: makespan,
    busySeconds: busy,
    bubbleSeconds: makespan - busy,
    bubbleFraction: makespan > 0 ? (makespan - busy) / makespan : 0,
    windowBubbleSeconds: windowBubble,
    simulatedMicroBatches: simulated,
  };
}

/** Smallest micro-batch count ≡ m (mod step) that the schedule accepts (m itself at worst). */
function firstAccepted(schedule: Schedule, params: ScheduleParams, step: number): number {
  let m = params.microBatches % step === 0 ? step : params.microBatches % step;
  while (schedule.check({ ...params, microBatches: m }) !== null && m < params.microBatches) m += step;
  return m;
}

function lcm(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return (a / x) * b;
}

function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

interface Growth {
  readonly makespan: number;
  readonly busy: readonly number[];
  readonly window: readonly number[];
  readonly lastEnd: readonly number[];
}

function growth(a: ScheduleSimulation, b: ScheduleSimulation): Growth {
  return {
    makespan: b.makespanSeconds - a.makespanSeconds,
    busy: b.perStage.map((s, r) => s.busySeconds - (a.perStage[r]?.busySeconds ?? 0)),
    lastEnd: b.perStage.map((s, r) => s.lastEndSeconds - (a.perStage[r]?.lastEndSeconds ?? 0)),
    window: b.perStage.map((s, r) => {
      const before = a.perStage[r];
      return s.lastEndSeconds - s.firstStartSeconds - (before === undefined ? 0 : before.lastEndSeconds - before.firstStartSeconds);
    }),
  };
}

/**
 * Whether the later half of every rank's ops moved by `shift` from run `a` to run `b`: a period
 * adds its ops before the drain, so counted from the end of a rank's program, ops line up run to
 * run (same kind on the same stage) back into the steady phase. The earlier half may still be in
 * its transient (DualPipe's first pairs after the warm-up); the drain and the last periods, the
 * state the next period starts from, must have moved as a block.
 */
function opsShifted(a: SimContext, b: SimContext, shift: number): boolean {
  const ga = a.graph;
  const gb = b.graph;
  for (let r = 0; r < ga.rankCount; r += 1) {
    const aEnd = ga.rankStart[r + 1] ?? 0;
    const bEnd = gb.rankStart[r + 1] ?? 0;
    const aCount = aEnd - (ga.rankStart[r] ?? 0);
    const perPeriod = bEnd - (gb.rankStart[r] ?? 0) - aCount;
    const compared = Math.min(aCount - perPeriod, Math.ceil(aCount / 2));
    for (let j = 1; j <= compared; j += 1) {
      const i = aEnd - j;
      const k = bEnd - j;
      if (ga.kindOf[i] !== gb.kindOf[k] || ga.stageOf[i] !== gb.stageOf[k] || ga.backwardStageOf[i] !== gb.backwardStageOf[k]) break;
      if (!agrees((b.endSeconds[k] ?? 0) - (a.endSeconds[i] ?? 0), shift)) return false;
    }
  }
  return true;
}

/**
 * Whether the three runs are in the periodic regime: makespan, every rank's busy time and window
 * grew by the same amounts over both periods; from the second run to the third, the later half of
 * every rank's ops moved with the makespan (in the periodic regime all ops advance at one rate: a
 * state that repeats shifted by one period's time repeats forever); and no rank's idle time (in
 * the step or in its window) shrank. A rank drifting against the others, or eating its slack
 * (idle, or deferred W's), changes the regime later: a phase change the extrapolation would miss,
 * so we simulate m instead. Equal growth of the totals alone is not enough: with p2p latency,
 * 1F1B at p = 16 grows equally over 32 → 44 → 56 micro-batches while the ops of its drain still
 * drift, and extrapolating it misses by 0.1 % (2 % in a random study; `estimate.test.ts`). The
 * first pair's ops are not compared: the first run's later half can still hold the end of a
 * transient that no longer matters (ZB-H1's W's settling into the slack of a faster rank).
 * GPipe's one-way backward phase makes ranks drift legitimately; it falls back more often, which
 * costs time, not accuracy.
 *
 * The conditions are split by the runs they read: `lastPeriodSteady` needs only the second and
 * third runs, so the first run is simulated only when they hold (a run that falls back, e.g.
 * 1F1B with p2p latency, skips it; the answer is the same conjunction either way).
 */
function lastPeriodSteady(b: SimRun, c: SimRun): boolean {
  const second = growth(b.sim, c.sim);
  const steady = second.busy.every((busy, r) => {
    const window = second.window[r] ?? 0;
    const idleKept = !(second.makespan < busy && !agrees(second.makespan, busy)) && !(window < busy && !agrees(window, busy));
    return agrees(second.lastEnd[r] ?? 0, second.makespan) && idleKept;
  });
  return steady && opsShifted(b.ctx, c.ctx, second.makespan);
}

/** The rest of the periodic regime (above): both periods grew the makespan, busy times and windows equally. */
function equalGrowth(a: SimRun, b: SimRun, c: SimRun): boolean {
  const first = growth(a.sim, b.sim);
  const second = growth(b.sim, c.sim);
  if (!agrees(first.makespan, second.makespan)) return false;
  return second.busy.every((busy, r) => agrees(first.busy[r] ?? 0, busy) && agrees(first.window[r] ?? 0, second.window[r] ?? 0));
}

/** One simulated run: its record, and its per-op times for `lastPeriodSteady`. */
interface SimRun {
  readonly sim: ScheduleSimulation;
  readonly ctx: SimContext;
}

/** Either the simulation of m itself, or two runs one period apart in the periodic regime and the periods to m. */
type SteadyRuns =
  | { readonly kind: 'direct'; readonly sim: ScheduleSimulation }
  | { readonly kind: 'periodic'; readonly near: ScheduleSimulation; readonly far: ScheduleSimulation; readonly periods: number; readonly counts: readonly number[] };

function steadyRuns(s: Schedule, params: ScheduleParams, times: ScheduleTimes, options: EstimateOptions): SteadyRuns {
  assertRunnable(s, params);
  const m = params.microBatches;
  const simulatedAtMost = options.maxSimulatedMicroBatches ?? 4 * params.pp * params.vp;
  // Only the far and near runs' op times are read together (`lastPeriodSteady`); the first run and
  // the direct run need only their records, taken before the next run reuses the buffers.
  const own: RunBuffers[] = [];
  const buffersOf = (slot: 0 | 1): RunBuffers => options.cache?.runBuffers[slot] ?? (own[slot] ??= createRunBuffers());
  const run = (microBatches: number, slot: 0 | 1): SimRun => {
    const shape = { ...params, microBatches };
    const compiled = options.cache ? options.cache.compile(s, shape) : compileSchedule(s, shape);
    // Half the ranks when the run is mirror-symmetric (same times, `op-graph.ts`).
    const folded = compiled.folded;
    const b = buffersOf(slot);
    const ctx = (folded === null ? null : runFolded(folded, times, b)) ?? runEvents(compiled.graph, times, b);
    return { sim: summarizeRun(ctx, false), ctx };
  };
  const direct = (): SteadyRuns => ({ kind: 'direct', sim: run(m, 0).sim });
  // The cap is at least the given one: below that, m is simulated whatever the period.
  if (m <= simulatedAtMost) return direct();
  const period = lcm(s.microBatchMultiple(params), 12);
  const first = firstAccepted(s, params, period);
  const cap = Math.max(simulatedAtMost, first + 2 * period);
  if (m <= cap) return direct();
  const m2 = m - Math.ceil((m - cap) / period) * period;
  const m1 = m2 - period;
  const m0 = m1 - period;
  // Three runs must start in range and cost less than the one they replace.
  if (m0 < first || 3 * m2 - 3 * period >= m) return direct();
  const far = run(m2, 0);
  const near = run(m1, 1);
  if (!lastPeriodSteady(near, far) || !equalGrowth(run(m0, 0), near, far)) return direct();
  return { kind: 'periodic', near: near.sim, far: far.sim, periods: (m - m2) / period, counts: [m0, m1, m2] };
}

/**
 * Bubble and makespan of `params.microBatches` micro-batches: simulated directly when m is at
 * most the cap, else extrapolated from three smaller runs one period apart (see above).
 * Throws `InputError` when the schedule cannot run the shape.
 */
export function estimateBubble(
  schedule: Schedule | ScheduleId,
  params: ScheduleParams,
  times: ScheduleTimes,
  options: EstimateOptions = {},
): BubbleEstimate {
  const runs = steadyRuns(resolveSchedule(schedule), params, times, options);
  if (runs.kind === 'direct') return fromSimulation(runs.sim, [params.microBatches]);
  return extrapolate(runs.near, runs.far, runs.periods, [...runs.counts]);
}

/**
 * The whole simulation of `params.microBatches` micro-batches without simulating them all: past
 * the cap, every per-rank record (busy, first start, last end, peak in flight) and the makespan are
 * extended along the line through two runs one period apart, as `estimateBubble` does; otherwise
 * (or when the runs are not periodic) m itself is simulated. Its cost does not grow with m.
 * Ops are not recorded (simulate m for a trace).
 */
export function simulateSteadyState(
  schedule: Schedule | ScheduleId,
  params: ScheduleParams,
  times: ScheduleTimes,
  options: EstimateOptions = {},
): ScheduleSimulation {
  const runs = steadyRuns(resolveSchedule(schedule), params, times, options);
  if (runs.kind === 'direct') return runs.sim;
  const { near, far, periods } = runs;
  const makespan = extend(near.makespanSeconds, far.makespanSeconds, periods);
  const perStage = far.perStage.map((f, r): RankStats => {
    const n = near.perStage[r] ?? f;
    const busy = extend(n.busySeconds, f.busySeconds, periods);
    const lastEnd = extend(n.lastEndSeconds, f.lastEndSeconds, periods);
    const firstStart = extend(n.firstStartSeconds, f.firstStartSeconds, periods);
    return createRankStats({
      rank: f.rank, makespan, busy, firstStart, lastEnd,
      peakInFlight: extend(n.peakInFlight, f.peakInFlight, periods),
      peakInFlightChunks: extend(n.peakInFlightChunks, f.peakInFlightChunks, periods),
    });
  });
  return createSimulation(makespan, perStage, extend(near.p2pTransfers, far.p2pTransfers, periods), []);
}
