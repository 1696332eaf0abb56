// The self-test's two faces: the 自检 sheet (one row per line, coloured by result) and the dialog's HTML (every value escaped).
import type { Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import { escapeHtml } from '../core/report/escape';
import type { SheetFormat } from './ports';
import type { SelfTestLine, SelfTestResult, SelfTestStatus } from './self-test';
import { COLORS } from './table-format';

const STATUS_COLORS: Readonly<Record<SelfTestStatus, string>> = {
  ok: COLORS.ok,
  warning: COLORS.warning,
  fail: COLORS.error,
};

/**
 * What the sheet keeps from the run that made it (frozen header, widths, warning-only protection): a
 * generated sheet rewritten in place is not given them again, so the first write of a run carries them.
 */
export const SELF_TEST_LOOK: SheetFormat = { frozenRows: 1, widths: [170, 90, 320, 560], protect: true };

/** The header row of the self-test sheet. */
export function selfTestHeader(lang: Lang): string[] {
  const c = texts(lang).selfTest.columns;
  return [c.check, c.status, c.value, c.meaning];
}

/** The self-test sheet: a header row, then one row per line (check, result, found, meaning); protected like 进度. */
export function selfTestSheet(
  lines: readonly SelfTestLine[],
  lang: Lang,
): { grid: Grid; format: SheetFormat } {
  const t = texts(lang).selfTest;
  const header = selfTestHeader(lang);
  const grid: Grid = [header, ...lines.map((l) => [l.name, t.status[l.status], l.value, l.meaning])];
  const backgrounds = [
    header.map(() => COLORS.header),
    ...lines.map((l) => [null, STATUS_COLORS[l.status], null, null]),
  ];
  return {
    grid,
    format: { ...SELF_TEST_LOOK, backgrounds, boldRows: [0] },
  };
}

/** The dialog: the same lines as the sheet, in a table, and where they were written. */
export function selfTestHtml(result: SelfTestResult): string {
  const t = texts(result.lang).selfTest;
  const c = t.columns;
  const head = [c.check, c.status, c.value, c.meaning].map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = result.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.name)}</td>` +
        `<td class="${l.status}" style="background:${STATUS_COLORS[l.status]}">${escapeHtml(t.status[l.status])}</td>` +
        `<td>${escapeHtml(l.value)}</td><td>${escapeHtml(l.meaning)}</td></tr>`,
    )
    .join('');
  const footer =
    result.sheetError === undefined
      ? format(t.done, { sheet: result.sheet })
      : format(t.sheetFailed, { sheet: result.sheet, message: result.sheetError });
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><style>` +
    `body{font-family:sans-serif;font-size:13px;margin:8px;color:#202124}table{border-collapse:collapse}` +
    `th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #e0e0e0}` +
    `th{font-weight:normal;color:#555;background:${COLORS.header}}td.status{white-space:nowrap}</style></head>` +
    `<body><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    `<p>${escapeHtml(footer)}</p></body></html>`
  );
}
