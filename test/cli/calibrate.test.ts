/** `scaleplan calibrate` and `--profile`, in-process through the binary's entry function. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/run-cli.js';

const FIX = resolve('test/fixtures');
const RUNS = join(FIX, 'calibrate', 'torchtitan-runs.json');
const TABLE = join(FIX, 'calibrate', 'h100-table.csv');
const LOG = `${join(FIX, 'logs', 'torchtitan.log')}=${join(FIX, 'logs', 'llama3-8b-h100.yaml')}`;
const SCENARIO = join(FIX, 'logs', 'llama3-8b-h100.yaml');
const dir = mkdtempSync(join(tmpdir(), 'scaleplan-calibrate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('scaleplan calibrate', () => {
  const out = join(dir, 'cluster.yaml');
  const ran = runCliCaptured(['calibrate', RUNS, TABLE, LOG, '--out', out, '--name', 'my-cluster']);

  it('reads run records, a CSV table and a training log with its scenario, fits and writes the profile', async () => {
    const r = await ran;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Fitted on 10 runs/);
    expect(r.stdout).toMatch(/leave-one-out mean \|error\|: \d+\.\d%/);
    expect(r.stdout).toMatch(/error before.*error after/s);
    expect(readFileSync(out, 'utf8')).toMatch(/^scaleplanProfile: 1\nname: my-cluster\n/);
  });

  it('a profile round-trips: estimate --profile names it and prices with it', async () => {
    await ran;
    const plain = JSON.parse((await runCliCaptured(['estimate', SCENARIO, '--json'])).stdout);
    const r = await runCliCaptured(['estimate', SCENARIO, '--json', '--profile', out]);
    expect(r.status, r.stderr).toBe(0);
    const withProfile = JSON.parse(r.stdout);
    expect(withProfile.calibration).toEqual({ name: 'my-cluster', file: out });
    expect(withProfile.throughput.tokensPerSecondPerGpu).not.toBeCloseTo(plain.throughput.tokensPerSecondPerGpu, 0);
    const text = await runCliCaptured(['estimate', SCENARIO, '--profile', out]);
    expect(text.stdout.split('\n')[0]).toBe(`calibration profile "my-cluster" in force (${out})`);
  });

  it('a scenario names its profile with calibration: (relative to the scenario file)', async () => {
    await ran;
    const scenario = join(dir, 'with-profile.yaml');
    writeFileSync(scenario, `${readFileSync(SCENARIO, 'utf8')}calibration: cluster.yaml\n`);
    const viaScenario = JSON.parse((await runCliCaptured(['estimate', scenario, '--json'])).stdout);
    const viaFlag = JSON.parse((await runCliCaptured(['estimate', SCENARIO, '--json', '--profile', out])).stdout);
    expect(viaScenario.calibration.name).toBe('my-cluster');
    expect(viaScenario.throughput).toEqual(viaFlag.throughput);
  });

  it('validate --profile --json reports summary.meanAbsPctError with the profile applied', async () => {
    await ran;
    const before = JSON.parse((await runCliCaptured(['validate', RUNS, '--json'])).stdout);
    const after = JSON.parse((await runCliCaptured(['validate', RUNS, '--json', '--profile', out])).stdout);
    expect(after.calibration.name).toBe('my-cluster');
    expect(after.summary.meanAbsPctError).not.toBe(before.summary.meanAbsPctError);
  });

  it('plan, bottlenecks, datacenter, compare, memory and report take --profile', async () => {
    await ran;
    for (const cmd of [['plan', '--top', '1'], ['bottlenecks'], ['datacenter'], ['compare', 'tp-pp'], ['memory'], ['report']]) {
      const [name, ...rest] = cmd;
      const args = name === 'compare' ? ['compare', 'tp-pp', SCENARIO] : [name ?? '', SCENARIO, ...rest];
      const r = await runCliCaptured([...args, '--profile', out]);
      expect(r.status, `${cmd.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, cmd.join(' ')).toMatch(/calibration profile "my-cluster" in force/);
    }
  });
});

describe('scaleplan calibrate: bad input', () => {
  it('a malformed CSV is one error line with the line number, and nothing is written', async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'id,model,tokensPerSecPerGpu\na,llama3-8b,100\nb,"llama3-8b,200\n');
    const out = join(dir, 'never.yaml');
    const r = await runCliCaptured(['calibrate', csv, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: bad\.csv line \d+/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('a log without its scenario is refused, naming what is missing', async () => {
    const r = await runCliCaptured(['calibrate', join(FIX, 'logs', 'torchtitan.log'), '--out', join(dir, 'x.yaml')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: log = .*needs the scenario that produced it/);
  });

  it('runs that cannot be modelled are listed with their reason; with none usable, nothing is written', async () => {
    const csv = join(dir, 'unmodellable.csv');
    writeFileSync(csv, 'id,model,accelerator,gpus,seqLen,globalBatch,tp,tokensPerSecPerGpu\nodd-tp,llama3-8b,h100-sxm,8,8192,32,3,5000\n');
    const out = join(dir, 'none.yaml');
    const r = await runCliCaptured(['calibrate', csv, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no run can inform the fit .*odd-tp: .*tp/);
    expect(existsSync(out)).toBe(false);
  });
});
