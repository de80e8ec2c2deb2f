/**
 * Redundancy of the power and cooling plant: what is installed for a load, and what it costs.
 *
 *   installed / load:  N = 1;  N+1 = (n + 1) / n with n active modules (REDUNDANCY.nPlusOneModules);  2N = 2
 *   installed power [W]   = design-day facility power · factor(power)   (UPS, generators, switchgear)
 *   installed cooling [W] = IT nameplate heat · factor(cooling)          (chillers, CDUs, dry coolers)
 *   facility $/W multiplier = 1 + s_crit · (s_pow · (f_pow / f_base − 1) + (1 − s_pow) · (f_cool / f_base − 1))
 *
 * with s_crit the critical-capacity share of facility cost (C&W 2025: 53 %), s_pow its electrical part
 * and f_base the factor the $/W defaults already include (N+1, defaults-site.ts). Uptime Tier Standard:
 * Tier II/III = N+1, Tier IV = 2N. The utility feed carries the draw, not the spares: the site power
 * cap (`datacenter.sitePowerMw`) is checked against the design-day draw.
 */
import { REDUNDANCY } from './defaults-site.js';

export const REDUNDANCY_LEVELS = ['N', 'N+1', '2N'] as const;
export type RedundancyLevel = (typeof REDUNDANCY_LEVELS)[number];

export interface Redundancy {
  readonly power: RedundancyLevel;
  readonly cooling: RedundancyLevel;
}

/** The default: N+1 power and cooling (Tier III, as the GB200 SuperPOD RA asks). */
export const DEFAULT_REDUNDANCY: Redundancy = { power: 'N+1', cooling: 'N+1' };

/** Installed capacity per unit of load [W/W] (formula in the header). */
export function redundancyFactor(level: RedundancyLevel): number {
  const n = REDUNDANCY.nPlusOneModules.value;
  if (level === 'N') return 1;
  if (level === 'N+1') return (n + 1) / n;
  return 2;
}

export interface RedundancyPlan extends Redundancy {
  /** Installed electrical capacity [W]. */
  readonly installedPowerWatts: number;
  /** Installed heat-rejection capacity [W]. */
  readonly installedCoolingWatts: number;
  /** Facility $/W relative to the N+1 defaults. */
  readonly facilityCostMultiplier: number;
}

/** Installed capacity and the facility cost multiplier of a redundancy choice. */
export function planRedundancy(redundancy: Redundancy, designFacilityWatts: number, itNameplateWatts: number): RedundancyPlan {
  const base = redundancyFactor(REDUNDANCY.baselineRedundancy.value);
  const sCrit = REDUNDANCY.criticalCapacityCostShare.value;
  const sPow = REDUNDANCY.powerShareOfCriticalCapacity.value;
  const fPow = redundancyFactor(redundancy.power);
  const fCool = redundancyFactor(redundancy.cooling);
  return {
    ...redundancy,
    installedPowerWatts: designFacilityWatts * fPow,
    installedCoolingWatts: itNameplateWatts * fCool,
    facilityCostMultiplier: 1 + sCrit * (sPow * (fPow / base - 1) + (1 - sPow) * (fCool / base - 1)),
  };
}
