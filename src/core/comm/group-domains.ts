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

/** Ranks of every group, one array per group, in rank order of their first member. */
function enumerateGroups(sizes: readonly number[], inGroup: readonly boolean[]): number[][] {
  const strides = sizes.map((_, i) => product(sizes.slice(0, i)));
  const groups = new Map<number, number[]>();
  const world = product(sizes);
  for (let rank = 0; rank < world; rank += 1) {
    let key = rank;
    for (let i = 0; i < sizes.length; i += 1) {
      if (inGroup[i] !== true) continue;
      const stride = strides[i] ?? 1;
      key -= (Math.floor(rank / stride) % (sizes[i] ?? 1)) * stride;
    }
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [rank]);
    else members.push(rank);
  }
  return [...groups.values()];
}

/** Exact statistics by enumerating every group: O(world). Used only when domains are not aligned. */
function enumeratedDomains(sizes: readonly number[], inGroup: readonly boolean[], domainGpus: number): GroupDomains {
  let inDomain = Number.POSITIVE_INFINITY;
  let inDomainMax = 0;
  let domains = 0;
  let domainsMin = Number.POSITIVE_INFINITY;
  let size = 0;
  for (const members of enumerateGroups(sizes, inGroup)) {
    size = members.length;
    const counts = new Map<number, number>();
    for (const rank of members) {
      const domain = Math.floor(rank / domainGpus);
      counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
    for (const count of counts.values()) {
      inDomain = Math.min(inDomain, count);
      inDomainMax = Math.max(inDomainMax, count);
    }
    domains = Math.max(domains, counts.size);
    domainsMin = Math.min(domainsMin, counts.size);
  }
  return { size, inDomain, domains, uniform: inDomain === inDomainMax && domains === domainsMin };
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
