/**
 * Min-heap of simulator events ordered by (time, insertion order), kept in flat typed arrays so
 * a run allocates no object per queued event. The insertion counter makes ties deterministic.
 * One queue per simulation run; nothing is shared between runs.
 */

/** The simulator's events: a rank starts an op (its inputs have arrived), or an op finished. */
export type SimEvent =
  | { readonly kind: 'op-start'; readonly time: number; readonly op: number }
  | { readonly kind: 'op-end'; readonly time: number; readonly op: number };

const OP_START = 0;
const OP_END = 1;

export class EventQueue {
  private time: Float64Array;
  private seq: Float64Array;
  /** (op << 1) | kind code. */
  private payload: Int32Array;
  private count = 0;
  private counter = 0;

  constructor(initialCapacity = 64) {
    const capacity = Math.max(4, initialCapacity);
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.payload = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(event: SimEvent): void {
    if (this.count === this.time.length) this.grow();
    const t = event.time;
    const s = this.counter;
    const p = (event.op << 1) | (event.kind === 'op-end' ? OP_END : OP_START);
    const { time, seq, payload } = this;
    let i = this.count;
    this.count += 1;
    this.counter += 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const tp = time[parent] ?? 0;
      if (tp < t || (tp === t && (seq[parent] ?? 0) < s)) break;
      time[i] = tp;
      seq[i] = seq[parent] ?? 0;
      payload[i] = payload[parent] ?? 0;
      i = parent;
    }
    time[i] = t;
    seq[i] = s;
    payload[i] = p;
  }

  pop(): SimEvent | undefined {
    if (this.count === 0) return undefined;
    const { time, seq, payload } = this;
    const topTime = time[0] ?? 0;
    const top = payload[0] ?? 0;
    this.count -= 1;
    const n = this.count;
    const t = time[n] ?? 0;
    const s = seq[n] ?? 0;
    const p = payload[n] ?? 0;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n) {
        const tr = time[right] ?? 0;
        const tc = time[child] ?? 0;
        if (tr < tc || (tr === tc && (seq[right] ?? 0) < (seq[child] ?? 0))) child = right;
      }
      const tc = time[child] ?? 0;
      if (tc > t || (tc === t && (seq[child] ?? 0) > s)) break;
      time[i] = tc;
      seq[i] = seq[child] ?? 0;
      payload[i] = payload[child] ?? 0;
      i = child;
    }
    time[i] = t;
    seq[i] = s;
    payload[i] = p;
    const op = top >> 1;
    return (top & 1) === OP_END ? { kind: 'op-end', time: topTime, op } : { kind: 'op-start', time: topTime, op };
  }

  private grow(): void {
    const capacity = this.time.length * 2;
    const time = new Float64Array(capacity);
    const seq = new Float64Array(capacity);
    const payload = new Int32Array(capacity);
    time.set(this.time);
    seq.set(this.seq);
    payload.set(this.payload);
    this.time = time;
    this.seq = seq;
    this.payload = payload;
  }
}

export function createEventQueue(initialCapacity = 64): EventQueue {
  return new EventQueue(initialCapacity);
}
