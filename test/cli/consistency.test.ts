/** Commands agree with each other and say what they assume (in-process). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/run-cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'scaleplan-consistency-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const DEEPSEEK = 'examples/deepseek-v3-h800.yaml';
const LLAMA405 = 'examples/llama3-405b-h100.yaml';

let files = 0;
function file(text: string): string {
  files += 1;
  const path = join(DIR, `case-${files}.yaml`);
  writeFileSync(path, text);
  return path;
}

// The first estimate of a process fills the step model's caches: paid once here, not by one test.
beforeAll(async () => {
  await runCliCaptured(['check', 'examples/mixtral-8x7b-h100.yaml']);
});

const small = (training: string, layout = '{ tp: 8 }', accelerator = 'h100-sxm') =>
  file(`model: llama3-8b\ncluster: { accelerator: ${accelerator}, gpus: 64 }\ntraining: ${training}\nlayout: ${layout}\n`);

describe('check refuses what estimate refuses', () => {
  it.each([
    ['FP8 on A100', small('{ seqLen: 4096, globalBatch: 64, totalTokens: 1T, precision: fp8 }', '{ tp: 8 }', 'a100-80gb'), /training\.precision/],
    ['MXFP8 on H100', small('{ seqLen: 4096, globalBatch: 64, totalTokens: 1T, precision: mxfp8 }'), /training\.precision/],
    ['a batch ramp that is not whole dp·microBatch steps', small('{ seqLen: 4096, globalBatch: 64, totalTokens: 1T, batchRamp: { startGlobalBatch: 3, rampTokens: 1B } }'), /layout\.microBatch/],
  ])('%s: check and estimate both exit 2 naming the same field', async (_name, path, field) => {
    const checked = await runCliCaptured(['check', path]);
    const estimated = await runCliCaptured(['estimate', path]);
    expect(checked.status).toBe(2);
    expect(estimated.status).toBe(2);
    expect(checked.stderr).toMatch(field);
    expect(estimated.stderr).toBe(checked.stderr);
  });
  it('seqLen "8k" is 8192 tokens', async () => {
    const r = await runCliCaptured(['check', small('{ seqLen: 8k, globalBatch: 64, totalTokens: 1T }'), '--json']);
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('memory says what it hides and what it assumes', () => {
  it('a 16-stage pipeline shows 4 stages and says 12 are hidden; --all-stages shows all 16', async () => {
    const short = await runCliCaptured(['memory', DEEPSEEK]);
    expect(short.stdout).toContain('12 middle stages not shown (--all-stages shows every stage)');
    const all = await runCliCaptured(['memory', DEEPSEEK, '--all-stages']);
    expect(all.stdout).toContain('stage 7');
    expect(all.stdout).not.toContain('not shown');
  });
  it('prints the one fit policy', async () => {
    expect((await runCliCaptured(['memory', DEEPSEEK])).stdout).toMatch(/^fits = peak ≤ HBM/m);
  });
  it('ZeRO-3 with a pipeline is said to be priced as ZeRO-1, in memory and in estimate', async () => {
    for (const command of ['memory', 'estimate']) {
      const r = await runCliCaptured([command, LLAMA405]);
      expect(r.stdout).toMatch(/ZeRO-3 with pipeline parallelism is priced as ZeRO-1/);
    }
  });
});

describe('a layout that does not fit carries a banner above its cost', () => {
  it.each(['estimate', 'report'])('%s: the banner comes before the step time and the whole run', async (command) => {
    const r = await runCliCaptured([command, LLAMA405]);
    expect(r.status, r.stderr).toBe(0);
    const banner = r.stdout.indexOf('!! DOES NOT FIT');
    expect(banner).toBeGreaterThan(-1);
    expect(banner).toBeLessThan(r.stdout.indexOf('Step time'));
    expect(banner).toBeLessThan(r.stdout.indexOf('Whole run'));
  });
  it('a layout that fits has no banner', async () => {
    expect((await runCliCaptured(['estimate', DEEPSEEK])).stdout).not.toContain('!! DOES NOT FIT');
  });
});

describe('compare tp-pp memory rows', () => {
  it('weights, gradients, optimizer, activations and buffers sum to the peak, in GiB', async () => {
    const r = await runCliCaptured(['compare', 'tp-pp', DEEPSEEK, '--json']);
    expect(r.status, r.stderr).toBe(0);
    for (const s of JSON.parse(r.stdout).strategies.filter((x: { valid: boolean }) => x.valid)) {
      const m = s.memory;
      expect(m.weightsBytes + m.gradsBytes + m.optimizerBytes + m.activationsBytes + m.buffersBytes).toBeCloseTo(m.peakBytesPerGpu, -3);
    }
    const text = await runCliCaptured(['compare', 'tp-pp', DEEPSEEK]);
    expect(text.stdout).toContain('weights / gradients / optimizer');
    expect(text.stdout).toMatch(/GiB of/);
  });
  it('bottlenecks print memory in GiB too', async () => {
    const r = await runCliCaptured(['bottlenecks', DEEPSEEK]);
    expect(r.stdout).toMatch(/peak per GPU [\d.]+ GiB/);
    expect(r.stdout).not.toMatch(/GB per GPU/);
  });
});

describe('plan --timeout and --progress', () => {
  it('--timeout stops the search and prints the best so far', async () => {
    const r = await runCliCaptured(['plan', 'examples/gpt3-175b-a100.yaml', '--timeout', '0.05', '--top', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('stopped early');
  });
  it('--progress off a terminal writes progress lines to stderr', async () => {
    const r = await runCliCaptured(['plan', 'examples/gpt3-175b-a100.yaml', '--search', 'microBatch', '--progress']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^planning: [\d,]+ of [\d,]+ layouts \(\d+%\), [\d.]+ s$/m);
  });
  it('--timeout must be a positive number of seconds', async () => {
    const r = await runCliCaptured(['plan', 'examples/gpt3-175b-a100.yaml', '--timeout', '-1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --timeout = "-1"/);
  });
});

describe('--what-if gpus', () => {
  it('gpus=2x re-derives dp (the micro-batches follow) and says so', async () => {
    const r = await runCliCaptured(['bottlenecks', 'examples/gpt3-175b-a100.yaml', '--what-if', 'gpus=2x']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/layout: dp \d+ → \d+ \(data parallelism absorbs the GPU change\)/);
  });
  it('a GPU count the layout cannot take is explained on one line naming --what-if', async () => {
    const r = await runCliCaptured(['bottlenecks', 'examples/gpt3-175b-a100.yaml', '--what-if', 'gpus=3']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: --what-if = "gpus=3": 3 GPUs are not divisible by tp·cp·pp/);
  });
});
