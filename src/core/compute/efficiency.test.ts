import { describe, expect, it } from 'vitest';
import { PRECISIONS } from '../hardware/types.js';
import { DEFAULT_EFFICIENCY_PARAMS } from './efficiency-params.js';
import { curveEfficiency, deviceEfficiency, gemmCurve, type SaturatingCurve } from './efficiency.js';

const params = DEFAULT_EFFICIENCY_PARAMS;
const curves: { name: string; curve: SaturatingCurve }[] = [
  ...params.gemm.map((r) => ({ name: `${r.accelerator}/${r.precision}`, curve: r })),
  ...params.device.map((r) => ({ name: `${r.accelerator}/attention`, curve: r.attention })),
  ...PRECISIONS.map((p) => ({ name: `generic/${p}`, curve: params.generic.gemm[p] })),
];

describe('efficiency curves', () => {
  it.each(curves)('$name: eff(F) is increasing in F, in (0, effMax) and effMax <= 1', ({ curve }) => {
    expect(curve.effMax).toBeGreaterThan(0);
    expect(curve.effMax).toBeLessThanOrEqual(1);
    let previous = 0;
    for (let flops = 1e6; flops <= 1e15; flops *= 10) {
      const eff = curveEfficiency(curve, flops, 1e15);
      expect(eff).toBeGreaterThan(previous);
      expect(eff).toBeLessThan(curve.effMax);
      previous = eff;
    }
  });

  it('eff = effMax / 2 at F = peak · halfSaturationSeconds', () => {
    const curve = { effMax: 0.8, halfSaturationSeconds: 2e-6 };
    expect(curveEfficiency(curve, 1e15 * 2e-6, 1e15)).toBeCloseTo(0.4, 12);
  });

  it('every record has a source and an HBM efficiency in (0, 1]', () => {
    for (const r of [...params.gemm, ...params.device]) expect(r.source.length).toBeGreaterThan(10);
    for (const r of params.device) expect(r.hbmEfficiency).toBeGreaterThan(0);
    for (const r of params.device) expect(r.hbmEfficiency).toBeLessThanOrEqual(1);
  });

  it('one GEMM record per (accelerator, precision)', () => {
    const keys = params.gemm.map((r) => `${r.accelerator}/${r.precision}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('FP16 uses the accelerator BF16 record; an unknown accelerator the generic prior', () => {
    expect(gemmCurve(params, 'a100-80gb', 'fp16')).toBe(gemmCurve(params, 'a100-80gb', 'bf16'));
    expect(gemmCurve(params, 'no-such-gpu', 'fp8')).toBe(params.generic.gemm.fp8);
    expect(deviceEfficiency(params, 'no-such-gpu')).toBe(params.generic);
  });
});
