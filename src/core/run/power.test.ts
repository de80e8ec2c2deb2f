import { describe, expect, it } from 'vitest';
import { estimateItWattsPerGpu } from '../datacenter/size.js';
import { InputError } from '../errors.js';
import { ACCELERATORS } from '../hardware/catalog.js';
import { estimateGpuPower, estimateItEnergy } from './power.js';

const H100 = ACCELERATORS['h100-sxm'];

describe('estimateGpuPower', () => {
  it('DGX H100 at TDP and full host load: GPU 700 W + host (10.2 kW − 8·700 W)/8 = 575 W + fabric 0.25 · 10.2 kW/8 = 318.75 W', () => {
    const power = estimateGpuPower(H100, { hostLoadFraction: 1 });
    expect(power.gpuWatts).toBe(700);
    expect(power.hostWatts).toBe(575);
    expect(power.fabricWatts).toBeCloseTo(318.75, 9);
    expect(power.totalWatts).toBeCloseTo(1593.75, 9);
  });

  it('GPU power is linear from idle to TDP: idle 10 % · 700 = 70 W; activity 0.5 → 70 + 630 · 0.5 = 385 W', () => {
    expect(estimateGpuPower(H100, { gpuActivity: 0 }).gpuWatts).toBeCloseTo(70, 9);
    expect(estimateGpuPower(H100, { gpuActivity: 0.5 }).gpuWatts).toBeCloseTo(385, 9);
    expect(estimateGpuPower(H100, { gpuActivity: 0.5, gpuIdleFractionOfTdp: 0.2 }).gpuWatts).toBeCloseTo(140 + 560 * 0.5, 9);
  });

  it('host and fabric shares follow their fractions (fabric does not scale with activity)', () => {
    const idle = estimateGpuPower(H100, { gpuActivity: 0, hostLoadFraction: 0.5, supportItFraction: 0.1 });
    expect(idle.hostWatts).toBeCloseTo(287.5, 9);
    expect(idle.fabricWatts).toBeCloseTo(127.5, 9);
  });

  it.each(Object.entries(ACCELERATORS))('%s: at activity 1 and full host load equals the data-center nameplate IT W per GPU', (_id, accelerator) => {
    expect(estimateGpuPower(accelerator, { gpuActivity: 1, hostLoadFraction: 1 }).totalWatts).toBeCloseTo(estimateItWattsPerGpu(accelerator), 6);
  });

  it('8-GPU H100 server at TDP with the measured host load peaks at 8.4 kW (Latif et al. 2025: max observed ~8.4 kW)', () => {
    const p = estimateGpuPower(H100, { gpuActivity: 1 });
    expect(8 * (p.gpuWatts + p.hostWatts)).toBeCloseTo(8400, 6);
  });

  it('rejects an activity outside [0, 1] and a system below its GPUs\' TDP', () => {
    expect(() => estimateGpuPower(H100, { gpuActivity: 1.5 })).toThrow(InputError);
    expect(() => estimateGpuPower(H100, { gpuActivity: -0.1 })).toThrow(/power.gpuActivity/);
    const weak = { ...H100, system: { ...H100.system, powerWatts: 5000 } };
    expect(() => estimateGpuPower(weak)).toThrow(/accelerator.system.powerWatts = 5000: must be at least system.gpus · tdpWatts = 8 · 700 W/);
  });
});

describe('estimateItEnergy', () => {
  it('1,000 W · 2,048 GPUs · 1 h = 2.048 MWh = 7.3728e9 J; PUE 1.2 → 2.4576 MWh facility', () => {
    const energy = estimateItEnergy({ wattsPerGpu: 1000, gpus: 2048, seconds: 3600, pue: 1.2 });
    expect(energy.itJoules).toBe(7.3728e9);
    expect(energy.itMwh).toBeCloseTo(2.048, 12);
    expect(energy.facilityMwh).toBeCloseTo(2.4576, 12);
  });

  it('PUE defaults to 1 (IT only)', () => {
    const energy = estimateItEnergy({ wattsPerGpu: 500, gpus: 8, seconds: 10 });
    expect(energy.facilityJoules).toBe(energy.itJoules);
    expect(energy.pue).toBe(1);
  });

  it('rejects PUE < 1 and negative durations', () => {
    expect(() => estimateItEnergy({ wattsPerGpu: 500, gpus: 8, seconds: 10, pue: 0.9 })).toThrow(/pue/);
    expect(() => estimateItEnergy({ wattsPerGpu: 500, gpus: 8, seconds: -1 })).toThrow(InputError);
  });
});
