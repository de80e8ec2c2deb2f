/**
 * Chrome trace (Trace Event Format, "X" complete events) of a simulated step, viewable in
 * Perfetto or chrome://tracing: one track per pipeline rank, one slice per op. Pure: returns the
 * object; the CLI writes the file.
 */
import type { ScheduleSimulation, TimedOp } from './types.js';

export interface TraceEvent {
  readonly name: string;
  /** 'X' = complete event (ts + dur); 'M' = metadata (track names). */
  readonly ph: 'X' | 'M';
  /** Start, microseconds. */
  readonly ts: number;
  /** Duration, microseconds (complete events only). */
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly cat?: string;
  readonly args?: Readonly<Record<string, string | number>>;
}

export interface ChromeTrace {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ms';
}

export interface TraceOptions {
  /** Process name shown above the rank tracks. Default 'pipeline'. */
  readonly title?: string;
  /** Process id, to place several traces in one file. Default 1. */
  readonly pid?: number;
}

const MICROSECONDS_PER_SECOND = 1e6;

/** Slice label: kind, micro-batch and chunk, e.g. "F3.c1" or "F3.c0+B1.c1" for a pair. */
export function opLabel(op: TimedOp): string {
  const own = `${op.microBatch}.c${op.chunk}`;
  if (op.kind === 'FB' && op.backward) return `F${own}+B${op.backward.microBatch}.c${op.backward.chunk}`;
  return `${op.kind}${own}`;
}

function opEvent(op: TimedOp, pid: number): TraceEvent {
  const args: Record<string, string | number> = { microBatch: op.microBatch, chunk: op.chunk, stage: op.stage };
  if (op.backward) {
    args.backwardMicroBatch = op.backward.microBatch;
    args.backwardChunk = op.backward.chunk;
    args.backwardStage = op.backward.stage;
  }
  return {
    name: opLabel(op),
    ph: 'X',
    ts: op.startSeconds * MICROSECONDS_PER_SECOND,
    dur: (op.endSeconds - op.startSeconds) * MICROSECONDS_PER_SECOND,
    pid,
    tid: op.rank,
    cat: op.kind,
    args,
  };
}

/** The trace of a simulation run with `recordOps` (the default). */
export function createChromeTrace(simulation: ScheduleSimulation, options: TraceOptions = {}): ChromeTrace {
  const pid = options.pid ?? 1;
  const names: TraceEvent[] = [
    { name: 'process_name', ph: 'M', ts: 0, pid, tid: 0, args: { name: options.title ?? 'pipeline' } },
    ...simulation.perStage.map((stage): TraceEvent => ({ name: 'thread_name', ph: 'M', ts: 0, pid, tid: stage.rank, args: { name: `rank ${stage.rank}` } })),
  ];
  return { traceEvents: [...names, ...simulation.ops.map((op) => opEvent(op, pid))], displayTimeUnit: 'ms' };
}
