/**
 * Export of a chart's SVG as a standalone .svg or .png: the computed styles (theme colours, fonts)
 * are written inline so the file looks like the page without its stylesheet.
 */
const STYLE_PROPERTIES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline'] as const;

/** Computed styles as presentation attributes (not a `style` attribute, which the page's CSP refuses). */
function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  for (const p of STYLE_PROPERTIES) {
    const value = computed.getPropertyValue(p);
    if (value !== '') target.setAttribute(p, value);
  }
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s !== undefined && t !== undefined) inlineStyles(s, t);
  }
}

/** The chart as standalone SVG text, on the page's background colour. */
export function serializeChart(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const clone = svg.cloneNode(true);
  if (!(clone instanceof SVGSVGElement)) throw new Error('not an svg element');
  inlineStyles(svg, clone);
  const box = svg.viewBox.baseVal;
  const width = box.width || svg.clientWidth;
  const height = box.height || svg.clientHeight;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  clone.insertBefore(background, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(text: string, filename: string, type: string): void {
  download(new Blob([text], { type }), filename);
}

export function exportSvg(svg: SVGSVGElement, name: string): void {
  downloadText(serializeChart(svg).text, `${name}.svg`, 'image/svg+xml');
}

/** PNG at twice the chart's size. */
export function exportPng(svg: SVGSVGElement, name: string): void {
  const { text, width, height } = serializeChart(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  const image = new Image();
  image.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0, canvas.width, canvas.height);
    URL.revokeObjectURL(url);
    canvas.toBlob((blob) => {
      if (blob !== null) download(blob, `${name}.png`);
    }, 'image/png');
  };
  image.src = url;
}
