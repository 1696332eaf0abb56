// A generated sheet's bar chart as SVG (a 月报's completion by unit), as Sheets shows its embedded chart.
import type { SheetChart } from '../../contract/playground-protocol';

const SVG = 'http://www.w3.org/2000/svg';
const BAR_HEIGHT = 20;
const LABEL_WIDTH = 130;
const BAR_WIDTH = 360;

function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** The chart as a figure: title, one labelled bar each, the value written after the bar. */
export function chartFigure(chart: SheetChart): HTMLElement {
  const fractions = chart.bars.every((b) => b.value >= 0 && b.value <= 1);
  const max = fractions ? 1 : Math.max(1, ...chart.bars.map((b) => b.value));
  const height = chart.bars.length * (BAR_HEIGHT + 6) + 8;
  const root = svg('svg', {
    width: LABEL_WIDTH + BAR_WIDTH + 60,
    height,
    role: 'img',
    'aria-label': chart.title,
    class: 'sheet-chart',
  });
  chart.bars.forEach((bar, i) => {
    const y = 4 + i * (BAR_HEIGHT + 6);
    const width = Math.max(0, Math.min(1, bar.value / max)) * BAR_WIDTH;
    root.appendChild(
      svg('text', { x: LABEL_WIDTH - 6, y: y + 14, 'text-anchor': 'end', 'font-size': 12 }, bar.label),
    );
    root.appendChild(svg('rect', { x: LABEL_WIDTH, y, width, height: BAR_HEIGHT, fill: '#3f7fbf' }));
    const shown = fractions ? `${Math.round(bar.value * 100)}%` : String(bar.value);
    root.appendChild(svg('text', { x: LABEL_WIDTH + width + 6, y: y + 14, 'font-size': 12 }, shown));
  });
  const figure = document.createElement('figure');
  figure.className = 'sheet-chart-figure';
  const caption = document.createElement('figcaption');
  caption.textContent = chart.title;
  figure.append(caption, root);
  return figure;
}
