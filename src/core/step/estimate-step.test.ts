import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../hardware/create-cluster.js';
import { createLayout } from '../layout/create-layout.js';
import { parseScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { estimateStep } from './estimate-step.js';
import { DEFAULT_FRAMEWORK, resolveFramework } from '../framework/registry.js';
import { createStepOptions, DEFAULT_STEP_OPTIONS, smShareSlowdown, stepFramework } from './options.js';
import { DEFAULT_EXPERT_LOAD_IMBALANCE } from '../training/expert-load.js';

function example(name: string): Scenario {
  return parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');
}

function withCluster(s: Scenario, overrides: Parameters<typeof createCluster>[2]): Scenario {
  return { ...s, cluster: createCluster(s.cluster.accelerator, s.cluster.gpus, overrides) };
}

describe('estimateStep', () => {
  const examples = ['deepseek-v3-h800', 'llama3-405b-h100', 'gpt3-175b-a100', 'mixtral-8x7b-h100'].map(example);

  it.each(examples.map((s) => [s.name, s] as const))('%s: the steady-state pipeline (no trace) gives the step of simulating every micro-batch (trace)', (_name, s) => {
    for (const fixed of [{}, { microBatch: 1, recompute: 'full' as const }]) {
      let layout;
      try {
        layout = createLayout(s, fixed);
      } catch {
        continue;
      }
      const steady = estimateStep(s, layout);
      const full = estimateStep(s, layout, createStepOptions({ recordOps: true }));
      expect(Math.abs(steady.time.stepSeconds - full.time.stepSeconds)).toBeLessThanOrEqual(1e-9 * full.time.stepSeconds);
      expect(Math.abs(steady.time.bubbleSeconds - full.time.bubbleSeconds)).toBeLessThanOrEqual(1e-9 * full.time.stepSeconds);
      expect(Math.abs(steady.time.exposed.ep - full.time.exposed.ep)).toBeLessThanOrEqual(1e-9 * full.time.stepSeconds);
    }
  });

  it.each(examples.map((s) => [s.name, s] as const))('%s: the step is the pipeline plus exposed DP, optimizer and gather; MFU in (0, 1)', (_name, s) => {
    const r = estimateStep(s, createLayout(s));
    const t = r.time;
    expect(t.stepSeconds).toBeGreaterThanOrEqual(t.pipelineSeconds);
    expect(t.stepSeconds).toBeGreaterThan(0);
    for (const v of [t.computeSeconds, t.bubbleSeconds, t.optimizerSeconds, ...Object.values(t.exposed)]) expect(v).toBeGreaterThanOrEqual(0);
    // The busiest rank's compute, exposed comm and bubble cannot exceed the makespan.
    expect(t.computeSeconds + t.exposed.tp + t.exposed.cp + t.exposed.ep + t.bubbleSeconds + t.exposed.pp).toBeLessThanOrEqual(t.pipelineSeconds * (1 + 1e-9));
    expect(r.throughput.mfu).toBeGreaterThan(0);
    expect(r.throughput.mfu).toBeLessThan(1);
    expect(r.throughput.hfu).toBeGreaterThanOrEqual(r.throughput.mfu);
    expect(r.throughput.tokensPerSecondPerGpu * s.cluster.gpus * t.stepSeconds).toBeCloseTo(s.training.globalBatch * s.training.seqLen, 3);
  });

  it('is deterministic: the same input gives the same numbers', () => {
    const s = examples[0] as Scenario;
    const l = createLayout(s);
    expect(estimateStep(s, l).time).toEqual(estimateStep(s, l).time);
  });

  it('more scale-out bandwidth never makes a step slower', () => {
    for (const s of examples) {
      const base = estimateStep(s, createLayout(s)).time.stepSeconds;
      const fast = withCluster(s, { scaleOutBandwidthBytesPerSec: 4 * s.cluster.scaleOutBandwidthBytesPerSec });
      expect(estimateStep(fast, createLayout(fast)).time.stepSeconds).toBeLessThanOrEqual(base * (1 + 1e-9));
    }
  });

  it('DualPipe hides MoE all-to-all that 1F1B exposes (DeepSeek-V3 layout)', () => {
    const s = examples[0] as Scenario;
    const dual = estimateStep(s, createLayout(s, { schedule: 'dualpipe' }));
    const plain = estimateStep(s, createLayout(s, { schedule: '1f1b' }));
    expect(dual.time.exposed.ep).toBeLessThan(plain.time.exposed.ep);
  });

  it('TP spread over single-GPU domains on a slow scale-out exposes TP communication that TP inside one domain hides; inside, 1/tp of it stays exposed (the overlap\'s fill)', () => {
    const s = examples[1] as Scenario;
    const layout = createLayout(s);
    const inside = estimateStep(s, layout);
    const bare = estimateStep(s, layout, createStepOptions({ overlap: { tpFraction: 0 } }));
    // Hidden behind the GEMMs, the decomposition's fill (1/tp of it) and the contention on the rest stay:
    // exposed = (1/tp + (1 − 1/tp) · overlapGemmSlowdown) × the TP time.
    const fill = 1 / layout.tp;
    expect(inside.time.exposed.tp).toBeCloseTo((fill + (1 - fill) * DEFAULT_FRAMEWORK.overlapGemmSlowdown) * bare.time.exposed.tp, 9);
    const spread = withCluster(s, { scaleUpDomainGpus: 1, scaleOutBandwidthBytesPerSec: s.cluster.scaleOutBandwidthBytesPerSec / 10 });
    expect(estimateStep(spread, createLayout(spread)).time.exposed.tp).toBeGreaterThan(inside.time.exposed.tp);
  });

  it('a hidden data-parallel transfer costs the SM share of its NCCL kernel, whatever the stack\'s TP-overlap figure', () => {
    const s = examples[2] as Scenario;
    const l = createLayout(s);
    const quiet = { ...s.training, framework: resolveFramework('megatron-core', { overlapGemmSlowdown: 0 }) };
    expect(stepFramework(quiet, DEFAULT_STEP_OPTIONS).collectiveGemmSlowdown).toBe(smShareSlowdown(DEFAULT_STEP_OPTIONS.commSmFraction));
    const base = estimateStep(s, l).time.exposed.dp;
    expect(base).toBeGreaterThan(0);
    expect(estimateStep(s, l, createStepOptions({ commSmFraction: 0 })).time.exposed.dp).toBeLessThan(base);
  });

  it('without the TP/GEMM overlap assumption TP communication is fully exposed', () => {
    const s = examples[2] as Scenario;
    const l = createLayout(s);
    const hidden = estimateStep(s, l);
    const exposed = estimateStep(s, l, createStepOptions({ overlap: { tpFraction: 0 } }));
    expect(exposed.time.exposed.tp).toBeGreaterThan(hidden.time.exposed.tp);
    expect(exposed.time.stepSeconds).toBeGreaterThan(hidden.time.stepSeconds);
  });

  it('training.expertLoadImbalance > 1 slows a MoE step and an explicit option overrides it', () => {
    const s = examples[0] as Scenario;
    const l = createLayout(s);
    const even: Scenario = { ...s, training: { ...s.training, expertLoadImbalance: 1 } };
    const skewed: Scenario = { ...s, training: { ...s.training, expertLoadImbalance: 1.5 } };
    const balanced = estimateStep(even, l).time.stepSeconds;
    expect(estimateStep(skewed, l).time.stepSeconds).toBeGreaterThan(balanced);
    expect(estimateStep(skewed, l, createStepOptions({ moeLoadImbalance: 1 })).time.stepSeconds).toBeCloseTo(balanced, 9);
  });

  it('an unset expertLoadImbalance prices the sourced prior (1.25) with expert parallelism', () => {
    const s = examples[0] as Scenario;
    const l = createLayout(s);
    expect(l.ep).toBeGreaterThan(1);
    const prior: Scenario = { ...s, training: { ...s.training, expertLoadImbalance: DEFAULT_EXPERT_LOAD_IMBALANCE } };
    const { expertLoadImbalance: _unset, ...training } = s.training;
    const unset: Scenario = { ...s, training };
    expect(estimateStep(unset, l).time.stepSeconds).toBeCloseTo(estimateStep(prior, l).time.stepSeconds, 9);
  });

  it('records pipeline ops only when asked (Chrome traces)', () => {
    const s = examples[3] as Scenario;
    const l = createLayout(s);
    expect(estimateStep(s, l).simulation.ops).toHaveLength(0);
    expect(estimateStep(s, l, createStepOptions({ recordOps: true })).simulation.ops.length).toBeGreaterThan(0);
  });
});
