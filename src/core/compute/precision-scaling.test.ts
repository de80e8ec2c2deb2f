import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../input-error.testing.js';
import { castBytesPerElement, resolvePrecisionScaling } from './precision-scaling.js';

describe('castBytesPerElement(precision, scaling)', () => {
  it('FP8 tensorwise (the fp8 default): amax pass 2 + cast-transpose 2 + two FP8 copies = 6 bytes', () => {
    expect(castBytesPerElement('fp8')).toBe(6);
    expect(castBytesPerElement('fp8', 'tensorwise')).toBe(6);
  });
  it('single-pass block scalings: read 2, write two copies with their scales', () => {
    expect(castBytesPerElement('fp8-block')).toBeCloseTo(2 + 2 * (1 + 4 / 128), 12);
    expect(castBytesPerElement('mxfp8')).toBeCloseTo(2 + 2 * (1 + 1 / 32), 12);
  });
  it('NVFP4: amax pass, then two 4-bit copies with one E4M3 scale per 16 elements', () => {
    expect(castBytesPerElement('nvfp4')).toBeCloseTo(4 + 2 * (0.5 + 1 / 16), 12);
  });
  it('16-bit recipes quantise nothing', () => {
    expect(castBytesPerElement('bf16')).toBe(0);
    expect(resolvePrecisionScaling('fp16')).toBeNull();
  });
  it('a scaling the precision cannot run is an InputError on training.precisionScaling', () => {
    expect(inputErrorOf(() => resolvePrecisionScaling('mxfp8', 'rowwise'))).toMatchObject({ field: 'training.precisionScaling', value: 'rowwise' });
    expect(inputErrorOf(() => resolvePrecisionScaling('bf16', 'tensorwise')).rule).toMatch(/quantises nothing/);
  });
});
