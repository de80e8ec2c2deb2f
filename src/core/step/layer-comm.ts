/**
 * Communication of one transformer layer for one micro-batch on one GPU, per pass: tensor-parallel
 * collectives, MoE dispatch/combine all-to-alls, context-parallel ring exchanges. Seconds, before
 * any overlap (the caller applies the overlap assumptions).
 */
import { allReduceSeconds } from '../comm/collectives.js';
import type { CommLinks } from '../comm/links.js';
import { moeAllToAllCost } from '../comm/moe-all-to-all.js';
import type { GroupPlacements } from '../comm/place-groups.js';
import { sendRecvSeconds } from '../comm/send-recv.js';
import type { Precision } from '../hardware/types.js';
import type { Layout } from '../layout/types.js';
import type { ModelSpec } from '../model/types.js';

/** Bytes of one activation element on the wire: BF16/FP16 activations (Megatron, DeepSeek combine). */
const ACTIVATION_BYTES = 2;

export interface CommContext {
  readonly model: ModelSpec;
  readonly layout: Layout;
  readonly seqLen: number;
  readonly precision: Precision;
  readonly groups: GroupPlacements;
  readonly links: CommLinks;
  readonly moeLoadImbalance: number;
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

/**
 * Tensor parallelism: one all-reduce of b·(s/cp)·h activations after the attention block and one
 * after the MLP block in forward, the same two in backward (Shoeybi et al. 2019 §3); sequence
 * parallelism replaces each by reduce-scatter + all-gather of equal total volume (Korthikanti et al.
 * 2022 §4.2.2). Full recomputation repeats the forward pair in backward.
 */
function tpSeconds(ctx: CommContext): { forward: number; backward: number } {
  if (ctx.layout.tp <= 1) return { forward: 0, backward: 0 };
  const bytes = tokensPerGpu(ctx) * ctx.model.hidden * ACTIVATION_BYTES;
  const one = allReduceSeconds(bytes, ctx.groups.tp, ctx.links.collective);
  const recompute = ctx.layout.recompute === 'full' ? 2 * one : 0;
  return { forward: 2 * one, backward: 2 * one + recompute };
}

/**
 * Dispatch bytes per element: FP8 with one FP32 scale per 128 channels for DeepSeek-style recipes
 * (TR §3.3.3: activations quantised to FP8 before dispatch; 7168 + 224 bytes per token copy), else BF16.
 */
function dispatchBytesPerElement(precision: Precision): number {
  return precision === 'fp8-block' ? 1 + 4 / 128 : ACTIVATION_BYTES;
}

/**
 * Expert parallelism: four all-to-alls per MoE layer per micro-batch — forward dispatch and combine,
 * backward of the combine (dispatch-shaped, FP8 in DeepSeek's recipe) and of the dispatch
 * (combine-shaped, BF16) (notes §5.5). Node-limited routing deduplicates scale-out copies (DeepEP).
 */
function epSeconds(ctx: CommContext): { forward: number; backward: number } {
  const moe = ctx.model.moe;
  if (moe === null || ctx.layout.ep <= 1) return { forward: 0, backward: 0 };
  const tokens = (tokensPerGpu(ctx) * ctx.layout.etp) / ctx.layout.tp;
  const base = {
    tokens,
    topK: moe.topK,
    hidden: ctx.model.hidden,
    loadImbalance: ctx.moeLoadImbalance,
    maxNodesPerToken: moe.maxNodesPerToken,
    deduplicate: moe.maxNodesPerToken !== null,
  };
  const dispatch = moeAllToAllCost({ ...base, bytesPerElement: dispatchBytesPerElement(ctx.precision) }, ctx.groups.ep, ctx.links.allToAll).seconds;
  const combine = moeAllToAllCost({ ...base, bytesPerElement: ACTIVATION_BYTES }, ctx.groups.ep, ctx.links.allToAll).seconds;
  return { forward: dispatch + combine, backward: dispatch + combine };
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
 * Context parallelism (ring attention, Megatron CP): each rank passes its K/V chunk around the
 * ring, cp−1 exchanges in forward; backward passes K/V again plus dK/dV (notes §5.6).
 */
function cpSeconds(ctx: CommContext): { forward: number; backward: number } {
  if (ctx.layout.cp <= 1) return { forward: 0, backward: 0 };
  const bytes = ctx.layout.microBatch * (ctx.seqLen / ctx.layout.cp) * kvWidth(ctx.model, ctx.layout.tp) * ACTIVATION_BYTES;
  const forward = (ctx.layout.cp - 1) * sendRecvSeconds(bytes, ctx.groups.cp, ctx.links.pointToPoint);
  return { forward, backward: 2 * forward };
}

/** Communication of one layer of the given kind (dense layers have no expert all-to-all). */
export function layerCommSeconds(ctx: CommContext, kind: 'dense' | 'moe'): LayerComm {
  const tp = tpSeconds(ctx);
  const ep = kind === 'moe' ? epSeconds(ctx) : { forward: 0, backward: 0 };
  const cp = cpSeconds(ctx);
  return {
    tpForwardSeconds: tp.forward,
    tpBackwardSeconds: tp.backward,
    epForwardSeconds: ep.forward,
    epBackwardSeconds: ep.backward,
    cpForwardSeconds: cp.forward,
    cpBackwardSeconds: cp.backward,
  };
}

/** Pipeline boundary: b·(s/cp)·h activations (÷tp with sequence parallelism) each way (notes §5.3). */
export function pipelineP2pSeconds(ctx: CommContext): number {
  if (ctx.layout.pp <= 1) return 0;
  const split = ctx.layout.sequenceParallel ? ctx.layout.tp : 1;
  const bytes = (tokensPerGpu(ctx) * ctx.model.hidden * ACTIVATION_BYTES) / split;
  return sendRecvSeconds(bytes, ctx.groups.pp, ctx.links.pointToPoint);
}
