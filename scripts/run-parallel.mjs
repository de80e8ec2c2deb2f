#!/usr/bin/env node
/**
 * Runs package.json scripts side by side, at most `--jobs` at a time (default 2, one per core of
 * the CI machine): `node scripts/run-parallel.mjs typecheck:node typecheck:web lint build:web`.
 * Each script's output is printed whole when it ends (never interleaved), with its wall time.
 * `--live <script>` runs that script too, first, with the terminal to itself (its output as it
 * comes); the others' output waits until it has ended. Exits 1 if any script failed, after all
 * have ended.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const SCRIPTS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;

/**
 * Runs one script as `npm run` would (its shell command, with node_modules/.bin first on PATH),
 * its output collected, or with `live` passed straight to this process's streams.
 */
function runScript(name, live = false) {
  const command = SCRIPTS[name];
  if (command === undefined) return Promise.resolve({ name, ok: false, output: `no script "${name}" in package.json\n`, seconds: 0 });
  const started = performance.now();
  const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: ROOT, env, shell: true, stdio: live ? ['ignore', 'inherit', 'inherit'] : ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('close', (code, signal) => {
      const output = Buffer.concat(chunks).toString('utf8');
      resolve({ name, ok: code === 0, output: signal === null ? output : `${output}killed by ${signal}\n`, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** The value after `flag` in `args`, and `args` without both. */
function option(args, flag) {
  const at = args.indexOf(flag);
  return at === -1 ? { value: undefined, rest: args } : { value: args[at + 1], rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

const { value: jobsArg, rest: afterJobs } = option(process.argv.slice(2), '--jobs');
const { value: liveName, rest: names } = option(afterJobs, '--live');
const jobs = jobsArg === undefined ? 2 : Math.max(1, Number(jobsArg));

let failed = false;
/** Reports of the collected scripts that ended while the live one still had the terminal. */
let held = liveName === undefined ? undefined : [];
const report = (r) => `${r.ok ? '✓' : '✗'} ${r.name} (${r.seconds.toFixed(1)} s)\n${r.output}`;

const queue = [...names];
async function lane() {
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    const r = await runScript(name);
    if (held === undefined) process.stdout.write(report(r));
    else held.push(report(r));
    if (!r.ok) failed = true;
  }
}

async function liveLane() {
  if (liveName === undefined) return;
  const r = await runScript(liveName, true);
  process.stdout.write(report(r));
  process.stdout.write((held ?? []).join(''));
  held = undefined;
  if (!r.ok) failed = true;
}

await Promise.all([liveLane(), ...Array.from({ length: Math.min(Math.max(1, jobs - (liveName === undefined ? 0 : 1)), names.length) }, lane)]);
process.exitCode = failed ? 1 : 0;
