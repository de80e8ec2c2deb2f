/**
 * One fuzz case: a scenario file through one command (and `check`, for the commands that must
 * agree with it), in-process, with the asserted properties. A broken property throws (fast-check then shrinks the case); the tally
 * counts what ran.
 */
import { writeFileSync } from 'node:fs';
import { runCliCaptured, type CapturedRun } from '../../src/cli/run-cli.js';

/** Fields a refusal may name: a scenario section, a command-line option, or the whole document. */
const USER_FIELD = /^error: (scenario|name|description|model|cluster|training|layout|economics|datacenter|reference|--[a-z-]+)\b/;

/** Commands that build the scenario's layout: they refuse exactly what `check` refuses. */
const SAME_RULES_AS_CHECK = new Set(['memory', 'estimate', 'datacenter', 'bottlenecks', 'compare tp-pp', 'compare dp-ep', 'report']);

export interface CommandChoice {
  /** The command words, e.g. ['compare', 'tp-pp']. */
  readonly words: readonly string[];
  /** Extra options after the file. */
  readonly options: readonly string[];
  readonly json: boolean;
}

export interface Tally {
  cases: number;
  runs: number;
  answered: number;
  refused: number;
  internalErrors: number;
  readonly byCommand: Record<string, { runs: number; answered: number; refused: number }>;
}

export function createTally(): Tally {
  return { cases: 0, runs: 0, answered: 0, refused: 0, internalErrors: 0, byCommand: {} };
}

function count(tally: Tally, name: string, r: CapturedRun): void {
  tally.runs += 1;
  const entry = (tally.byCommand[name] ??= { runs: 0, answered: 0, refused: 0 });
  entry.runs += 1;
  if (r.status === 0) [tally.answered, entry.answered] = [tally.answered + 1, entry.answered + 1];
  else if (r.status === 2) [tally.refused, entry.refused] = [tally.refused + 1, entry.refused + 1];
  else tally.internalErrors += 1;
}

class PropertyBroken extends Error {}

function expect(ok: boolean, what: string, argv: readonly string[], r: CapturedRun): void {
  if (!ok) throw new PropertyBroken(`${what}\n  argv: ${argv.join(' ')}\n  status ${r.status}\n  stderr: ${r.stderr.slice(0, 2000)}\n  stdout: ${r.stdout.slice(0, 500)}`);
}

/** Exit 0 or 2; a refusal is one line naming a user field with nothing on stdout. */
function contract(argv: readonly string[], r: CapturedRun): void {
  expect(r.status === 0 || r.status === 2, 'internal error (exit neither 0 nor 2)', argv, r);
  expect(!/internal error|^\s+at\s/m.test(r.stderr), 'stack trace or internal error on stderr', argv, r);
  if (r.status !== 2) return;
  const lines = r.stderr.split('\n').filter((l) => l.length > 0);
  expect(lines.length === 1, 'a refusal is exactly one line', argv, r);
  expect(USER_FIELD.test(lines[0] ?? ''), 'a refusal names a user field (scenario section or option)', argv, r);
  expect(r.stdout === '', 'nothing on stdout on refusal', argv, r);
}

/** A JSON object from a command's stdout (never throws: a parse failure breaks a property). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function json(argv: readonly string[], r: CapturedRun): any {
  try {
    return JSON.parse(r.stdout);
  } catch {
    expect(false, '--json prints one JSON document', argv, r);
    return undefined;
  }
}

/** Properties of the numbers: step ≥ compute, 0 < MFU < 1, facility ≥ IT power. */
function numbers(name: string, argv: readonly string[], r: CapturedRun): void {
  if (name === 'estimate') {
    const out = json(argv, r);
    expect(out.time.stepSeconds >= out.time.computeSeconds * (1 - 1e-12), 'step time ≥ compute time', argv, r);
    expect(out.throughput.mfu > 0 && out.throughput.mfu < 1, '0 < MFU < 1', argv, r);
  }
  if (name === 'datacenter') {
    const s = json(argv, r).sizing;
    expect(s.facility.designWatts >= s.power.itNameplateWatts, 'facility design power ≥ IT nameplate power', argv, r);
    expect(s.facility.averageWatts >= s.power.itAverageWatts, 'facility average power ≥ IT average power', argv, r);
  }
}

/** Output that does not depend on the input: plan's search time. */
function stable(text: string): string {
  return text.replace(/"elapsedSeconds": [\d.e+-]+/g, '').replace(/ in [\d.]+ s:/g, '');
}

/**
 * Runs `choice` on the scenario text (written to `path`), asserting the CLI contract, the numeric
 * properties, (when `againstCheck`) that `check` accepts exactly what the command accepts, and
 * (when `repeat`) identical output for identical input.
 */
export async function runCase(path: string, text: string, choice: CommandChoice, repeat: boolean, tally: Tally, againstCheck = true): Promise<void> {
  writeFileSync(path, text);
  tally.cases += 1;
  const name = choice.words.join(' ');
  const argv = [...choice.words, path, ...choice.options, ...(choice.json ? ['--json'] : [])];
  const r = await runCliCaptured(argv);
  count(tally, name, r);
  contract(argv, r);
  if (againstCheck && SAME_RULES_AS_CHECK.has(name) && choice.options.length === 0) {
    const checkArgv = ['check', path, '--json'];
    const checked = await runCliCaptured(checkArgv);
    count(tally, 'check', checked);
    contract(checkArgv, checked);
    expect(r.status === checked.status, `${name} accepts exactly what check accepts (check exit ${checked.status}: ${checked.stderr.trim()})`, argv, r);
  }
  if (r.status === 0 && choice.json) numbers(name, argv, r);
  // plan under --timeout stops when time runs out: its output is not a function of the input alone.
  if (repeat && name !== 'plan') {
    const again = await runCliCaptured(argv);
    expect(again.status === r.status && stable(again.stdout) === stable(r.stdout) && again.stderr === r.stderr, 'identical output for identical input', argv, r);
  }
}
