#!/usr/bin/env node
/**
 * The long fuzz run (`npm run fuzz`): 100,000 generated scenarios through every command, in chunks
 * of 10,000, each chunk a fresh vitest process on `test/cli/fuzz.test.ts` with its own fast-check
 * seed (base seed + chunk index), so the run is reproducible chunk by chunk and no process lives
 * long enough to accumulate memory. Each chunk writes its counts to `<out>/chunk-<i>.json`; a chunk
 * whose file exists is not run again (delete it to re-run it). The totals are printed and written
 * to `<out>/summary.json`; the exit code is 1 when any chunk found an internal error or a broken
 * property (the memory properties fail the chunk's test run), or did not finish.
 *
 *   node scripts/fuzz.mjs [--cases 100000] [--chunk 10000] [--seed 14] [--out fuzz-report] [--only 3] [--jobs 1]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle } from './bundle.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const VITEST = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const COUNTS = ['cases', 'runs', 'answered', 'refused', 'internalErrors', 'propertyFailures'];

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    chunk: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '14' },
    out: { type: 'string', default: 'fuzz-report' },
    only: { type: 'string' },
    /** Chunks run at once (each a process on one core). */
    jobs: { type: 'string', default: '1' },
  },
});

function positiveInteger(name, text) {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`error: --${name} ${JSON.stringify(text)}: must be a positive integer`);
    process.exit(2);
  }
  return n;
}

const total = positiveInteger('cases', values.cases);
const chunkSize = positiveInteger('chunk', values.chunk);
const seed = Number(values.seed);
const outDir = resolve(ROOT, values.out);
const chunks = Array.from({ length: Math.ceil(total / chunkSize) }, (_, i) => ({
  index: i,
  cases: Math.min(chunkSize, total - i * chunkSize),
  seed: seed + i,
  report: join(outDir, `chunk-${i}.json`),
  log: join(outDir, `chunk-${i}.log`),
}));

/** Runs one chunk in a fresh vitest process; resolves to its exit code. */
function runChunk(chunk) {
  const log = openSync(chunk.log, 'w');
  const env = {
    ...process.env,
    FUZZ_CASES: String(chunk.cases),
    FUZZ_SEED: String(chunk.seed),
    FUZZ_REPORT: chunk.report,
    FUZZ_PROGRESS: join(outDir, `chunk-${chunk.index}.progress.txt`),
  };
  const child = spawn(process.execPath, [VITEST, 'run', 'test/cli/fuzz.test.ts'], { cwd: ROOT, env, stdio: ['ignore', log, log] });
  return new Promise((done) => child.on('exit', (code, signal) => done(signal === null ? code : `signal ${signal}`)));
}

function readReport(chunk) {
  return existsSync(chunk.report) ? JSON.parse(readFileSync(chunk.report, 'utf8')) : undefined;
}

function line(label, r) {
  return `${label}: ${r.cases} cases, ${r.runs} command runs, ${r.answered} answered, ${r.refused} refused (exit 2), ${r.internalErrors} internal errors, ${r.propertyFailures} property failures`;
}

mkdirSync(outDir, { recursive: true });
const selected = values.only === undefined ? chunks : chunks.filter((c) => c.index === Number(values.only));
const pending = selected.filter((c) => readReport(c) === undefined);

async function runAndPrint(chunk) {
  const started = Date.now();
  const exit = await runChunk(chunk);
  const counted = readReport(chunk);
  // The memory properties (the file's second test) throw rather than count: the test run's verdict is kept too.
  if (counted !== undefined) writeFileSync(chunk.report, `${JSON.stringify({ ...counted, testsPassed: exit === 0 }, null, 2)}\n`);
  const report = readReport(chunk);
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (report === undefined) console.log(`chunk ${chunk.index} (seed ${chunk.seed}): did not finish (exit ${exit}); see ${chunk.log}`);
  else console.log(`${line(`chunk ${chunk.index} (seed ${chunk.seed})`, report)}; tests ${exit === 0 ? 'passed' : `failed (exit ${exit})`}; heap peak ${(report.heapPeakBytes / 2 ** 20).toFixed(0)} MiB; ${minutes} min`);
}

// The bundles once here, so that chunks starting together do not each rebuild them (vitest's global setup).
await bundle();
// `jobs` workers, each taking the next pending chunk until none is left.
await Promise.all(Array.from({ length: positiveInteger('jobs', values.jobs) }, async () => {
  for (let chunk = pending.shift(); chunk !== undefined; chunk = pending.shift()) await runAndPrint(chunk);
}));

const reports = chunks.map(readReport);
const done = reports.filter((r) => r !== undefined);
const sum = Object.fromEntries(COUNTS.map((k) => [k, done.reduce((s, r) => s + r[k], 0)]));
const summary = {
  ...sum,
  chunks: chunks.length,
  chunksDone: done.length,
  seeds: chunks.map((c) => c.seed),
  chunksFailingTests: chunks.filter((_, i) => reports[i]?.testsPassed === false).map((c) => c.index),
  failures: done.flatMap((r) => r.failures),
};
writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(line(`fuzz total (${done.length} of ${chunks.length} chunks)`, sum));
const clean = done.length === chunks.length && sum.internalErrors === 0 && sum.propertyFailures === 0 && summary.failures.length === 0 && summary.chunksFailingTests.length === 0;
if (summary.chunksFailingTests.length > 0) console.log(`tests failed in chunks ${summary.chunksFailingTests.join(', ')} (see their logs)`);
process.exit(clean ? 0 : 1);
