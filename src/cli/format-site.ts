/** Terminal rendering of the data-center estimate. */
import type { DeploymentPlan, SiteEstimate } from '../core/index.js';
import { formatNumber, keyValues, table } from './format.js';

const mw = (w: number): string => `${(w / 1e6).toFixed(2)} MW`;

/** "$10.60/W ($10.00 edge/base + $0.60 cooling, × 1.00 redundancy)". */
function usdPerW(p: SiteEstimate['facilityPrice']['design']): string {
  return `$${p.usdPerItWatt.toFixed(2)}/W ($${p.baseUsdPerItWatt.toFixed(2)} ${p.edge ? 'edge block' : 'base'} + $${p.coolingPremiumUsdPerItWatt.toFixed(2)} cooling, × ${p.redundancyMultiplier.toFixed(2)} redundancy)`;
}
const musd = (usd: number): string => `$${formatNumber(usd / 1e6, 1)}M`;

function formatFabric(f: SiteEstimate['sizing']['fabric']): string {
  const planes = f.planes > 1 ? `${f.planes} planes of ` : '';
  const over = f.oversubscription > 1 ? `, ${f.oversubscription}:1 at the leaf` : '';
  const tiers = f.switchesPerTier.map((n) => formatNumber(n)).join(' + ');
  return `${planes}${f.tiers}-tier rail-optimized fat tree of ${f.switchPorts}-port ${f.type === 'ethernet' ? 'Ethernet' : 'InfiniBand'} switches${over}: ${tiers} = ${formatNumber(f.switches)} switches (leaf first), ${formatNumber(f.transceivers)} transceivers, ${f.scalableUnits} scalable units of ${f.nodesPerScalableUnit} nodes, ${musd(f.cost.totalUsd)}`;
}

const kw = (w: number): string => `${formatNumber(w / 1e3, 0)} kW`;
const m3 = (litres: number): string => `${formatNumber(litres / 1e3, 0)} m³`;

/** The same systems in existing air halls, against this design's racks. */
function formatRetrofit(site: SiteEstimate): string {
  const s = site.sizing;
  const rows = site.retrofit.rows.map((r) => (r.coolable
    ? [`existing hall, ${kw(r.rackWatts)} air racks`, r.unitsPerRack, formatNumber(r.racks), formatNumber(r.floorAreaM2), formatNumber(r.halls), 'yes']
    : [`existing hall, ${kw(r.rackWatts)} air racks`, 0, '–', '–', '–', `no: ${r.reason ?? ''}`]));
  rows.push([`this design, ${kw(s.racks.rackWatts)} ${site.cooling} racks`, s.racks.unitsPerRack, formatNumber(s.racks.totalRacks), formatNumber(s.racks.floorAreaM2), `${s.blocks.count} block${s.blocks.count === 1 ? '' : 's'}`, 'yes']);
  return table(['where', 'systems per rack', 'racks', 'white space (m²)', `halls of ${site.retrofit.hallRacks} racks`, 'coolable'], rows, 'Retrofit an existing hall vs this design');
}

const GANTT_WIDTH = 40;

/** Text Gantt of a deployment plan: one row per task, █ on the critical path, ░ off it. */
export function formatGantt(plan: DeploymentPlan): string {
  const perChar = Math.max(plan.months, 1) / GANTT_WIDTH;
  const rows = plan.tasks.map((t) => {
    const start = Math.round(t.startMonth / perChar);
    const length = t.durationMonths > 0 ? Math.max(1, Math.round(t.endMonth / perChar) - start) : 0;
    const bar = ' '.repeat(start) + (t.critical ? '█' : '░').repeat(length);
    return [t.name, t.startMonth.toFixed(1), t.durationMonths.toFixed(1), bar.padEnd(GANTT_WIDTH)];
  });
  return table(['task', 'start (month)', 'months', `0 … ${plan.months.toFixed(1)} months`], rows, `Deployment, ${plan.style}: ${plan.months.toFixed(1)} months (█ critical path)`);
}

export function formatSite(site: SiteEstimate): string {
  const s = site.sizing;
  const out: string[] = [];
  out.push(keyValues([
    ['systems', `${formatNumber(s.systems.units)} × ${s.systems.name} (${s.systems.gpusPerUnit} GPUs, ${(s.systems.unitWatts / 1e3).toFixed(1)} kW)`],
    ['racks', `${formatNumber(s.racks.computeRacks)} compute + ${formatNumber(s.racks.supportRacks)} network/storage = ${formatNumber(s.racks.totalRacks)} on ${formatNumber(s.racks.floorAreaM2)} m² of white space (${s.racks.unitsPerRack} system${s.racks.unitsPerRack === 1 ? '' : 's'}, ${(s.racks.rackWatts / 1e3).toFixed(1)} kW per rack; ${site.cooling} limit ${(s.racks.maxRackWatts / 1e3).toFixed(0)} kW)`],
    ['modular blocks', `${s.blocks.count} × ${mw(s.blocks.blockItWatts)} IT (${s.blocks.racksPerBlock} rack${s.blocks.racksPerBlock === 1 ? '' : 's'} each, ${(100 * s.blocks.fillFraction).toFixed(0)}% filled)`],
    ['IT power', `${mw(s.power.itNameplateWatts)} nameplate, ${mw(s.power.itAverageWatts)} average during training`],
    ['facility power', `${mw(s.facility.designWatts)} design, ${mw(s.facility.averageWatts)} average`],
    ['redundancy', `power ${s.redundancy.power} (${mw(s.redundancy.installedPowerWatts)} installed), cooling ${s.redundancy.cooling} (${mw(s.redundancy.installedCoolingWatts)} of heat rejection installed); ${(100 * s.pue.liquidHeatFraction).toFixed(0)}% of IT heat to liquid`],
    ['network', formatFabric(s.fabric)],
  ], `Data center (${site.cooling} cooling)`));
  const p = site.pue;
  out.push(table(['PUE', 'this design', 'traditional build'], [
    ['cooling W per IT W', p.design.coolingWattsPerItWatt.toFixed(3), p.traditional.coolingWattsPerItWatt.toFixed(3)],
    ['power-chain loss', p.design.powerChainLossWattsPerItWatt.toFixed(3), p.traditional.powerChainLossWattsPerItWatt.toFixed(3)],
    ['lighting and misc', p.design.miscWattsPerItWatt.toFixed(3), p.traditional.miscWattsPerItWatt.toFixed(3)],
    ['PUE (annual)', p.design.pue.toFixed(2), p.traditional.pue.toFixed(2)],
    ['WUE (L per IT kWh)', site.water.design.wueLitresPerKwh.toFixed(2), site.water.traditional.wueLitresPerKwh.toFixed(2)],
    ['site water per year', m3(site.water.design.litresPerYear), m3(site.water.traditional.litresPerYear)],
    ['site water, whole run', m3(site.water.design.runLitres), m3(site.water.traditional.runLitres)],
  ], 'Power and water usage effectiveness, modeled'));
  out.push(formatRetrofit(site));
  const d = site.deployment;
  out.push(keyValues([
    ['server price', `$${formatNumber(site.serverPrice.value / 1e3, 1)}K per GPU (${site.serverPrice.confidence}; source in --json)`],
    ['facility price', `${usdPerW(site.facilityPrice.design)} modular vs ${usdPerW(site.facilityPrice.traditional)} traditional`],
    ['capex', `${musd(site.capex.totalUsd)} (servers ${musd(site.capex.serversUsd)}, network ${musd(site.capex.networkUsd)}, facility ${musd(site.capex.facilityUsd)}; ${musd(site.capex.facilityUsdPerBlock)} per block)`],
    ['opex per year', `${musd(site.opex.totalUsdPerYear)} (energy ${musd(site.opex.energyUsdPerYear)}, maintenance ${musd(site.opex.maintenanceUsdPerYear)})`],
    ['training run at the facility', `${formatNumber(site.runEnergy.facilityEnergyKwh / 1e3, 0)} MWh (${formatNumber(site.runEnergy.overheadEnergyJoules / 3.6e9, 0)} MWh overhead), energy $${formatNumber(site.runEnergy.energyUsd / 1e6, 2)}M, ${formatNumber(site.runEnergy.carbonKgCo2e / 1e3, 0)} tCO2e on facility energy`],
    ['deployment', `modular ${d.modular.months.toFixed(1)} months vs traditional ${d.traditional.months.toFixed(1)} months (critical paths below)`],
  ], 'Cost and time'));
  out.push(formatGantt(d.modular), formatGantt(d.traditional));
  if (site.growth !== null) {
    const g = site.growth;
    out.push(table(['block', 'needed (month)', 'ordered', 'online', 'late by', 'capex (without the shared site)'],
      g.blockOrders.map((b) => [b.index + 1, b.neededMonth, b.orderMonth, b.onlineMonth, b.delayMonths, musd(b.capexUsd)]), 'Pay-as-you-grow: modular blocks'));
    const lead = (st: SiteEstimate['growth'] & object, k: 'modular' | 'upFront'): string => (st[k].firstLeadMonths === st[k].leadMonths ? `${st[k].leadMonths}-month lead` : `${st[k].firstLeadMonths}-month lead for the first block, ${st[k].leadMonths} after`);
    out.push(keyValues([
      ['shared site cost', `${musd(g.modular.sharedSiteUsd)} modular, ${musd(g.upFront.sharedSiteUsd)} up front (substation, grid connection, site work; paid with the first order)`],
      ['modular', `${g.modular.blocks} blocks, ${lead(g, 'modular')}, ${musd(g.modular.totalCapexUsd)}, stranded ${formatNumber(g.modular.strandedItWattMonths / 1e6, 1)} MW·months, unmet ${formatNumber(g.modular.unmetItWattMonths / 1e6, 1)} MW·months`],
      ['build all up front', `${g.upFront.blocks} blocks, ${lead(g, 'upFront')}, ${musd(g.upFront.totalCapexUsd)}, stranded ${formatNumber(g.upFront.strandedItWattMonths / 1e6, 1)} MW·months, unmet ${formatNumber(g.upFront.unmetItWattMonths / 1e6, 1)} MW·months`],
    ], `Growth strategies compared (months 0–${g.horizonMonth - 1})`));
    if (site.blockSizes !== null) {
      out.push(table(['block (IT)', 'facility $/W', 'blocks', 'shared site', 'capex', 'stranded (MW·months)', 'unmet (MW·months)'],
        site.blockSizes.map((o) => [`${mw(o.blockItWatts)}${o.edge ? ' (edge)' : ''}`, `$${o.facilityUsdPerItWatt.toFixed(2)}`, o.blocks, musd(o.sharedSiteUsd), musd(o.totalCapexUsd), formatNumber(o.strandedItWattMonths / 1e6, 1), formatNumber(o.unmetItWattMonths / 1e6, 1)]),
        'Pay-as-you-grow by block size (shared site cost paid with the first block)'));
    }
  }
  return out.join('\n');
}
