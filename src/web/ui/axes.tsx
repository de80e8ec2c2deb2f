/** Axes drawn from a d3 scale: gridlines and tick labels. */
import type { ScaleContinuousNumeric } from 'd3-scale';

interface AxisProps {
  readonly scale: ScaleContinuousNumeric<number, number>;
  readonly format: (v: number) => string;
  readonly label?: string;
  readonly ticks?: number;
}

export function YAxis({ scale, left, width, format, label, ticks = 5 }: AxisProps & { readonly left: number; readonly width: number }) {
  const range = scale.range();
  const bottom = range[0] ?? 0;
  const top = range[1] ?? 0;
  return (
    <g class="axis">
      {scale.ticks(ticks).map((t) => (
        <g key={t}>
          <line class="grid" x1={left} x2={left + width} y1={scale(t)} y2={scale(t)} />
          <text class="tick" x={left - 6} y={scale(t) + 4} text-anchor="end">{format(t)}</text>
        </g>
      ))}
      {label === undefined ? null : <text class="axis-label" x={12} y={(top + bottom) / 2} text-anchor="middle" transform={`rotate(-90 12 ${(top + bottom) / 2})`}>{label}</text>}
    </g>
  );
}

export function XAxis({ scale, top, height, format, label, ticks }: AxisProps & { readonly top: number; readonly height: number }) {
  const range = scale.range();
  const left = range[0] ?? 0;
  const right = range[1] ?? 0;
  // About one label per 90 px, so labels never run into each other.
  const count = ticks ?? Math.max(2, Math.floor((right - left) / 90));
  return (
    <g class="axis">
      {scale.ticks(count).map((t) => (
        <g key={t}>
          <line class="grid" x1={scale(t)} x2={scale(t)} y1={top} y2={top + height} />
          <text class="tick" x={scale(t)} y={top + height + 14} text-anchor="middle">{format(t)}</text>
        </g>
      ))}
      {label === undefined ? null : <text class="axis-label" x={(left + right) / 2} y={top + height + 30} text-anchor="middle">{label}</text>}
    </g>
  );
}
