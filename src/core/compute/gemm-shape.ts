/**
 * GEMM efficiency from the per-GPU shape after the TP/EP split, relative to a large square GEMM:
 *
 *   shapeEff = max over tile shapes T of  tileEff(T) · waveEff(T) · padEff(T),   times  kEff
 *
 * - Tiles: a tensor-core GEMM computes its m×n output in tiles of Tm×Tn, one thread block per
 *   SM at a time; a grouped GEMM (count > 1, MoE experts) schedules the tiles of every group member
 *   in one grid (CUTLASS grouped / DeepGEMM contiguous layout, each member padded to whole tiles).
 * - Wave quantisation: tiles run in waves of `streamingMultiprocessors`; the last wave is partly
 *   idle, waveEff = tiles / (waves · SMs) (NVIDIA "Matrix Multiplication Background User's Guide",
 *   §"Wave quantization").
 * - Padding: m and n are rounded up to whole tiles, padEff = m·n / (⌈m/Tm⌉Tm · ⌈n/Tn⌉Tn)
 *   (same guide, §"Tile quantization").
 * - Libraries choose the tile per problem (cuBLAS heuristics): the best of 128×256, 256×128 and
 *   128×128; the smaller tile reuses each loaded operand half as often and reaches
 *   `SMALL_TILE_EFFICIENCY` of the large tile's rate (prior).
 * - Short reductions: each output tile pays a pipeline fill and an epilogue (convert and store)
 *   worth about `K_OVERHEAD_ELEMENTS` of the k loop, kEff = k / (k + k₀) (prior).
 * Units: dimensionless; dimensions in elements.
 */

/** How one accelerator tiles its GEMMs: the number of SMs (CUs) that run thread blocks concurrently. */
export interface GemmTiling {
  readonly streamingMultiprocessors: number;
}

interface TileShape {
  readonly rows: number;
  readonly cols: number;
  readonly efficiency: number;
}

/** Relative rate of the 128×128 tile against the 128×256 / 256×128 tiles (prior). */
const SMALL_TILE_EFFICIENCY = 0.9;

const TILES: readonly TileShape[] = [
  { rows: 128, cols: 256, efficiency: 1 },
  { rows: 256, cols: 128, efficiency: 1 },
  { rows: 128, cols: 128, efficiency: SMALL_TILE_EFFICIENCY },
];

/** Reduction elements that the per-tile fill and epilogue cost (two 64-deep k blocks; prior). */
export const K_OVERHEAD_ELEMENTS = 128;

/** Output dims (rows × cols, `count` group members) and reduction depth of one GEMM pass. */
export interface GemmPassShape {
  readonly rows: number;
  readonly cols: number;
  readonly depth: number;
  readonly count: number;
}

function tileEfficiency(rows: number, cols: number, count: number, tile: TileShape, sms: number): number {
  const rowTiles = Math.ceil(rows / tile.rows);
  const colTiles = Math.ceil(cols / tile.cols);
  const tiles = rowTiles * colTiles * count;
  const waves = Math.ceil(tiles / sms);
  const pad = (rows * cols) / (rowTiles * tile.rows * colTiles * tile.cols);
  return tile.efficiency * (tiles / (waves * sms)) * pad;
}

/** Efficiency of one GEMM pass's shape relative to a large square GEMM, in (0, 1]. */
export function gemmShapeEfficiency(s: GemmPassShape, tiling: GemmTiling): number {
  return passShapeEfficiency(s.rows, s.cols, s.depth, s.count, tiling);
}

/** `gemmShapeEfficiency` of the pass shape given field by field (no record per pass in the roofline's loop). */
export function passShapeEfficiency(rows: number, cols: number, depth: number, count: number, tiling: GemmTiling): number {
  if (rows <= 0 || cols <= 0 || depth <= 0) return 1;
  let best = 0;
  // Indexed: an array iterator allocates per step until the loop is optimised (every GEMM pass priced).
  for (let i = 0; i < TILES.length; i += 1) {
    const tile = TILES[i];
    if (tile !== undefined) best = Math.max(best, tileEfficiency(rows, cols, count, tile, tiling.streamingMultiprocessors));
  }
  return best * (depth / (depth + K_OVERHEAD_ELEMENTS));
}
