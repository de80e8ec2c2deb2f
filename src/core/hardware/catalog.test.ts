import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS, ACCELERATOR_IDS } from './catalog.js';
import { REFERENCE_SYSTEMS } from './systems.js';
import type { Accelerator } from './types.js';

interface HardwareRecord {
  id: string;
  peakTflops: { tf32: number | null; fp16: number | null; bf16: number | null; fp8: number | null; fp4: number | null };
  hbmGB: number | null;
  hbmBandwidthTBs: number | null;
  scaleUpBandwidthGBsPerDirection: number | null;
  scaleUpBandwidthGBsBidirectional: number | null;
  scaleUpAchievedGBsPerDirection: number | null;
  scaleUpDomainGpus: number | null;
  gpusPerNode: number | null;
  tdpWatts: number | null;
}

interface NetworkRecord {
  kind: string;
  id: string;
  acceleratorId?: string;
  gpus?: number;
  maxPowerKw?: number | null;
}

const dataDir = new URL('../../../data/', import.meta.url);
const hardware: HardwareRecord[] = JSON.parse(readFileSync(new URL('hardware.json', dataDir), 'utf8'));
const network: NetworkRecord[] = JSON.parse(readFileSync(new URL('network.json', dataDir), 'utf8'));
const entries: [string, Accelerator][] = Object.entries(ACCELERATORS);

function record(id: string): HardwareRecord {
  const found = hardware.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no hardware.json record for ${id}`);
  return found;
}

describe('ACCELERATORS', () => {
  it('holds every accelerator the published runs use', () => {
    const required = ['a100-80gb', 'a100-40gb', 'h100-sxm', 'h100-96gb-500w', 'h800', 'h200', 'b200', 'b300', 'gb200', 'gb300', 'mi300x'];
    expect(ACCELERATOR_IDS).toEqual(expect.arrayContaining(required));
  });

  it.each(entries)('%s: id equals its registry key and carries a source', (key, accelerator) => {
    expect(accelerator.id).toBe(key);
    expect(accelerator.source.length).toBeGreaterThan(20);
    expect(accelerator.system.source?.length ?? 0).toBeGreaterThan(20);
    expect(accelerator.scaleOut.source?.length ?? 0).toBeGreaterThan(20);
  });

  it.each(entries)('%s: dense peaks, HBM, NVLink and TDP equal data/hardware.json converted to SI', (key, accelerator) => {
    const r = record(key);
    for (const peak of ['tf32', 'bf16', 'fp16', 'fp8', 'fp4'] as const) {
      const expected = r.peakTflops[peak];
      const actual = accelerator.peakFlopsPerSec[peak];
      if (expected === null) expect(actual).toBeNull();
      else expect(actual).toBeCloseTo(expected * 1e12, -3);
    }
    // Binary for the Ampere and Hopper HBM parts (catalog.ts header), decimal nominal otherwise.
    expect([(r.hbmGB ?? Number.NaN) * 1e9, (r.hbmGB ?? Number.NaN) * 2 ** 30]).toContain(accelerator.hbmBytes);
    if (r.hbmBandwidthTBs !== null) expect(accelerator.hbmBandwidthBytesPerSec).toBeCloseTo(r.hbmBandwidthTBs * 1e12, -3);
    expect(accelerator.scaleUp.bandwidthBytesPerSec).toBe((r.scaleUpBandwidthGBsPerDirection ?? Number.NaN) * 1e9);
    expect(accelerator.scaleUp.bandwidthBytesPerSec).toBe((r.scaleUpBandwidthGBsBidirectional ?? Number.NaN) * 1e9 / 2);
    expect(accelerator.scaleUp.achievedBytesPerSec).toBe(r.scaleUpAchievedGBsPerDirection === null ? null : r.scaleUpAchievedGBsPerDirection * 1e9);
    expect(accelerator.scaleUp.domainGpus).toBe(r.scaleUpDomainGpus);
    expect(accelerator.gpusPerNode).toBe(r.gpusPerNode);
    if (r.tdpWatts !== null) expect(accelerator.tdpWatts).toBe(r.tdpWatts);
  });

  it.each(entries)('%s: a figure missing from hardware.json is filled with an assumption named in notes', (key, accelerator) => {
    const r = record(key);
    if (r.hbmBandwidthTBs === null || r.tdpWatts === null) expect(accelerator.notes).toMatch(/[Aa]ssum/);
  });

  it('80 GB Ampere and Hopper parts hold 80 GiB of HBM (five 16 GiB stacks), not 80e9 bytes', () => {
    for (const id of ['a100-80gb', 'h100-sxm', 'h800'] as const) expect(ACCELERATORS[id].hbmBytes).toBe(80 * 2 ** 30);
  });

  it('H800 keeps the achieved NVLink figure (160 GB/s) beside the nominal 200 GB/s per direction', () => {
    expect(ACCELERATORS.h800.scaleUp.bandwidthBytesPerSec).toBe(200e9);
    expect(ACCELERATORS.h800.scaleUp.achievedBytesPerSec).toBe(160e9);
  });

  it('Hopper HGX parts scale out over one 400 Gb/s NIC per GPU (50 GB/s); GB300 and B300 over 800 Gb/s (100 GB/s)', () => {
    for (const id of ['h100-sxm', 'h800', 'h200', 'h100-96gb-500w'] as const) expect(ACCELERATORS[id].scaleOut.bandwidthBytesPerSec).toBe(50e9);
    expect(ACCELERATORS.gb300.scaleOut.bandwidthBytesPerSec).toBe(100e9);
    expect(ACCELERATORS.b300.scaleOut.bandwidthBytesPerSec).toBe(100e9);
    expect(ACCELERATORS['a100-80gb'].scaleOut.bandwidthBytesPerSec).toBe(25e9);
  });

  it('scale-out latency is the InfiniBand cross-leaf measurement (3.7 µs) and NVLink 3.33 µs (DeepSeek ISCA\'25 Table 5)', () => {
    const latency = network.find((r) => r.id === 'lat-ib-cross-leaf');
    expect(latency).toBeDefined();
    expect(ACCELERATORS['h100-sxm'].scaleOut.latencySeconds).toBeCloseTo(3.7e-6, 12);
    expect(ACCELERATORS['h100-sxm'].scaleUp.latencySeconds).toBeCloseTo(3.33e-6, 12);
  });
});

describe('REFERENCE_SYSTEMS', () => {
  it('system power equals data/network.json maxPowerKw wherever the data gives it', () => {
    const systems = network.filter((r) => r.kind === 'system' && r.maxPowerKw != null);
    expect(systems.length).toBeGreaterThanOrEqual(4);
    for (const system of systems) {
      const accelerator = entries.find(([id]) => id === system.acceleratorId)?.[1];
      if (accelerator === undefined) continue;
      expect(accelerator.system.powerWatts, system.id).toBeCloseTo((system.maxPowerKw ?? 0) * 1e3, 6);
      expect(accelerator.system.gpus, system.id).toBe(system.gpus);
    }
  });

  it('DGX H100 racks hold 4 systems (40.8 kW); a GB200 NVL72 rack is one 72-GPU unit of ~120 kW', () => {
    expect(REFERENCE_SYSTEMS['dgx-h100'].unitsPerRack * REFERENCE_SYSTEMS['dgx-h100'].powerWatts).toBeCloseTo(40.8e3, 6);
    expect(ACCELERATORS.gb200.system).toMatchObject({ gpus: 72, unitsPerRack: 1, powerWatts: 120e3 });
  });

  it('the host-overhead assumption gives 8.6 kW for a Grand Teton node of 500 W GPUs', () => {
    expect(ACCELERATORS['h100-96gb-500w'].system.powerWatts).toBeCloseTo(8.6e3, 6);
  });
});
