/** The site as a diagram: modular blocks, each drawn with its racks (compute racks filled). */
import type { SiteEstimate } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';
import { formatCount, formatWatts } from '../format.js';

const MAX_BLOCKS = 24;

export function DatacenterChart({ site }: { readonly site: SiteEstimate }) {
  const W = useChartWidth();
  const { sizing } = site;
  const blocks = sizing.blocks;
  const racksPerBlock = blocks.racksPerBlock;
  const computeRacks = sizing.racks.computeRacks;
  const shown = Math.min(blocks.count, MAX_BLOCKS);
  const perRow = Math.max(1, Math.min(shown, 6, Math.floor(W / 190)));
  const blockW = (W - 8) / perRow;
  const cols = Math.ceil(Math.sqrt(racksPerBlock * 1.6));
  const rackRows = Math.ceil(racksPerBlock / cols);
  const cell = Math.min((blockW - 16) / cols, 14);
  const blockH = rackRows * cell + 30;
  const rows = Math.ceil(shown / perRow);
  const H = rows * (blockH + 8) + (blocks.count > shown ? 20 : 0);
  return (
    <ChartCard name="datacenter" title="Data center: blocks and racks" subtitle={`${formatCount(sizing.systems.units)} × ${sizing.systems.name} in ${computeRacks} compute + ${sizing.racks.supportRacks} support racks (${formatWatts(sizing.racks.rackWatts)} each, ${site.cooling}) in ${blocks.count} block${blocks.count === 1 ? '' : 's'} of ${formatWatts(blocks.blockItWatts)} IT`}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${blocks.count} modular blocks of ${racksPerBlock} racks`}>
        {Array.from({ length: shown }, (_, b) => {
          const bx = 4 + (b % perRow) * blockW;
          const by = 4 + Math.floor(b / perRow) * (blockH + 8);
          const filled = Math.max(0, Math.min(racksPerBlock, computeRacks - b * racksPerBlock));
          return (
            <g key={b}>
              <rect class="block" x={bx} y={by} width={blockW - 6} height={blockH} rx={4} />
              <text class="tick" x={bx + 6} y={by + 14}>{`block ${b + 1} · ${formatWatts(blocks.blockFacilityDesignWatts)} facility`}</text>
              {Array.from({ length: racksPerBlock }, (_, r) => (
                <rect key={r} class={r < filled ? 's1' : 'rack-empty'} x={bx + 6 + (r % cols) * cell} y={by + 22 + Math.floor(r / cols) * cell} width={cell - 2} height={cell - 2} />
              ))}
            </g>
          );
        })}
        {blocks.count > shown ? <text class="note" x={4} y={H - 6}>{`+ ${blocks.count - shown} more blocks`}</text> : null}
      </svg>
      <Legend items={[['s1', 'compute rack'], ['rack-empty', 'free rack position']]} />
      <p class="card-foot">{`IT ${formatWatts(sizing.power.itNameplateWatts)} nameplate, facility ${formatWatts(sizing.facility.designWatts)} design · fabric ${sizing.fabric.tiers}-tier, ${formatCount(sizing.fabric.switches)} switches · capex ${'$'}${formatCount(site.capex.totalUsd)} · deployment ~${Math.round(site.deployment.modular.months)} months modular vs ~${Math.round(site.deployment.traditional.months)} traditional`}</p>
    </ChartCard>
  );
}
