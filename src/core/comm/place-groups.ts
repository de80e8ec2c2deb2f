/**
 * Which tier each parallel group of a layout lands on.
 *
 * Convention (Megatron-Core `parallel_state.initialize_model_parallel`, "MoE parallel folding"):
 * two rank generators share one placement order (default tp-cp-ep-dp-pp, innermost first).
 * - Dense layers: sizes {tp, cp, ep: 1, dp, pp} — `ep` plays no part in the dense layout.
 * - Expert layers: sizes {tp: etp, cp: 1, ep, dp: edp, pp} with etp·ep·edp = tp·cp·dp, i.e. expert
 *   parallelism is carved out of the tp·cp·dp ranks of one pipeline stage. With the default order an
 *   EP group is `ep` consecutive blocks of `etp` ranks: it sits inside the data-parallel ranks, right
 *   after the expert-TP ranks (DeepSeek-V3: tp 1, ep 64 → ranks 0-63 = 8 nodes of 8).
 * Both generators must give the same pipeline groups (Megatron asserts it), so the ranks before `pp`
 * in the order must number the same in both.
 */
import { InputError } from '../errors.js';
import type { Cluster } from '../hardware/types.js';
import type { Layout, ParallelDim } from '../layout/types.js';
import { groupDomains } from './group-domains.js';
import type { Tier } from './links.js';

/** Where one parallel group sits on the topology. */
export interface GroupPlacement {
  /** Ranks in the group (n). */
  readonly size: number;
  /** Members sharing one scale-up domain (k); the fewest when groups are uneven. */
  readonly inDomain: number;
  /** Scale-up domains the group spans (d = n / k when uniform); the most when uneven. */
  readonly domains: number;
  /** `scale-up` when the group fits in one domain, else `scale-out` (hierarchical collectives). */
  readonly tier: Tier;
  /** Every group of this kind has exactly `inDomain` members in each of its `domains` domains. */
  readonly uniform: boolean;
}

/** Placement of every group of a layout. */
export interface GroupPlacements {
  /** Tensor-parallel group (dense layers). */
  readonly tp: GroupPlacement;
  readonly cp: GroupPlacement;
  /** Expert-parallel group (token all-to-all). */
  readonly ep: GroupPlacement;
  /** Expert tensor-parallel group. */
  readonly etp: GroupPlacement;
  /** Dense-parameter gradient group = dp·cp ranks (Megatron's data-parallel-with-CP group). */
  readonly dp: GroupPlacement;
  /** Expert-data-parallel group: replicas of one expert shard (edp = tp·cp·dp / (etp·ep)). */
  readonly edp: GroupPlacement;
  /** Pipeline group (one rank per stage). */
  readonly pp: GroupPlacement;
}

export type PlacementDegrees = Pick<Layout, 'tp' | 'cp' | 'ep' | 'etp' | 'dp' | 'pp'>;

/** The groups of the dense layers: they depend on tp, cp, dp, pp, the order and the cluster only (not on ep, etp). */
export type DenseGroupPlacements = Pick<GroupPlacements, 'tp' | 'cp' | 'dp' | 'pp'>;

/** The layout fields the dense groups depend on (with the cluster). */
export const DENSE_GROUP_FIELDS = ['tp', 'cp', 'dp', 'pp', 'order'] as const;

const DIMS: readonly ParallelDim[] = ['tp', 'cp', 'ep', 'dp', 'pp'];

/** A uniform group of `size` ranks with `inDomain` of them per domain (e.g. "ring of 8" = (8, 8)). */
export function createGroupPlacement(size: number, inDomain: number): GroupPlacement {
  if (!Number.isInteger(size) || size < 1) throw new InputError('group.size', size, 'must be a positive integer');
  if (!Number.isInteger(inDomain) || inDomain < 1 || size % inDomain !== 0) {
    throw new InputError('group.inDomain', inDomain, `must be a positive integer dividing the group size (${size})`);
  }
  const domains = size / inDomain;
  return groupPlacement(size, inDomain, domains, true);
}

/**
 * The one constructor of a placement record: every placement has the same fields in the same order
 * (one hidden class), so the code that prices collectives over them reads them monomorphically.
 */
function groupPlacement(size: number, inDomain: number, domains: number, uniform: boolean): GroupPlacement {
  return { size, inDomain, domains, tier: domains > 1 ? 'scale-out' : 'scale-up', uniform };
}

/**
 * A group of `size` ranks laid out `perDomain` to a domain, the last domain taking the rest (an
 * HSDP shard of consecutive data-parallel ranks, say). When `perDomain` does not divide `size`
 * the group is uneven: `inDomain` is then the fewest members of one domain (the remainder) and
 * `domains` the count of domains touched, the convention of `groupDomains`. A 72-GPU NVL72
 * domain holding 9 ranks of a 128-rank shard: 15 domains, the last with 2.
 */
export function createPackedPlacement(size: number, perDomain: number): GroupPlacement {
  const packed = Math.max(1, Math.min(size, Math.floor(perDomain)));
  if (size % packed === 0) return createGroupPlacement(size, packed);
  const domains = Math.ceil(size / packed);
  return groupPlacement(size, size - (domains - 1) * packed, domains, false);
}

function checkDegrees(degrees: PlacementDegrees): number {
  for (const dim of ['tp', 'cp', 'ep', 'etp', 'dp', 'pp'] as const) {
    const value = degrees[dim];
    if (!Number.isInteger(value) || value < 1) throw new InputError(`layout.${dim}`, value, 'must be a positive integer');
  }
  const stageRanks = degrees.tp * degrees.cp * degrees.dp;
  if (stageRanks % (degrees.etp * degrees.ep) !== 0) {
    throw new InputError('layout.ep', degrees.ep, `etp·ep = ${degrees.etp}·${degrees.ep} must divide tp·cp·dp = ${stageRanks}`);
  }
  return stageRanks / (degrees.etp * degrees.ep);
}

function checkOrder(order: readonly ParallelDim[]): void {
  if (order.length !== DIMS.length || !DIMS.every((dim) => order.includes(dim))) {
    throw new InputError('layout.order', order, `must be a permutation of ${DIMS.join(', ')}`);
  }
}

function place(sizes: Record<ParallelDim, number>, order: readonly ParallelDim[], dims: readonly ParallelDim[], domainGpus: number): GroupPlacement {
  const stats = groupDomains(
    order.map((dim) => sizes[dim]),
    order.map((dim) => dims.includes(dim)),
    domainGpus,
  );
  return groupPlacement(stats.size, stats.inDomain, stats.domains, stats.uniform);
}

function placeDense(sizes: Record<ParallelDim, number>, order: readonly ParallelDim[], domainGpus: number): DenseGroupPlacements {
  return {
    tp: place(sizes, order, ['tp'], domainGpus),
    cp: place(sizes, order, ['cp'], domainGpus),
    dp: place(sizes, order, ['cp', 'dp'], domainGpus),
    pp: place(sizes, order, ['pp'], domainGpus),
  };
}

function ranksBeforePipeline(sizes: Record<ParallelDim, number>, order: readonly ParallelDim[]): number {
  return order.slice(0, order.indexOf('pp')).reduce((acc, dim) => acc * sizes[dim], 1);
}

/**
 * Size, domain share and tier of every parallel group for these degrees, placement order and
 * cluster (`order` = Layout.order; DEFAULT_ORDER is tp-cp-ep-dp-pp). Rank r lives in scale-up domain ⌊r / scaleUpDomainGpus⌋ (ranks fill domains in order).
 * `dense`, when given, is what this function returned for the same tp, cp, dp, pp, order and
 * cluster (`DENSE_GROUP_FIELDS`): a caller that searches ep and etp places the dense groups once.
 * @throws InputError on layout.<degree> (non-positive, etp·ep not dividing tp·cp·dp) or layout.order.
 */
export function placeGroups(
  degrees: PlacementDegrees, order: readonly ParallelDim[], cluster: Pick<Cluster, 'scaleUpDomainGpus'>, dense?: DenseGroupPlacements,
): GroupPlacements {
  const edp = checkDegrees(degrees);
  checkOrder(order);
  const domain = cluster.scaleUpDomainGpus;
  if (!Number.isInteger(domain) || domain < 1) throw new InputError('cluster.scaleUpDomainGpus', domain, 'must be a positive integer');
  const denseSizes: Record<ParallelDim, number> = { tp: degrees.tp, cp: degrees.cp, ep: 1, dp: degrees.dp, pp: degrees.pp };
  const expert: Record<ParallelDim, number> = { tp: degrees.etp, cp: 1, ep: degrees.ep, dp: edp, pp: degrees.pp };
  if (ranksBeforePipeline(denseSizes, order) !== ranksBeforePipeline(expert, order)) {
    throw new InputError('layout.order', order, 'dense and expert layers must share pipeline groups: put pp after tp, cp, ep and dp, or balance the ranks before it');
  }
  const placed = dense ?? placeDense(denseSizes, order, domain);
  return {
    tp: placed.tp,
    cp: placed.cp,
    dp: placed.dp,
    pp: placed.pp,
    etp: place(expert, order, ['tp'], domain),
    ep: place(expert, order, ['ep'], domain),
    edp: place(expert, order, ['dp'], domain),
  };
}
