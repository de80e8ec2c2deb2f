import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseTrainingLog } from './parse-training-log.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/logs/${name}`, import.meta.url), 'utf8');

describe('parseTrainingLog', () => {
  it('Megatron-Core: step time is the median of the iteration lines after the first, in seconds', () => {
    const m = parseTrainingLog(fixture('megatron-core.log'));
    expect(m.format).toBe('megatron');
    expect(m.iterationLines).toBe(4);
    expect(m.stepTimeS).toBeCloseTo(6.0123, 6); // median of 6012.3, 6001.0, 6020.7 ms
    expect(m.tflopsPerGpu).toBeCloseTo(494.7, 6);
    expect(m.globalBatch).toBe(512);
  });

  it('Megatron report_memory: max reserved MiB / 1024 = GiB, and says which statistic', () => {
    const m = parseTrainingLog(fixture('megatron-core.log'));
    expect(m.peakMemGiB).toBeCloseTo(55316 / 1024, 6);
    expect(m.memoryStatistic).toBe('max-reserved');
  });

  it('Megatron-LM 2021: reads the older "TFLOPs:" field', () => {
    const m = parseTrainingLog(fixture('megatron-lm-2021.log'));
    expect(m.stepTimeS).toBeCloseTo((27610.9 + 27598.0) / 2 / 1000, 6);
    expect(m.tflopsPerGpu).toBeCloseTo((161.53 + 161.6) / 2, 6);
    expect(m.globalBatch).toBe(1536);
  });

  it('NeMo: train_step_timing in s, the first (start-up) step dropped', () => {
    const m = parseTrainingLog(fixture('nemo.log'));
    expect(m.format).toBe('nemo');
    expect(m.stepTimeS).toBeCloseTo(3.2, 6); // median of 3.21, 3.19, 3.20
  });

  it('torchtitan: tps with thousands separators, mfu in %, memory as max reserved GiB, through ANSI colours', () => {
    const m = parseTrainingLog(fixture('torchtitan.log'));
    expect(m.format).toBe('torchtitan');
    expect(m.iterationLines).toBe(4);
    expect(m.tokensPerSecPerGpu).toBe(6795); // median of 6789, 6801, 6795
    expect(m.mfu).toBeCloseTo(0.3979, 6);
    expect(m.peakMemGiB).toBeCloseTo(61.25, 6);
    expect(m.memoryStatistic).toBe('max-reserved');
  });

  it('a text without iteration lines is refused: field log, rule names the formats', () => {
    expect(() => parseTrainingLog('hello\nworld\n')).toThrow(InputError);
    expect(() => parseTrainingLog('hello\n')).toThrow(/no Megatron, NeMo or torchtitan iteration line/);
  });

  it('an iteration line with an unreadable step time is refused with its line number', () => {
    const text = 'ok\n iteration 10/ 100 | elapsed time per iteration (ms): nan | global batch size: 8 |\n';
    expect(() => parseTrainingLog(text)).toThrow(/^log line 2 = .*elapsed time per iteration \(ms\)/);
  });
});
