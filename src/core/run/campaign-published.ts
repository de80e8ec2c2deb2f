/**
 * A campaign's GPU-hours against the published ones (a scenario's `reference`), phase by phase:
 *
 *   error [%] = 100 · (estimated / published − 1)
 *
 * Consecutive phases that carry the same published figure from the same source (DeepSeek-V3's two
 * context-extension stages share one "119K" entry) are compared together: the figure is set against
 * the sum of their estimates, on the last phase of the group. The total is compared only when every
 * phase has a published figure, each distinct figure counted once.
 */
import type { Campaign } from './campaign.js';

/** What a phase's source publishes (a scenario's `reference` section). */
export interface PublishedPhase {
  readonly gpuHours?: number | undefined;
  readonly source?: string | undefined;
}

export interface PublishedComparison {
  readonly publishedGpuHours: number;
  /** Estimated GPU-hours of the phases the published figure covers. */
  readonly estimatedGpuHours: number;
  readonly errorPct: number;
}

/** A phase's comparison: none published, compared together with the next phase, or compared. */
export type PhaseComparison =
  | { readonly kind: 'unpublished' }
  | { readonly kind: 'with-next' }
  | ({ readonly kind: 'compared' } & PublishedComparison);

export interface CampaignComparison {
  /** One entry per campaign row. */
  readonly phases: readonly PhaseComparison[];
  /** The campaign total against the distinct published figures; null when a phase has none. */
  readonly total: PublishedComparison | null;
}

function comparison(publishedGpuHours: number, estimatedGpuHours: number): PublishedComparison {
  return { publishedGpuHours, estimatedGpuHours, errorPct: 100 * (estimatedGpuHours / publishedGpuHours - 1) };
}

/** `published[i]` is what phase i's source reports (rows of `campaign` in the same order). */
export function compareCampaign(campaign: Campaign, published: readonly PublishedPhase[]): CampaignComparison {
  const key = (i: number): string => `${published[i]?.gpuHours ?? ''}|${published[i]?.source ?? ''}`;
  const sharesWithNext = (i: number): boolean => i + 1 < campaign.rows.length && key(i + 1) === key(i);
  let distinctTotal = 0;
  const phases = campaign.rows.map((_, i): PhaseComparison => {
    const value = published[i]?.gpuHours;
    if (value === undefined) return { kind: 'unpublished' };
    if (sharesWithNext(i)) return { kind: 'with-next' };
    distinctTotal += value;
    let estimated = 0;
    for (let j = i; j >= 0 && key(j) === key(i); j -= 1) estimated += campaign.rows[j]?.gpuHours ?? 0;
    return { kind: 'compared', ...comparison(value, estimated) };
  });
  const everyPublished = campaign.rows.every((_, i) => published[i]?.gpuHours !== undefined);
  return { phases, total: everyPublished ? comparison(distinctTotal, campaign.total.gpuHours) : null };
}
