/** Scenario and layout builders shared by the memory tests (no I/O; used by tests only). */
import { createCluster } from '../hardware/create-cluster.js';
import { findAccelerator } from '../hardware/find-accelerator.js';
import type { Precision } from '../hardware/types.js';
import { createLayout, type FixedLayout } from '../layout/create-layout.js';
import type { Layout } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';
import { resolveLayoutSpec } from '../scenario/resolve.js';
import type { Scenario } from '../scenario/types.js';

/** A GPT block as Korthikanti et al. 2022 count it: MHA, GELU FFN 4h, LayerNorm, no linear biases, RoPE. */
export function createGptFixture(layers: number, hidden: number, heads: number, vocab: number, tiedEmbeddings = true): ModelSpec {
  return {
    id: `gpt-fixture-${layers}x${hidden}`,
    name: 'GPT fixture',
    layers,
    hidden,
    vocab,
    attention: { kind: 'mha', heads, kvHeads: heads, headDim: hidden / heads },
    mlp: 'gelu',
    ffnHidden: 4 * hidden,
    norm: 'layernorm',
    linearBias: false,
    tiedEmbeddings,
    positionEmbedding: 'rope',
    maxPositions: 2048,
    moe: null,
    mtpDepth: 0,
    published: { paramsTotal: null, paramsActive: null, source: 'test fixture' },
    source: 'test fixture',
  };
}

export interface ScenarioFixture {
  readonly model: ModelSpec;
  readonly accelerator?: string;
  readonly gpus: number;
  readonly seqLen: number;
  readonly globalBatch: number;
  readonly precision?: Precision;
}

/** A scenario whose layout spec takes every field from `createLayout`'s `fixed` argument. */
export function createScenarioFixture(f: ScenarioFixture): Scenario {
  return {
    name: 'fixture',
    description: 'memory test fixture',
    model: f.model,
    cluster: createCluster(findAccelerator(f.accelerator ?? 'h100-sxm'), f.gpus),
    training: { seqLen: f.seqLen, globalBatch: f.globalBatch, totalTokens: f.globalBatch * f.seqLen, precision: f.precision ?? 'bf16', batchRamp: null },
    layout: resolveLayoutSpec({ zero: 0 }),
    economics: {},
    datacenter: {},
    reference: {},
  };
}

/** Scenario + checked layout with `gpus` = tp·cp·pp·dp of the fixed layout. */
export function createCase(f: Omit<ScenarioFixture, 'gpus'>, fixed: FixedLayout & { dp: number }): { scenario: Scenario; layout: Layout } {
  const gpus = (fixed.tp ?? 1) * (fixed.cp ?? 1) * (fixed.pp ?? 1) * fixed.dp;
  const scenario = createScenarioFixture({ ...f, gpus });
  return { scenario, layout: createLayout(scenario, { fsdpShardSize: fixed.dp, ...fixed }) };
}
