import { describe, expect, it } from 'vitest';
import { MODELS } from './catalog.js';
import { extraChunkSorts, moeDispatcher } from './moe-dispatch.js';
import type { MoeSpec } from './types.js';

function moeOf(id: keyof typeof MODELS): MoeSpec {
  const moe = MODELS[id].moe;
  if (moe === null) throw new Error(`${id} is a MoE`);
  return moe;
}

describe('moeDispatcher(moe) and extraChunkSorts(moe, ep)', () => {
  it('node-limited routing (DeepSeek-V3, M = 4) dispatches deduplicated (DeepEP): no chunk sort', () => {
    expect(moeDispatcher(moeOf('deepseek-v3'))).toBe('deduplicated');
    expect(extraChunkSorts(moeOf('deepseek-v3'), 64)).toBe(0);
  });

  it('unlimited routing uses the plain all-to-all: one chunk sort each way when ep > 1 and a rank holds > 1 expert', () => {
    const mixtral = moeOf('mixtral-8x7b');
    expect(moeDispatcher(mixtral)).toBe('plain');
    expect(extraChunkSorts(mixtral, 1)).toBe(0);
    expect(extraChunkSorts(mixtral, 4)).toBe(1);
    expect(extraChunkSorts(mixtral, 8)).toBe(0);
  });
});
