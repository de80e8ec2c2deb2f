import { describe, expect, it } from 'vitest';
import { gemmShapeEfficiency, K_OVERHEAD_ELEMENTS } from './gemm-shape.js';

const H100 = { streamingMultiprocessors: 132 };
const kEff = (k: number): number => k / (k + K_OVERHEAD_ELEMENTS);

describe('gemmShapeEfficiency(shape, tiling)', () => {
  it('a GEMM of exactly one full wave of 128×256 tiles loses only the short-reduction term', () => {
    // 132 tiles = 12 × 11 tiles of 128×256 → m = 1536, n = 2816.
    expect(gemmShapeEfficiency({ rows: 1536, cols: 2816, depth: 8192, count: 1 }, H100)).toBeCloseTo(kEff(8192), 12);
  });
  it('one tile more than a wave runs two waves: the best tile shape decides', () => {
    const e = gemmShapeEfficiency({ rows: 128 * 133, cols: 256, depth: 8192, count: 1 }, H100);
    // 128×256: 133 tiles, 2 waves → 133/264; 128×128: 266 tiles, 3 waves → 0.9 · 266/396.
    expect(e).toBeCloseTo(Math.max(133 / 264, (0.9 * 266) / 396) * kEff(8192), 12);
  });
  it('short reductions cost: k = 128 halves the efficiency of the same output', () => {
    const long = gemmShapeEfficiency({ rows: 1536, cols: 2816, depth: 1e9, count: 1 }, H100);
    const short = gemmShapeEfficiency({ rows: 1536, cols: 2816, depth: 128, count: 1 }, H100);
    expect(short / long).toBeCloseTo(0.5, 6);
  });
  it('grouped GEMMs fill waves with the tiles of every member; padding of small members costs', () => {
    const one = gemmShapeEfficiency({ rows: 64, cols: 2048, depth: 7168, count: 1 }, H100);
    const group = gemmShapeEfficiency({ rows: 64, cols: 2048, depth: 7168, count: 32 }, H100);
    expect(group).toBeGreaterThan(one);
    expect(group).toBeLessThanOrEqual(0.5 * kEff(7168) + 1e-12); // 64 of 128 padded rows
  });
  it('stays in (0, 1]', () => {
    for (const rows of [1, 100, 4096, 65536]) {
      for (const cols of [1, 128, 1000, 28672]) {
        const e = gemmShapeEfficiency({ rows, cols, depth: 4096, count: 1 }, H100);
        expect(e).toBeGreaterThan(0);
        expect(e).toBeLessThanOrEqual(1);
      }
    }
  });
});
