/**
 * Hostile and odd input through the CLI in-process: every refusal is exit 2 with one `error:` line
 * naming a field, never a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured, type CapturedRun } from '../../src/cli/run-cli.js';

const DIR = mkdtempSync(join(tmpdir(), 'scaleplan-hardening-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

let files = 0;
function file(text: string, ext = 'yaml'): string {
  files += 1;
  const path = join(DIR, `case-${files}.${ext}`);
  writeFileSync(path, text);
  return path;
}

function expectOneErrorLine(r: CapturedRun, field: RegExp): string {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toMatch(field);
  return lines[0] ?? '';
}

const ALIAS_BOMB = ['a0: &a0 [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array.from({ length: 9 }, () => `*a${i}`).join(', ')}]`)].join('\n');

describe('hostile documents', () => {
  it('check on a YAML alias bomb: exit 2, one line', async () => {
    expectOneErrorLine(await runCliCaptured(['check', file(ALIAS_BOMB)]), /^error: scenario = /);
  });
  it('check on JSON nested 5,000 deep: exit 2, one line', async () => {
    expectOneErrorLine(await runCliCaptured(['check', file(`${'['.repeat(5000)}${']'.repeat(5000)}`, 'json')]), /levels deep/);
  });
  it('a 1 MB model id is echoed cut to about 120 characters with an ellipsis', async () => {
    const text = `model: ${'x'.repeat(1_000_000)}\ncluster: { accelerator: h100-sxm, gpus: 8 }\ntraining: { seqLen: 4096, globalBatch: 8, totalTokens: 1T }\n`;
    const line = expectOneErrorLine(await runCliCaptured(['check', file(text)]), /^error: model = "x+…"/);
    const quoted = /"x+…"/.exec(line)?.[0] ?? '';
    expect(quoted.length).toBeGreaterThan(100);
    expect(quoted.length).toBeLessThanOrEqual(120);
  });
  it('a YAML syntax error on line 3 says line 3 and quotes it', async () => {
    const line = expectOneErrorLine(await runCliCaptured(['check', file('model: llama3-8b\ncluster:\n\taccelerator: h100\n')]), /line 3/);
    expect(line).toContain('"accelerator: h100"');
  });
});

describe('GB200 NVL72 (72-GPU domains) with groups that do not divide the domain', () => {
  it('estimate Llama 3 8B on 1,152 GB200 with zero 3, fsdpShardSize 128 answers (exit 0)', async () => {
    const text = 'model: llama3-8b\ncluster: { accelerator: gb200, gpus: 1152 }\ntraining: { seqLen: 8192, globalBatch: 1152, totalTokens: 1T }\nlayout: { tp: 1, pp: 1, zero: 3, fsdpShardSize: 128 }\n';
    const r = await runCliCaptured(['estimate', file(text), '--json']);
    expect(r.status, r.stderr).toBe(0);
  });
});
