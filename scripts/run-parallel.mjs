#!/usr/bin/env node
/**
 * Runs package.json scripts side by side, at most `--jobs` at a time (default 2, one per core of
 * the CI machine): `node scripts/run-parallel.mjs typecheck:node typecheck:web lint build:web`.
 * Each script's output is printed whole when it ends (never interleaved), with its wall time.
 * Exits 1 if any script failed, after all have ended.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SCRIPTS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

/** Runs one script as `npm run` would (its shell command, with node_modules/.bin first on PATH). */
function runScript(name) {
  const command = SCRIPTS[name];
  if (command === undefined) return Promise.resolve({ name, ok: false, output: `no script "${name}" in package.json\n`, seconds: 0 });
  const started = performance.now();
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8');
      resolve({ name, ok: code === 0, output: signal === null ? output : `${output}killed by ${signal}\n`, seconds: (performance.now() - started) / 1000 });
    });
  });
}

const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt === -1 ? 2 : Math.max(1, Number(args[jobsAt + 1]));
const names = jobsAt === -1 ? args : args.filter((_, i) => i !== jobsAt && i !== jobsAt + 1);

const queue = [...names];
let failed = false;
async function lane() {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const r = await runScript(name);
    process.stdout.write(`${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds.toFixed(1)} s)\n${r.output}`);
    if (!r.ok) failed = true;
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, names.length) }, lane));
process.exitCode = failed ? 1 : 0;
