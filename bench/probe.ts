/**
 * One measurement in a fresh process, for the figures a warm in-process benchmark cannot give:
 * the first `estimateStep` of a process, and a full `planLayouts` search with its CPU time
 * (user + sys, the machine is shared) and peak resident memory. Prints one JSON line. It loads
 * the built library as a user does (`import('scaleplan')`: dist/lib/index.js, so build first),
 * and times only the call: `createLayout` + `estimateStep`, after the import and the parse.
 *
 *   node dist/bench/probe.js first-step <example>
 *   node dist/bench/probe.js plan <example | llama3-70b-512-h100-gbs8192>
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const [what, name] = process.argv.slice(2);
const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;

/** Llama 3 70B on 512 H100 at a global batch of 8192 sequences: up to thousands of micro-batches per pipeline. */
const LARGE_BATCH = `
model: llama3-70b
cluster: { accelerator: h100-sxm, gpus: 512 }
training: { seqLen: 8192, globalBatch: 8192, totalTokens: 15T, precision: bf16 }
layout: { tp: auto, pp: auto, vp: auto, cp: auto, dp: auto, sequenceParallel: auto, zero: auto, fsdpShardSize: auto, recompute: auto, microBatch: auto, schedule: auto }
`;

const ALL_AUTO = {
  tp: 'auto', pp: 'auto', vp: 'auto', ep: 'auto', etp: 'auto', cp: 'auto', dp: 'auto', sequenceParallel: 'auto',
  zero: 'auto', fsdpShardSize: 'auto', recompute: 'auto', microBatch: 'auto', schedule: 'auto',
} as const;

/** The library as its users load it: the bundle `import('scaleplan')` resolves to (package.json `exports`, by self-reference). */
type Core = typeof import('../src/core/index.js');
const LIBRARY: string = 'scaleplan';

const start = process.cpuUsage();
const core = (await import(LIBRARY)) as Core;
const loaded = cpuSeconds(process.cpuUsage(start));
const text = name === 'llama3-70b-512-h100-gbs8192' ? LARGE_BATCH : readFileSync(join(root, 'examples', `${name ?? ''}.yaml`), 'utf8');
const scenario = core.parseScenarioText(text, 'yaml');

const before = process.cpuUsage();
let result: Record<string, number | string>;
if (what === 'first-step') {
  const step = core.estimateStep(scenario, core.createLayout(scenario));
  result = { stepSeconds: step.time.stepSeconds };
} else if (what === 'plan') {
  const plan = core.planLayouts({ ...scenario, layout: { ...scenario.layout, ...ALL_AUTO } });
  result = { best: plan.best?.step.time.stepSeconds ?? 'none', priced: plan.evaluated, simulations: plan.simulations };
} else {
  throw new Error(`unknown probe ${what ?? ''}`);
}
const cpu = cpuSeconds(process.cpuUsage(before));
process.stdout.write(`${JSON.stringify({
  what, name, loadCpuSeconds: loaded, cpuSeconds: cpu, totalCpuSeconds: cpuSeconds(process.cpuUsage()),
  peakRssMb: process.resourceUsage().maxRSS / 1024, ...result,
})}\n`);
