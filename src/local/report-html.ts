// A report document (the monthly report, a summary) as one printable A4 HTML page: inline style and SVG charts, no external resource.
import { escapeHtml } from '../core/report/escape';
import type { ReportChart, ReportDocument, ReportTable } from '../core/report/report-document';

const BAR_COLOR = '#3f7fbf';
const CHART_WIDTH = 680;
const LABEL_WIDTH = 120;
const ROW_HEIGHT = 20;

const STYLE = `
@page { size: A4; margin: 12mm 11mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", SimSun, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
  "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; font-size: 9.5pt; line-height: 1.25; color: #222;
  margin: 0 auto; max-width: 188mm; padding: 8mm 0; background: #fff; }
h1 { font-size: 15pt; margin: 0 0 1.5mm; }
h2 { font-size: 10.5pt; margin: 3.5mm 0 1.2mm; border-left: 4px solid ${BAR_COLOR}; padding-left: 2mm;
  page-break-after: avoid; }
h2.new-page { page-break-before: always; break-before: page; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #c8c8c8; padding: 0 4px; vertical-align: top; text-align: left; }
th { background: #eeeeee; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.line { white-space: nowrap; }
th { white-space: normal; }
th.fill, td.fill { width: 100%; }
td.clip { width: 100%; max-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
td.part { max-width: 36mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table[data-section="followUps"] { font-size: 8pt; line-height: 1.15; }
td.empty { color: #777; }
.blocks { display: flex; gap: 3mm; align-items: flex-start; }
.blocks > table { flex: 1 1 0; width: auto; }
p.meta { margin: 0 0 1mm; color: #555; }
p.legend { margin: 1mm 0 0; color: #555; font-size: 8.5pt; }
.notice { margin: 8mm 0; padding: 4mm; border: 1px solid #e0c000; background: #fffbe6; font-size: 12pt; }
.note { color: #666; font-size: 8.5pt; margin: 0.5mm 0 0; }
figure { margin: 0; page-break-inside: avoid; }
.charts { display: flex; flex-wrap: wrap; gap: 2mm 4mm; }
.charts > figure { flex: 0 0 calc(50% - 2mm); }
.charts figcaption { font-weight: 600; font-size: 9pt; }
@media print { body { padding: 0; max-width: none; } }
`;

/**
 * How a column is laid out on A4: `line` keeps a cell on one line (dates, names, numbers, short values);
 * `fill` takes the width left and wraps (a list of names); `clip` takes the width left and shows one line,
 * cut with an ellipsis (typed text: the whole text stays in the cell's title and in the xlsx); `part` is a
 * short typed text beside a `clip` one: one line of at most 36 mm, cut the same way.
 */
type ColumnFit = 'line' | 'fill' | 'clip' | 'part';

/** The columns of a table that are not kept on one line (they share the width left), by table key and column index. */
const WIDE_COLUMNS: Readonly<Record<string, readonly { index: number; fit: ColumnFit }[]>> = {
  coverage: [{ index: 5, fit: 'fill' }],
  // 跟进结果 (short) and the record's text.
  followUps: [
    { index: 7, fit: 'part' },
    { index: 9, fit: 'clip' },
  ],
  overdue: [{ index: 1, fit: 'clip' }],
  suggestions: [{ index: 3, fit: 'clip' }],
  summaryRules: [{ index: 2, fit: 'fill' }],
  lastingRules: [{ index: 2, fit: 'fill' }],
  discussions: [{ index: 3, fit: 'clip' }],
};

function fitOf(table: ReportTable, column: number): ColumnFit {
  return WIDE_COLUMNS[table.key]?.find((w) => w.index === column)?.fit ?? 'line';
}

function cellHtml(cell: string | number, color: string | null | undefined, fit: ColumnFit): string {
  const classes = [fit, ...(typeof cell === 'number' ? ['num'] : [])].join(' ');
  const style = color ? ` style="background:${escapeHtml(color)}"` : '';
  const title = fit === 'clip' || fit === 'part' ? ` title="${escapeHtml(cell)}"` : '';
  return `<td class="${classes}"${style}${title}>${escapeHtml(cell)}</td>`;
}

function headHtml(table: ReportTable): string {
  return `<thead><tr>${table.columns
    .map((c, i) => {
      const fit = fitOf(table, i);
      return `<th${fit === 'line' || fit === 'part' ? '' : ' class="fill"'}>${escapeHtml(c)}</th>`;
    })
    .join('')}</tr></thead>`;
}

function rowsHtml(table: ReportTable, from: number, to: number): string {
  const rows: string[] = [];
  for (let r = from; r < to; r++) {
    const row = table.rows[r] ?? [];
    rows.push(
      `<tr>${row.map((cell, c) => cellHtml(cell, table.colors[r]?.[c], fitOf(table, c))).join('')}</tr>`,
    );
  }
  return rows.join('\n');
}

/**
 * A titled table; a long list of short lines (table.blocks > 1) is printed as that many tables side by side,
 * filled column after column, each with the header.
 */
function tableHtml(table: ReportTable): string {
  const title = `<h2${table.newPage ? ' class="new-page"' : ''}>${escapeHtml(table.title)}</h2>`;
  const open = `<table data-section="${escapeHtml(table.key)}">${headHtml(table)}<tbody>\n`;
  if (table.rows.length === 0) {
    const empty = `<tr><td class="empty" colspan="${table.columns.length}">${escapeHtml(table.emptyText)}</td></tr>`;
    return `${title}\n${open}${empty}\n</tbody></table>`;
  }
  const blocks = Math.max(1, Math.min(table.blocks ?? 1, table.rows.length));
  const per = Math.ceil(table.rows.length / blocks);
  const parts: string[] = [];
  for (let b = 0; b < blocks; b++) {
    const from = b * per;
    const to = Math.min(table.rows.length, from + per);
    if (from < to) parts.push(`${open}${rowsHtml(table, from, to)}\n</tbody></table>`);
  }
  return blocks === 1 ? `${title}\n${parts[0]}` : `${title}\n<div class="blocks">${parts.join('\n')}</div>`;
}

/** A horizontal bar chart, 0–100 %, one bar per unit, drawn as inline SVG. */
export function chartSvg(chart: ReportChart): string {
  const plot = CHART_WIDTH - LABEL_WIDTH - 50;
  const height = chart.bars.length * ROW_HEIGHT + 24;
  const bars = chart.bars
    .map((bar, i) => {
      const y = i * ROW_HEIGHT + 4;
      const value = Math.max(0, Math.min(100, bar.value));
      const width = Math.round((plot * value) / 100);
      return (
        `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="${ROW_HEIGHT - 6}" fill="${BAR_COLOR}"/>` +
        `<text x="${LABEL_WIDTH + width + 6}" y="${y + 15}">${escapeHtml(`${bar.value}%`)}</text>`
      );
    })
    .join('');
  const axisY = chart.bars.length * ROW_HEIGHT + 6;
  const ticks = [0, 25, 50, 75, 100]
    .map((t) => {
      const x = LABEL_WIDTH + Math.round((plot * t) / 100);
      return (
        `<line x1="${x}" y1="2" x2="${x}" y2="${axisY}" stroke="#ddd"/>` +
        `<text x="${x}" y="${axisY + 14}" text-anchor="middle" fill="#777">${t}%</text>`
      );
    })
    .join('');
  return (
    `<svg role="img" aria-label="${escapeHtml(chart.title)}" ` +
    `width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" ` +
    `font-size="12" font-family="sans-serif">${ticks}${bars}</svg>`
  );
}

const COLUMN_CHART = { width: 330, height: 120, top: 14, bottom: 16, left: 28 };

/** A small column chart, 0–100 %, one column per label (a unit's completion month by month), as inline SVG. */
export function columnChartSvg(chart: ReportChart): string {
  const { width, height, top, bottom, left } = COLUMN_CHART;
  const plot = height - top - bottom;
  const step = (width - left) / Math.max(1, chart.bars.length);
  const ticks = [0, 50, 100]
    .map((t) => {
      const y = top + plot - Math.round((plot * t) / 100);
      return (
        `<line x1="${left}" y1="${y}" x2="${width}" y2="${y}" stroke="#ddd"/>` +
        `<text x="${left - 3}" y="${y + 3}" text-anchor="end" fill="#777">${t}%</text>`
      );
    })
    .join('');
  const columns = chart.bars
    .map((bar, i) => {
      const value = Math.max(0, Math.min(100, bar.value));
      const h = Math.round((plot * value) / 100);
      const x = Math.round(left + i * step + step * 0.15);
      const w = Math.max(1, Math.round(step * 0.7));
      const mid = x + w / 2;
      return (
        `<rect x="${x}" y="${top + plot - h}" width="${w}" height="${h}" fill="${BAR_COLOR}">` +
        `<title>${escapeHtml(`${bar.label} ${bar.value}%`)}</title></rect>` +
        `<text x="${mid}" y="${top + plot - h - 2}" text-anchor="middle">${escapeHtml(String(Math.round(value)))}</text>` +
        `<text x="${mid}" y="${height - 4}" text-anchor="middle" fill="#555">${escapeHtml(bar.label)}</text>`
      );
    })
    .join('');
  return (
    `<svg role="img" aria-label="${escapeHtml(chart.title)}" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" font-size="8" font-family="sans-serif">${ticks}${columns}</svg>`
  );
}

/** A table drawn as small column charts side by side (two to a row), under the table's title. */
function chartsHtml(table: ReportTable, charts: readonly ReportChart[]): string {
  const figures = charts.map(
    (chart) => `<figure><figcaption>${escapeHtml(chart.title)}</figcaption>${columnChartSvg(chart)}</figure>`,
  );
  return `<h2>${escapeHtml(table.title)}</h2>\n<div class="charts" data-section="${escapeHtml(table.key)}">${figures.join('')}</div>`;
}

/** The whole report as a standalone HTML page; everything typed by a person is escaped. */
export function reportHtml(doc: ReportDocument): string {
  // One line of who, what and when: page one has no room for a table of six lines.
  const colon = doc.lang === 'en' ? ': ' : '：';
  const meta = `<p class="meta">${doc.header
    .map(([k, v]) => `<span>${escapeHtml(k)}${colon}${escapeHtml(v)}</span>`)
    .join(' · ')}</p>`;
  const parts: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`, meta];
  if (doc.notice !== null) parts.push(`<p class="notice">${escapeHtml(doc.notice)}</p>`);
  for (const table of doc.tables) {
    if (table.key === 'chart') {
      if (doc.chart === null) continue;
      parts.push(
        `<figure><h2>${escapeHtml(doc.chart.title)}</h2>${chartSvg(doc.chart)}` +
          `<p class="note">${escapeHtml(doc.chartNote)}</p>` +
          (doc.legend ? `<p class="legend">${escapeHtml(doc.legend)}</p>` : '') +
          `</figure>`,
      );
      continue;
    }
    parts.push(
      table.charts !== undefined && table.charts.length > 0
        ? chartsHtml(table, table.charts)
        : tableHtml(table),
    );
  }
  return (
    `<!DOCTYPE html>\n<html lang="${doc.lang === 'en' ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(doc.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `${parts.join('\n')}\n</body>\n</html>\n`
  );
}
