/** The whole run: days, GPU-hours, dollars, energy and carbon, with goodput under failures. */
import type { RunEstimate } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard } from '../ui/chart-card.js';
import { formatCount, formatPercent, formatUsd } from '../format.js';
import { Metric } from '../ui/metric.js';

const H = 56;

export function RunCard({ run }: { readonly run: RunEstimate }) {
  const W = useChartWidth();
  const ideal = run.wallSeconds;
  const effective = run.goodput.effectiveSeconds;
  const idealW = (ideal / effective) * (W - 2);
  return (
    <ChartCard name="run" title="The whole run" subtitle={`${formatCount(run.tokens)} tokens in ${formatCount(run.steps)} steps on ${formatCount(run.gpus)} GPUs · ${run.cost.basis} pricing at $${run.cost.usdPerGpuHour.toFixed(2)}/GPU-hour`}>
      <div class="tiles">
        <Metric name="days" label="days" value={run.days} text={run.days.toFixed(1)} />
        <Metric name="gpuHours" label="GPU-hours" value={run.gpuHours} text={formatCount(run.gpuHours)} />
        <Metric name="usd" label="cost" value={run.cost.usd} text={formatUsd(run.cost.usd)} />
        <Metric name="facilityMwh" label="MWh (facility)" value={run.energy.facilityMwh} text={formatCount(run.energy.facilityMwh)} />
        <Metric name="tonnesCo2e" label="tCO2e" value={run.carbon.tonnesCo2e} text={formatCount(run.carbon.tonnesCo2e)} />
      </div>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Failure-free time against time with failures and checkpoints">
        <rect class="s1" x={1} y={6} width={idealW} height={18}><title>failure-free: {(ideal / 86400).toFixed(1)} days</title></rect>
        <rect class="s5" x={1 + idealW} y={6} width={Math.max(0, W - 2 - idealW)} height={18}><title>failures, restarts and checkpoints</title></rect>
        <text class="tick" x={2} y={40}>{`failure-free ${(ideal / 86400).toFixed(1)} d`}</text>
        <text class="tick" x={W - 2} y={40} text-anchor="end">{`with failures and checkpoints ${(effective / 86400).toFixed(1)} d · goodput ${formatPercent(ideal / effective)}`}</text>
      </svg>
    </ChartCard>
  );
}
