/**
 * `--what-if` specs: `scaleUpBandwidth=2x,hbmBandwidth=1.5x,precision=fp8` → a typed change list.
 *
 * | key | value | changes |
 * |---|---|---|
 * | scaleUpBandwidth | factor `Nx` | cluster (and accelerator) scale-up bandwidth |
 * | scaleOutBandwidth | factor `Nx` | cluster (and accelerator) scale-out bandwidth per GPU |
 * | hbmBandwidth | factor `Nx` | accelerator HBM bandwidth |
 * | hbmCapacity | factor `Nx` | accelerator HBM capacity |
 * | peakFlops | factor `Nx` | every tensor-core peak of the accelerator |
 * | precision | a training precision (bf16, fp16, fp8, fp8-block, mxfp8, nvfp4) | training.precision |
 * | gpus | an integer, or a factor `Nx` | cluster.gpus (data parallelism absorbs the change) |
 * | scaleUpDomain | an integer | GPUs per scale-up (NVLink) domain, e.g. 72 for NVL72 |
 * | cooling | air, rear-door, direct-to-chip, immersion | datacenter.cooling |
 *
 * Every malformed spec is `InputError('--what-if', spec, rule)`.
 */
import { COOLING_IDS } from '../datacenter/cooling/registry.js';
import type { CoolingId } from '../datacenter/cooling/types.js';
import { InputError } from '../errors.js';
import { PRECISIONS, type Precision } from '../hardware/types.js';

export type ScaleKey = 'scaleUpBandwidth' | 'scaleOutBandwidth' | 'hbmBandwidth' | 'hbmCapacity' | 'peakFlops';

export const SCALE_KEYS: readonly ScaleKey[] = ['scaleUpBandwidth', 'scaleOutBandwidth', 'hbmBandwidth', 'hbmCapacity', 'peakFlops'];

export type WhatIfChange =
  | { readonly key: ScaleKey; readonly factor: number }
  | { readonly key: 'precision'; readonly precision: Precision }
  | { readonly key: 'gpus'; readonly mode: 'count' | 'factor'; readonly value: number }
  | { readonly key: 'scaleUpDomain'; readonly gpus: number }
  | { readonly key: 'cooling'; readonly cooling: CoolingId };

export type WhatIfKey = WhatIfChange['key'];

export const WHAT_IF_KEYS: readonly WhatIfKey[] = [...SCALE_KEYS, 'precision', 'gpus', 'scaleUpDomain', 'cooling'];

/** Largest factor accepted (a sanity bound, not physics). */
const MAX_FACTOR = 1000;
const FACTOR = /^(\d+(?:\.\d+)?|\.\d+)x$/;
const INTEGER = /^[1-9]\d*$/;

function isScaleKey(key: string): key is ScaleKey {
  return SCALE_KEYS.some((k) => k === key);
}

function isPrecision(value: string): value is Precision {
  return PRECISIONS.some((p) => p === value);
}

function isCooling(value: string): value is CoolingId {
  return COOLING_IDS.some((c) => c === value);
}

function parseFactor(spec: string, key: string, value: string): number {
  const match = FACTOR.exec(value);
  const factor = match === null ? Number.NaN : Number(match[1]);
  if (!(factor > 0 && factor <= MAX_FACTOR)) {
    throw new InputError('--what-if', spec, `${key}=${value}: expected a factor like 2x or 1.5x, greater than 0 and at most ${MAX_FACTOR}x`);
  }
  return factor;
}

function parseInteger(spec: string, key: string, value: string): number {
  const n = INTEGER.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new InputError('--what-if', spec, `${key}=${value}: expected a positive integer`);
  return n;
}

function parseChange(spec: string, key: string, value: string): WhatIfChange {
  if (isScaleKey(key)) return { key, factor: parseFactor(spec, key, value) };
  switch (key) {
    case 'precision':
      if (!isPrecision(value)) throw new InputError('--what-if', spec, `precision=${value}: expected one of ${PRECISIONS.join(', ')}`);
      return { key, precision: value };
    case 'gpus':
      return value.endsWith('x') ? { key, mode: 'factor', value: parseFactor(spec, key, value) } : { key, mode: 'count', value: parseInteger(spec, key, value) };
    case 'scaleUpDomain':
      return { key, gpus: parseInteger(spec, key, value) };
    case 'cooling':
      if (!isCooling(value)) throw new InputError('--what-if', spec, `cooling=${value}: expected one of ${COOLING_IDS.join(', ')}`);
      return { key, cooling: value };
    default:
      throw new InputError('--what-if', spec, `unknown key "${key}"; known keys: ${WHAT_IF_KEYS.join(', ')}`);
  }
}

/**
 * Parses `key=value[,key=value…]` (spaces around items ignored; each key at most once).
 * @throws InputError('--what-if', spec, rule) for an empty spec, an item without `=`, an unknown
 *   key, a repeated key or a malformed value.
 */
export function parseWhatIf(spec: string): readonly WhatIfChange[] {
  const items = spec.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (items.length === 0) throw new InputError('--what-if', spec, 'expected key=value pairs separated by commas, e.g. scaleUpBandwidth=2x,precision=fp8');
  const changes: WhatIfChange[] = [];
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0 || eq === item.length - 1) throw new InputError('--what-if', spec, `"${item}" is not key=value`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (changes.some((c) => c.key === key)) throw new InputError('--what-if', spec, `${key} is given twice`);
    changes.push(parseChange(spec, key, value));
  }
  return changes;
}

/** The change list written back as a spec (`parseWhatIf(formatWhatIf(c))` equals `c`). */
export function formatWhatIf(changes: readonly WhatIfChange[]): string {
  return changes.map((c) => {
    switch (c.key) {
      case 'precision': return `precision=${c.precision}`;
      case 'gpus': return c.mode === 'factor' ? `gpus=${c.value}x` : `gpus=${c.value}`;
      case 'scaleUpDomain': return `scaleUpDomain=${c.gpus}`;
      case 'cooling': return `cooling=${c.cooling}`;
      default: return `${c.key}=${c.factor}x`;
    }
  }).join(',');
}
