/** `scaleplan calibrate <runs...> --out <profile.yaml>`: fit the calibration to your own runs. */
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { InputError, calibrateProfile, formatProfile, type ProfileCalibration } from '../../core/index.js';
import { table } from '../format.js';
import { print, printJson, writeFileAtomic } from '../io.js';
import { readMeasurements } from '../read-measurements.js';
import { action } from '../run.js';

function pct(v: number): string {
  return `${v >= 0 ? '+' : ''}${v.toFixed(1)}%`;
}

function formatCalibration(r: ProfileCalibration, out: string, unmodelled: readonly { id: string; reason: string }[]): string {
  const p = r.profile;
  const lines: string[] = [];
  lines.push(table(['parameter', 'built-in', 'fitted', '± (1σ)', 'runs'],
    Object.entries(p.parameters).map(([key, v]) => [key, v.builtIn.toFixed(3), v.value.toFixed(3), v.sigmaLn === null ? '-' : `${(100 * v.sigmaLn).toFixed(1)}%`, v.runs]),
    `Fitted on ${p.fittedOn.runs} runs (${p.fittedOn.configurations} distinct configurations)`));
  for (const x of r.refused) lines.push(`not fitted: ${x.key}: ${x.reason}`);
  lines.push(table(['run', 'metric', 'measured', 'error before', 'error after'],
    p.residuals.map((x) => [x.id, x.metric, x.measured >= 100 ? x.measured.toFixed(0) : x.measured.toPrecision(4), pct(x.beforePct), pct(x.afterPct)]),
    'Every run, predicted with the built-in calibration (before) and with this profile (after)'));
  const mean = (f: (x: (typeof p.residuals)[number]) => number): number => p.residuals.reduce((s, x) => s + Math.abs(f(x)), 0) / Math.max(1, p.residuals.length);
  lines.push(`mean |error|: ${mean((x) => x.beforePct).toFixed(1)}% before, ${mean((x) => x.afterPct).toFixed(1)}% after (in-sample)`);
  lines.push(p.leaveOneOutMeanAbsPct === null
    ? 'leave-one-out: needs at least 2 runs'
    : `leave-one-out mean |error|: ${p.leaveOneOutMeanAbsPct.toFixed(1)}% (each run predicted by a fit without it: the figure to expect on a new run)`);
  if (unmodelled.length > 0) {
    lines.push(`not used: ${unmodelled.length} runs`);
    for (const u of unmodelled) lines.push(`  ${u.id}: ${u.reason}`);
  }
  lines.push(`wrote ${out} (use it with --profile ${out}, or calibration: ${out} in a scenario)`);
  return lines.join('\n');
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .argument('<runs...>', 'measurements: run records (.json, the data/runs-dev.json format), tables (.csv, .yaml) and training logs (.log, .txt; Megatron-LM/Core, NeMo, torchtitan) as log=scenario.yaml or with --scenario')
    .requiredOption('--out <file>', 'the profile to write (YAML)')
    .option('--scenario <file>', 'the scenario of every training log given without its own')
    .option('--name <name>', 'the profile\'s name (default: the --out file name)')
    .option('--json', 'machine-readable output (the profile, refused parameters, runs not used)')
    .description('Fit the calibration to your own runs (shrunk toward the built-in values) and write a profile for --profile.')
    .action(action((inputs: string[], opts: { out: string; scenario?: string; name?: string; json?: boolean }) => {
      const read = readMeasurements(inputs, opts.scenario);
      const name = opts.name ?? basename(opts.out, extname(opts.out));
      const result = calibrateProfile(read.cases, { name, inputs: inputs.map((i) => basename(i.split('=')[0] ?? i)) });
      const unmodelled = [...read.skipped, ...result.unmodelled];
      if (result.profile.fittedOn.runs === 0) {
        const why = unmodelled[0] === undefined ? 'no measurement was read' : `${unmodelled.length} not usable, e.g. ${unmodelled[0].id}: ${unmodelled[0].reason}`;
        throw new InputError('runs', inputs.join(' '), `no run can inform the fit (${why})`);
      }
      writeFileAtomic(opts.out, formatProfile(result.profile));
      if (opts.json) return printJson({ out: opts.out, profile: result.profile, refused: result.refused, unmodelled });
      print(formatCalibration(result, opts.out, unmodelled));
    }));
}
