/**
 * Golden snapshots of every example scenario's headline numbers (rounded to 3 significant digits),
 * so that a change to any model shows up as a reviewed snapshot diff (`npx vitest -u` to accept).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateScenario } from '../../src/core/report/index.js';
import { parseScenarioText } from '../../src/core/scenario/parse.js';

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const round = (x: number): number => Number(x.toPrecision(3));

describe('example scenarios (golden)', () => {
  it.each(files)('%s', (file) => {
    const scenario = parseScenarioText(readFileSync(new URL(file, dir), 'utf8'), 'yaml');
    const e = estimateScenario(scenario);
    const t = e.step.time;
    expect({
      peakGiB: round(e.memory.peakBytesPerGpu / 2 ** 30),
      fits: e.memory.fits,
      stepSeconds: round(t.stepSeconds),
      computeSeconds: round(t.computeSeconds),
      bubbleSeconds: round(t.bubbleSeconds),
      exposed: Object.fromEntries(Object.entries(t.exposed).map(([k, v]) => [k, round(v)])),
      tokensPerSecondPerGpu: round(e.step.throughput.tokensPerSecondPerGpu),
      mfu: round(e.step.throughput.mfu),
      gpuHours: round(e.run.gpuHours),
      itMwh: round(e.run.energy.itMwh),
    }).toMatchSnapshot();
  });
});
