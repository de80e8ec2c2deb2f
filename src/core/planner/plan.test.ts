import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIT_HEADROOM_FRACTION } from '../memory/types.js';
import { InputError } from '../errors.js';
import { fixLayout } from '../layout/create-layout.js';
import { peakMemoryBytes } from '../memory/estimate-memory.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from '../step/estimate-step.js';
import { createStepContext } from '../step/pricer.js';
import { enumerateLayouts, layoutOf } from './enumerate.js';
import { estimateLayoutRun, runMetrics, scoreOf, type Objective } from './objective.js';
import { planLayouts } from './plan.js';
import { runSearch } from './search.js';
import { createSearchState, resolvePlanOptions } from './search-state.js';
import { createGpuSpace, createSearchSpace } from './space.js';
import { EXAMPLE_NAMES, withLayout } from './test-fixtures.js';
import type { PlanCounts, PlanResult } from './types.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

function accounted(c: PlanCounts): number {
  return c.byGpuLimit + c.byRun + c.byMemory + c.byBudget + c.byDeadline + c.byBound + c.ranked + c.undecided;
}

type RunMetrics = ReturnType<typeof runMetrics>;

/** Every valid layout that fits, priced with estimateStep: the (gpus, run metrics) the planner must reproduce. */
function pricedLayouts(scenario: Scenario, headroomFraction: number, gpuCounts?: number[]): { gpus: number; metrics: RunMetrics }[] {
  const space = createSearchSpace(scenario, gpuCounts);
  const context = createStepContext(scenario);
  const out: { gpus: number; metrics: RunMetrics }[] = [];
  for (const { gpus, candidate } of enumerateLayouts(space)) {
    const g = createGpuSpace(space, gpus);
    const layout = layoutOf(g, candidate);
    if (peakMemoryBytes(g.scenario, layout, { searchMicroBatch: false }) > (1 - headroomFraction) * scenario.cluster.accelerator.hbmBytes) continue;
    const step = estimateStep(g.scenario, layout, undefined, context);
    out.push({ gpus, metrics: runMetrics(estimateLayoutRun(g.scenario, layout, step, {})) });
  }
  return out;
}

/** The (gpus, days, score) of every valid layout that fits, under `objective`. */
function bruteForce(scenario: Scenario, headroomFraction: number, objective: Objective, gpuCounts?: number[]): { gpus: number; days: number; score: number }[] {
  return pricedLayouts(scenario, headroomFraction, gpuCounts).map(({ gpus, metrics }) => ({ gpus, days: metrics.days, score: scoreOf(objective, metrics) }));
}

const sortedScores = (priced: readonly { metrics: RunMetrics }[], objective: Objective): number[] => priced.map((p) => scoreOf(objective, p.metrics)).sort((a, b) => a - b);

function bruteForceScores(scenario: Scenario, headroomFraction: number, objective: Objective): number[] {
  return sortedScores(pricedLayouts(scenario, headroomFraction), objective);
}

describe('planLayouts finds what an exhaustive search finds', () => {
  const scenario = withLayout(example('gpt3-175b-a100'), {
    tp: [4, 8], pp: [8, 16], cp: 1, schedule: ['1f1b', 'interleaved', 'zb-h1', 'dualpipev'], vp: 'auto', zero: 'auto', fsdpShardSize: null, recompute: 'auto', microBatch: [1, 2],
  });
  /** Every layout priced once; each objective scores the same runs. */
  let priced: ReturnType<typeof pricedLayouts> | undefined;

  it.each(['time', 'energy'] as const)('GPT-3 175B, tp, pp, schedule, vp, zero, recompute, micro-batch searched, objective %s: the top 10 scores of pricing every layout', (objective) => {
    const exhaustive = sortedScores((priced ??= pricedLayouts(scenario, FIT_HEADROOM_FRACTION)), objective);
    const plan = planLayouts(scenario, { top: 10, objective });
    expect(exhaustive.length).toBeGreaterThan(100);
    expect(plan.counts.ranked).toBeLessThan(exhaustive.length);
    plan.top.forEach((p, i) => expect(p.point.score).toBeCloseTo(exhaustive[i] ?? NaN, 9));
  });

  it('Mixtral 8x7B with ep, pp, DualPipe, ZB-H2 and interleaving searched: the same top 10', () => {
    const moe = withLayout(example('mixtral-8x7b-h100'), {
      tp: [1, 2], ep: 'auto', etp: 1, pp: [1, 2, 4], cp: 1, schedule: ['1f1b', 'dualpipe', 'zb-h2', 'interleaved'], vp: 'auto', zero: [1, 3], fsdpShardSize: null, recompute: ['none', 'selective'], microBatch: [1, 2],
    });
    const exhaustive = bruteForceScores(moe, FIT_HEADROOM_FRACTION, 'time');
    const plan = planLayouts(moe, { top: 10 });
    expect(exhaustive.length).toBeGreaterThan(100);
    plan.top.forEach((p, i) => expect(p.point.score).toBeCloseTo(exhaustive[i] ?? NaN, 9));
  });
});

describe('planLayouts results', () => {
  const gpt3 = withLayout(example('gpt3-175b-a100'));
  const plan = planLayouts(gpt3, { top: 8, reference: fixLayout(example('gpt3-175b-a100')) });

  it('keeps the top N sorted by the objective, best first', () => {
    expect(plan.top).toHaveLength(8);
    expect(plan.best).toBe(plan.top[0]);
    for (let i = 1; i < plan.top.length; i += 1) expect(plan.top[i]?.point.score).toBeGreaterThanOrEqual(plan.top[i - 1]?.point.score ?? Infinity);
    for (const p of plan.top) expect(p.objectiveValue).toBeCloseTo(p.run.goodput.effectiveSeconds / 86_400, 9);
  });

  it('books every valid layout into exactly one count', () => {
    expect(accounted(plan.counts)).toBe(plan.counts.enumerated);
    expect(plan.counts.ranked).toBeGreaterThanOrEqual(plan.top.length);
    expect(plan.memoryEvaluations).toBeGreaterThan(0);
  });

  it('explains the winner: component deltas add up to the step-time difference', () => {
    for (const c of [plan.explanation.vsRunnerUp, plan.explanation.vsScenario]) {
      expect(c).not.toBeNull();
      const sum = c?.components.reduce((s, d) => s + d.deltaSeconds, 0) ?? NaN;
      expect(sum).toBeCloseTo(c?.deltaSeconds ?? NaN, 6);
    }
    expect(plan.explanation.vsScenario?.changes.length).toBeGreaterThan(0);
  });

  it('returns fitting layouts only, and the step model report of each', () => {
    for (const p of plan.top) {
      expect(p.memory.fits).toBe(true);
      expect(p.memory.peakBytesPerGpu).toBeLessThanOrEqual((1 - FIT_HEADROOM_FRACTION) * p.memory.capacityBytes);
      expect(p.step.layout).toBe(p.layout);
    }
  });
});

function expectFront(result: PlanResult, second: (p: PlanResult['top'][number]) => number): void {
  const front = result.pareto;
  expect(front.length).toBeGreaterThan(0);
  for (const a of front) {
    for (const b of front) {
      if (a === b) continue;
      const dominated = b.point.days <= a.point.days && second(b) <= second(a) && (b.point.days < a.point.days || second(b) < second(a));
      expect(dominated).toBe(false);
    }
  }
  for (let i = 1; i < front.length; i += 1) expect(front[i]?.point.days).toBeGreaterThanOrEqual(front[i - 1]?.point.days ?? 0);
}

describe('Pareto front', () => {
  it('time vs GPUs equals the front of an exhaustive search over 32, 64 and 128 GPUs', () => {
    const moe = withLayout(example('mixtral-8x7b-h100'), {
      tp: [1, 2], ep: [4, 8], etp: 1, pp: [2, 4], cp: 1, schedule: ['1f1b', 'zb-h2'], vp: 1, zero: [1], fsdpShardSize: null, recompute: ['none', 'full'], microBatch: [1],
    });
    const all = bruteForce(moe, FIT_HEADROOM_FRACTION, 'time', [32, 64, 128]);
    const front = all.filter((a) => !all.some((b) => b.days <= a.days && b.gpus <= a.gpus && (b.days < a.days || b.gpus < a.gpus)));
    const fastest = new Map<number, number>();
    for (const p of front) fastest.set(p.gpus, Math.min(fastest.get(p.gpus) ?? Infinity, p.days));
    expect(fastest.size).toBeGreaterThan(1);
    const result = planLayouts(moe, { top: 3, gpuCounts: [32, 64, 128] });
    expect(result.pareto.map((p) => [p.gpus, p.point.days])).toEqual(
      [...fastest].sort((a, b) => a[1] - b[1]).map(([gpus, days]) => [gpus, expect.closeTo(days, 9)]),
    );
  });

  it('is time vs cost at one GPU count, and non-dominated', () => {
    const result = planLayouts(withLayout(example('mixtral-8x7b-h100')), { top: 5 });
    expect(result.paretoAxes).toBe('time-cost');
    expectFront(result, (p) => p.point.usd);
  });

  it('is time vs GPU count when GPU counts are searched; the cost objective ranks by USD', () => {
    const result = planLayouts(withLayout(example('mixtral-8x7b-h100')), { top: 5, gpuCounts: [32, 64, 128], objective: 'cost' });
    expect(result.paretoAxes).toBe('time-gpus');
    expectFront(result, (p) => p.gpus);
    expect(new Set(result.pareto.map((p) => p.gpus)).size).toBeGreaterThan(1);
    for (let i = 1; i < result.top.length; i += 1) expect(result.top[i]?.run.cost.usd).toBeGreaterThanOrEqual((result.top[i - 1]?.run.cost.usd ?? 0) * (1 - 1e-9));
    expect(accounted(result.counts)).toBe(result.counts.enumerated);
  });
});

describe('an empty search space is a diagnosis, not an exception', () => {
  it('175B on 8 GPUs: memory eliminates every layout, with the smallest need and what to relax', () => {
    const result = planLayouts(withLayout(example('gpt3-175b-a100')), { gpuCounts: [8] });
    expect(result.best).toBeNull();
    expect(result.top).toEqual([]);
    const memory = result.diagnosis?.lines.find((l) => l.constraint === 'memory');
    expect(memory?.eliminated).toBe(result.counts.byMemory);
    expect(memory?.eliminated).toBe(result.counts.enumerated);
    expect(memory?.detail).toMatch(/exceed 80\.0 GiB/);
    expect(memory?.suggestion).toMatch(/recompute/);
  });

  it('a tp that divides nothing: the rule, its count and the advice', () => {
    const result = planLayouts(withLayout(example('gpt3-175b-a100'), { tp: 64 }));
    expect(result.best).toBeNull();
    const line = result.diagnosis?.lines.find((l) => l.constraint === 'rule layout.tp');
    expect(line?.eliminated).toBeGreaterThan(0);
    expect(line?.detail).toMatch(/heads 96/);
  });

  it('a budget below every layout and a GPU limit below the only count', () => {
    const poor = planLayouts(withLayout(example('mixtral-8x7b-h100')), { budgetUsd: 1 });
    expect(poor.best).toBeNull();
    expect(poor.counts.byBudget).toBeGreaterThan(0);
    expect(poor.diagnosis?.lines.some((l) => l.constraint === 'budget' && /raise the budget/.test(l.suggestion))).toBe(true);
    const small = planLayouts(withLayout(example('mixtral-8x7b-h100')), { maxGpus: 32 });
    expect(small.counts.byGpuLimit).toBe(small.counts.enumerated);
    expect(small.diagnosis?.lines[0]?.constraint).toBe('GPU limit');
  });

  it('a deadline keeps only layouts that finish in time', () => {
    const free = planLayouts(withLayout(example('mixtral-8x7b-h100')), { top: 3 });
    const days = free.best?.point.days ?? 0;
    const tight = planLayouts(withLayout(example('mixtral-8x7b-h100')), { top: 3, deadlineDays: days * 1.001 });
    expect(tight.best?.point.days).toBeCloseTo(days, 9);
    expect(tight.top.every((p) => p.point.days <= days * 1.001)).toBe(true);
    expect(tight.counts.byDeadline).toBeGreaterThan(0);
  });
});

describe('stopping early (Ctrl-C)', () => {
  it('returns the best found so far and counts the rest as undecided', () => {
    let polls = 0;
    const result = planLayouts(withLayout(example('gpt3-175b-a100')), { shouldStop: () => ++polls > 2000 });
    expect(result.stoppedEarly).toBe(true);
    expect(result.best).not.toBeNull();
    expect(result.counts.undecided).toBeGreaterThan(0);
    expect(accounted(result.counts)).toBe(result.counts.enumerated);
  });

  it('reports progress with the total of valid layouts', () => {
    const calls: [number, number][] = [];
    const result = planLayouts(withLayout(example('gpt3-175b-a100')), { progressEvery: 1000, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.length).toBeGreaterThan(2);
    expect(calls.at(-1)).toEqual([result.counts.enumerated, result.counts.enumerated]);
    // While phase 1 counts, the total grows with nothing decided yet; it never shrinks.
    expect(calls.some(([done, total]) => done === 0 && total >= 1000 && total < result.counts.enumerated)).toBe(true);
    expect(calls.every(([, total], i) => i === 0 || total >= (calls[i - 1]?.[1] ?? 0))).toBe(true);
  });
});

describe('bad options are InputErrors', () => {
  it.each([{ top: 0 }, { headroomFraction: 1 }, { budgetUsd: -1 }, { gpuCounts: [0] }])('%j', (options) => {
    expect(() => planLayouts(example('gpt3-175b-a100'), options)).toThrow(InputError);
  });
});

describe.each(EXAMPLE_NAMES)('%s: the planner against the published layout', (name) => {
  it('finds a layout at least as fast as the scenario\'s own (which the searched space contains)', () => {
    const scenario = example(name);
    const result = planLayouts(withLayout(scenario), { top: 3, reference: fixLayout(scenario) });
    const own = result.scenarioLayout;
    expect(own?.status).toBe('priced');
    if (own?.status !== 'priced') return;
    expect(result.best?.step.time.stepSeconds).toBeLessThanOrEqual(own.planned.step.time.stepSeconds);
    // When the published layout fits under the headroom it competes in the search; when it does not, the note says so.
    expect(own.note === null).toBe(own.planned.memory.fits);
  });
});

describe('the planner prices a leaf as estimateStep does', () => {
  it.each([
    ['Mixtral 8x7B', 'mixtral-8x7b-h100', { tp: [1, 2], pp: [2, 4], cp: 1, ep: 8, schedule: ['1f1b', 'dualpipe', 'interleaved', 'zb-h2'], microBatch: [1, 2] }],
    ['GPT-3 175B', 'gpt3-175b-a100', { tp: [4, 8], pp: [1, 8], cp: [1, 2], schedule: ['gpipe', '1f1b', 'zb-h1', 'dualpipev'], zero: 'auto', microBatch: [1, 2] }],
  ] as const)('%s: every ranked layout\'s step time and compute equal a fresh estimateStep', (_, name, fields) => {
    const state = createSearchState(createSearchSpace(withLayout(example(name), fields), undefined), resolvePlanOptions({ top: 30 }));
    runSearch(state);
    expect(state.top.entries.length).toBeGreaterThan(3);
    for (const c of state.top.entries) {
      const step = estimateStep(c.world.g.scenario, c.layout);
      expect(c.stepSeconds).toBeCloseTo(step.time.stepSeconds, 12);
      expect(c.computeSeconds).toBeCloseTo(step.time.computeSeconds, 12);
    }
  });
});
