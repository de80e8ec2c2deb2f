import { describe, expect, it } from 'vitest';
import { InputError, MAX_ECHOED_CHARS, inUserTerms } from './errors.js';

describe('InputError message', () => {
  it('quotes a short string value in full', () => {
    expect(new InputError('model', 'llama', 'unknown').message).toBe('model = "llama": unknown');
  });
  it(`cuts a 1 MB string value to ${MAX_ECHOED_CHARS} characters ending with an ellipsis`, () => {
    const message = new InputError('model', 'x'.repeat(1_000_000), 'unknown model id').message;
    const quoted = message.slice('model = '.length, message.indexOf(': unknown'));
    expect(quoted.length).toBeLessThanOrEqual(MAX_ECHOED_CHARS);
    expect(quoted).toMatch(/^"x+…"$/);
  });
  it('cuts a long object value the same way', () => {
    const message = new InputError('layout', { order: Array.from({ length: 1000 }, (_, i) => i) }, 'bad').message;
    expect(message.length).toBeLessThan(MAX_ECHOED_CHARS + 20);
    expect(message).toContain('…');
  });
  it('a value too deep to serialise is named by its kind, never a crash', () => {
    let deep: unknown[] = [];
    for (let i = 0; i < 20_000; i += 1) deep = [deep];
    expect(new InputError('scenario', deep, 'bad').message).toBe('scenario = […]: bad');
  });
});

describe('inUserTerms', () => {
  const fields = { blockItWatts: { field: 'datacenter.blockMw', toUserUnit: (w: number) => w / 1e6 } };
  it('renames an internal field to the user\'s and converts the value to the user\'s unit', () => {
    try {
      inUserTerms(fields, () => {
        throw new InputError('blockItWatts', 10_000, 'must hold at least one rack');
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect(error instanceof InputError && error.message).toBe('datacenter.blockMw = 0.01: must hold at least one rack');
    }
  });
  it('leaves other errors and results alone', () => {
    expect(inUserTerms(fields, () => 3)).toBe(3);
    expect(() => inUserTerms(fields, () => {
      throw new InputError('layout.tp', 3, 'bad');
    })).toThrow('layout.tp = 3: bad');
  });
});

describe('inUserTerms with a prefix key', () => {
  it('`schedule*` → datacenter.growth renames schedule[2].gpus to datacenter.growth[2].gpus', () => {
    expect(() => inUserTerms({ 'schedule*': { field: 'datacenter.growth' } }, () => {
      throw new InputError('schedule[2].gpus', 5, 'must not fall');
    })).toThrow('datacenter.growth[2].gpus = 5: must not fall');
  });
});
