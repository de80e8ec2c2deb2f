import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLayout } from '../layout/create-layout.js';
import { parseScenarioText } from '../scenario/parse.js';
import { DEFAULT_STEP_OPTIONS } from './options.js';
import { layerPrices, stepPricer } from './pricer.js';

const scenario = parseScenarioText(readFileSync(new URL('../../../examples/deepseek-v3-h800.yaml', import.meta.url), 'utf8'), 'yaml');
const layout = createLayout(scenario);

describe('layerPrices', () => {
  it('a paired (dualpipe) and an unpaired (1f1b) schedule of one layer shape share its communication, not its compute shape', () => {
    const pricer = stepPricer(scenario, DEFAULT_STEP_OPTIONS);
    const paired = layerPrices(pricer, { ...layout, schedule: 'dualpipe' });
    const unpaired = layerPrices(pricer, { ...layout, schedule: '1f1b' });
    expect(paired.moe).toBe(unpaired.moe);
    expect(paired.dense).toBe(unpaired.dense);
    expect(paired.shape.computeSmFraction).toBeLessThan(unpaired.shape.computeSmFraction ?? 1);
  });
});
