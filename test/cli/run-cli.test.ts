/** The CLI's entry function in-process: the same function the binary calls, streams captured. */
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/run-cli.js';

const DEEPSEEK = 'examples/deepseek-v3-h800.yaml';

describe('runCli in-process', () => {
  it('--help prints the command list on stdout and exits 0', async () => {
    const r = await runCliCaptured(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/estimate/);
    expect(r.stderr).toBe('');
  });

  it('check <scenario> --json prints ok and exits 0', async () => {
    const r = await runCliCaptured(['check', DEEPSEEK, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).ok).toBe(true);
  });

  it('an unreadable scenario is bad input: exit 2, one error line naming the field, nothing on stdout', async () => {
    const r = await runCliCaptured(['check', 'no/such/file.yaml']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: scenario/);
  });

  it('an unknown option is a usage error: exit 2', async () => {
    const r = await runCliCaptured(['check', DEEPSEEK, '--no-such-flag']);
    expect(r.status).toBe(2);
  });
});
