/** Power flow per watt of IT: cooling and power-chain losses on top, PUE against a traditional build. */
import { scaleLinear } from 'd3-scale';
import type { PueBreakdown, SiteEstimate } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';
import { XAxis } from '../ui/axes.js';
import { formatWatts } from '../format.js';

const H = 150;
const M = { l: 150, r: 64, t: 10, b: 40 };
const ROW = 42;

function parts(p: PueBreakdown): readonly (readonly [string, number, string])[] {
  return [
    ['s1', 1, 'IT'],
    ['s6', p.coolingWattsPerItWatt, 'cooling'],
    ['s5', p.powerChainLossWattsPerItWatt, 'power-chain losses'],
    ['s8', p.miscWattsPerItWatt, 'lighting & misc.'],
  ];
}

export function PowerChart({ site }: { readonly site: SiteEstimate }) {
  const W = useChartWidth();
  const rows: readonly (readonly [string, PueBreakdown])[] = [[site.cooling, site.pue.design], ['traditional (air)', site.pue.traditional]];
  const x = scaleLinear().domain([0, Math.max(site.pue.design.pue, site.pue.traditional.pue) * 1.02]).range([M.l, W - M.r]);
  const it = site.sizing.power.itAverageWatts;
  return (
    <ChartCard name="power" title="Power flow and PUE" subtitle={`IT ${formatWatts(it)} average → facility ${formatWatts(it * site.pue.design.pue)} here, ${formatWatts(it * site.pue.traditional.pue)} in a traditional build`}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Facility watts per IT watt, this design against a traditional build">
        <XAxis scale={x} top={M.t} height={rows.length * ROW} format={(v) => v.toFixed(1)} label="facility W per IT W" />
        {rows.map(([label, p], i) => {
          let base = 0;
          const y = M.t + i * ROW + 6;
          return (
            <g key={label}>
              <text class="tick" x={M.l - 8} y={y + 19} text-anchor="end">{label}</text>
              {parts(p).map(([cls, v, name]) => {
                const x0 = x(base);
                base += v;
                return <rect key={name} class={cls} x={x0} y={y} width={Math.max(0, x(base) - x0)} height={ROW - 14}><title>{`${name}: ${v.toFixed(3)} W per IT W`}</title></rect>;
              })}
              <text class="value" x={x(p.pue) + 6} y={y + 19}>{`PUE ${p.pue.toFixed(2)}`}</text>
            </g>
          );
        })}
      </svg>
      <Legend items={parts(site.pue.design).map(([cls, , name]) => [cls, name])} />
    </ChartCard>
  );
}
