/**
 * Deployment time as a critical path of named tasks (durations and sources in defaults.ts DEPLOYMENT).
 *
 *   start(task) = max end of its predecessors (0 without any);  end = start + duration  [months]
 *   site months = max end;  critical path = walk back from the last task through the predecessor
 *   that set each start.
 *
 * Modular: design ─┬─ factory build (first block + (blocks − 1)/throughput, in parallel) ─┐
 *          permits ┴─ site preparation (base + per MW) ─────────────────────────────────┼─ install and commission
 *          grid interconnect and substation (queue) ────────────────────────────────────┘   (base + per block)
 * Traditional: design ─ long-lead equipment ─┬─ M&E fit-out (base + per MW) ─ commissioning
 *              design, permits ─ shell (base + per MW) ─┘          grid ──────┘
 * Permits and grid take no time when the site has them (`datacenter.site`). A ready site gives
 * ~6 months modular against ~21 traditional (§4.3: 3–6 vs 18–24); a site in a grid queue waits years.
 */
import { DEPLOYMENT } from './defaults.js';
import { requireNonNegative, requirePositiveInteger } from './validate.js';

export interface SiteReadiness {
  /** Grid connection in place (default false). */
  readonly powerAvailable?: boolean;
  /** Permits in hand (default false). */
  readonly permitted?: boolean;
}

export interface DeploymentInput {
  /** Design-day facility power [W]. */
  readonly facilityWatts: number;
  /** Modular blocks of the site. */
  readonly blocks: number;
  readonly site?: SiteReadiness;
}

export interface DeploymentTask {
  readonly id: string;
  readonly name: string;
  readonly startMonth: number;
  readonly durationMonths: number;
  readonly endMonth: number;
  readonly critical: boolean;
  readonly after: readonly string[];
  readonly source: string;
}

export interface DeploymentPlan {
  readonly style: 'modular' | 'traditional';
  /** Months from go-ahead to IT-ready: the end of the critical path. */
  readonly months: number;
  readonly tasks: readonly DeploymentTask[];
  /** Task ids on the critical path, first to last. */
  readonly criticalPath: readonly string[];
}

interface TaskSpec {
  readonly id: string;
  readonly name: string;
  readonly months: number;
  readonly after: readonly string[];
  readonly source: string;
}

/** Earliest start of every task, and the critical path (formulas in the header). */
function schedule(style: DeploymentPlan['style'], specs: readonly TaskSpec[]): DeploymentPlan {
  const ends = new Map<string, number>();
  const setBy = new Map<string, string | null>();
  for (const t of specs) {
    let start = 0;
    let by: string | null = null;
    for (const a of t.after) {
      const end = ends.get(a) ?? 0;
      if (by === null || end > start) {
        start = end;
        by = a;
      }
    }
    ends.set(t.id, start + t.months);
    setBy.set(t.id, by);
  }
  let last = specs[0]?.id ?? '';
  for (const t of specs) if ((ends.get(t.id) ?? 0) > (ends.get(last) ?? 0)) last = t.id;
  const path: string[] = [];
  for (let id: string | null | undefined = last; id; id = setBy.get(id)) path.unshift(id);
  const tasks = specs.map((t) => {
    const endMonth = ends.get(t.id) ?? 0;
    return { id: t.id, name: t.name, startMonth: endMonth - t.months, durationMonths: t.months, endMonth, critical: path.includes(t.id), after: t.after, source: t.source };
  });
  return { style, months: ends.get(last) ?? 0, tasks, criticalPath: path };
}

const D = DEPLOYMENT;

function siteTasks(site: SiteReadiness): TaskSpec[] {
  return [
    { id: 'permits', name: 'design approval and permits', months: site.permitted ? 0 : D.permitsMonths.value, after: [], source: D.permitsMonths.source },
    { id: 'grid', name: 'grid interconnect and substation', months: site.powerAvailable ? 0 : D.gridInterconnectMonths.value, after: [], source: D.gridInterconnectMonths.source },
  ];
}

/** Critical path of a modular build. */
export function planModularDeployment(input: DeploymentInput): DeploymentPlan {
  const mw = requireNonNegative('facilityWatts', input.facilityWatts) / 1e6;
  const blocks = requirePositiveInteger('blocks', input.blocks);
  return schedule('modular', [
    { id: 'design', name: 'block design and sign-off', months: D.modularDesignMonths.value, after: [], source: D.modularDesignMonths.source },
    ...siteTasks(input.site ?? {}),
    { id: 'site-prep', name: 'site preparation', months: D.sitePrepMonths.value + D.sitePrepMonthsPerMw.value * mw, after: ['design', 'permits'], source: D.sitePrepMonths.source },
    { id: 'factory', name: `factory build of ${blocks} block${blocks === 1 ? '' : 's'} (in parallel)`, months: D.factoryMonths.value + (blocks - 1) / D.factoryBlocksPerMonth.value, after: ['design'], source: D.factoryMonths.source },
    { id: 'install', name: 'delivery, installation and commissioning', months: D.installMonths.value + D.installMonthsPerBlock.value * (blocks - 1), after: ['factory', 'site-prep', 'grid'], source: D.installMonths.source },
  ]);
}

/** Critical path of a traditional (stick-built) hall. */
export function planTraditionalDeployment(input: DeploymentInput): DeploymentPlan {
  const mw = requireNonNegative('facilityWatts', input.facilityWatts) / 1e6;
  return schedule('traditional', [
    { id: 'design', name: 'engineering design', months: D.traditionalDesignMonths.value, after: [], source: D.traditionalDesignMonths.source },
    ...siteTasks(input.site ?? {}),
    { id: 'long-lead', name: 'long-lead equipment (switchgear, generators, chillers)', months: D.longLeadEquipmentMonths.value, after: ['design'], source: D.longLeadEquipmentMonths.source },
    { id: 'shell', name: 'shell and core construction', months: D.shellMonths.value + D.shellMonthsPerMw.value * mw, after: ['design', 'permits'], source: D.shellMonths.source },
    { id: 'fit-out', name: 'mechanical and electrical fit-out', months: D.fitOutMonths.value + D.fitOutMonthsPerMw.value * mw, after: ['shell', 'long-lead'], source: D.fitOutMonths.source },
    { id: 'commissioning', name: 'commissioning', months: D.commissioningMonths.value, after: ['fit-out', 'grid'], source: D.commissioningMonths.source },
  ]);
}

/** Both builds of the same site. */
export function estimateDeployment(input: DeploymentInput): { readonly modular: DeploymentPlan; readonly traditional: DeploymentPlan } {
  return { modular: planModularDeployment(input), traditional: planTraditionalDeployment(input) };
}
