/**
 * Training log text → steady-state measurement. Three formats, told apart by their iteration lines:
 *
 * - **Megatron-LM / Megatron-Core** (`megatron/training/training.py`, `training_log`):
 *   ` [2024-06-12 10:11:12] iteration      100/   10000 | consumed samples: … | elapsed time per
 *   iteration (ms): 4567.8 | throughput per GPU (TFLOP/s/GPU): 412.3 | … | global batch size: 512 | …`
 *   (2021–22 releases print `TFLOPs: 150.3` instead of the throughput field), and `report_memory`:
 *   `[Rank 0] (after 100 iterations) memory (MB) | allocated: … | max allocated: … | reserved: … |
 *   max reserved: …`, in MiB (the code divides by 1024·1024).
 * - **NeMo** (Lightning progress / Megatron strategy logs): `… global_step=99.0, …,
 *   train_step_timing in s=2.99]` or `… | global_batch_size: 512 | … | train_step_timing in s: 2.99`.
 * - **torchtitan** (`torchtitan/train.py`, metrics logger): `step: 100  loss:  5.4321  memory:
 *   61.23GiB(77.40%)  tps: 3,456  tflops: 320.12  mfu: 32.37%`, possibly ANSI-coloured; `memory` is
 *   the device's max reserved memory and `tps` is tokens per second per device.
 *
 * Pure: text in, figures out. @throws InputError (field `log`, with the line number) on a line that
 * looks like an iteration line but carries an unreadable figure, and when no iteration line is found.
 */
import { InputError } from '../errors.js';
import { numberAfter, stripAnsi } from './log-fields.js';
import { steadyMedian } from './steady-state.js';
import type { LogFormat, LogMeasurement, MemoryStatistic } from './types.js';

const MIB_PER_GIB = 1024;
const MS_PER_S = 1000;
const PERCENT = 100;

interface Series {
  stepTimeS: number[];
  tokensPerSecPerGpu: number[];
  tflopsPerGpu: number[];
  mfu: number[];
  peakMemGiB: number[];
  globalBatch: number[];
  memoryStatistic?: MemoryStatistic;
}

const MEGATRON_ITERATION = /\biteration\s+\d+\s*\/\s*\d+\s*\|/;
const MEGATRON_MEMORY = /memory \(MB\)\s*\|/;
const NEMO_TIMING = /train_step_timing in s\s*[:=]/;
const TITAN_STEP = /\bstep:\s*\d+\b.*\b(tps|tflops|mfu|memory):/;

/** A figure the line must carry, read or refused with the line number. */
function required(line: string, lineNo: number, label: string): number {
  const value = numberAfter(line, label);
  if (value === undefined || !(value >= 0)) {
    throw new InputError(`log line ${lineNo}`, line.trim(), `"${label}" is not a readable number`);
  }
  return value;
}

function pushOptional(series: number[], line: string, label: string, scale = 1): void {
  const value = numberAfter(line, label);
  if (value !== undefined && value >= 0) series.push(value * scale);
}

function readMegatron(line: string, lineNo: number, s: Series): boolean {
  if (MEGATRON_MEMORY.test(line)) {
    const maxReserved = numberAfter(line, 'max reserved');
    const maxAllocated = numberAfter(line, 'max allocated');
    const mib = maxReserved ?? maxAllocated;
    if (mib === undefined) throw new InputError(`log line ${lineNo}`, line.trim(), 'memory line without "max allocated" or "max reserved"');
    s.peakMemGiB.push(mib / MIB_PER_GIB);
    s.memoryStatistic = maxReserved === undefined ? 'max-allocated' : 'max-reserved';
    return false;
  }
  if (!MEGATRON_ITERATION.test(line)) return false;
  s.stepTimeS.push(required(line, lineNo, 'elapsed time per iteration (ms)') / MS_PER_S);
  pushOptional(s.tflopsPerGpu, line, 'throughput per GPU (TFLOP/s/GPU)');
  if (numberAfter(line, 'throughput per GPU (TFLOP/s/GPU)') === undefined) pushOptional(s.tflopsPerGpu, line, 'TFLOPs');
  pushOptional(s.globalBatch, line, 'global batch size');
  return true;
}

function readNemo(line: string, lineNo: number, s: Series): boolean {
  if (!NEMO_TIMING.test(line)) return false;
  s.stepTimeS.push(required(line, lineNo, 'train_step_timing in s'));
  pushOptional(s.globalBatch, line, 'global_batch_size');
  return true;
}

function readTitan(line: string, lineNo: number, s: Series): boolean {
  if (!TITAN_STEP.test(line)) return false;
  pushOptional(s.tokensPerSecPerGpu, line, 'tps');
  pushOptional(s.tflopsPerGpu, line, 'tflops');
  pushOptional(s.mfu, line, 'mfu', 1 / PERCENT);
  if (/\bmemory:/.test(line)) {
    s.peakMemGiB.push(required(line, lineNo, 'memory'));
    s.memoryStatistic = 'max-reserved';
  }
  return true;
}

const READERS: readonly { readonly format: LogFormat; readonly read: typeof readMegatron }[] = [
  { format: 'megatron', read: readMegatron },
  { format: 'nemo', read: readNemo },
  { format: 'torchtitan', read: readTitan },
];

function emptySeries(): Series {
  return { stepTimeS: [], tokensPerSecPerGpu: [], tflopsPerGpu: [], mfu: [], peakMemGiB: [], globalBatch: [] };
}

/** Parses a Megatron-LM/Megatron-Core, NeMo or torchtitan training log (format detected per line). */
export function parseTrainingLog(text: string): LogMeasurement {
  const series = emptySeries();
  const counts = new Map<LogFormat, number>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = stripAnsi(raw);
    for (const { format, read } of READERS) {
      if (read(line, index + 1, series)) {
        counts.set(format, (counts.get(format) ?? 0) + 1);
        break;
      }
    }
  });
  const [format, iterationLines] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (format === undefined || iterationLines === undefined) {
    throw new InputError('log', `${lines.length} lines`, 'no Megatron, NeMo or torchtitan iteration line found');
  }
  const stepTimeS = steadyMedian(series.stepTimeS);
  const tokensPerSecPerGpu = steadyMedian(series.tokensPerSecPerGpu);
  const tflopsPerGpu = steadyMedian(series.tflopsPerGpu);
  const mfu = steadyMedian(series.mfu);
  const peakMemGiB = series.peakMemGiB.length > 0 ? Math.max(...series.peakMemGiB) : undefined;
  const globalBatch = series.globalBatch.at(-1);
  return {
    format,
    iterationLines,
    ...(stepTimeS === undefined ? {} : { stepTimeS }),
    ...(tokensPerSecPerGpu === undefined ? {} : { tokensPerSecPerGpu }),
    ...(tflopsPerGpu === undefined ? {} : { tflopsPerGpu }),
    ...(mfu === undefined ? {} : { mfu }),
    ...(peakMemGiB === undefined ? {} : { peakMemGiB, memoryStatistic: series.memoryStatistic ?? 'max-reserved' }),
    ...(globalBatch === undefined ? {} : { globalBatch }),
  };
}
