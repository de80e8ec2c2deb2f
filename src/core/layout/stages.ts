/**
 * Which transformer layers each pipeline rank holds, per local chunk, and which rank holds the
 * embedding, the output head and the MTP modules. Arithmetic only (no per-layer loops): the memory
 * and step-time models call it in their inner loops.
 *
 * Model stages and their ranks (same mapping as `schedules/placement.ts`):
 *
 * | schedule | model stages S | rank r holds | source |
 * |---|---|---|---|
 * | gpipe, 1f1b, zb-h1, zb-h2 | p | stage r | Narayanan et al. 2021 |
 * | interleaved | p·v | stages c·p + r, c = 0..v−1 (chunk c) | Narayanan et al. 2021 §2.2 |
 * | dualpipe | p (two model copies) | stage r of copy A (chunk 0) and stage p−1−r of copy B (chunk 1) | DualPipe examples, notes §2.9 |
 * | dualpipev | 2p | stage r (chunk 0) and stage 2p−1−r (chunk 1) | DualPipe `dualpipev.py`, notes §2.9 |
 *
 * Stage 0 holds the embedding; stage S−1 the final norm, output head, loss and the MTP modules
 * (DeepSeek-V3 TR §2.2, Megatron `mtp_num_layers` on the last stage). Under DualPipe and DualPipeV
 * the rank that holds stage 0 also holds stage S−1, so embedding, first layers, last layers, head and
 * MTP share one rank (DeepSeek-V3 TR §3.2.3, notes §2.2).
 *
 * Layer split (`splitLayers`): even when S divides L; else Megatron-Core's split counting embedding
 * and loss as layers when that divides; else the extra layers on the middle stages. An explicit split
 * (`stageLayers`, one count per model stage, as torchtitan split points or Megatron's
 * `--pipeline-model-parallel-layout` give) overrides it.
 */
import { InputError } from '../errors.js';
import type { ModelSpec } from '../model/types.js';
import { getSchedule } from '../schedules/catalog.js';
import type { Layout } from './types.js';

/** One local chunk of a rank: a contiguous run of layers of one model stage. */
export interface StageChunk {
  /** Local chunk index on the rank (0 ≤ chunk < chunks per rank). */
  readonly chunk: number;
  /** Model stage index, 0 = the embedding end. */
  readonly modelStage: number;
  /** First main-model layer (0-based) and the number of layers. */
  readonly firstLayer: number;
  readonly layers: number;
  /** Layers with a dense FFN (the first `moe.denseLayers` of a MoE model; all of a dense one). */
  readonly denseLayers: number;
  /** Layers with a MoE FFN. */
  readonly moeLayers: number;
  readonly hasEmbedding: boolean;
  /** Final norm, output head and loss. */
  readonly hasOutputHead: boolean;
  /** The model's `mtpDepth` MTP modules (placed with the head). */
  readonly hasMtp: boolean;
}

/** What one pipeline rank holds. */
export interface PipelineRank {
  readonly rank: number;
  readonly chunks: readonly StageChunk[];
  /** Layers over all chunks (DualPipe counts both model copies). */
  readonly layers: number;
  readonly hasEmbedding: boolean;
  readonly hasOutputHead: boolean;
  readonly hasMtp: boolean;
}

export interface StagePartition {
  /** Model stages a micro-batch passes through: p, p·v or 2p. */
  readonly modelStages: number;
  /** Layers of each model stage, index = model stage. */
  readonly stageLayers: readonly number[];
  readonly ranks: readonly PipelineRank[];
}

export interface PartitionOptions {
  /** Layers per model stage (length = model stages, sum = model.layers); default: even split. */
  readonly stageLayers?: readonly number[];
}

/** Model stages of a layout's schedule (`Schedule.modelStages`): p·v (interleaved), 2p (DualPipeV), else p. */
export function modelStageCount(layout: Pick<Layout, 'pp' | 'vp' | 'schedule'>): number {
  return getSchedule(layout.schedule).modelStages(layout);
}

/**
 * Default split of the model's layers over `stages` model stages:
 * 1. S divides L: L/S each;
 * 2. else, if S divides L + mtpDepth + 2, Megatron-Core's split that counts the embedding and the
 *    loss as one layer each and puts the MTP layers in the last stage
 *    (`account_for_embedding_in_pipeline_split`, `account_for_loss_in_pipeline_split`; the rule
 *    `check-layout.ts` accepts for interleaving): u = (L + mtp + 2)/S units per stage, the first stage
 *    u − 1 layers, the last u − 1 − mtp, the others u (DeepSeek-V3, 16 stages: 3, 4 × 14, 2 + MTP);
 * 3. else ⌊L/S⌋ each, and the L mod S extra layers on the middle stages
 *    [⌊(S − R)/2⌋, ⌊(S − R)/2⌋ + R), so the end stages (embedding, head) hold the fewer.
 */
export function splitLayers(model: Pick<ModelSpec, 'layers' | 'mtpDepth'>, stages: number): number[] {
  const layers = model.layers;
  const split = new Array<number>(stages);
  const units = (layers + model.mtpDepth + 2) / stages;
  if (layers % stages !== 0 && stages > 1 && Number.isInteger(units) && units - 1 - model.mtpDepth >= 0) {
    for (let s = 0; s < stages; s += 1) split[s] = units;
    split[0] = units - 1;
    split[stages - 1] = units - 1 - model.mtpDepth;
    return split;
  }
  const base = Math.floor(layers / stages);
  const extra = layers - base * stages;
  const start = Math.floor((stages - extra) / 2);
  for (let s = 0; s < stages; s += 1) split[s] = base + (s >= start && s < start + extra ? 1 : 0);
  return split;
}

function checkStageLayers(model: ModelSpec, stages: number, given: readonly number[]): readonly number[] {
  const sum = given.reduce((a, b) => a + b, 0);
  if (given.length !== stages || sum !== model.layers || given.some((n) => !Number.isInteger(n) || n < 0)) {
    const rule = `must list ${stages} non-negative whole layer counts (one per model stage) summing to model.layers ${model.layers}`;
    throw new InputError('memory.stageLayers', given, rule);
  }
  return given;
}

function createChunk(model: ModelSpec, chunk: number, modelStage: number, firstLayer: number, layers: number, stages: number): StageChunk {
  const denseEnd = model.moe === null ? model.layers : model.moe.denseLayers;
  const denseLayers = Math.max(0, Math.min(layers, denseEnd - firstLayer));
  const last = modelStage === stages - 1;
  return {
    chunk, modelStage, firstLayer, layers, denseLayers, moeLayers: layers - denseLayers,
    hasEmbedding: modelStage === 0, hasOutputHead: last, hasMtp: last && model.mtpDepth > 0,
  };
}

function createRank(rank: number, chunks: StageChunk[]): PipelineRank {
  // Already in order for most ranks (one chunk); sorting allocates, and every memory estimate partitions.
  if (chunks.some((c, i) => i > 0 && (chunks[i - 1]?.chunk ?? -Infinity) > c.chunk)) chunks.sort((a, b) => a.chunk - b.chunk);
  let layers = 0;
  for (const c of chunks) layers += c.layers;
  return {
    rank, chunks, layers,
    hasEmbedding: chunks.some((c) => c.hasEmbedding),
    hasOutputHead: chunks.some((c) => c.hasOutputHead),
    hasMtp: chunks.some((c) => c.hasMtp),
  };
}

/**
 * The layers, embedding, head and MTP modules of every pipeline rank of `layout`.
 * @throws InputError('memory.stageLayers', …) when an explicit split does not fit the model.
 */
export function partitionStages(model: ModelSpec, layout: Pick<Layout, 'pp' | 'vp' | 'schedule'>, options: PartitionOptions = {}): StagePartition {
  const schedule = getSchedule(layout.schedule);
  const stages = schedule.modelStages(layout);
  const split = options.stageLayers === undefined ? splitLayers(model, stages) : checkStageLayers(model, stages, options.stageLayers);
  const perRank: StageChunk[][] = Array.from({ length: layout.pp }, () => []);
  let firstLayer = 0;
  for (let s = 0; s < stages; s += 1) {
    const layers = split[s] ?? 0;
    // Every copy of the stage (DualPipe holds two: rank s in copy A, rank p−1−s in copy B).
    for (const { rank, chunk } of schedule.stageHolders(layout, s)) perRank[rank]?.push(createChunk(model, chunk, s, firstLayer, layers, stages));
    firstLayer += layers;
  }
  return { modelStages: stages, stageLayers: split, ranks: perRank.map((chunks, rank) => createRank(rank, chunks)) };
}
