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

/** The code's local chunk index before the swap (see above). */
export type Phase = 0 | 1;

type MutableOp = Op & { sendAfter?: number; awaits?: readonly AwaitedInput[] };

export interface Emulator {
  readonly shape: DualProgramShape;
  /**
   * The physical chunk of each logical phase on this rank (the code's phase ^ is_in_second_half).
   * The helpers below run once per op of every replayed rank, so they read the rank's fixed facts
   * from here instead of re-deriving them in small functions.
   */
  readonly chunkOf: readonly [0 | 1, 0 | 1];
  readonly ops: MutableOp[];
  pendingRecv: AwaitedInput[];
  readonly pendingSend: number[];
  /**
   * Per physical chunk, fixed for the rank: the code's is_first_stage / is_last_stage (same in
   * both variants), and the micro-batch of the chunk's first forward (DualPipe's copy B takes the
   * second half), so the k-th forward or backward of chunk c is micro-batch `firstMicroBatch[c] + k`.
   */
  readonly firstStage: readonly [boolean, boolean];
  readonly lastStage: readonly [boolean, boolean];
  readonly firstMicroBatch: readonly [number, number];
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


function recvForward(e: Emulator, phase: Phase): void {
  const c = e.chunkOf[phase];
  if (e.firstStage[c]) return;
  e.pendingRecv.push({ input: 'activation', microBatch: e.firstMicroBatch[c] + e.recvF[c], chunk: c });
  e.recvF[c] += 1;
}

function recvBackward(e: Emulator, phase: Phase): void {
  const c = e.chunkOf[phase];
  if (e.lastStage[c]) return;
  e.pendingRecv.push({ input: 'gradient', microBatch: e.firstMicroBatch[c] + e.recvB[c], chunk: c });
  e.recvB[c] += 1;
}

function sendForward(e: Emulator, phase: Phase): void {
  const c = e.chunkOf[phase];
  if (e.lastStage[c]) return;
  e.pendingSend.push(e.forwardOps[c][e.sendF[c]] ?? -1);
  e.sendF[c] += 1;
}

function sendBackward(e: Emulator, phase: Phase): void {
  const c = e.chunkOf[phase];
  if (e.firstStage[c]) return;
  e.pendingSend.push(e.backwardOps[c][e.sendB[c]] ?? -1);
  e.sendB[c] += 1;
}

/** What an op awaits when its commit posted no receive (shared; never mutated). */
const NOTHING_AWAITED: readonly AwaitedInput[] = Object.freeze([]);

/** Launch queued sends (they leave at the end of the last computed op) and hand the queued receives to the next op. */
function commit(e: Emulator): readonly AwaitedInput[] {
  const last = e.ops.length - 1;
  const sends = e.pendingSend;
  for (let k = 0; k < sends.length; k += 1) {
    const producer = sends[k] ?? -1;
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

function computeForward(e: Emulator, phase: Phase, awaited: readonly AwaitedInput[]): void {
  const c = e.chunkOf[phase];
  const microBatch = e.firstMicroBatch[c] + e.forwards[c];
  e.forwards[c] += 1;
  e.forwardOps[c].push(emit(e, { kind: 'F', microBatch, chunk: c, sendAfter: 0, awaits: awaited }));
}

function computeBackward(e: Emulator, phase: Phase, zeroBubble: boolean, awaited: readonly AwaitedInput[]): void {
  const c = e.chunkOf[phase];
  const microBatch = e.firstMicroBatch[c] + e.backwards[c];
  e.backwards[c] += 1;
  e.backwardOps[c].push(emit(e, { kind: zeroBubble ? 'I' : 'B', microBatch, chunk: c, sendAfter: 0, awaits: awaited }));
  if (zeroBubble) e.weightQueue.push({ microBatch, chunk: c });
}

function computePair(e: Emulator, phase0: Phase, phase1: Phase, awaited: readonly AwaitedInput[]): void {
  const cf = e.chunkOf[phase0];
  const cb = e.chunkOf[phase1];
  const microBatch = e.firstMicroBatch[cf] + e.forwards[cf];
  const backwardMicroBatch = e.firstMicroBatch[cb] + e.backwards[cb];
  e.forwards[cf] += 1;
  e.backwards[cb] += 1;
  const index = emit(e, { kind: 'FB', microBatch, chunk: cf, backwardMicroBatch, backwardChunk: cb, sendAfter: 0, awaits: awaited });
  e.forwardOps[cf].push(index);
  e.backwardOps[cb].push(index);
}

export function createEmulator(shape: DualProgramShape): Emulator {
  const { variant, pp, rank, microBatches } = shape;
  const secondHalf = variant === 'dualpipe' && rank >= pp / 2;
  return {
    shape,
    chunkOf: secondHalf ? [1, 0] : [0, 1],
    ops: [],
    pendingRecv: [],
    pendingSend: [],
    firstStage: [rank === 0, rank === pp - 1],
    lastStage: [rank === pp - 1, rank === 0],
    firstMicroBatch: [0, variant === 'dualpipe' ? microBatches / 2 : 0],
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
export function forwardChunk(e: Emulator, phase: Phase, recv = true, send = true): void {
  if (recv) recvForward(e, phase);
  computeForward(e, phase, commit(e));
  if (send) sendForward(e, phase);
}

/** `_backward_chunk(phase, enable_zb, recv, send)`. */
export function backwardChunk(e: Emulator, phase: Phase, zeroBubble = false, recv = true, send = true): void {
  if (recv) recvBackward(e, phase);
  computeBackward(e, phase, zeroBubble, commit(e));
  if (send) sendBackward(e, phase);
}

/** `_forward_backward_chunk(phase0, phase1, recv0)`: one overlapped F&B op. */
export function forwardBackwardChunk(e: Emulator, phase0: Phase, phase1: Phase, recv0 = true): void {
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
