/** A headline figure: `data-metric` carries its JSON key, `data-value` the number in SI units. */
export function Metric({ name, label, value, text }: { readonly name: string; readonly label: string; readonly value: number; readonly text: string }) {
  return (
    <div class="metric">
      <span class="metric-label" id={`metric-${name}`}>{label}</span>
      <output class="metric-value" data-metric={name} data-value={String(value)} aria-labelledby={`metric-${name}`}>{text}</output>
    </div>
  );
}
