import { describe, expect, it } from 'vitest';
import { MODELS } from '../model/catalog.js';
import { SCHEDULES } from '../schedules/registry.js';
import { modelStageCount, partitionStages, splitLayers } from './stages.js';
import type { ScheduleId } from './types.js';

const deepseek = MODELS['deepseek-v3'];
const llama405 = MODELS['llama3-405b'];

describe('splitLayers', () => {
  it('splitLayers(32 layers, 4 stages) is 8 each', () => {
    expect(splitLayers({ layers: 32, mtpDepth: 0 }, 4)).toEqual([8, 8, 8, 8]);
  });

  it('splitLayers(DeepSeek-V3: 61 layers + MTP, 16 stages) counts embedding and loss as layers: 3, 4 × 14, 2', () => {
    expect(splitLayers(deepseek, 16)).toEqual([3, ...new Array<number>(14).fill(4), 2]);
  });

  it('splitLayers(126 layers, 16 stages) is Megatron-Core 126 + 2 = 128: 7, 8 × 14, 7', () => {
    expect(splitLayers({ layers: 126, mtpDepth: 0 }, 16)).toEqual([7, ...new Array<number>(14).fill(8), 7]);
  });

  it('splitLayers(10 layers, 4 stages) puts the 2 extra layers on the middle stages', () => {
    expect(splitLayers({ layers: 10, mtpDepth: 0 }, 4)).toEqual([2, 3, 3, 2]);
  });
});

describe('partitionStages', () => {
  it('1f1b: rank r holds stage r; embedding on rank 0, head on the last rank', () => {
    const p = partitionStages(llama405, { pp: 8, vp: 1, schedule: '1f1b' });
    expect(p.ranks.map((r) => r.layers)).toEqual([15, 16, 16, 16, 16, 16, 16, 15]);
    expect(p.ranks[0]).toMatchObject({ hasEmbedding: true, hasOutputHead: false });
    expect(p.ranks[7]).toMatchObject({ hasEmbedding: false, hasOutputHead: true, hasMtp: false });
  });

  it('interleaved pp 4, vp 2: rank r holds model stages r and r + 4', () => {
    const p = partitionStages({ ...llama405, layers: 32 }, { pp: 4, vp: 2, schedule: 'interleaved' });
    expect(p.ranks[1]?.chunks.map((c) => [c.modelStage, c.firstLayer, c.layers])).toEqual([[1, 4, 4], [5, 20, 4]]);
  });

  it('dualpipe: rank r holds stage r of copy A and stage p−1−r of copy B; rank 0 has embedding, head and MTP', () => {
    const p = partitionStages(deepseek, { pp: 16, vp: 1, schedule: 'dualpipe' });
    expect(p.ranks[0]?.chunks.map((c) => c.modelStage)).toEqual([0, 15]);
    expect(p.ranks[3]?.chunks.map((c) => c.modelStage)).toEqual([3, 12]);
    expect(p.ranks[0]).toMatchObject({ hasEmbedding: true, hasOutputHead: true, hasMtp: true, layers: 5 });
    expect(p.ranks[15]).toMatchObject({ hasEmbedding: true, hasOutputHead: true, hasMtp: true, layers: 5 });
    // two model copies: every layer is held twice
    expect(p.ranks.reduce((sum, r) => sum + r.layers, 0)).toBe(2 * deepseek.layers);
  });

  it('dualpipev: 2p stages, rank r holds stages r and 2p−1−r', () => {
    const p = partitionStages(deepseek, { pp: 8, vp: 1, schedule: 'dualpipev' });
    expect(p.modelStages).toBe(16);
    expect(p.ranks[2]?.chunks.map((c) => c.modelStage)).toEqual([2, 13]);
    expect(p.ranks.reduce((sum, r) => sum + r.layers, 0)).toBe(deepseek.layers);
  });

  it('dense and MoE layers: DeepSeek-V3 stage 0 holds the 3 dense layers', () => {
    const p = partitionStages(deepseek, { pp: 16, vp: 1, schedule: '1f1b' });
    expect(p.ranks[0]?.chunks[0]).toMatchObject({ denseLayers: 3, moeLayers: 0 });
    expect(p.ranks[1]?.chunks[0]).toMatchObject({ denseLayers: 0, moeLayers: 4, firstLayer: 3 });
  });

  it('an explicit split overrides the default and is checked', () => {
    const p = partitionStages({ ...llama405, layers: 10 }, { pp: 2, vp: 1, schedule: '1f1b' }, { stageLayers: [4, 6] });
    expect(p.ranks.map((r) => r.layers)).toEqual([4, 6]);
    expect(() => partitionStages({ ...llama405, layers: 10 }, { pp: 2, vp: 1, schedule: '1f1b' }, { stageLayers: [4, 5] })).toThrow(/memory.stageLayers/);
  });

  it.each<[ScheduleId, number]>([['1f1b', 1], ['interleaved', 2], ['zb-h2', 1], ['gpipe', 1], ['dualpipe', 1], ['dualpipev', 1]])(
    '%s places model stages on the same ranks and chunks as schedules/placement',
    (schedule, vp) => {
      const pp = 4;
      const layout = { pp, vp, schedule };
      const placement = SCHEDULES[schedule].placement({ pp, vp, microBatches: 16 });
      const p = partitionStages({ ...llama405, layers: 64 }, layout);
      expect(p.modelStages).toBe(modelStageCount(layout));
      placement.routes.forEach((route, copy) => {
        route.rankOfStage.forEach((rank, stage) => {
          const chunk = route.chunkOfStage[stage];
          const held = p.ranks[rank]?.chunks.find((c) => c.chunk === chunk);
          expect(held?.modelStage, `copy ${copy} stage ${stage}`).toBe(stage);
        });
      });
    },
  );
});
