import { describe, expect, it } from 'vitest';
import { DEFAULT_COMM_EFFICIENCY } from '../comm/efficiency.js';
import { createCommLinks } from '../comm/links.js';
import { placeGroups } from '../comm/place-groups.js';
import { ACCELERATORS } from '../hardware/catalog.js';
import { createCluster } from '../hardware/create-cluster.js';
import { DEFAULT_ORDER, type Recompute } from '../layout/types.js';
import { MODELS } from '../model/catalog.js';
import { epPairsPerLayer, expertAllToAlls, layerCommSeconds, tpAllReduceEquivalents, tpGatherBytesPerElement, type CommContext } from './layer-comm.js';

/** Mixtral 8x7B on 8 H100 (one node), EP 8, one 4,096-token sequence per micro-batch. */
function mixtralEp8(recompute: Recompute): CommContext {
  const cluster = createCluster(ACCELERATORS['h100-sxm'], 8);
  const layout = { tp: 1, cp: 1, ep: 8, etp: 1, pp: 1, microBatch: 1, recompute, sequenceParallel: false };
  return {
    model: MODELS['mixtral-8x7b'], layout, seqLen: 4096, precision: 'bf16',
    groups: placeGroups({ ...layout, dp: 8 }, DEFAULT_ORDER, cluster),
    links: createCommLinks(cluster, DEFAULT_COMM_EFFICIENCY), moeLoadImbalance: 1, tpGatherBytes: { forward: 2, backward: 2 }, spBackwardRegather: false,
  };
}

describe('expert-parallel all-to-alls per MoE layer', () => {
  it('epPairsPerLayer: one dispatch + combine pair forward, one backward, two backward under full recomputation', () => {
    expect(epPairsPerLayer('none')).toEqual({ forward: 1, backward: 1 });
    expect(epPairsPerLayer('selective')).toEqual({ forward: 1, backward: 1 });
    expect(epPairsPerLayer('full')).toEqual({ forward: 1, backward: 2 });
  });

  it('layerCommSeconds(moe): backward = forward = dispatch + combine, and twice that under full recomputation', () => {
    const none = mixtralEp8('none');
    const a2a = expertAllToAlls(none);
    const pair = (a2a?.dispatch.seconds ?? 0) + (a2a?.combine.seconds ?? 0);
    expect(pair).toBeGreaterThan(0);
    expect(layerCommSeconds(none).moe).toMatchObject({ epForwardSeconds: pair, epBackwardSeconds: pair });
    expect(layerCommSeconds(mixtralEp8('full')).moe).toMatchObject({ epForwardSeconds: pair, epBackwardSeconds: 2 * pair });
    expect(layerCommSeconds(mixtralEp8('full')).dense).toMatchObject({ epForwardSeconds: 0, epBackwardSeconds: 0 });
  });
});

describe('tensor-parallel traffic per layer', () => {
  const ctx = (recompute: Recompute, forward: number, backward: number): CommContext => ({ ...mixtralEp8(recompute), tpGatherBytes: { forward, backward } });
  it('tpAllReduceEquivalents: 2 BF16 all-reduces per pass; an FP8 gather makes its pair 0.75, recomputed forwards like forwards', () => {
    expect(tpAllReduceEquivalents(ctx('none', 2, 2))).toEqual({ forward: 2, backward: 2 });
    expect(tpAllReduceEquivalents(ctx('none', 1, 2))).toEqual({ forward: 1.5, backward: 2 });
    expect(tpAllReduceEquivalents(ctx('full', 1, 2))).toEqual({ forward: 1.5, backward: 3.5 });
    expect(tpAllReduceEquivalents(ctx('full', 1, 1))).toEqual({ forward: 1.5, backward: 3 });
  });
  it('tpAllReduceEquivalents: a stack that re-gathers sequence-parallel inputs for wgrad adds one all-gather per forward pair to the backward', () => {
    const sp = (regather: boolean, forward: number): CommContext => {
      const c = ctx('none', forward, 2);
      return { ...c, layout: { ...c.layout, sequenceParallel: true }, spBackwardRegather: regather };
    };
    expect(tpAllReduceEquivalents(sp(false, 2))).toEqual({ forward: 2, backward: 2 });
    expect(tpAllReduceEquivalents(sp(true, 2))).toEqual({ forward: 2, backward: 3 });
    expect(tpAllReduceEquivalents(sp(true, 1))).toEqual({ forward: 1.5, backward: 2.5 });
  });
  it('tpGatherBytesPerElement: FP8 only for a per-tensor FP8 recipe, in the passes where the stack quantises before the gather', () => {
    expect(tpGatherBytesPerElement('fp8', 'all')).toEqual({ forward: 1, backward: 1 });
    expect(tpGatherBytesPerElement('fp8', 'forward')).toEqual({ forward: 1, backward: 2 });
    expect(tpGatherBytesPerElement('fp8', 'none')).toEqual({ forward: 2, backward: 2 });
    expect(tpGatherBytesPerElement('bf16', 'all')).toEqual({ forward: 2, backward: 2 });
    expect(tpGatherBytesPerElement('mxfp8', 'all')).toEqual({ forward: 2, backward: 2 });
  });
});
