/** A tiny benchmark harness: warm up, then time repeated calls and report per-call time and calls/s. */
import { performance } from 'node:perf_hooks';

export interface BenchResult {
  readonly name: string;
  readonly calls: number;
  readonly totalSeconds: number;
  readonly secondsPerCall: number;
  /** CPU time (user + sys) per call [s]: the measure on a shared machine, where wall time waits for the CPU. */
  readonly cpuSecondsPerCall: number;
  readonly callsPerSecond: number;
  /** Optional extra figures a case reports (e.g. layouts evaluated). */
  readonly extra: Record<string, number | string>;
}

export interface BenchCase {
  readonly name: string;
  /** Target, printed beside the measurement (e.g. "< 5 ms"). */
  readonly target?: string;
  readonly targetSeconds?: number;
  /** One call of the measured work; may return extra figures. */
  readonly run: () => Record<string, number | string> | void;
  /** Minimum wall time to spend measuring [s]. */
  readonly minSeconds?: number;
  readonly maxCalls?: number;
}

export function runBench(c: BenchCase): BenchResult {
  let extra: Record<string, number | string> = {};
  for (let i = 0; i < 3 && i < (c.maxCalls ?? Infinity); i++) c.run();
  const minSeconds = c.minSeconds ?? 1;
  const maxCalls = c.maxCalls ?? 1_000_000;
  let calls = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (calls < maxCalls && (elapsed < minSeconds * 1000 || calls < 1)) {
    extra = c.run() ?? extra;
    calls++;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  const totalSeconds = elapsed / 1000;
  const cpuSecondsPerCall = (cpu.user + cpu.system) / 1e6 / calls;
  return { name: c.name, calls, totalSeconds, secondsPerCall: totalSeconds / calls, cpuSecondsPerCall, callsPerSecond: calls / totalSeconds, extra };
}
