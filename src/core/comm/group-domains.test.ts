import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupDomains } from './group-domains.js';
import { groupDomains, groupDomainsByEnumeration } from './group-domains.js';

/** Reference: bucket every rank by (group, domain) with plain maps. */
function bruteForce(sizes: readonly number[], inGroup: readonly boolean[], domainGpus: number): GroupDomains {
  const world = sizes.reduce<number>((a, b) => a * b, 1);
  const groups = new Map<string, Map<number, number>>();
  for (let rank = 0; rank < world; rank += 1) {
    let rest = rank;
    const key: number[] = [];
    for (let i = 0; i < sizes.length; i += 1) {
      const size = sizes[i] ?? 1;
      key.push(inGroup[i] === true ? -1 : rest % size);
      rest = Math.floor(rest / size);
    }
    const counts = groups.get(key.join()) ?? new Map<number, number>();
    const domain = Math.floor(rank / domainGpus);
    counts.set(domain, (counts.get(domain) ?? 0) + 1);
    groups.set(key.join(), counts);
  }
  const all = [...groups.values()];
  const perDomain = all.flatMap((counts) => [...counts.values()]);
  const spans = all.map((counts) => counts.size);
  return {
    size: [...(all[0]?.values() ?? [])].reduce((a, b) => a + b, 0),
    inDomain: Math.min(...perDomain),
    domains: Math.max(...spans),
    uniform: Math.min(...perDomain) === Math.max(...perDomain) && Math.min(...spans) === Math.max(...spans),
  };
}

describe('groupDomains', () => {
  it('groupDomains([8, 16], tp) with 8-GPU domains: a TP group of 8 fills one domain', () => {
    expect(groupDomains([8, 16], [true, false], 8)).toEqual({ size: 8, inDomain: 8, domains: 1, uniform: true });
  });

  it('groupDomains([8, 16], dp) with 8-GPU domains: a DP group of 16 has one member in each of 16 domains', () => {
    expect(groupDomains([8, 16], [false, true], 8)).toEqual({ size: 16, inDomain: 1, domains: 16, uniform: true });
  });

  it('groupDomains([4, 32], dp) with 72-GPU domains is not aligned: exact enumeration reports the uneven split', () => {
    // ranks 0..127 in domains [0,72) and [72,128): DP group r mod 4 has 18 members in the first and 14 in the second.
    expect(groupDomains([4, 32], [false, true], 72)).toEqual({ size: 32, inDomain: 14, domains: 2, uniform: false });
  });

  it('a domain larger than the world is the whole world', () => {
    expect(groupDomains([8, 8], [false, true], 72)).toEqual({ size: 8, inDomain: 8, domains: 1, uniform: true });
  });

  it('the closed form and the residue-class walk both agree with brute force for random degrees, placements and domain sizes', () => {
    const sizes = fc.array(fc.constantFrom(1, 2, 3, 4, 6, 8), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(sizes, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.constantFrom(1, 2, 4, 6, 8, 9, 12, 16, 72), (dims, flags, domain) => {
        const inGroup = dims.map((_, i) => flags[i] ?? false);
        const world = dims.reduce<number>((a, b) => a * b, 1);
        const reference = bruteForce(dims, inGroup, Math.min(domain, world));
        expect(groupDomains(dims, inGroup, domain)).toEqual(reference);
        expect(groupDomainsByEnumeration(dims, inGroup, Math.min(domain, world))).toEqual(reference);
      }),
      { numRuns: 400, seed: 42 },
    );
  });
});
