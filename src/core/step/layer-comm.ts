/**
 * Communication of one transformer layer for one micro-batch on one GPU, per pass: tensor-parallel
 * collectives, MoE dispatch/combine all-to-alls, context-parallel ring exchanges, and the pipeline
 * boundary transfer. Volumes (bytes per call, calls per layer-pass) and seconds before any overlap
 * (the caller applies the overlap assumptions); `analysis/traffic.ts` reads the same volumes.
 */
import { allReduceSeconds } from '../comm/collectives.js';
import type { CommLinks } from '../comm/links.js';
import type { AllToAllCost } from '../comm/all-to-all.js';
import { moeAllToAllCost, type MoeAllToAllInput } from '../comm/moe-all-to-all.js';
import type { GroupPlacements } from '../comm/place-groups.js';
import { sendRecvSeconds } from '../comm/send-recv.js';
import { ACTIVATION_BYTES, FP8_BYTES, FP8_TILE_BYTES } from '../hardware/element-bytes.js';
import type { Precision } from '../hardware/types.js';
import type { Layout } from '../layout/types.js';
import { moeDispatcher } from '../model/moe-dispatch.js';
import type { ModelSpec } from '../model/types.js';
import type { TpFp8Gather } from '../framework/types.js';

/** The layout fields one layer's communication reads (with the groups' placement). */
export type CommShape = Pick<Layout, 'tp' | 'cp' | 'ep' | 'etp' | 'pp' | 'microBatch' | 'recompute' | 'sequenceParallel'>;

export interface CommContext {
  readonly model: ModelSpec;
  readonly layout: CommShape;
  readonly seqLen: number;
  readonly precision: Precision;
  readonly groups: GroupPlacements;
  readonly links: CommLinks;
  readonly moeLoadImbalance: number;
  /** Bytes per element of the tensor-parallel all-gathers of each pass (`tpGatherBytesPerElement`). */
  readonly tpGatherBytes: TpGatherBytes;
  /** The stack all-gathers a sequence-parallel GEMM input again in the backward (`FrameworkProfile.spBackwardRegather`). */
  readonly spBackwardRegather: boolean;
}

export interface LayerComm {
  readonly tpForwardSeconds: number;
  readonly tpBackwardSeconds: number;
  readonly epForwardSeconds: number;
  readonly epBackwardSeconds: number;
  readonly cpForwardSeconds: number;
  readonly cpBackwardSeconds: number;
}

/** Tokens of one micro-batch on one GPU of a stage: b·s/cp (sequence parallelism splits them further by tp inside collectives). */
export function tokensPerGpu(ctx: CommContext): number {
  return (ctx.layout.microBatch * ctx.seqLen) / ctx.layout.cp;
}

/** Calls of one collective per layer and pass. */
export interface CallsPerPass {
  readonly forward: number;
  readonly backward: number;
}

/**
 * Tensor parallelism: one all-reduce of S = b·(s/cp)·h activations after the attention block and one
 * after the MLP block in forward, the same two in backward (Shoeybi et al. 2019 §3); sequence
 * parallelism replaces each by reduce-scatter + all-gather of equal total volume (Korthikanti et al.
 * 2022 §4.2.2). Full recomputation repeats the forward pair in backward.
 */
export function tpCallsPerLayer(recompute: Layout['recompute']): CallsPerPass {
  return { forward: 2, backward: recompute === 'full' ? 4 : 2 };
}

/** S of one tensor-parallel collective [bytes]. */
export function tpCollectiveBytes(ctx: CommContext): number {
  return tokensPerGpu(ctx) * ctx.model.hidden * ACTIVATION_BYTES;
}

/** Bytes per element of the TP all-gathers in the forward (GEMM inputs) and in the backward (output gradients). */
export interface TpGatherBytes {
  readonly forward: number;
  readonly backward: number;
}

/**
 * Bytes per element the TP all-gathers move: one FP8 byte where the recipe is per-tensor FP8 and
 * the stack quantises what it gathers first (`FrameworkProfile.tpGatherInFp8`: Transformer Engine
 * userbuffers in both passes, torchao's float8 TP styles in the forward), else BF16. Other
 * low-precision recipes (blockwise, MXFP8, NVFP4) are gathered in BF16 here: no source states theirs.
 */
export function tpGatherBytesPerElement(precision: Precision, gather: TpFp8Gather): TpGatherBytes {
  const fp8 = precision === 'fp8';
  return {
    forward: fp8 && gather !== 'none' ? FP8_BYTES : ACTIVATION_BYTES,
    backward: fp8 && gather === 'all' ? FP8_BYTES : ACTIVATION_BYTES,
  };
}

/**
 * TP traffic of one layer per pass in BF16 all-reduces of S (`tpCollectiveBytes`): each all-reduce
 * (or reduce-scatter + all-gather under sequence parallelism, the same volume) is half a
 * reduce-scatter and half an all-gather, and the all-gather half moves `tpGatherBytes` of its pass
 * per element; full recomputation repeats the forward pair inside the backward (`tpCallsPerLayer`).
 * With sequence parallelism a stack that keeps only the sharded input gathers each column-parallel
 * input again for the weight gradient (`spBackwardRegather`; Megatron-LM
 * `LinearWithGradAccumulationAndAsyncCommunication.backward`): one more all-gather per forward
 * all-reduce equivalent, at the forward gather's bytes.
 */
/** Backward all-gathers per layer that re-gather sequence-parallel GEMM inputs for wgrad (`spBackwardRegather`): one per column-parallel input, i.e. per forward all-reduce equivalent. */
export function tpRegathersPerLayer(ctx: CommContext): number {
  return ctx.spBackwardRegather && ctx.layout.sequenceParallel ? tpCallsPerLayer(ctx.layout.recompute).forward : 0;
}

export function tpAllReduceEquivalents(ctx: CommContext): CallsPerPass {
  const calls = tpCallsPerLayer(ctx.layout.recompute);
  const pair = (gatherBytes: number): number => (1 + gatherBytes / ACTIVATION_BYTES) / 2;
  const recomputed = calls.backward - calls.forward;
  const regathers = tpRegathersPerLayer(ctx);
  return {
    forward: calls.forward * pair(ctx.tpGatherBytes.forward),
    backward: calls.forward * pair(ctx.tpGatherBytes.backward) + recomputed * pair(ctx.tpGatherBytes.forward) + regathers * (ctx.tpGatherBytes.forward / ACTIVATION_BYTES / 2),
  };
}

function tpSeconds(ctx: CommContext): { forward: number; backward: number } {
  if (ctx.layout.tp <= 1) return { forward: 0, backward: 0 };
  const one = allReduceSeconds(tpCollectiveBytes(ctx), ctx.groups.tp, ctx.links.collective);
  const equivalents = tpAllReduceEquivalents(ctx);
  return { forward: equivalents.forward * one, backward: equivalents.backward * one };
}

/**
 * Dispatch bytes per element: FP8 with one FP32 scale per 128 channels for DeepSeek-style recipes
 * (TR §3.3.3: activations quantised to FP8 before dispatch; 7168 + 224 bytes per token copy), else BF16.
 */
export function dispatchBytesPerElement(precision: Precision): number {
  return precision === 'fp8-block' ? FP8_TILE_BYTES : ACTIVATION_BYTES;
}

/**
 * Expert parallelism: four all-to-alls per MoE layer per micro-batch — forward dispatch and combine,
 * backward of the combine (dispatch-shaped, FP8 in DeepSeek's recipe) and of the dispatch
 * (combine-shaped, BF16) (notes §5.5). Node-limited routing deduplicates scale-out copies (DeepEP).
 * Each pass runs one dispatch-shaped and one combine-shaped all-to-all; null without experts.
 */
export function expertAllToAlls(ctx: CommContext): { readonly dispatch: AllToAllCost; readonly combine: AllToAllCost } | null {
  const moe = ctx.model.moe;
  if (moe === null || ctx.layout.ep <= 1) return null;
  const tokens = (tokensPerGpu(ctx) * ctx.layout.etp) / ctx.layout.tp;
  const deduplicate = moeDispatcher(moe) === 'deduplicated';
  // One literal per input (no spread of a shared base): every input then has one hidden class, and
  // the all-to-all's reads of it stay monomorphic in a cold process.
  const input = (bytesPerElement: number): MoeAllToAllInput => ({
    tokens, topK: moe.topK, hidden: ctx.model.hidden, bytesPerElement, loadImbalance: ctx.moeLoadImbalance, maxNodesPerToken: moe.maxNodesPerToken, deduplicate,
  });
  return {
    dispatch: moeAllToAllCost(input(dispatchBytesPerElement(ctx.precision)), ctx.groups.ep, ctx.links.allToAll),
    combine: moeAllToAllCost(input(ACTIVATION_BYTES), ctx.groups.ep, ctx.links.allToAll),
  };
}

/**
 * Dispatch + combine pairs per MoE layer and pass: one forward (dispatch, combine), one backward
 * (their mirrors). Full recomputation re-runs each layer's forward inside the backward pass, token
 * dispatcher included (Megatron-Core `recompute_granularity full` checkpoints whole transformer
 * layers, `TransformerBlock._checkpointed_forward`), so it sends the tokens to their experts and
 * back once more: two pairs in backward, as the TP collectives repeat (`tpCallsPerLayer`).
 * Selective recomputation keeps the MoE layer's outputs and re-runs no all-to-all.
 */
export function epPairsPerLayer(recompute: Layout['recompute']): CallsPerPass {
  return { forward: 1, backward: recompute === 'full' ? 2 : 1 };
}

function epSeconds(ctx: CommContext): { forward: number; backward: number } {
  const a2a = expertAllToAlls(ctx);
  if (a2a === null) return { forward: 0, backward: 0 };
  const pair = a2a.dispatch.seconds + a2a.combine.seconds;
  const pairs = epPairsPerLayer(ctx.layout.recompute);
  return { forward: pairs.forward * pair, backward: pairs.backward * pair };
}

/**
 * Width of the K/V a context-parallel rank passes on per token, per TP rank [elements].
 * MLA passes its compressed latent c_KV and the shared RoPE key (kvLoraRank + qkRopeHeadDim = 576
 * values per token for DeepSeek-V3, notes §1.2) and each rank re-expands them with wkv_b — 71× less
 * than the per-head keys and values. GQA/MQA pass K and V of the local KV heads.
 */
export function kvWidth(model: ModelSpec, tp: number): number {
  const a = model.attention;
  if (a.kind === 'mla') return a.kvLoraRank + a.qkRopeHeadDim;
  return 2 * Math.max(1, a.kvHeads / tp) * a.headDim;
}

/**
 * Context parallelism (ring attention, Megatron CP): each rank passes its K/V chunk of
 * b·(s/cp)·kvWidth elements around the ring, cp−1 exchanges in forward; backward passes K/V again
 * plus dK/dV (notes §5.6).
 */
export function cpExchangesPerLayer(cp: number): CallsPerPass {
  return { forward: cp - 1, backward: 2 * (cp - 1) };
}

/** One ring message [bytes]. */
export function cpMessageBytes(ctx: CommContext): number {
  return tokensPerGpu(ctx) * kvWidth(ctx.model, ctx.layout.tp) * ACTIVATION_BYTES;
}

function cpSeconds(ctx: CommContext): { forward: number; backward: number } {
  if (ctx.layout.cp <= 1) return { forward: 0, backward: 0 };
  const one = sendRecvSeconds(cpMessageBytes(ctx), ctx.groups.cp, ctx.links.pointToPoint);
  const calls = cpExchangesPerLayer(ctx.layout.cp);
  return { forward: calls.forward * one, backward: calls.backward * one };
}

/** Communication of a dense and of a MoE layer (dense layers have no expert all-to-all); TP and CP are priced once for both. */
export function layerCommSeconds(ctx: CommContext): { readonly dense: LayerComm; readonly moe: LayerComm } {
  const tp = tpSeconds(ctx);
  const ep = epSeconds(ctx);
  const cp = cpSeconds(ctx);
  const dense: LayerComm = {
    tpForwardSeconds: tp.forward,
    tpBackwardSeconds: tp.backward,
    epForwardSeconds: 0,
    epBackwardSeconds: 0,
    cpForwardSeconds: cp.forward,
    cpBackwardSeconds: cp.backward,
  };
  return { dense, moe: { ...dense, epForwardSeconds: ep.forward, epBackwardSeconds: ep.backward } };
}

/** Pipeline boundary: b·(s/cp)·h activations (÷tp with sequence parallelism) each way (notes §5.3) [bytes]. */
export function p2pMessageBytes(ctx: CommContext): number {
  const split = ctx.layout.sequenceParallel ? ctx.layout.tp : 1;
  return (tokensPerGpu(ctx) * ctx.model.hidden * ACTIVATION_BYTES) / split;
}

/** One pipeline boundary transfer [s]. */
export function pipelineP2pSeconds(ctx: CommContext): number {
  if (ctx.layout.pp <= 1) return 0;
  return sendRecvSeconds(p2pMessageBytes(ctx), ctx.groups.pp, ctx.links.pointToPoint);
}
