import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/parse.js';
import { checkExpertSplit, checkLayout, checkMicroBatch, layoutContext, type LayoutCandidate, type LayoutContext } from './create-layout.js';
import { SCHEDULE_IDS } from './types.js';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../../../examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml');

/** A small deterministic generator (mulberry32), so a failure names its case. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(next: () => number, values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;

/** Candidates of `context`'s GPU count: degrees from small powers of two and three, every schedule. */
function candidate(next: () => number, context: LayoutContext): LayoutCandidate {
  const degrees = [1, 2, 3, 4, 8, 16];
  const tp = pick(next, degrees);
  const cp = pick(next, [1, 1, 2]);
  const pp = pick(next, degrees);
  const dp = context.gpus / (tp * cp * pp);
  const zero = pick(next, [0, 1, 2, 3] as const);
  return {
    tp, cp, pp, dp, vp: pick(next, [1, 1, 2, 3]), ep: pick(next, [1, 2, 8]), etp: pick(next, [1, 1, 2]),
    sequenceParallel: tp > 1, zero, fsdpShardSize: zero === 3 ? pick(next, [dp, 2]) : dp, recompute: 'none',
    microBatch: 1, schedule: pick(next, SCHEDULE_IDS), order: ['tp', 'cp', 'ep', 'dp', 'pp'],
  };
}

describe('checkMicroBatch: checkLayout of a candidate it accepts with micro-batch 1, at another micro-batch', () => {
  const contexts: readonly LayoutContext[] = [
    layoutContext(example('deepseek-v3-h800')),
    layoutContext(example('gpt3-175b-a100')),
    { ...layoutContext(example('mixtral-8x7b-h100')), rampSpan: 96 },
  ];
  it.each(contexts.map((context, i) => [i, context] as const))('context %i: the same violation (or none) as checkLayout', (i, context) => {
    const next = random(7 + i);
    const seen = new Map<string, number>();
    let compared = 0;
    for (let n = 0; n < 20_000 && compared < 1_500; n += 1) {
      const base = candidate(next, context);
      if (checkLayout(context, base) !== null) continue;
      for (const microBatch of [0, 0.5, 1, 2, 3, 4, 5, 6, 8, 12, 16, 64, 1024]) {
        const expected = checkLayout(context, { ...base, microBatch });
        expect(checkMicroBatch(context, base, microBatch)).toEqual(expected);
        const kind = expected === null ? 'none' : expected.rule.slice(0, 20);
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        compared += 1;
      }
    }
    // Accepted sizes and each kind of rejection were compared: the range, the batch, and (with a
    // ramp) the ramp's span or a schedule's micro-batch count.
    expect(seen.get('none')).toBeGreaterThan(0);
    expect(seen.get('must be a positive i')).toBeGreaterThan(0);
    expect([...seen.keys()].filter((k) => k.startsWith('training.globalBatch')).length).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(3);
  });
});

describe('checkExpertSplit: checkLayout of a candidate it accepts with ep = etp = 1, at another expert split', () => {
  const contexts: readonly LayoutContext[] = [
    layoutContext(example('deepseek-v3-h800')),
    layoutContext(example('mixtral-8x7b-h100')),
    layoutContext(example('gpt3-175b-a100')),
  ];
  it.each(contexts.map((context, i) => [i, context] as const))('context %i: the same violation (or none) as checkLayout', (i, context) => {
    const next = random(11 + i);
    const orders: readonly LayoutCandidate['order'][] = [['tp', 'cp', 'ep', 'dp', 'pp'], ['tp', 'pp', 'cp', 'ep', 'dp'], ['pp', 'tp', 'cp', 'ep', 'dp']];
    const seen = new Map<string, number>();
    let compared = 0;
    for (let n = 0; n < 20_000 && compared < 1_500; n += 1) {
      const base = { ...candidate(next, context), ep: 1, etp: 1, order: pick(next, orders) };
      if (checkLayout(context, base) !== null) continue;
      for (const [ep, etp] of [[1, 1], [0, 1], [2, 0], [1.5, 1], [2, 1], [8, 1], [8, 2], [3, 1], [64, 1], [256, 2], [1, 4], [16, 8]] as const) {
        const expected = checkLayout(context, { ...base, ep, etp });
        expect(checkExpertSplit(context, base, ep, etp)).toEqual(expected);
        const kind = expected === null ? 'none' : `${expected.field} ${expected.rule.slice(0, 12)}`;
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        compared += 1;
      }
    }
    expect(seen.get('none')).toBeGreaterThan(0);
    expect(seen.get('layout.ep must be a po')).toBeGreaterThan(0);
    expect(seen.get('layout.etp must be a po')).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(3);
  });
});
