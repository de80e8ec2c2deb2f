/** Predicted vs measured over the published runs (log–log), with the mean-error band around y = x. */
import { scaleLog } from 'd3-scale';
import { useEffect, useRef } from 'preact/hooks';
import type { ValidationReport } from '../../core/index.js';
import { useChartWidth } from '../ui/chart-width.js';
import { ChartCard, Legend } from '../ui/chart-card.js';

const H = 360;
const M = { l: 54, r: 14, t: 10, b: 44 };
const METRIC = { tokensPerSecPerGpu: 'tokens/s/GPU', stepTimeS: 'step s', mfu: 'MFU' } as const;

/** Asks for the validation once the card is on screen (it prices every published run). */
function Pending({ message, onVisible }: { readonly message: string | null; readonly onVisible: () => void }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) { observer.disconnect(); onVisible(); }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [onVisible]);
  return <p ref={ref} class="note" role="status">{message ?? 'computing the validation over the published runs…'}</p>;
}

interface Props { readonly report: ValidationReport | null; readonly message: string | null; readonly onVisible: () => void }

export function ValidateChart({ report, message, onVisible }: Props) {
  const W = useChartWidth();
  if (report === null) {
    return (
      <ChartCard name="validate" title="Predicted vs measured (published runs)">
        <Pending message={message} onVisible={onVisible} />
      </ChartCard>
    );
  }
  // Runs are compared on their own metric; the ratio predicted/measured is what the band bounds.
  const points = report.runs.filter((r) => r.measured > 0 && r.predicted > 0);
  const lo = Math.min(...points.map((r) => Math.min(r.measured, r.predicted))) / 1.3;
  const hi = Math.max(...points.map((r) => Math.max(r.measured, r.predicted))) * 1.3;
  const x = scaleLog().domain([lo, hi]).range([M.l, W - M.r]);
  const y = scaleLog().domain([lo, hi]).range([H - M.b, M.t]);
  const band = report.summary.meanAbsPctError / 100;
  const edge = (f: number): string => `M${x(lo)},${y(lo * f)} L${x(hi)},${y(hi * f)}`;
  const bandPath = `M${x(lo)},${y(lo * (1 + band))} L${x(hi)},${y(hi * (1 + band))} L${x(hi)},${y(hi * (1 - band))} L${x(lo)},${y(lo * (1 - band))} Z`;
  const ticks = x.ticks(4).filter((_, i, a) => a.length < 8 || i % 2 === 0);
  return (
    <ChartCard name="validate" title="Predicted vs measured (published runs)" subtitle={`${report.summary.modeled} runs modeled from their inputs: mean |error| ${report.summary.meanAbsPctError.toFixed(1)}%, worst ${report.summary.worst?.id ?? '-'} (${report.summary.worst?.errorPct.toFixed(1) ?? '-'}%) · ${report.skipped.length} skipped`}>
      <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Scatter of predicted against measured throughput, log scales">
        <clipPath id="validate-clip"><rect x={M.l} y={M.t} width={W - M.l - M.r} height={H - M.t - M.b} /></clipPath>
        {ticks.map((t) => <text key={`x${t}`} class="tick" x={x(t)} y={H - M.b + 14} text-anchor="middle">{Number(t.toPrecision(2))}</text>)}
        {ticks.map((t) => <text key={`y${t}`} class="tick" x={M.l - 6} y={y(t) + 4} text-anchor="end">{Number(t.toPrecision(2))}</text>)}
        <rect class="frame" x={M.l} y={M.t} width={W - M.l - M.r} height={H - M.t - M.b} />
        <g clip-path="url(#validate-clip)">
          <path class="band" d={bandPath}><title>{`±${(band * 100).toFixed(1)}% (mean absolute error)`}</title></path>
          <path class="diagonal" d={edge(1)} />
          {points.map((r) => (
            <circle key={r.id} class={r.tags.moe ? 'dot s3' : 'dot s1'} cx={x(r.measured)} cy={y(r.predicted)} r={3.5}>
              <title>{`${r.id} (${r.model}, ${r.tags.accelerator}, ${METRIC[r.metric]}): measured ${Number(r.measured.toPrecision(4))}, predicted ${Number(r.predicted.toPrecision(4))}, ${r.errorPct >= 0 ? '+' : ''}${r.errorPct.toFixed(1)}%`}</title>
            </circle>
          ))}
        </g>
        <text class="axis-label" x={(M.l + W - M.r) / 2} y={H - 8} text-anchor="middle">measured (each run's own metric)</text>
        <text class="axis-label" x={12} y={(M.t + H - M.b) / 2} text-anchor="middle" transform={`rotate(-90 12 ${(M.t + H - M.b) / 2})`}>predicted</text>
      </svg>
      <Legend items={[['s1', 'dense'], ['s3', 'MoE'], ['band', `±${(band * 100).toFixed(1)}% band (mean |error|)`]]} />
    </ChartCard>
  );
}
