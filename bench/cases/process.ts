/**
 * What one fresh process pays (`probe.ts` in a child process): the first `estimateStep`, and a full
 * `plan` of every example and of Llama 3 70B on 512 H100 at global batch 8192, in CPU seconds
 * (user + sys: the machine is shared, wall time is not the measure) with module loading, and the
 * peak resident memory. Targets (issue 9): first step ≤ 20 ms; plan ≤ 1.0 s CPU with start-up and
 * ≤ 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const probe = join(here, '..', 'probe.js');
const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();

function probeCase(name: string, args: readonly string[], target: string, figure: 'cpuSeconds' | 'totalCpuSeconds', targetSeconds: number): BenchCase {
  return {
    name,
    target,
    minSeconds: 0,
    maxCalls: 1,
    run: () => {
      const out = JSON.parse(execFileSync(process.execPath, [probe, ...args], { encoding: 'utf8' })) as Record<string, number | string>;
      const cpu = Number(out[figure]);
      const shown = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, typeof v === 'number' && Math.abs(v) < 100 ? v.toFixed(3) : v]));
      return { ...shown, cpu: `${cpu.toFixed(3)} s CPU ${cpu <= targetSeconds ? 'meets' : 'MISSES'}` };
    },
  };
}

export const cases: BenchCase[] = [
  probeCase('first estimateStep in a process (deepseek-v3-h800)', ['first-step', 'deepseek-v3-h800'], '≤ 20 ms CPU', 'cpuSeconds', 0.02),
  probeCase('first estimateStep in a process (llama3-405b-h100)', ['first-step', 'llama3-405b-h100'], '≤ 20 ms CPU', 'cpuSeconds', 0.02),
  ...[...examples, 'llama3-70b-512-h100-gbs8192'].map((e) => probeCase(`plan ${e} (all auto), fresh process`, ['plan', e], '≤ 1.0 s CPU, ≤ 300 MB', 'totalCpuSeconds', 1)),
];
