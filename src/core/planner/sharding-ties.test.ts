import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/parse.js';
import { planLayouts } from './plan.js';
import { withLayout } from './test-fixtures.js';

const gpt3 = parseScenarioText(readFileSync(new URL('../../../examples/gpt3-175b-a100.yaml', import.meta.url), 'utf8'), 'yaml');

describe('planLayouts with a pipeline: no rows that tie ZeRO-1', () => {
  const result = planLayouts(withLayout(gpt3, { tp: 8, pp: [8, 16], dp: 'auto', vp: 1, schedule: '1f1b', microBatch: 1, zero: 'auto', fsdpShardSize: 'auto', recompute: 'auto' }), { top: 10 });

  it('no listed layout is ZeRO-2, or ZeRO-3 sharded over all of dp (priced as ZeRO-1 under pp > 1)', () => {
    expect(result.top.length).toBeGreaterThan(1);
    for (const p of result.top) {
      expect(p.layout.zero).not.toBe(2);
      if (p.layout.zero === 3) expect(p.layout.fsdpShardSize).toBeLessThan(p.layout.dp);
    }
  });

  it('the runner-up differs from the winner in its step time', () => {
    const vs = result.explanation.vsRunnerUp;
    expect(vs).not.toBeNull();
    expect(vs?.otherStepSeconds).not.toBeCloseTo(vs?.bestStepSeconds ?? 0, 9);
  });
});
