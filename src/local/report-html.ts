// The monthly report as one printable A4 HTML page: inline style, an inline SVG chart, no external resource.
import { escapeHtml } from '../core/report/escape';
import type { ReportChart, ReportDocument, ReportTable } from '../core/report/report-document';

const BAR_COLOR = '#3f7fbf';
const CHART_WIDTH = 680;
const LABEL_WIDTH = 120;
const ROW_HEIGHT = 26;

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Microsoft YaHei", SimSun, "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC",
  "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 186mm; padding: 8mm 0; background: #fff; }
h1 { font-size: 17pt; margin: 0 0 4mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; border-left: 4px solid ${BAR_COLOR}; padding-left: 2mm; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #c8c8c8; padding: 2px 5px; vertical-align: top; text-align: left; }
th { background: #eeeeee; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
th, td.line { white-space: nowrap; }
th.fill, td.fill { width: 100%; }
td.clip { width: 100%; max-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table[data-section="followUps"] { font-size: 9.5pt; }
table[data-section="followUps"] td { padding: 1px 5px; }
td.empty { color: #777; }
table.meta { width: auto; margin-bottom: 2mm; }
table.meta th { background: none; border: none; padding: 1px 10px 1px 0; font-weight: normal; color: #555; }
table.meta td { border: none; padding: 1px 0; }
.notice { margin: 8mm 0; padding: 4mm; border: 1px solid #e0c000; background: #fffbe6; font-size: 12pt; }
.note { color: #666; font-size: 9pt; margin: 1mm 0 0; }
figure { margin: 0; page-break-inside: avoid; }
@media print { body { padding: 0; } }
`;

/**
 * How a column is laid out on A4: `line` keeps a cell on one line (dates, names, numbers, short values);
 * `fill` takes the width left and wraps (a list of names); `clip` takes the width left and shows one line,
 * cut with an ellipsis (typed text: the whole text stays in the cell's title and in the xlsx).
 */
type ColumnFit = 'line' | 'fill' | 'clip';

/** The one column per table that is not kept on one line, by table key and column index. */
const WIDE_COLUMN: Readonly<Record<string, { index: number; fit: ColumnFit }>> = {
  coverage: { index: 5, fit: 'fill' },
  followUps: { index: 6, fit: 'clip' },
  overdue: { index: 1, fit: 'clip' },
  suggestions: { index: 3, fit: 'clip' },
};

function fitOf(table: ReportTable, column: number): ColumnFit {
  const wide = WIDE_COLUMN[table.key];
  return wide && wide.index === column ? wide.fit : 'line';
}

function cellHtml(cell: string | number, color: string | null | undefined, fit: ColumnFit): string {
  const classes = [fit, ...(typeof cell === 'number' ? ['num'] : [])].join(' ');
  const style = color ? ` style="background:${escapeHtml(color)}"` : '';
  const title = fit === 'clip' ? ` title="${escapeHtml(cell)}"` : '';
  return `<td class="${classes}"${style}${title}>${escapeHtml(cell)}</td>`;
}

function tableHtml(table: ReportTable): string {
  const head = `<thead><tr>${table.columns
    .map((c, i) => `<th${fitOf(table, i) === 'line' ? '' : ' class="fill"'}>${escapeHtml(c)}</th>`)
    .join('')}</tr></thead>`;
  const rows =
    table.rows.length === 0
      ? `<tr><td class="empty" colspan="${table.columns.length}">${escapeHtml(table.emptyText)}</td></tr>`
      : table.rows
          .map(
            (row, r) =>
              `<tr>${row.map((cell, c) => cellHtml(cell, table.colors[r]?.[c], fitOf(table, c))).join('')}</tr>`,
          )
          .join('\n');
  return `<h2>${escapeHtml(table.title)}</h2>\n<table data-section="${escapeHtml(table.key)}">${head}<tbody>\n${rows}\n</tbody></table>`;
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
        `<rect x="${LABEL_WIDTH}" y="${y + 2}" width="${width}" height="${ROW_HEIGHT - 8}" fill="${BAR_COLOR}"/>` +
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

/** The whole report as a standalone HTML page; everything typed by a person is escaped. */
export function reportHtml(doc: ReportDocument): string {
  const meta = `<table class="meta">${doc.header
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('')}</table>`;
  const parts: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`, meta];
  if (doc.notice !== null) parts.push(`<p class="notice">${escapeHtml(doc.notice)}</p>`);
  for (const table of doc.tables) {
    if (table.key === 'chart') {
      if (doc.chart === null) continue;
      parts.push(
        `<figure><h2>${escapeHtml(doc.chart.title)}</h2>${chartSvg(doc.chart)}` +
          `<p class="note">${escapeHtml(doc.chartNote)}</p></figure>`,
      );
      continue;
    }
    parts.push(tableHtml(table));
  }
  return (
    `<!DOCTYPE html>\n<html lang="${doc.lang === 'en' ? 'en' : 'zh-CN'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(doc.title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `${parts.join('\n')}\n</body>\n</html>\n`
  );
}
