/**
 * The data center the analysis assumes for a scenario (the scenario format has no building): sized
 * with `sizeDatacenter` for the cluster's accelerator and GPU count.
 */
import type { Accelerator, Cluster } from '../hardware/types.js';
import { COOLING_IDS } from '../datacenter/cooling/registry.js';
import type { CoolingId } from '../datacenter/cooling/types.js';
import { planRacks } from '../datacenter/racks.js';
import { sizeDatacenter, type DatacenterSizing } from '../datacenter/size.js';
import type { SiteOptions } from './options.js';

/**
 * The least involved cooling that holds the reference rack at its full density (COOLING_IDS order:
 * air, rear-door, direct-to-chip, immersion); if none does, the first that holds one unit per rack.
 * DGX H100 (4 × 10.2 kW = 40.8 kW) → air; DGX B200 (4 × 14.3 kW) → rear-door; GB200 NVL72 → direct-to-chip.
 */
export function defaultCooling(accelerator: Accelerator): CoolingId {
  let feasible: CoolingId | null = null;
  for (const id of COOLING_IDS) {
    const plan = planRacks(accelerator, id);
    if (!plan.feasible) continue;
    if (!plan.limitedByCooling) return id;
    feasible ??= id;
  }
  return feasible ?? 'direct-to-chip';
}

/** Sizing of the site for `cluster` under `site` (defaults in `SiteOptions`). */
export function sizeSite(cluster: Cluster, site: SiteOptions = {}): DatacenterSizing {
  return sizeDatacenter({
    accelerator: cluster.accelerator,
    gpus: cluster.gpus,
    cooling: site.cooling ?? defaultCooling(cluster.accelerator),
    ...(site.climate === undefined ? {} : { climate: site.climate }),
    ...(site.powerChain === undefined ? {} : { powerChain: site.powerChain }),
    ...(site.blockItWatts === undefined ? {} : { blockItWatts: site.blockItWatts }),
  });
}
