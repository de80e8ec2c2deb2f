/**
 * The CLI's behaviour, in-process: `runCliCaptured` calls the same entry function as the binary
 * (arguments in; stdout, stderr and exit code out). The real binary is covered by `smoke.test.ts`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured, type CapturedRun } from '../../src/cli/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const DEEPSEEK = join(EXAMPLES, 'deepseek-v3-h800.yaml');
const GPT3 = join(EXAMPLES, 'gpt3-175b-a100.yaml');

type Result = CapturedRun;

function cli(args: readonly string[]): Promise<Result> {
  return runCliCaptured(args);
}

/** Runs with --json, expects exit 0, returns the parsed output (untyped: the tests read it as a user would). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function cliJson(args: readonly string[]): Promise<any> {
  const r = await cli([...args, '--json']);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const STACK_FRAME = /^\s+at\s/m;

/** The error contract: exit 2, one `error:` line naming the field on stderr, no stack, nothing on stdout. */
function expectInputError(r: Result, field: string, also?: RegExp): void {
  expect(r.status, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l.trim().length > 0);
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(lines[0]).toContain(field);
  if (also !== undefined) expect(lines[0]).toMatch(also);
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stdout).toBe('');
}

/** A DeepSeek-V3 scenario (the example's numbers) with some fields replaced. */
function deepseekYaml(o: { model?: string; gpus?: number; seqLen?: number; pp?: number; ep?: number; dp?: number | 'auto' } = {}): string {
  return [
    'name: test scenario',
    `model: ${o.model ?? 'deepseek-v3'}`,
    `cluster: { accelerator: h800, gpus: ${o.gpus ?? 2048} }`,
    `training: { seqLen: ${o.seqLen ?? 4096}, globalBatch: 15360, totalTokens: 14.8T, precision: fp8-block }`,
    `layout: { tp: 1, pp: ${o.pp ?? 16}, ep: ${o.ep ?? 64}, dp: ${o.dp ?? 'auto'}, zero: 1, microBatch: 1, schedule: dualpipe, recompute: selective }`,
    '',
  ].join('\n');
}

let tmp = '';
const bad: Record<string, string> = {};

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'scaleplan-cli-'));
  const files: Record<string, string> = {
    base: deepseekYaml(),
    malformed: 'name: broken\nmodel: [unclosed\n  cluster: : :\n',
    unknownModel: deepseekYaml({ model: 'deepseek-v4' }),
    product: deepseekYaml({ dp: 64 }),
    tpHeads: 'name: tp 3\nmodel: llama3-8b\ncluster: { accelerator: h100-sxm, gpus: 48 }\ntraining: { seqLen: 8192, globalBatch: 96, totalTokens: 1T, precision: bf16 }\nlayout: { tp: 3, pp: 1, dp: auto, microBatch: 1 }\n',
    epExperts: deepseekYaml({ ep: 48 }),
    dualPipeOdd: deepseekYaml({ gpus: 1920, pp: 15 }),
    negativeGpus: deepseekYaml({ gpus: -8 }),
    negativeSeqLen: deepseekYaml({ seqLen: -4096 }),
  };
  for (const [name, text] of Object.entries(files)) {
    bad[name] = join(tmp, `${name}.yaml`);
    writeFileSync(bad[name], text);
  }
});

afterAll(() => {
  if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
});

/** Command names of a help screen's "Commands:" section (without `help`). */
function listedCommands(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return section.split('\n').map((l) => /^ {2}(\S+)/.exec(l)?.[1]).filter((n): n is string => n !== undefined && n !== 'help');
}

describe('--help', () => {
  it('scaleplan --help lists every command and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.status).toBe(0);
    const names = listedCommands(r.stdout);
    for (const n of ['models', 'gpus', 'inspect', 'check', 'memory', 'estimate', 'datacenter', 'validate', 'bottlenecks', 'compare']) expect(names).toContain(n);
  });

  it('every command and subcommand --help exits 0 with its usage', async () => {
    const commands = listedCommands((await cli(['--help'])).stdout);
    for (const name of commands) {
      const r = await cli([name, '--help']);
      expect(r.status, `${name} --help: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`Usage: scaleplan ${name}`);
      for (const sub of listedCommands(r.stdout)) {
        const s = await cli([name, sub, '--help']);
        expect(s.status, `${name} ${sub} --help: ${s.stderr}`).toBe(0);
        expect(s.stdout).toContain(`Usage: scaleplan ${name} ${sub}`);
      }
    }
    expect(listedCommands((await cli(['compare', '--help'])).stdout)).toEqual(['tp-pp', 'dp-ep']);
  });
});

describe('catalog commands', () => {
  it('models --json lists models with a parameter count', async () => {
    const j = await cliJson(['models']);
    expect(j.models.length).toBeGreaterThan(5);
    for (const m of j.models) expect(m.paramsTotal).toBeGreaterThan(0);
    expect(j.models.map((m: { id: string }) => m.id)).toContain('deepseek-v3');
  });

  it('inspect deepseek-v3 --json counts 671B total and 37B active parameters', async () => {
    const j = await cliJson(['inspect', 'deepseek-v3']);
    expect(Number.isInteger(j.params.total)).toBe(true);
    expect(Number.isInteger(j.params.active)).toBe(true);
    expect(j.params.total / 1e9).toBeCloseTo(671, -1);
    expect(j.params.active / 1e9).toBeCloseTo(37, -1);
  });
});

describe('scenario commands on the examples', () => {
  it('check exits 0 on every file in examples/', async () => {
    const files = readdirSync(EXAMPLES).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const r = await cli(['check', join(EXAMPLES, f)]);
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
    }
  });

  it('memory --json: stages[].totalBytes, peakBytesPerGpu, fits on DeepSeek-V3', async () => {
    const j = await cliJson(['memory', DEEPSEEK]);
    expect(j.stages).toHaveLength(16);
    for (const s of j.stages) expect(s.totalBytes).toBeGreaterThan(0);
    expect(j.peakBytesPerGpu).toBe(Math.max(...j.stages.map((s: { totalBytes: number }) => s.totalBytes)));
    expect(j.fits).toBe(true);
  });

  it('estimate --json: step time, tokens/s per GPU, MFU, peak memory', async () => {
    const j = await cliJson(['estimate', DEEPSEEK]);
    expect(j.time.stepSeconds).toBeGreaterThan(0);
    expect(j.throughput.tokensPerSecondPerGpu).toBeGreaterThan(0);
    expect(j.throughput.mfu).toBeGreaterThan(0);
    expect(j.throughput.mfu).toBeLessThan(1);
    expect(j.memory.peakBytesPerGpu).toBeGreaterThan(0);
    // tokens/s per GPU · GPUs · step = tokens per step = globalBatch · seqLen.
    expect(j.throughput.tokensPerSecondPerGpu * 2048 * j.time.stepSeconds).toBeCloseTo(15360 * 4096, -3);
  });

  it('estimate --trace writes a Chrome trace', async () => {
    const out = join(tmp, 'trace-ok', 'trace.json');
    mkdirSync(dirname(out), { recursive: true });
    const r = await cli(['estimate', DEEPSEEK, '--trace', out]);
    expect(r.status, r.stderr).toBe(0);
    const trace = JSON.parse(readFileSync(out, 'utf8'));
    expect(Array.isArray(trace.traceEvents)).toBe(true);
    expect(trace.traceEvents.length).toBeGreaterThan(0);
    expect(readdirSync(dirname(out))).toEqual(['trace.json']);
  });

  /** Four published runs (the shipped file's per-run figures are checked by the golden validate test). */
  function fourRuns(): string {
    const runs = JSON.parse(readFileSync(join(ROOT, 'data', 'runs-dev.json'), 'utf8')).filter((r: { id: string }) => ['TORCHTUNE-001', 'TORCHTUNE-002', 'MSSWIFT-001', 'MSSWIFT-002'].includes(r.id));
    const file = join(tmp, 'four-runs.json');
    writeFileSync(file, JSON.stringify(runs));
    return file;
  }

  it('validate --json: summary and per-run predicted vs measured', async () => {
    const j = await cliJson(['validate', fourRuns()]);
    expect(j.summary.modeled).toBe(4);
    expect(j.summary.meanAbsPctError).toBeGreaterThanOrEqual(0);
    expect(j.runs.length).toBe(j.summary.modeled);
    for (const run of j.runs) {
      expect(typeof run.id).toBe('string');
      expect(run.predicted).toBeGreaterThan(0);
      expect(run.measured).toBeGreaterThan(0);
      expect(run.errorPct).toBeCloseTo(((run.predicted - run.measured) / run.measured) * 100, 6);
    }
  });

  it('validate --cross-validate family --json: each family predicted by a fit without it', async () => {
    const j = await cliJson(['validate', fourRuns(), '--cross-validate', 'family']);
    const cv = j.summary.crossValidation;
    expect(cv.modeled).toBe(4);
    expect(Object.keys(cv.byFamily).sort()).toEqual(['MSSWIFT', 'TORCHTUNE']);
    for (const k of ['meanAbsPctError', 'meanSignedPctError']) expect(typeof cv[k]).toBe('number');
    for (const k of ['byAccelerator', 'byPrecision', 'byArchitecture']) expect(cv).toHaveProperty(k);
    for (const run of j.runs) expect(run.crossValidated.errorPct).toBeCloseTo(((run.crossValidated.predicted - run.measured) / run.measured) * 100, 6);
  });

  it('validate --cross-validate with an unknown grouping is an input error', async () => {
    expectInputError(await cli(['validate', '--cross-validate', 'model']), '--cross-validate');
  });

  it('datacenter --json sizes the site', async () => {
    const j = await cliJson(['datacenter', DEEPSEEK]);
    for (const k of ['sizing', 'pue', 'capex', 'deployment']) expect(j).toHaveProperty(k);
  });
});

const DOMAINS = ['compute', 'memory', 'network', 'power', 'cooling', 'storage-reliability'];

describe('plan and report', () => {
  it('plan --json on a fully given example searches every field: best, top[], counts; the best is at least as fast as the published layout', async () => {
    const out = await cliJson(['plan', GPT3, '--top', '3']);
    expect(out.best.layout.tp * out.best.layout.pp * out.best.layout.cp * out.best.layout.dp).toBe(1024);
    expect(out.top.length).toBe(3);
    expect(out.counts.enumerated).toBeGreaterThan(1000);
    const vsScenario = out.explanation.vsScenario;
    expect(vsScenario.bestStepSeconds).toBeLessThanOrEqual(vsScenario.otherStepSeconds);
  });

  it('plan draws no progress bar when stderr is not a terminal', async () => {
    // A one-field search: whether the bar is drawn depends on the terminal, not on the search's size.
    const r = await cli(['plan', GPT3, '--search', 'microBatch', '--top', '1']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Top 1 layouts by time/);
  });

  it('plan: an empty search space is a diagnosis, not an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scaleplan-plan-'));
    const file = join(dir, 'tiny.yaml');
    writeFileSync(file, 'model: deepseek-v3\ncluster: { accelerator: h100-sxm, gpus: 8 }\ntraining: { seqLen: 4096, globalBatch: 64, totalTokens: 1T, precision: fp8 }\nlayout: { tp: auto, pp: auto, ep: auto }\n');
    const r = await cli(['plan', file]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/passes every constraint/);
    expect(r.stdout).toMatch(/memory/);
  });

  it('report prints every section and the campaign table beside the published figures', async () => {
    const r = await cli(['report', DEEPSEEK, '--phase', join(EXAMPLES, 'deepseek-v3-post-training.yaml')]);
    expect(r.status, r.stderr).toBe(0);
    for (const section of ['Memory per GPU', 'Step time', 'Whole run', 'Campaign', 'published (error)', 'Data center', 'Power and water usage effectiveness', 'Bottlenecks']) {
      expect(r.stdout).toContain(section);
    }
  });
});

describe('bottlenecks', () => {
  it('--json scores the six domains 0–100 with rule, evidence and remedies; worst is the maximum', async () => {
    const j = await cliJson(['bottlenecks', DEEPSEEK]);
    expect(j.domains.map((d: { domain: string }) => d.domain)).toEqual(DOMAINS);
    for (const d of j.domains) {
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
      expect(typeof d.rule).toBe('string');
      for (const e of Object.values<{ value: number; unit: string }>(d.evidence)) {
        expect(Number.isFinite(e.value)).toBe(true);
        expect(['bytes', 'bytes/s', 'watts', 'seconds', 'fraction', 'ratio', 'W/W', 'count', 'number']).toContain(e.unit);
      }
      expect(d.remedies.length).toBeGreaterThan(0);
    }
    const max = Math.max(...j.domains.map((d: { score: number }) => d.score));
    expect(j.domains.find((d: { domain: string }) => d.domain === j.worst).score).toBe(max);
    expect(j.stepSeconds).toBeGreaterThan(0);
  });

  it('prints the worst domain first, then a row with a bar for each domain', async () => {
    const j = await cliJson(['bottlenecks', DEEPSEEK]);
    const r = await cli(['bottlenecks', DEEPSEEK]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[1]).toMatch(new RegExp(`^worst: ${j.worst} `));
    for (const d of DOMAINS) expect(r.stdout).toMatch(new RegExp(`│ ${d}\\s+│\\s+\\d+ │ [█░]{10} │`));
  });

  it('--what-if re-runs and reports before, after and delta of every score and of step time', async () => {
    const j = await cliJson(['bottlenecks', DEEPSEEK, '--what-if', 'scaleUpBandwidth=2x,hbmBandwidth=1.5x,precision=fp8']);
    const w = j.whatIf;
    expect(w.spec).toBe('scaleUpBandwidth=2x,hbmBandwidth=1.5x,precision=fp8');
    expect(w.domains.map((d: { domain: string }) => d.domain)).toEqual(DOMAINS);
    for (const d of w.domains) expect(d.delta).toBeCloseTo(d.after - d.before, 9);
    expect(w.stepSeconds.delta).toBeCloseTo(w.stepSeconds.after - w.stepSeconds.before, 9);
    expect(w.stepSeconds.after).toBeLessThan(w.stepSeconds.before);
    const text = await cli(['bottlenecks', DEEPSEEK, '--what-if', 'scaleUpBandwidth=2x']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/What-if scaleUpBandwidth=2x/);
    expect(text.stdout).toMatch(/│ step time\s+│/);
    expect(text.stdout).toMatch(/│ MFU\s+│/);
  });

  it('a bad --what-if spec is bad input', async () => {
    expectInputError(await cli(['bottlenecks', DEEPSEEK, '--what-if', 'nvlink=2x']), '--what-if', /unknown key/);
    expectInputError(await cli(['bottlenecks', DEEPSEEK, '--what-if', 'hbmBandwidth=-2x']), '--what-if');
  });
});

describe('compare', () => {
  it('tp-pp --json: tensor, pipeline and scenario strategies with traffic, bubble, memory, step time', async () => {
    const j = await cliJson(['compare', 'tp-pp', DEEPSEEK]);
    expect(j.strategies.map((s: { id: string }) => s.id)).toEqual(['tensor', 'pipeline', 'scenario']);
    expect(j.factor).toBe(16);
    const [tensor, pipeline] = j.strategies;
    expect(tensor.valid && pipeline.valid).toBe(true);
    expect(tensor.traffic.map((t: { kind: string }) => t.kind)).toEqual(['tp']);
    expect(pipeline.traffic.map((t: { kind: string }) => t.kind)).toEqual(['pp']);
    // TP: collectives every layer; PP: point-to-point at stage boundaries — far fewer, smaller transfers.
    expect(tensor.traffic[0].bytesPerGpuPerStep).toBeGreaterThan(pipeline.traffic[0].bytesPerGpuPerStep);
    expect(pipeline.bubbleSeconds).toBeGreaterThan(0);
    expect(tensor.bubbleSeconds).toBe(0);
    for (const s of [tensor, pipeline]) {
      const t = s.traffic[0];
      expect(t.hideBandwidthBytesPerSec).toBeCloseTo(t.bytesPerGpuPerStep / s.computeSeconds, 0);
      expect(['scale-up', 'scale-out']).toContain(t.tier);
      expect(s.memory.peakBytesPerGpu).toBeGreaterThan(0);
      expect(s.stepSeconds).toBeGreaterThan(0);
    }
  });

  it('tp-pp prints rows of quantities against strategy columns', async () => {
    const r = await cli(['compare', 'tp-pp', GPT3]);
    expect(r.status, r.stderr).toBe(0);
    for (const row of ['split', 'role of each GPU', 'collective', 'how often', 'bytes each GPU sends per step', 'fabric tier', 'bandwidth to hide it', 'pipeline bubble', 'memory per GPU (peak)', 'step time']) {
      expect(r.stdout).toContain(`│ ${row}`);
    }
    expect(r.stdout).toMatch(/tensor \(TP8\)/);
    expect(r.stdout).toMatch(/pipeline \(PP8\)/);
  });

  it('tp-pp --factor: a non-integer is bad input; a factor neither strategy can take is bad input', async () => {
    expectInputError(await cli(['compare', 'tp-pp', DEEPSEEK, '--factor', 'two']), '--factor');
    expectInputError(await cli(['compare', 'tp-pp', DEEPSEEK, '--factor', '3']), '--factor', /not divisible/);
    expect((await cliJson(['compare', 'tp-pp', DEEPSEEK, '--factor', '8'])).factor).toBe(8);
  });

  it('dp-ep --json: replicated vs divided, gradient vs all-to-all bytes, sweeps', async () => {
    const j = await cliJson(['compare', 'dp-ep', DEEPSEEK]);
    expect(j.applicable).toBe(true);
    const [data, expert] = j.strategies;
    expect([data.id, data.ep, expert.id, expert.ep]).toEqual(['data', 1, 'expert', 64]);
    expect(data.allToAllBytesPerGpuPerStep).toBe(0);
    expect(expert.allToAllBytesPerGpuPerStep).toBeGreaterThan(0);
    expect(expert.gradientBytesPerGpuPerStep).toBeLessThan(data.gradientBytesPerGpuPerStep);
    expect(data.replicated).toContain('routed experts');
    expect(expert.divided.length).toBe(1);
    expect(expert.expertsPerGpu).toBe(4);
    // All-to-all bytes per GPU follow the tokens per GPU: they fall as GPUs grow at a fixed batch.
    const sweep = j.sweeps.gpus.filter((p: { valid: boolean }) => p.valid);
    expect(sweep.length).toBeGreaterThan(1);
    for (let i = 1; i < sweep.length; i += 1) expect(sweep[i].allToAllBytesPerGpuPerStep).toBeLessThan(sweep[i - 1].allToAllBytesPerGpuPerStep);
    expect(j.sweeps.ep.length).toBeGreaterThan(1);
    expect(j.sweeps.experts.length).toBeGreaterThan(1);
  });

  it('dp-ep prints the comparison table and the three sweeps', async () => {
    const r = await cli(['compare', 'dp-ep', DEEPSEEK]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/data parallelism \(EP1\)/);
    expect(r.stdout).toMatch(/expert parallelism \(EP64\)/);
    expect(r.stdout).toMatch(/As the GPU count grows/);
    expect(r.stdout).toMatch(/As the EP degree grows/);
    expect(r.stdout).toMatch(/As the expert count grows/);
  });

  it('dp-ep on a dense model answers "not applicable" and exits 0', async () => {
    const j = await cliJson(['compare', 'dp-ep', GPT3]);
    expect(j.applicable).toBe(false);
    expect(j.reason).toMatch(/dense/);
    const r = await cli(['compare', 'dp-ep', GPT3]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^not applicable: .*dense/);
  });
});

describe('bad input: exit 2, one error line naming the field, no stack trace', () => {
  const cases: [string, string, RegExp][] = [
    ['malformed', 'scenario', /YAML/i],
    ['unknownModel', 'model', /did you mean/],
    ['product', 'layout', /2048/],
    ['tpHeads', 'layout.tp', /heads/],
    ['epExperts', 'layout.ep', /experts/],
    ['dualPipeOdd', 'layout.pp', /even/],
    ['negativeGpus', 'cluster.gpus', /-8/],
    ['negativeSeqLen', 'training.seqLen', /-4096/],
  ];
  const commands: string[][] = [['check'], ['memory'], ['estimate'], ['datacenter'], ['bottlenecks'], ['compare', 'tp-pp'], ['compare', 'dp-ep']];

  it.each(cases)('%s → %s', async (name, field, also) => {
    for (const command of commands) {
      const path = bad[name];
      if (path === undefined) throw new Error(`no scenario ${name}`);
      expectInputError(await cli([...command, path]), field, also);
    }
  });

  it('a missing file names the scenario and the path', async () => {
    expectInputError(await cli(['check', join(tmp, 'does-not-exist.yaml')]), 'scenario', /does-not-exist\.yaml/);
  });

  it('an unknown CLI option exits 2 with one error line (usage may follow), no stack trace', async () => {
    const r = await cli(['check', DEEPSEEK, '--no-such-option']);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^error: unknown option '--no-such-option'/);
    expect(lines.filter((l) => l.startsWith('error:'))).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(r.stdout).toBe('');
  });

  it('estimate --trace on a bad scenario writes nothing', async () => {
    const dir = join(tmp, 'trace-bad');
    mkdirSync(dir, { recursive: true });
    for (const name of ['product', 'dualPipeOdd', 'negativeGpus']) {
      const path = bad[name];
      if (path === undefined) throw new Error(`no scenario ${name}`);
      expect((await cli(['estimate', path, '--trace', join(dir, 'out.json')])).status).toBe(2);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the base test scenario itself is valid (the bad ones differ by one field)', async () => {
    const path = bad.base;
    if (path === undefined) throw new Error('no base scenario');
    expect((await cli(['check', path])).status).toBe(0);
  });
});
