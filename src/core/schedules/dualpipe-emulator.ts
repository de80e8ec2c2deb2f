/**
 * Replays `DualPipe.step()` / `DualPipeV.step()` (deepseek-ai/DualPipe 3da1bbe, notes §3.6) for
 * one rank and records its compute ops, including the p2p semantics that change timing:
 *   - receives and sends are queued and launched together at the next commit, which comes just
 *     before every compute op and every W, and waits for all queued receives: an op therefore
 *     also waits for inputs that later ops will use (`awaits`);
 *   - a queued send leaves when the commit launches it, i.e. at the end of the last op computed
 *     before it was queued (`sendAfter`).
 * Sends are modelled as buffered: a sender does not wait for the receiver to post its receive.
 *
 * "phase" is the code's local chunk index before the swap: DualPipe swaps phases on ranks in the
 * second half (phase ^ is_in_second_half), so logical phase 0 is the direction that enters
 * nearer to the rank. Ops carry the physical chunk: DualPipe chunk 0 = copy A (enters at rank 0),
 * chunk 1 = copy B (enters at rank p-1); DualPipeV chunk 0 = stage r, chunk 1 = stage 2p-1-r.
 */
import type { AwaitedInput, Op } from './types.js';

export interface DualProgramShape {
  readonly variant: 'dualpipe' | 'dualpipev';
  readonly pp: number;
  readonly rank: number;
  readonly microBatches: number;
}

type MutableOp = Op & { sendAfter?: number; awaits?: readonly AwaitedInput[] };

export interface Emulator {
  readonly shape: DualProgramShape;
  readonly swap: number;
  readonly ops: MutableOp[];
  pendingRecv: AwaitedInput[];
  readonly pendingSend: number[];
  /** Per physical chunk: computed forwards/backwards, posted receives, queued sends. */
  readonly forwards: [number, number];
  readonly backwards: [number, number];
  readonly recvF: [number, number];
  readonly recvB: [number, number];
  readonly sendF: [number, number];
  readonly sendB: [number, number];
  /** Op index producing each forward / backward output, per physical chunk, in order. */
  readonly forwardOps: [number[], number[]];
  readonly backwardOps: [number[], number[]];
  /** I ops whose W is still queued (the code's WeightGradStore, FIFO). */
  readonly weightQueue: { microBatch: number; chunk: number }[];
}

function chunkOf(e: Emulator, phase: number): 0 | 1 {
  return (phase ^ e.swap) === 0 ? 0 : 1;
}

/** Micro-batch of the k-th forward (or backward) of a physical chunk. */
function microBatchOf(e: Emulator, chunk: 0 | 1, k: number): number {
  return e.shape.variant === 'dualpipe' && chunk === 1 ? e.shape.microBatches / 2 + k : k;
}

/** The code's is_first_stage / is_last_stage of a physical chunk on this rank (same in both variants). */
function isFirstStage(e: Emulator, chunk: 0 | 1): boolean {
  const { rank, pp } = e.shape;
  return (rank === 0 && chunk === 0) || (rank === pp - 1 && chunk === 1);
}

function isLastStage(e: Emulator, chunk: 0 | 1): boolean {
  const { rank, pp } = e.shape;
  return (rank === 0 && chunk === 1) || (rank === pp - 1 && chunk === 0);
}

function recvForward(e: Emulator, phase: number): void {
  const c = chunkOf(e, phase);
  if (isFirstStage(e, c)) return;
  e.pendingRecv.push({ input: 'activation', microBatch: microBatchOf(e, c, e.recvF[c]), chunk: c });
  e.recvF[c] += 1;
}

function recvBackward(e: Emulator, phase: number): void {
  const c = chunkOf(e, phase);
  if (isLastStage(e, c)) return;
  e.pendingRecv.push({ input: 'gradient', microBatch: microBatchOf(e, c, e.recvB[c]), chunk: c });
  e.recvB[c] += 1;
}

function sendForward(e: Emulator, phase: number): void {
  const c = chunkOf(e, phase);
  if (isLastStage(e, c)) return;
  e.pendingSend.push(e.forwardOps[c][e.sendF[c]] ?? -1);
  e.sendF[c] += 1;
}

function sendBackward(e: Emulator, phase: number): void {
  const c = chunkOf(e, phase);
  if (isFirstStage(e, c)) return;
  e.pendingSend.push(e.backwardOps[c][e.sendB[c]] ?? -1);
  e.sendB[c] += 1;
}

/** What an op awaits when its commit posted no receive (shared; never mutated). */
const NOTHING_AWAITED: readonly AwaitedInput[] = Object.freeze([]);

/** Launch queued sends (they leave at the end of the last computed op) and hand the queued receives to the next op. */
function commit(e: Emulator): readonly AwaitedInput[] {
  const last = e.ops.length - 1;
  for (const producer of e.pendingSend) {
    const op = e.ops[producer];
    if (op === undefined) throw new Error('DualPipe replay bug: send of an op not computed yet');
    op.sendAfter = last - producer;
  }
  e.pendingSend.length = 0;
  if (e.pendingRecv.length === 0) return NOTHING_AWAITED;
  const awaited = e.pendingRecv;
  e.pendingRecv = [];
  return awaited;
}

/** Ops are created with `sendAfter` and `awaits` in the literal, so all ops of a kind share one object shape. */
function emit(e: Emulator, op: MutableOp): number {
  e.ops.push(op);
  return e.ops.length - 1;
}

function computeForward(e: Emulator, phase: number, awaited: readonly AwaitedInput[]): void {
  const c = chunkOf(e, phase);
  const microBatch = microBatchOf(e, c, e.forwards[c]);
  e.forwards[c] += 1;
  e.forwardOps[c].push(emit(e, { kind: 'F', microBatch, chunk: c, sendAfter: 0, awaits: awaited }));
}

function computeBackward(e: Emulator, phase: number, zeroBubble: boolean, awaited: readonly AwaitedInput[]): void {
  const c = chunkOf(e, phase);
  const microBatch = microBatchOf(e, c, e.backwards[c]);
  e.backwards[c] += 1;
  e.backwardOps[c].push(emit(e, { kind: zeroBubble ? 'I' : 'B', microBatch, chunk: c, sendAfter: 0, awaits: awaited }));
  if (zeroBubble) e.weightQueue.push({ microBatch, chunk: c });
}

function computePair(e: Emulator, phase0: number, phase1: number, awaited: readonly AwaitedInput[]): void {
  const cf = chunkOf(e, phase0);
  const cb = chunkOf(e, phase1);
  const microBatch = microBatchOf(e, cf, e.forwards[cf]);
  const backwardMicroBatch = microBatchOf(e, cb, e.backwards[cb]);
  e.forwards[cf] += 1;
  e.backwards[cb] += 1;
  const index = emit(e, { kind: 'FB', microBatch, chunk: cf, backwardMicroBatch, backwardChunk: cb, sendAfter: 0, awaits: awaited });
  e.forwardOps[cf].push(index);
  e.backwardOps[cb].push(index);
}

export function createEmulator(shape: DualProgramShape): Emulator {
  const secondHalf = shape.variant === 'dualpipe' && shape.rank >= shape.pp / 2;
  return {
    shape,
    swap: secondHalf ? 1 : 0,
    ops: [],
    pendingRecv: [],
    pendingSend: [],
    forwards: [0, 0],
    backwards: [0, 0],
    recvF: [0, 0],
    recvB: [0, 0],
    sendF: [0, 0],
    sendB: [0, 0],
    forwardOps: [[], []],
    backwardOps: [[], []],
    weightQueue: [],
  };
}

/** `_forward_chunk(phase, recv, send)`. */
export function forwardChunk(e: Emulator, phase: number, recv = true, send = true): void {
  if (recv) recvForward(e, phase);
  computeForward(e, phase, commit(e));
  if (send) sendForward(e, phase);
}

/** `_backward_chunk(phase, enable_zb, recv, send)`. */
export function backwardChunk(e: Emulator, phase: number, zeroBubble = false, recv = true, send = true): void {
  if (recv) recvBackward(e, phase);
  computeBackward(e, phase, zeroBubble, commit(e));
  if (send) sendBackward(e, phase);
}

/** `_forward_backward_chunk(phase0, phase1, recv0)`: one overlapped F&B op. */
export function forwardBackwardChunk(e: Emulator, phase0: number, phase1: number, recv0 = true): void {
  if (recv0) recvForward(e, phase0);
  recvBackward(e, phase1);
  computePair(e, phase0, phase1, commit(e));
  sendForward(e, phase0);
  sendBackward(e, phase1);
}

/** `_weight_chunk()`: commit, then the oldest queued W. */
export function weightChunk(e: Emulator): void {
  const awaited = commit(e);
  const next = e.weightQueue.shift();
  if (next === undefined) throw new Error('DualPipe replay bug: W with an empty weight-gradient queue');
  emit(e, { kind: 'W', microBatch: next.microBatch, chunk: next.chunk, sendAfter: 0, awaits: awaited });
}

/** The final `_commit_and_wait_comm()` of step(): remaining sends leave after the last op. */
export function finish(e: Emulator): readonly Op[] {
  commit(e);
  if (e.weightQueue.length > 0) throw new Error('DualPipe replay bug: weight gradients left in the queue');
  return e.ops;
}

export { recvForward, sendForward, sendBackward };
