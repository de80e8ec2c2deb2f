import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/types.js';
import { checkLayout, createLayout, divisors, fixLayout, layoutContext } from './create-layout.js';
import { inputErrorOf as errorOf } from '../input-error.testing.js';

/** A scenario from plain data: model, GPUs, batch and layout given, the rest fixed. */
function scenario(model: unknown, gpus: number, layout: Record<string, unknown>, training: Record<string, unknown> = {}): Scenario {
  return parseScenario({
    model,
    cluster: { accelerator: 'h100-sxm', gpus },
    training: { seqLen: 8192, globalBatch: 2048, totalTokens: '1T', ...training },
    layout,
  });
}


const llama405 = (layout: Record<string, unknown>, gpus = 16384, training = {}) => scenario('llama3-405b', gpus, layout, training);

describe('createLayout: defaults and derived fields', () => {
  it('dp auto is the remainder gpus/(tp·cp·pp); microBatches = globalBatch/(dp·microBatch)', () => {
    const layout = createLayout(llama405({ tp: 8, pp: 16 }));
    expect(layout).toMatchObject({ tp: 8, pp: 16, cp: 1, dp: 128, microBatch: 1, microBatches: 16, edp: 1024 });
  });
  it('defaults: sequence parallel when tp > 1, zero 1, recompute none, 1f1b, fsdpShardSize = dp', () => {
    const layout = createLayout(llama405({ tp: 8, pp: 16 }));
    expect(layout).toMatchObject({ sequenceParallel: true, zero: 1, recompute: 'none', schedule: '1f1b', fsdpShardSize: 128, vp: 1 });
    expect(layout.order).toEqual(['tp', 'cp', 'ep', 'dp', 'pp']);
  });
  it('vp > 1 defaults to the interleaved schedule', () => {
    expect(createLayout(llama405({ tp: 8, pp: 9, vp: 2, dp: 64 }, 4608, { globalBatch: 576 })).schedule).toBe('interleaved');
  });
  it('sequence parallelism is off when tp = 1, as in Megatron-Core', () => {
    expect(createLayout(llama405({ tp: 1, pp: 16, sequenceParallel: true })).sequenceParallel).toBe(false);
  });
  it('fixed values override the scenario spec and fill searched fields', () => {
    const searched = llama405({ tp: [4, 8], pp: 'auto' });
    const layout = createLayout(searched, { tp: 8, pp: 16 });
    expect(layout).toMatchObject({ tp: 8, pp: 16, dp: 128 });
  });
  it('MoE expert folding: edp = tp·cp·dp/(ep·etp)', () => {
    const layout = createLayout(scenario('deepseek-v3', 2048, { pp: 16, ep: 64, schedule: 'dualpipe' }, { seqLen: 4096, globalBatch: 15360 }));
    expect(layout).toMatchObject({ dp: 128, ep: 64, edp: 2, microBatches: 120 });
  });
});

describe('createLayout: each broken rule names field, value and rule', () => {
  it('degrees that do not multiply to the GPU count list every factor', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 16, dp: 64 })));
    expect(error.field).toBe('layout');
    expect(error.rule).toBe('tp·cp·pp·dp = 8·1·16·64 = 8192 ≠ cluster.gpus 16384');
  });
  it('dp auto with a GPU count that does not divide names tp·cp·pp', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 16 }, 1000)));
    expect(error.field).toBe('layout.dp');
    expect(error.rule).toBe('cluster.gpus 1000 is not divisible by tp·cp·pp = 8·1·16 = 128');
  });
  it('tp not dividing the attention heads', () => {
    const error = errorOf(() => createLayout(scenario('gpt3-175b', 1280, { tp: 5 }, { seqLen: 2048, globalBatch: 256 })));
    expect(error.field).toBe('layout.tp');
    expect(error.value).toBe(5);
    expect(error.rule).toBe('must divide model.attention.heads 96');
  });
  it('tp neither dividing nor a multiple of the KV heads', () => {
    const model = { layers: 8, hidden: 6144, vocab: 32000, attention: { heads: 48, kvHeads: 8 }, ffnHidden: 24576 };
    const error = errorOf(() => createLayout(scenario(model, 12, { tp: 12 }, { globalBatch: 12 })));
    expect(error.field).toBe('layout.tp');
    expect(error.rule).toBe('must divide model.attention.kvHeads 8 or be a multiple of it (replicated KV heads)');
  });
  it('tp larger than and a multiple of the KV heads replicates them (allowed)', () => {
    const model = { layers: 8, hidden: 4096, vocab: 32000, attention: { heads: 32, kvHeads: 4 }, ffnHidden: 14336 };
    expect(createLayout(scenario(model, 8, { tp: 8 }, { globalBatch: 8 })).tp).toBe(8);
  });
  it('tp not dividing the FFN width', () => {
    const model = { layers: 8, hidden: 4096, vocab: 32000, attention: { heads: 32 }, ffnHidden: 11000 };
    const error = errorOf(() => createLayout(scenario(model, 16, { tp: 16 }, { globalBatch: 16 })));
    expect(error.rule).toBe('must divide the dense FFN width 11000');
  });
  it('ep not dividing the routed experts', () => {
    const error = errorOf(() => createLayout(scenario('mixtral-8x7b', 64, { ep: 3, pp: 4 }, { seqLen: 4096, globalBatch: 48 })));
    expect(error.field).toBe('layout.ep');
    expect(error.rule).toBe('must divide model.moe.experts 8');
  });
  it('ep·etp not dividing tp·cp·dp', () => {
    const error = errorOf(() => createLayout(scenario('mixtral-8x7b', 16, { ep: 8, pp: 4 }, { seqLen: 4096, globalBatch: 64 })));
    expect(error.field).toBe('layout.ep');
    expect(error.rule).toBe('ep·etp = 8·1 = 8 must divide tp·cp·dp = 1·1·4 = 4 (MoE parallel folding)');
  });
  it('expert parallelism on a dense model', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 16, ep: 2 })));
    expect(error.field).toBe('layout.ep');
    expect(error.rule).toBe('must be 1 for a dense model (no experts)');
  });
  it('pp larger than the layer count', () => {
    const error = errorOf(() => createLayout(scenario('mixtral-8x7b', 64, { pp: 64 }, { seqLen: 4096, globalBatch: 64 })));
    expect(error.field).toBe('layout.pp');
    expect(error.rule).toBe('must be at most model.layers 32 (one layer per stage at least)');
  });
  it('interleaving whose pp·vp does not divide the layers', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 16, vp: 3 })));
    expect(error.field).toBe('layout.vp');
    expect(error.rule).toBe(
      'pp·vp = 16·3 = 48 must divide model.layers 126 or, counting embedding, loss and MTP as layers, 128 (interleaved chunks of equal depth)',
    );
  });
  it('interleaving that fits once embedding and loss count as layers (Megatron-Bridge 405B, PP8·VP4)', () => {
    expect(createLayout(llama405({ tp: 8, pp: 8, vp: 4 })).vp).toBe(4);
  });
  it('vp > 1 with a one-chunk schedule', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 9, vp: 2, dp: 64, schedule: '1f1b' }, 4608, { globalBatch: 576 })));
    expect(error.field).toBe('layout.vp');
    expect(error.rule).toMatch(/^schedule 1f1b: 1F1B runs one chunk per rank: vp must be 1/);
  });
  it('DualPipe with an odd number of stages', () => {
    const error = errorOf(() => createLayout(scenario('gpt3-175b', 24, { tp: 8, pp: 3, schedule: 'dualpipe' }, { seqLen: 2048, globalBatch: 64 })));
    expect(error.field).toBe('layout.pp');
    expect(error.value).toBe(3);
    expect(error.rule).toMatch(/^schedule dualpipe: DualPipe needs an even number of pipeline ranks/);
  });
  it('DualPipe with too few micro-batches names microBatches', () => {
    const error = errorOf(() => createLayout(scenario('deepseek-v3', 2048, { pp: 16, ep: 64, schedule: 'dualpipe' }, { seqLen: 4096, globalBatch: 3072 })));
    expect(error.field).toBe('layout.microBatch');
    expect(error.rule).toMatch(/microBatches = globalBatch \/ \(dp·microBatch\) = 24: DualPipe needs microBatches ≥ 2·pp = 32/);
  });
  it('cp must divide the sequence, and 2·cp for load-balanced causal attention', () => {
    expect(errorOf(() => createLayout(llama405({ tp: 8, pp: 16, cp: 3 }, 16384 * 3))).rule).toBe('must divide training.seqLen 8192');
    const odd = errorOf(() => createLayout(llama405({ tp: 8, pp: 16, cp: 2 }, 16384 * 2, { seqLen: 8190 })));
    expect(odd.rule).toMatch(/^2·cp = 4 must divide training.seqLen 8190/);
  });
  it('global batch not divisible by dp·microBatch', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 16, microBatch: 3 })));
    expect(error.field).toBe('layout.microBatch');
    expect(error.rule).toBe('training.globalBatch 2048 must be divisible by dp·microBatch = 128·3 = 384');
  });
  it('an HSDP shard group that does not divide dp', () => {
    const error = errorOf(() => createLayout(llama405({ tp: 8, pp: 16, zero: 3, fsdpShardSize: 48 })));
    expect(error.field).toBe('layout.fsdpShardSize');
    expect(error.rule).toBe('must divide dp 128 (HSDP replicates shard groups across dp)');
  });
  it('a shard group without ZeRO-3', () => {
    expect(errorOf(() => createLayout(llama405({ tp: 8, pp: 16, fsdpShardSize: 64 }))).rule).toBe('applies only with zero 3 (zero is 1)');
  });
  it('auto or a list still in the layout asks for `scaleplan plan`', () => {
    const error = errorOf(() => createLayout(llama405({ tp: [4, 8], pp: 16 })));
    expect(error.field).toBe('layout.tp');
    expect(error.rule).toMatch(/run `scaleplan plan`/);
    expect(errorOf(() => createLayout(llama405({ tp: 8, schedule: 'auto' }))).field).toBe('layout.schedule');
  });
});

describe('checkLayout and divisors (planner helpers)', () => {
  it('checkLayout returns null for a valid candidate and the first violation otherwise, without throwing', () => {
    const s = llama405({ tp: 8, pp: 16 });
    const candidate = fixLayout(s);
    expect(checkLayout(layoutContext(s), candidate)).toBeNull();
    expect(checkLayout(layoutContext(s), { ...candidate, tp: 0 })).toEqual({ field: 'layout.tp', value: 0, rule: 'must be a positive integer' });
    expect(checkLayout(layoutContext(s), { ...candidate, tp: 7, dp: 146 })?.field).toBe('layout');
  });
  it('divisors(n) lists the positive divisors in ascending order', () => {
    expect(divisors(1)).toEqual([1]);
    expect(divisors(36)).toEqual([1, 2, 3, 4, 6, 9, 12, 18, 36]);
    expect(divisors(2048)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]);
    expect(divisors(0)).toEqual([]);
    expect(divisors(2.5)).toEqual([]);
  });
});

describe('createLayout: rank order', () => {
  it('an order placing pp before ep for an MoE model with etp < tp is refused: dense and expert pipeline groups differ', () => {
    const s = scenario('mixtral-8x7b', 64, { tp: 2, pp: 2, ep: 8, etp: 1, order: ['tp', 'cp', 'pp', 'ep', 'dp'] }, { globalBatch: 512, seqLen: 4096 });
    const error = errorOf(() => createLayout(s));
    expect(error.field).toBe('layout.order');
    expect(error.rule).toMatch(/must share pipeline groups: the ranks placed before pp number 2 for dense layers and 1 for expert layers/);
  });
});
