/**
 * Property-based fuzzing of every command, in-process: generated scenarios (mutated examples and
 * valid extremes) must never produce an internal error, and every answer must keep the asserted
 * properties (see test/fuzz/run-case.ts). FUZZ_CASES sets the count, FUZZ_SEED fast-check's seed.
 * With FUZZ_REPORT (the long run, `npm run fuzz` = scripts/fuzz.mjs, in chunks) a broken property
 * is recorded and the run goes on; the counts are written there as JSON and the test fails at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMemoryProperties } from '../fuzz/memory-properties.js';
import { createTally, runCase, type CommandChoice } from '../fuzz/run-case.js';
import { asText, exampleDocuments, extremeDocument, mutated } from '../fuzz/scenarios.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CASES = Number(process.env.FUZZ_CASES ?? 2000);
/** Scenarios of the memory properties (core calls only, a few per scenario). */
const MEMORY_CASES = Math.min(2000, Math.ceil(CASES / 4));
/** A file the long run rewrites every 1,000 cases with the counts so far. */
const PROGRESS = process.env.FUZZ_PROGRESS;
/** A JSON file the long run writes its counts to (and where broken properties do not stop it). */
const REPORT = process.env.FUZZ_REPORT;
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/** Broken properties of the long run, at most this many kept in full. */
const KEPT_FAILURES = 20;
const DIR = mkdtempSync(join(tmpdir(), 'scaleplan-fuzz-'));
const tally = createTally();
const failures: string[] = [];
let propertyFailures = 0;
const heapStartBytes = process.memoryUsage().heapUsed;
let heapPeakBytes = heapStartBytes;

function summary(): string {
  const per = Object.entries(tally.byCommand).map(([k, v]) => `  ${k}: ${v.runs} runs, ${v.answered} answered, ${v.refused} refused`).join('\n');
  const heap = `heap ${mib(heapStartBytes)} MiB at start, ${mib(heapPeakBytes)} MiB peak`;
  return `fuzz: ${tally.cases} cases, ${tally.runs} runs, ${tally.answered} answered, ${tally.refused} refused (exit 2), ${tally.internalErrors} internal errors, ${propertyFailures} property failures; ${heap}\n${per}\n`;
}

const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);

function sampleHeap(): void {
  heapPeakBytes = Math.max(heapPeakBytes, process.memoryUsage().heapUsed);
}

afterAll(() => {
  rmSync(DIR, { recursive: true, force: true });
  sampleHeap();
  console.log(summary());
  if (PROGRESS !== undefined) writeFileSync(PROGRESS, summary());
  if (REPORT !== undefined) {
    writeFileSync(REPORT, `${JSON.stringify({ seed: SEED ?? null, ...tally, propertyFailures, failures, heapStartBytes, heapPeakBytes }, null, 2)}\n`);
  }
});

/** One case; in the long run a broken property is kept and the run goes on (exit codes already counted). */
async function caseOrRecord(run: () => Promise<void>): Promise<void> {
  if (REPORT === undefined) return run();
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith('internal error (exit')) propertyFailures += 1;
    if (failures.length < KEPT_FAILURES) failures.push(message);
  }
}

const EXAMPLES = exampleDocuments(join(ROOT, 'examples'));
/** Small examples for the costlier commands (DeepSeek-V3's 61 layers × 16 stages cost the most). */
const CHEAP = EXAMPLES.filter((d) => d.model !== 'deepseek-v3');

const WHAT_IF = fc.constantFrom('gpus=2x', 'gpus=0.5x', 'precision=fp8', 'scaleUpBandwidth=2x,hbmBandwidth=1.5x', 'scaleUpDomain=72', 'cooling=immersion', 'gpus=3', 'nosuch=1', 'gpus=');

/** Commands that answer a valid scenario in a few milliseconds. */
const QUICK: fc.Arbitrary<Omit<CommandChoice, 'json'>> = fc.constantFrom(
  { words: ['check'], options: [] }, { words: ['memory'], options: [] }, { words: ['inspect'], options: [] },
);

/** Every command; `plan` searches one field under a time limit. */
const ANY: fc.Arbitrary<Omit<CommandChoice, 'json'>> = fc.oneof(
  { weight: 3, arbitrary: QUICK },
  { weight: 3, arbitrary: fc.constant({ words: ['estimate'], options: [] }) },
  { weight: 2, arbitrary: fc.constant({ words: ['datacenter'], options: [] }) },
  { weight: 2, arbitrary: fc.constant({ words: ['bottlenecks'], options: [] }) },
  { weight: 1, arbitrary: WHAT_IF.map((w) => ({ words: ['bottlenecks'], options: ['--what-if', w] })) },
  { weight: 1, arbitrary: fc.constant({ words: ['compare', 'tp-pp'], options: [] }) },
  { weight: 1, arbitrary: fc.constant({ words: ['compare', 'dp-ep'], options: [] }) },
  { weight: 1, arbitrary: fc.constant({ words: ['report'], options: [] }) },
  { weight: 1, arbitrary: fc.constantFrom('microBatch', 'recompute', 'zero').map((f) => ({ words: ['plan'], options: ['--search', f, '--top', '3', '--timeout', '0.3'] })) },
);

const withJson = (c: fc.Arbitrary<Omit<CommandChoice, 'json'>>): fc.Arbitrary<CommandChoice> => fc.tuple(c, fc.boolean()).map(([choice, json]) => ({ ...choice, json }));

/**
 * Scenario text and the command to run on it. DeepSeek-V3's examples (61 layers, 16 stages, 120
 * micro-batches) cost the most to estimate: their mutations go through the quick commands.
 */
const CASE = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(asText(mutated(fc.constantFrom(...EXAMPLES))), withJson(QUICK)) },
  { weight: 4, arbitrary: fc.tuple(asText(mutated(fc.constantFrom(...CHEAP))), withJson(ANY)) },
  { weight: 3, arbitrary: fc.tuple(asText(extremeDocument), withJson(ANY)) },
  { weight: 1, arbitrary: fc.tuple(asText(mutated(extremeDocument)), withJson(ANY)) },
);

describe('fuzz: every command, generated scenarios', () => {
  it(`${CASES} scenarios through one command each (and check): no internal error, properties hold`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(CASE, async ([doc, command]) => {
        n += 1;
        // Every 10th case twice (identical output), every 3rd also through check (same verdict). Each
        // case gets a new file: rewriting one file makes ext4 flush it to disk (3 ms a case).
        await caseOrRecord(() => runCase(join(DIR, `case-${n}.${doc.ext}`), doc.text, command, n % 10 === 0, tally, n % 3 === 0));
        if (n % 100 === 0) {
          sampleHeap();
          // A turn of the event loop, so the test runner's messages are answered during a long run.
          await new Promise((resolve) => setImmediate(resolve));
        }
        if (PROGRESS !== undefined && n % 1000 === 0) writeFileSync(PROGRESS, summary());
      }),
      { numRuns: CASES, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    expect(failures, `${propertyFailures} property failures, ${tally.internalErrors} internal errors`).toEqual([]);
  // Generous: a chunk of the long run may share two cores with much else (10,000 cases took 2 to 25 min).
  }, Math.max(900_000, CASES * 600));

  it(`memory falls with TP, PP and ZeRO sharding and never rises with recomputation (${MEMORY_CASES} scenarios)`, () => {
    fc.assert(fc.property(extremeDocument, (doc) => {
      checkMemoryProperties(doc);
    }), { numRuns: MEMORY_CASES, ...(SEED === undefined ? {} : { seed: SEED }) });
  }, Math.max(300_000, CASES * 50));
});
