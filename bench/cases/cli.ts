/**
 * The binary as users run it: CPU seconds (user + sys) of one `scaleplan` process, start-up
 * included, measured by spawning it (the children's CPU time from /proc/self/stat, Linux). Targets
 * (issue 9): `--help` ≤ 0.15 s; a full `plan` of an example (every field searched) ≤ 1.0 s. The
 * machine is shared, so CPU seconds, not wall time, are the figure to read.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase } from '../harness.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BIN = join(root, 'dist', 'cli', 'main.js');
/** Clock ticks per second of /proc times (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds of the waited-for children of this process so far, or null off Linux. */
function childCpuSeconds(): number | null {
  try {
    // Fields after the command name: state is field 3; cutime and cstime are fields 16 and 17.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU seconds of one `node <argv>` process, averaged over the last `calls` runs. */
function processCase(name: string, argv: readonly string[], targetSeconds: number | undefined, calls: number): BenchCase {
  let cpu: number[] = [];
  return {
    name,
    ...(targetSeconds === undefined ? {} : { target: `≤ ${targetSeconds} s CPU` }),
    // Exactly `calls` measured runs after the harness's warm-up (the mean is over the last `calls`).
    maxCalls: calls,
    minSeconds: Infinity,
    run: () => {
      const before = childCpuSeconds();
      const r = spawnSync(process.execPath, argv, { cwd: root, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`node ${argv.join(' ')} exited ${r.status}`);
      const after = childCpuSeconds();
      if (before !== null && after !== null) cpu = [...cpu, after - before].slice(-calls);
      const mean = cpu.reduce((a, b) => a + b, 0) / Math.max(1, cpu.length);
      const verdict = cpu.length === 0 || targetSeconds === undefined ? '' : mean <= targetSeconds ? 'meets' : 'MISSES';
      return { cpuSeconds: cpu.length === 0 ? 'n/a' : mean.toFixed(3), verdict };
    },
  };
}

const cliCase = (name: string, args: readonly string[], targetSeconds: number, calls: number): BenchCase =>
  processCase(name, [BIN, ...args], targetSeconds, calls);

const examples = ['deepseek-v3-h800', 'deepseek-v3-context-extension-32k', 'deepseek-v3-context-extension-128k', 'deepseek-v3-post-training',
  'gpt3-175b-a100', 'llama3-405b-h100', 'mixtral-8x7b-h100'];

export const cases: BenchCase[] = [
  // The floor under every command: a `node` that runs nothing (read `cli --help` against it).
  processCase('cli floor: bare node (node -e 0)', ['-e', '0'], undefined, 20),
  cliCase('cli --help', ['--help'], 0.15, 20),
  // A command's fixed cost: its bundle (from the code cache after the harness's warm-up run) and
  // the core's module initialisation, without the command's work.
  processCase('cli plan --help (a command\'s start-up)', [BIN, 'plan', '--help'], undefined, 10),
  cliCase('cli models', ['models'], 0.5, 3),
  ...examples.map((e) => cliCase(`cli plan ${e}`, ['plan', join('examples', `${e}.yaml`), '--json'], 1.0, 1)),
];
