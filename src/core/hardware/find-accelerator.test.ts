import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from './catalog.js';
import { findAccelerator } from './find-accelerator.js';
import { inputErrorOf as thrown } from '../input-error.testing.js';


describe('findAccelerator', () => {
  it('findAccelerator("h800") returns the catalog entry', () => {
    expect(findAccelerator('h800')).toBe(ACCELERATORS.h800);
  });

  it('findAccelerator("h100") throws InputError on cluster.accelerator suggesting "h100-sxm"', () => {
    const error = thrown(() => findAccelerator('h100'));
    expect(error.field).toBe('cluster.accelerator');
    expect(error.value).toBe('h100');
    expect(error.rule).toContain('did you mean "h100-sxm"');
  });

  it('findAccelerator("gb20") suggests "gb200"; inherited object keys are not accelerators', () => {
    expect(thrown(() => findAccelerator('gb20')).rule).toContain('"gb200"');
    expect(thrown(() => findAccelerator('toString')).field).toBe('cluster.accelerator');
  });
});
