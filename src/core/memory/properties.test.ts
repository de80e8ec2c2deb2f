/**
 * Properties of the memory model (fast-check): with everything else fixed (data-parallel degree,
 * micro-batch, micro-batches per step), per-GPU memory never increases when TP, PP, EP, the ZeRO
 * stage or the recompute level increases; activations scale linearly in the micro-batch; totals are
 * the sum of their parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FixedLayout } from '../layout/create-layout.js';
import type { Recompute, ZeroStage } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';
import { estimateMemory, peakMemoryBytes } from './estimate-memory.js';
import { createCase, createGptFixture } from './test-fixtures.js';

const RUNS = { numRuns: 60 };
const SEQ = 2048;

const modelArb: fc.Arbitrary<ModelSpec> = fc
  .record({
    hidden: fc.constantFrom(1024, 2048, 4096),
    layers: fc.constantFrom(16, 32, 48),
    vocab: fc.constantFrom(32000, 50304),
    swiglu: fc.boolean(),
    gqa: fc.boolean(),
    moe: fc.option(fc.record({ experts: fc.constantFrom(8, 16, 64), shared: fc.constantFrom(0, 1), dense: fc.constantFrom(0, 1) }), { nil: null }),
  })
  .map(({ hidden, layers, vocab, swiglu, gqa, moe }) => {
    const heads = hidden / 128;
    const base = createGptFixture(layers, hidden, heads, vocab);
    const ffnHidden = swiglu ? (7 * hidden) / 2 : 4 * hidden;
    return {
      ...base,
      mlp: swiglu ? 'swiglu' : 'gelu',
      ffnHidden,
      attention: { kind: gqa ? 'gqa' : 'mha', heads, kvHeads: gqa ? 8 : heads, headDim: 128 },
      moe: moe === null ? null : {
        experts: moe.experts, topK: 2, expertFfnHidden: hidden, sharedExperts: moe.shared, sharedFfnHidden: hidden,
        denseLayers: moe.dense, denseFfnHidden: ffnHidden, maxNodesPerToken: null,
      },
    } satisfies ModelSpec;
  });

interface Base {
  readonly model: ModelSpec;
  readonly tp: number;
  readonly pp: number;
  readonly dp: number;
  readonly microBatch: number;
  readonly microBatches: number;
  readonly zero: ZeroStage;
  readonly recompute: Recompute;
  readonly precision: 'bf16' | 'fp8' | 'fp8-block';
}

const baseArb: fc.Arbitrary<Base> = fc.record({
  model: modelArb,
  tp: fc.constantFrom(1, 2),
  pp: fc.constantFrom(1, 2),
  dp: fc.constantFrom(2, 4),
  microBatch: fc.constantFrom(1, 2),
  microBatches: fc.constantFrom(8, 16),
  zero: fc.constantFrom<ZeroStage>(0, 1, 2, 3),
  recompute: fc.constantFrom<Recompute>('none', 'selective', 'full'),
  precision: fc.constantFrom<'bf16' | 'fp8' | 'fp8-block'>('bf16', 'fp8', 'fp8-block'),
});

function peak(b: Base, fixed: FixedLayout = {}): number {
  const dp = fixed.dp ?? b.dp;
  const microBatch = fixed.microBatch ?? b.microBatch;
  const { scenario, layout } = createCase(
    { model: b.model, seqLen: SEQ, globalBatch: dp * microBatch * b.microBatches, precision: b.precision },
    { tp: b.tp, pp: b.pp, dp, microBatch, zero: b.zero, recompute: b.recompute, ...fixed },
  );
  return peakMemoryBytes(scenario, layout);
}

/** Not more, up to float rounding. */
function expectNotMore(after: number, before: number): void {
  expect(after).toBeLessThanOrEqual(before * (1 + 1e-12));
}

describe('per-GPU memory never increases when a degree of parallelism, the ZeRO stage or recomputation increases', () => {
  it('tensor parallelism tp → 2·tp', () => {
    fc.assert(fc.property(baseArb, (b) => expectNotMore(peak(b, { tp: 2 * b.tp }), peak(b))), RUNS);
  });

  it('pipeline parallelism pp → 2·pp (ZeRO-0/1; ZeRO-2/3 lose their sharding when pipelined, states.ts)', () => {
    fc.assert(fc.property(baseArb, (b) => {
      const base = { ...b, zero: b.zero > 1 ? 1 : b.zero };
      expectNotMore(peak(base, { pp: 2 * b.pp }), peak(base));
    }), RUNS);
  });

  it('pipeline parallelism pp 2 → 4 at any ZeRO stage', () => {
    fc.assert(fc.property(baseArb, (b) => expectNotMore(peak({ ...b, pp: 2 }, { pp: 4 }), peak({ ...b, pp: 2 }))), RUNS);
  });

  it('expert parallelism ep → 2·ep (MoE models)', () => {
    fc.assert(fc.property(baseArb.filter((b) => b.model.moe !== null), fc.constantFrom(1, 2, 4), (b, ep) => {
      const base = { ...b, dp: 8 };
      expectNotMore(peak(base, { ep: 2 * ep }), peak(base, { ep }));
    }), RUNS);
  });

  it('ZeRO stage z → z + 1', () => {
    const next = { 0: 1, 1: 2, 2: 3, 3: 3 } as const satisfies Record<ZeroStage, ZeroStage>;
    fc.assert(fc.property(baseArb.filter((b) => b.zero < 3), (b) => expectNotMore(peak(b, { zero: next[b.zero] }), peak(b))), RUNS);
  });

  it('ZeRO-2 → 3 on a small model whose largest FSDP unit is the embedding: the unit prefetched beside it is a layer, not a second embedding', () => {
    const b: Base = { model: createGptFixture(16, 1024, 8, 50304), tp: 1, pp: 1, dp: 2, microBatch: 1, microBatches: 8, zero: 2, recompute: 'none', precision: 'fp8-block' };
    expectNotMore(peak(b, { zero: 3 }), peak(b));
  });

  it('recomputation none → selective → full', () => {
    fc.assert(fc.property(baseArb, (b) => {
      const [none, selective, full] = (['none', 'selective', 'full'] as const).map((recompute) => peak(b, { recompute }));
      expectNotMore(selective ?? 0, none ?? 0);
      expectNotMore(full ?? 0, selective ?? 0);
    }), RUNS);
  });
});

describe('linearity and sums', () => {
  it('activations scale linearly in the micro-batch (micro-batches per step fixed)', () => {
    fc.assert(fc.property(baseArb, fc.constantFrom(2, 3, 4), (b, k) => {
      const at = (microBatch: number) => {
        const { scenario, layout } = createCase(
          { model: b.model, seqLen: SEQ, globalBatch: b.dp * microBatch * b.microBatches, precision: b.precision },
          { tp: b.tp, pp: b.pp, dp: b.dp, microBatch, zero: b.zero, recompute: b.recompute },
        );
        return estimateMemory(scenario, layout, { searchMicroBatch: false }).stages.map((s) => s.activationsBytes);
      };
      const [one, many] = [at(1), at(k)];
      one.forEach((bytes, i) => expect(many[i] ?? 0).toBeCloseTo(k * bytes, -1));
    }), RUNS);
  });

  it('every total equals the sum of its parts', () => {
    fc.assert(fc.property(baseArb, (b) => {
      const { scenario, layout } = createCase(
        { model: b.model, seqLen: SEQ, globalBatch: b.dp * b.microBatch * b.microBatches, precision: b.precision },
        { tp: b.tp, pp: b.pp, dp: b.dp, microBatch: b.microBatch, zero: b.zero, recompute: b.recompute },
      );
      const estimate = estimateMemory(scenario, layout, { searchMicroBatch: false });
      for (const s of estimate.stages) {
        const { commBytes, tempBytes, fragmentationBytes, runtimeReserveBytes } = s.buffers;
        expect(s.buffersBytes).toBeCloseTo(commBytes + tempBytes + fragmentationBytes + runtimeReserveBytes, -1);
        expect(s.totalBytes).toBeCloseTo(s.weightsBytes + s.gradsBytes + s.optimizerBytes + s.activationsBytes + s.buffersBytes, -1);
      }
      expect(estimate.peakBytesPerGpu).toBe(Math.max(...estimate.stages.map((s) => s.totalBytes)));
    }), RUNS);
  });
});
