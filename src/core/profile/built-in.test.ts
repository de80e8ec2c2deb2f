import { describe, expect, it } from 'vitest';
import { priorCentre } from '../compute/efficiency-fit.js';
import { CALIBRATION_PRIOR } from '../compute/efficiency-params.js';
import { FITTED_CALIBRATION } from '../compute/efficiency-fitted.js';
import { builtInValues, userCalibrationPrior } from './built-in.js';

describe('built-in calibration values', () => {
  const values = builtInValues();
  const fitted = new Set(FITTED_CALIBRATION.parameters.map((p) => p.key));

  it('a generation no published run informs takes its literature prior times the fitted pooled ratio', () => {
    const unseen = Object.keys(CALIBRATION_PRIOR.parameters).filter((k) => CALIBRATION_PRIOR.parameters[k]?.scaledBy !== undefined && !fitted.has(k));
    expect(unseen.length).toBeGreaterThan(0);
    for (const key of unseen) {
      const p = CALIBRATION_PRIOR.parameters[key];
      const pool = values[p?.scaledBy ?? ''] ?? 0;
      expect(pool).not.toBe(1);
      expect(values[key]).toBeCloseTo((p?.value ?? 0) * pool, 12);
      expect(values[key]).toBeCloseTo(priorCentre(CALIBRATION_PRIOR, key, values), 12);
    }
  });

  it("a user fit is centred on the built-in values, not scaled by the pool a second time", () => {
    const prior = userCalibrationPrior();
    for (const [key, p] of Object.entries(prior.parameters)) {
      expect(p.scaledBy).toBeUndefined();
      expect(priorCentre(prior, key, {})).toBe(values[key]);
    }
  });
});
