/**
 * `npm run bench`: runs every benchmark case under bench/cases/ and prints per-call time, calls/s
 * and the target beside each. Speed targets live here, not in the test suite.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBench, type BenchCase } from './harness.js';

const casesDir = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const files = readdirSync(casesDir).filter((f) => f.endsWith('.js')).sort();
const filter = process.argv[2];

const rows: string[][] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(casesDir, file)).href)) as { cases?: BenchCase[] };
  for (const c of mod.cases ?? []) {
    if (filter !== undefined && !c.name.includes(filter)) continue;
    const r = runBench(c);
    const seconds = (x: number): string => (x < 1e-3 ? `${(x * 1e6).toFixed(1)} µs` : x < 1 ? `${(x * 1e3).toFixed(2)} ms` : `${x.toFixed(2)} s`);
    // CPU time (user + sys) per call: the machine is shared, so wall time also counts waiting for a core.
    const perCall = `${seconds(r.cpuSecondsPerCall)} CPU (${seconds(r.secondsPerCall)} wall)`;
    const verdict = c.targetSeconds === undefined ? '' : r.cpuSecondsPerCall <= c.targetSeconds ? 'meets' : 'MISSES';
    const extra = Object.entries(r.extra).map(([k, v]) => `${k}=${typeof v === 'number' ? Math.round(v).toLocaleString('en-US') : v}`).join(' ');
    rows.push([c.name, perCall, r.callsPerSecond.toFixed(1), c.target ?? '', verdict, extra]);
    process.stdout.write(`${c.name}: ${perCall} per call (${r.calls} calls, ${r.callsPerSecond.toFixed(1)}/s)${c.target ? `, target ${c.target}: ${verdict}` : ''}${extra ? `  ${extra}` : ''}\n`);
  }
}
if (rows.length === 0) process.stdout.write('no benchmark case matched\n');
