import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../hardware/catalog.js';
import { MODELS } from '../model/catalog.js';
import { flopsPerToken, layerForwardFlops, mtpModuleForwardFlops, outputHeadForwardFlops } from '../model/flops.js';
import type { ModelSpec } from '../model/types.js';
import { estimateStageCompute } from './estimate-compute.js';
import { headOps, layerOps, mtpOps } from './ops.js';
import { opFlops } from './roofline.js';
import type { ComputeOp, ComputeShape } from './types.js';

const seqLen = 4096;
const shape: ComputeShape = { microBatch: 1, seqLen, tp: 1, cp: 1, sp: false, ep: 1, etp: 1, precision: 'bf16' };
const models: readonly ModelSpec[] = Object.values(MODELS);

/** Forward GEMM + attention FLOPs per token of an op list. */
function perToken(ops: readonly ComputeOp[]): number {
  return ops.reduce((s, op) => s + opFlops(op, 'forward'), 0) / seqLen;
}

function within1Percent(actual: number, expected: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(0.01);
}

describe('op inventory vs model/flops.ts (one GPU, no parallelism)', () => {
  it.each(models.map((m) => ({ id: m.id, model: m })))('$id: every layer kind, head and MTP match layerForwardFlops within 1%', ({ model }) => {
    for (const index of [0, model.layers - 1]) {
      const f = layerForwardFlops(model, index, seqLen);
      within1Percent(perToken(layerOps(model, index, shape)), f.attentionProjections + f.attentionCore + f.mlp + f.router);
    }
    within1Percent(perToken(headOps(model, shape)), outputHeadForwardFlops(model));
    if (model.mtpDepth > 0) within1Percent(perToken(mtpOps(model, shape)), mtpModuleForwardFlops(model, seqLen));
  });

  it.each(models.map((m) => ({ id: m.id, model: m })))('$id: a whole-model stage gives flopsPerToken().forward within 1%', ({ model }) => {
    const all = Array.from({ length: model.layers }, (_, i) => i);
    const e = estimateStageCompute(model, all, { embedding: true, head: true, mtp: false }, shape, ACCELERATORS['h100-sxm']);
    within1Percent(e.flops.forward / seqLen, flopsPerToken(model, seqLen).forward);
  });
});
