/**
 * How the members of a parallel group fall into scale-up domains.
 *
 * Ranks are numbered in mixed radix over the parallel dimensions in placement order (innermost,
 * fastest varying, first), as Megatron-LM's RankGenerator does (megatron/core/parallel_state.py):
 * rank = Σ coord_i · stride_i with stride_i = Π_{j<i} size_j. Rank r sits in domain ⌊r / D⌋.
 * A group varies the coordinates of its own dimensions and fixes all others.
 */

export interface GroupDomains {
  /** Ranks in one group. */
  readonly size: number;
  /** Members of one group that share one domain (the fewest, when groups are uneven). */
  readonly inDomain: number;
  /** Domains one group spans (the most, when groups are uneven). */
  readonly domains: number;
  /** Every group has `inDomain` members in each of the `domains` domains it touches. */
  readonly uniform: boolean;
}

function product(values: readonly number[]): number {
  return values.reduce((acc, value) => acc * value, 1);
}

/**
 * Closed form when domains are aligned with the radix: D = P_j · m with P_j = Π_{i<j} size_i and m
 * dividing size_j. Then a domain holds every value of dims < j, a block of m values of dim j, and one
 * value of every later dim, so a group has Π_{i<j, i in group} size_i · (m if j in group) members in
 * each domain it touches. Returns null when not aligned.
 */
function alignedDomains(sizes: readonly number[], inGroup: readonly boolean[], domainGpus: number): GroupDomains | null {
  let prefix = 1;
  let j = 0;
  while (j < sizes.length && prefix * (sizes[j] ?? 1) <= domainGpus) {
    prefix *= sizes[j] ?? 1;
    j += 1;
  }
  if (domainGpus % prefix !== 0) return null;
  const block = domainGpus / prefix;
  if (j < sizes.length && (sizes[j] ?? 1) % block !== 0) return null;
  let inDomain = 1;
  for (let i = 0; i < j; i += 1) if (inGroup[i] === true) inDomain *= sizes[i] ?? 1;
  if (j < sizes.length && inGroup[j] === true) inDomain *= block;
  const size = product(sizes.filter((_, i) => inGroup[i] === true));
  return { size, inDomain, domains: size / inDomain, uniform: true };
}

/** Offsets Σ c_i·stride_i over every coordinate tuple of `dims`, in increasing order (outermost dim slowest). */
function offsets(dims: readonly number[], sizes: readonly number[], strides: readonly number[]): number[] {
  let result = [0];
  for (const dim of dims) {
    const next: number[] = [];
    for (let c = 0; c < (sizes[dim] ?? 1); c += 1) for (const offset of result) next.push(offset + c * (strides[dim] ?? 1));
    result = next;
  }
  return result;
}

/** Distinct values of (Σ c_i·stride_i) mod D over the coordinate tuples of `dims` (set sums, each ≤ D values). */
function residues(dims: readonly number[], sizes: readonly number[], strides: readonly number[], modulus: number): number[] {
  let result = new Set<number>([0]);
  for (const dim of dims) {
    const stride = (strides[dim] ?? 1) % modulus;
    const next = new Set<number>();
    // c·stride mod D repeats after D steps at most
    const steps = Math.min(sizes[dim] ?? 1, modulus);
    for (let c = 0; c < steps; c += 1) for (const value of result) next.add((value + c * stride) % modulus);
    result = next;
  }
  return [...result].sort((a, b) => a - b);
}

/**
 * Exact statistics by walking the groups: used only when domains are not aligned.
 * A group is base + member offsets; its domain pattern depends only on base mod D (⌊(base + o)/D⌋ =
 * ⌊base/D⌋ + ⌊(base mod D + o)/D⌋), so one group per residue is walked: O(min(D, #groups)·n) ≤ O(world).
 */
function enumeratedDomains(sizes: readonly number[], inGroup: readonly boolean[], domainGpus: number): GroupDomains {
  const strides = sizes.map((_, i) => product(sizes.slice(0, i)));
  const dims = sizes.map((_, i) => i);
  const members = offsets(dims.filter((i) => inGroup[i] === true), sizes, strides);
  const bases = residues(dims.filter((i) => inGroup[i] !== true), sizes, strides, domainGpus);
  let inDomain = Number.POSITIVE_INFINITY;
  let inDomainMax = 0;
  let domains = 0;
  let domainsMin = Number.POSITIVE_INFINITY;
  for (const residue of bases) {
    // members are increasing, so each domain's members are one run
    let runs = 0;
    let run = 0;
    let current = -1;
    for (const offset of members) {
      const domain = Math.floor((residue + offset) / domainGpus);
      if (domain !== current) {
        if (run > 0) [inDomain, inDomainMax] = [Math.min(inDomain, run), Math.max(inDomainMax, run)];
        [current, run, runs] = [domain, 0, runs + 1];
      }
      run += 1;
    }
    [inDomain, inDomainMax] = [Math.min(inDomain, run), Math.max(inDomainMax, run)];
    [domains, domainsMin] = [Math.max(domains, runs), Math.min(domainsMin, runs)];
  }
  return { size: members.length, inDomain, domains, uniform: inDomain === inDomainMax && domains === domainsMin };
}

/**
 * Domain statistics of the groups over the dimensions flagged in `inGroup`.
 * `sizes` are the dimension sizes in placement order (innermost first); `domainGpus` the ranks per
 * scale-up domain (a domain larger than the world is the whole world).
 */
export function groupDomains(sizes: readonly number[], inGroup: readonly boolean[], domainGpus: number): GroupDomains {
  const world = product(sizes);
  const domain = Math.min(domainGpus, world);
  return alignedDomains(sizes, inGroup, domain) ?? enumeratedDomains(sizes, inGroup, domain);
}

/** Exposed for the property test that checks the closed form against enumeration. */
export const groupDomainsByEnumeration = enumeratedDomains;
