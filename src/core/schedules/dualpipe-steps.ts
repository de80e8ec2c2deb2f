/**
 * The eight steps of `DualPipe.step()` and `DualPipeV.step()` (deepseek-ai/DualPipe 3da1bbe;
 * notes §3.6), replayed for one rank. DualPipe: P ranks (even), half = P/2, h = min(r, P-1-r),
 * mh = m/2, "middle" = ranks P/2-1 and P/2. DualPipeV: half = P, h = r, mh = m, "middle" = the
 * last rank (the V bottom).
 *
 * | step | work                                                     | repeats        |
 * | 1    | F phase 0                                                | 2(half-h-1)    |
 * | 2    | F phase 0, F phase 1                                     | h+1            |
 * | 3    | I phase 1 (W queued), W, F phase 1                       | half-h-1       |
 * | 4    | pair (F0 & B1), pair (F1 & B0)                           | mh-2·half+h+1  |
 * | 5    | B phase 1, pair (F1 & B0)                                | half-h-1       |
 * | 6    | B phase 1, B phase 0 (I-only from the middle of the loop)| h+1            |
 * | 7    | W, I phase 0                                             | half-h-1       |
 * | 8    | W                                                        | h+1            |
 */
import {
  backwardChunk,
  createEmulator,
  finish,
  forwardBackwardChunk,
  forwardChunk,
  recvForward,
  sendBackward,
  sendForward,
  weightChunk,
} from './dualpipe-emulator.js';
import type { DualProgramShape, Emulator } from './dualpipe-emulator.js';
import type { Op } from './types.js';

interface Counts {
  readonly half: number;
  readonly h: number;
  readonly mh: number;
  readonly middle: boolean;
}

function countsOf(shape: DualProgramShape): Counts {
  const { pp, rank, microBatches } = shape;
  if (shape.variant === 'dualpipev') return { half: pp, h: rank, mh: microBatches, middle: rank === pp - 1 };
  const half = pp / 2;
  return { half, h: Math.min(rank, pp - 1 - rank), mh: microBatches / 2, middle: rank === half - 1 || rank === half };
}

function warmup(e: Emulator, c: Counts): void {
  // Step 1: nF0
  for (let i = 0; i < 2 * (c.half - c.h - 1); i += 1) forwardChunk(e, 0);
  // Step 2: nF0F1. Non-middle ranks send the F0 output only after F1 is computed; the middle
  // ranks hold back their last F1 output until step 4.
  const step2 = c.h + 1;
  recvForward(e, 0);
  for (let i = 0; i < step2; i += 1) {
    forwardChunk(e, 0, false, c.middle);
    recvForward(e, 0);
    forwardChunk(e, 1, true, !c.middle || i < step2 - 1);
    if (!c.middle) sendForward(e, 0);
  }
  // Step 3: nB1W1F1 (zero bubble)
  for (let i = 0; i < c.half - c.h - 1; i += 1) {
    backwardChunk(e, 1, true);
    recvForward(e, 1);
    weightChunk(e);
    forwardChunk(e, 1, false);
  }
}

function steady(e: Emulator, c: Counts): void {
  // Step 4 (main): nF0B1F1B0. The middle ranks do not overlap the first pair "to further reduce
  // bubble size" (code comment).
  for (let i = 0; i < c.mh - 2 * c.half + c.h + 1; i += 1) {
    if (i === 0 && c.middle) {
      forwardChunk(e, 0, false, false);
      sendForward(e, 1);
      backwardChunk(e, 1, false, true, false);
      sendForward(e, 0);
      sendBackward(e, 1);
    } else {
      forwardBackwardChunk(e, 0, 1, i !== 0);
    }
    forwardBackwardChunk(e, 1, 0);
  }
  // Step 5: nB1F1B0
  for (let i = 0; i < c.half - c.h - 1; i += 1) {
    backwardChunk(e, 1);
    forwardBackwardChunk(e, 1, 0);
  }
}

function cooldown(e: Emulator, c: Counts): void {
  // Step 6: nB1B0; the second half of these backwards split off their W.
  const step6 = c.h + 1;
  let zeroBubble = false;
  for (let i = 0; i < step6; i += 1) {
    if (i === Math.floor(step6 / 2) && c.h % 2 === 1) zeroBubble = true;
    backwardChunk(e, 1, zeroBubble);
    if (i === Math.floor(step6 / 2) && c.h % 2 === 0) zeroBubble = true;
    backwardChunk(e, 0, zeroBubble);
  }
  // Step 7: nWB0 (zero bubble)
  for (let i = 0; i < c.half - c.h - 1; i += 1) {
    weightChunk(e);
    backwardChunk(e, 0, true);
  }
  // Step 8: nW
  for (let i = 0; i < c.h + 1; i += 1) weightChunk(e);
}

/** The compute ops of one rank, with DualPipe's send/receive timing attached. */
export function buildDualProgram(shape: DualProgramShape): readonly Op[] {
  const e = createEmulator(shape);
  const c = countsOf(shape);
  warmup(e, c);
  steady(e, c);
  cooldown(e, c);
  return finish(e);
}
