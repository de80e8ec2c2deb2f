import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import { parseScenarioText } from '../scenario/parse.js';
import { estimateStep } from '../step/estimate-step.js';
import { createObjectiveModel, estimateLayoutRun, OBJECTIVES, runMetrics, scoreOf } from './objective.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

describe.each(['deepseek-v3-h800', 'gpt3-175b-a100'])('objective model of %s', (name) => {
  const scenario = example(name);
  const layout = createLayout(scenario);
  const step = estimateStep(scenario, layout);
  const activity = Math.min(1, step.time.computeSeconds / step.time.stepSeconds);
  const run = estimateLayoutRun(scenario, layout, step, {});

  it.each(OBJECTIVES)('%s: the linear model equals the whole-run estimate, and its floor is below it', (objective) => {
    const model = createObjectiveModel(objective, scenario, {});
    const quantum = layout.dp * layout.microBatch;
    const { point, metrics } = model.point(step.time.stepSeconds, quantum, activity);
    const exact = runMetrics(run);
    expect(metrics.days).toBeCloseTo(exact.days, 9);
    expect(metrics.usd / exact.usd).toBeCloseTo(1, 12);
    expect(metrics.facilityMwh / exact.facilityMwh).toBeCloseTo(1, 12);
    expect(metrics.tokensPerJoule / exact.tokensPerJoule).toBeCloseTo(1, 12);
    expect(point.score / scoreOf(objective, exact)).toBeCloseTo(1, 12);
    expect(model.floor(0.9 * step.time.stepSeconds, quantum).score).toBeLessThan(point.score);
  });

  it('a fixed GPU activity is honoured by both the model and the run', () => {
    const options = { power: { gpuActivity: 0.5 } };
    const model = createObjectiveModel('energy', scenario, options);
    const fixed = runMetrics(estimateLayoutRun(scenario, layout, step, options));
    expect(model.point(step.time.stepSeconds, layout.dp * layout.microBatch, activity).metrics.facilityMwh / fixed.facilityMwh).toBeCloseTo(1, 12);
  });
});
