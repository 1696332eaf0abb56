// Recompute: re-checks every row of both visit sheets (one 校验 write each) and rewrites the 进度 sheet.
import { dateTimeInZone, monthOf, type IsoDate } from '../core/dates';
import { computeStatus, loadCampaign } from '../core/engine';
import { en } from '../core/i18n/en';
import type { Lang } from '../core/i18n/messages';
import { zh } from '../core/i18n/zh';
import type { Campaign, StatusResult } from '../core/model';
import { phaseLabel } from '../core/phase';
import { sheetName } from '../core/tables';
import type { WorkbookPort } from './ports';
import { readSheets, type SheetGrid } from './read';
import { statusSheet } from './status-sheet';
import { schoolToday } from './today';
import { rowVerdicts, type RecordTable } from './verdict';

export interface RecomputeContext {
  now: Date;
  /** The school's date; computed from 设置's time zone when absent. */
  today?: IsoDate;
}

export interface RecomputeResult {
  today: IsoDate;
  /** The workbook's language (设置's 语言). */
  lang: Lang;
  errors: number;
  warnings: number;
  status: StatusResult;
  /** The name of the status sheet written. */
  statusSheet: string;
}

const RECORD_TABLES: readonly RecordTable[] = ['visits', 'homeVisits'];

/** Writes the whole 校验 column of a record sheet, rows 2 to its last row, with notes: one write. */
function writeVerdicts(
  wb: WorkbookPort,
  campaign: Campaign,
  sheets: readonly SheetGrid[],
  table: RecordTable,
): void {
  const parsed = campaign.tables[table];
  const check = parsed?.columnIndex.check;
  if (parsed === undefined || check === undefined) return;
  const lastRow = sheets.find((s) => s.name === parsed.sheet)?.grid.length ?? 0;
  if (lastRow < 2) return;
  const verdicts = rowVerdicts(campaign, table, 2, lastRow);
  wb.writeColumn(
    parsed.sheet,
    check,
    2,
    verdicts.map((v) => v.text),
    verdicts.map((v) => v.note),
  );
}

/** The status sheet's name: the existing one in either language, else the school's language's. */
function statusSheetName(wb: WorkbookPort, campaign: Campaign): string {
  const names = wb.sheetNames();
  return (
    [zh.sheets.status, en.sheets.status].find((n) => names.includes(n)) ?? sheetName('status', campaign.lang)
  );
}

/** Re-checks every record row and rewrites 进度 for the current month. Reads each sheet once. */
export function recompute(wb: WorkbookPort, ctx: RecomputeContext): RecomputeResult {
  const sheets = readSheets(wb);
  const today = ctx.today ?? schoolToday(sheets, ctx.now);
  const campaign = loadCampaign(sheets, today);
  for (const table of RECORD_TABLES) writeVerdicts(wb, campaign, sheets, table);

  const problems = [...campaign.structural, ...campaign.findings];
  const errors = problems.filter((f) => f.severity === 'error').length;
  const warnings = problems.length - errors;
  const status = computeStatus(campaign, monthOf(today), today);
  const name = statusSheetName(wb, campaign);
  const sheet = statusSheet({
    lang: campaign.lang,
    campaignName: campaign.settings.campaignName,
    status,
    phase: phaseLabel(today, campaign.settings, campaign.lang),
    computedAt: `${dateTimeInZone(ctx.now, campaign.settings.timeZone)} (${campaign.settings.timeZone})`,
    errors,
    warnings,
  });
  wb.replace(name, sheet.grid, sheet.format);
  return { today, lang: campaign.lang, errors, warnings, status, statusSheet: name };
}
