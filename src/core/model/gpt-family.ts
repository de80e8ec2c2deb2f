/**
 * The GPT block of the Megatron-LM papers (Shoeybi et al. 2019; Narayanan et al. 2021 §5.1):
 * multi-head attention with head dim h/n, GELU FFN of width 4h, LayerNorm, biases on every linear,
 * learned absolute position embeddings. Only the fields that vary between the published
 * configurations are inputs.
 */
import type { ModelSpec } from './types.js';

/** The varying part of a Megatron GPT configuration. */
export interface MegatronGptConfig {
  readonly id: string;
  readonly name: string;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly vocab: number;
  /** Rows of the learned position table (the training sequence length of the source). */
  readonly maxPositions: number;
  readonly tiedEmbeddings: boolean;
  readonly published: ModelSpec['published'];
  readonly source: string;
}

/** A full ModelSpec for a Megatron GPT configuration (FFN = 4h, MHA, GELU, LayerNorm, biases). */
export function createMegatronGpt(config: MegatronGptConfig): ModelSpec {
  return {
    id: config.id,
    name: config.name,
    layers: config.layers,
    hidden: config.hidden,
    vocab: config.vocab,
    attention: { kind: 'mha', heads: config.heads, kvHeads: config.heads, headDim: config.hidden / config.heads },
    mlp: 'gelu',
    ffnHidden: 4 * config.hidden,
    norm: 'layernorm',
    linearBias: true,
    tiedEmbeddings: config.tiedEmbeddings,
    positionEmbedding: 'learned',
    maxPositions: config.maxPositions,
    moe: null,
    mtpDepth: 0,
    published: config.published,
    source: config.source,
  };
}

/** One row of a published size table: id, size label, depth, width, heads, size [billions of params]. */
export interface GptSize {
  readonly id: string;
  /** Size as the source writes it, e.g. "1.7B". */
  readonly label: string;
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  /** Published parameter count [billions]. */
  readonly billions: number;
}

const NARAYANAN_2021 =
  'Narayanan et al. 2021 (arXiv 2104.04473) Table 1 / Megatron-LM README (Apr 2021): layers, hidden; ' +
  'vocab 51,200 and seq 2048 from the README; FFN 4h, tied embeddings, learned positions, biases per eq. 2; ' +
  'heads as recalled from Table 1 (unverified; they change neither params nor FLOPs)';

/** Narayanan et al. 2021 Table 1 GPT model (vocab 51,200, sequence 2048, tied embeddings). */
export function narayananGpt({ id, label, layers, hidden, heads, billions }: GptSize): ModelSpec {
  return createMegatronGpt({
    id,
    name: `GPT ${label} (Megatron-LM 2021)`,
    layers,
    hidden,
    heads,
    vocab: 51200,
    maxPositions: 2048,
    tiedEmbeddings: true,
    published: { paramsTotal: billions * 1e9, paramsActive: null, source: 'Narayanan et al. 2021 Table 1 "Number of parameters (billion)"' },
    source: NARAYANAN_2021,
  });
}

const KORTHIKANTI_2022 =
  'Korthikanti et al. 2022 (arXiv 2205.05198) Table 3: layers, hidden, heads, seq 2048; ' +
  'vocab 51,200, FFN 4h, tied embeddings, learned positions as in the Megatron-LM GPT of Narayanan et al. 2021';

/** Korthikanti et al. 2022 Table 3 GPT model (Megatron GPT: vocab 51,200, sequence 2048, tied). */
export function korthikantiGpt({ id, label, layers, hidden, heads, billions }: GptSize): ModelSpec {
  return createMegatronGpt({
    id,
    name: `GPT ${label} (Korthikanti et al. 2022)`,
    layers,
    hidden,
    heads,
    vocab: 51200,
    maxPositions: 2048,
    tiedEmbeddings: true,
    published: { paramsTotal: billions * 1e9, paramsActive: null, nominal: true, source: 'Korthikanti et al. 2022 Table 3 model size' },
    source: KORTHIKANTI_2022,
  });
}

const MCORE_2024 =
  'Megatron-LM README "Training Speed and Scalability" (Megatron-Core r0.8.0, H100 weak scaling, 2024): ' +
  'layers, hidden, heads, vocab 131,072, seq 4096; FFN 4h (not stated: Megatron GPT default); untied embeddings ' +
  '(inferred: only untied reproduces the sizes in the names, e.g. 177B); learned positions (Megatron-Core default)';

/** Megatron-Core 2024 weak-scaling GPT model (vocab 131,072, sequence 4096, untied embeddings). */
export function mcoreGpt({ id, label, layers, hidden, heads, billions }: GptSize): ModelSpec {
  return createMegatronGpt({
    id,
    name: `GPT ${label} (Megatron-Core 2024)`,
    layers,
    hidden,
    heads,
    vocab: 131072,
    maxPositions: 4096,
    tiedEmbeddings: false,
    published: { paramsTotal: billions * 1e9, paramsActive: null, nominal: true, source: 'size in the model name of the Megatron-LM README table' },
    source: MCORE_2024,
  });
}
