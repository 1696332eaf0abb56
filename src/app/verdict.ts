// The 校验 cell of a record row: ✓, ✗ N 个错误 or ⚠ N 条提醒 with the first message, and every message as the note.
import { problemsOf } from '../core/engine';
import { format, texts, type Lang } from '../core/i18n/messages';
import { cellText } from '../core/grid';
import type { Campaign, Finding, Problem } from '../core/model';
import { isWithdrawn } from '../core/withdrawn';

export type RecordTable = 'visits' | 'homeVisits';

export interface Verdict {
  /** What the 校验 cell shows ('' for an empty row). */
  text: string;
  /** The cell note: one line per problem ('' when there is none). */
  note: string;
}

const EMPTY: Verdict = { text: '', note: '' };

/** Puts a row's problems in one cell: errors first, the first message shown, all in the note. */
export function verdictOf(problems: readonly Problem[], lang: Lang): Verdict {
  const t = texts(lang);
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  const ordered = [...errors, ...warnings];
  const first = ordered[0];
  if (first === undefined) return { text: t.check.ok, note: '' };
  const summary =
    errors.length > 0
      ? format(t.check.errors, { count: errors.length })
      : format(t.check.warnings, { count: warnings.length });
  const note = ordered
    .map((p) =>
      format(p.column === '' || p.row <= 1 ? t.checkCell.noteLineSheet : t.checkCell.noteLine, {
        severity: t.severity[p.severity],
        column: p.column,
        message: p.message,
      }),
    )
    .join('\n');
  return { text: format(t.checkCell.verdict, { summary, message: first.message }), note };
}

/**
 * The verdicts of consecutive sheet rows firstRow..lastRow of a record sheet. Problems of the
 * workbook's shape (a missing sheet or required column) stop all counting, so every row shows them.
 */
export function rowVerdicts(
  campaign: Campaign,
  table: RecordTable,
  firstRow: number,
  lastRow: number,
): Verdict[] {
  const parsed = campaign.tables[table];
  const filled = new Set(parsed?.rows.map((r) => r.row) ?? []);
  // A withdrawn row keeps its 校验 text ("已撤回 by … at …"): that text is what marks it.
  const withdrawn = new Map(
    (parsed?.rows ?? [])
      .filter((r) => isWithdrawn(r.cells.check))
      .map((r) => [r.row, cellText(r.cells.check)]),
  );
  const byRow = new Map<number, Finding[]>();
  for (const finding of campaign.findings) {
    if (finding.table !== table || finding.row < firstRow || finding.row > lastRow) continue;
    const list = byRow.get(finding.row) ?? [];
    list.push(finding);
    byRow.set(finding.row, list);
  }
  const shape = problemsOf(campaign, campaign.structural);
  const verdicts: Verdict[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    if (!filled.has(row)) {
      verdicts.push(EMPTY);
      continue;
    }
    const kept = withdrawn.get(row);
    if (kept !== undefined) {
      verdicts.push({ text: kept, note: '' });
      continue;
    }
    verdicts.push(verdictOf([...shape, ...problemsOf(campaign, byRow.get(row) ?? [])], campaign.lang));
  }
  return verdicts;
}
