/**
 * Smoke tests of the real binary (the bundle `scaleplan` installs as): exit codes and streams of a
 * child process. Everything else about the CLI is tested in-process (`cli.test.ts`).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runNode } from '../run-node.js';

const BIN = join(ROOT, 'dist', 'cli', 'main.js');
const GPT3 = join(ROOT, 'examples', 'gpt3-175b-a100.yaml');

describe('the scaleplan binary', () => {
  it('--help prints the command list on stdout and exits 0', async () => {
    const r = await runNode([BIN, '--help']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Usage: scaleplan /);
    expect(r.stdout).toMatch(/^ {2}plan \[options\] <scenario> /m);
    expect(r.stderr).toBe('');
  });

  it('bad input exits 2 with one error line on stderr, no stack trace, nothing on stdout', async () => {
    const r = await runNode([BIN, 'check', join(ROOT, 'no-such-scenario.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: scenario = ".*no-such-scenario\.yaml": cannot read file \(ENOENT\)\n$/);
  });

  it('--json output arrives whole on stdout (the process drains it before exiting)', async () => {
    const r = await runNode([BIN, 'gpus', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).accelerators.length).toBeGreaterThan(5);
  });

  it('plan off a terminal runs without a worker or progress bar: results on stdout, stderr empty', async () => {
    const r = await runNode([BIN, 'plan', GPT3, '--search', 'tp', '--top', '1']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Top 1 layouts by time/);
    expect(r.stderr).toBe('');
  });
});
