// How set-up formats each record sheet: widths, dropdowns, date and text columns, colours of 校验 and status.
import { texts, type Lang } from '../core/i18n/messages';
import { TABLES, type TableKey } from '../core/tables';
import { choiceNames } from '../core/values';
import type { SheetFormat } from './ports';

/** Colours shared by the check column, rectification status and the status sheet. */
export const COLORS = {
  error: '#f4cccc',
  warning: '#fff2cc',
  ok: '#d9ead3',
  missed: '#e06666',
  exempt: '#d9d9d9',
  header: '#efefef',
} as const;

/** Where a roster dropdown takes its names: a sheet and its 0-based column. */
export interface RosterSource {
  sheet: string;
  column: number;
}

export interface RosterSources {
  /** 人员's name column: visitors, teachers, follow-up owners. */
  staffNames?: RosterSource;
  /** 学生's class column. */
  classes?: RosterSource;
}

/**
 * Whether a column is stored as plain text: every text and list column, so that Sheets never turns
 * what a person typed into something else (a class "3/2" into a date, "TRUE" into a boolean, a
 * leading 0 or + of a phone number dropped, 设置's "8:00" into a time). Dates, numbers and choices
 * keep their own formats.
 */
function isTextColumn(kind: string): boolean {
  return kind === 'text' || kind === 'list';
}
/** Columns offered the staff roster as a dropdown. */
const STAFF_COLUMNS = new Set(['visitor', 'teacher', 'followUpOwner', 'owner', 'head', 'organiser']);

function choicesOf(table: TableKey, column: string, lang: Lang): string[] | undefined {
  const v = texts(lang).values;
  switch (column) {
    case 'mode':
      return choiceNames(table === 'homeVisits' ? 'homeVisitModes' : 'modes', lang);
    case 'followUp':
      return choiceNames('followUps', lang);
    case 'status':
      return table === 'rectification' ? choiceNames('rectStatus', lang) : undefined;
    case 'active':
    case 'needsSupport':
      return [v.yes, v.no];
    case 'adopted':
      return choiceNames('adopted', lang);
    case 'form':
      return table === 'discussions' ? choiceNames('discussionForms', lang) : undefined;
    default:
      return undefined;
  }
}

/**
 * The full format of a record sheet whose columns sit at `columnIndex` (0-based, by column key):
 * frozen bold header, widths, dropdowns (values and rosters), date and text columns, and colours.
 */
export function tableFormat(
  table: TableKey,
  lang: Lang,
  columnIndex: Readonly<Record<string, number>>,
  rosters: RosterSources,
): SheetFormat {
  const t = texts(lang);
  const format: Required<
    Pick<SheetFormat, 'widths' | 'choices' | 'rosterChoices' | 'dateColumns' | 'textColumns' | 'highlights'>
  > &
    SheetFormat = {
    frozenRows: 1,
    boldRows: [0],
    widths: [],
    choices: [],
    rosterChoices: [],
    dateColumns: [],
    textColumns: [],
    highlights: [],
  };
  // 校验 among the first columns (as a new workbook has it, right after 编号): frozen with them, so the verdict
  // stays beside the row however far right a person scrolls. A 校验 further right is left where the school put it.
  const check = columnIndex.check;
  if (check !== undefined && check <= 2) format.frozenColumns = check + 1;
  for (const column of TABLES[table].columns) {
    const index = columnIndex[column.key];
    if (index === undefined) continue;
    format.widths[index] = column.width;
    const values = choicesOf(table, column.key, lang);
    if (values !== undefined) format.choices.push({ column: index, values });
    if (STAFF_COLUMNS.has(column.key) && rosters.staffNames !== undefined) {
      format.rosterChoices.push({
        column: index,
        sheet: rosters.staffNames.sheet,
        sourceColumn: rosters.staffNames.column,
      });
    }
    if (table === 'homeVisits' && column.key === 'className' && rosters.classes !== undefined) {
      format.rosterChoices.push({
        column: index,
        sheet: rosters.classes.sheet,
        sourceColumn: rosters.classes.column,
      });
    }
    if (column.kind === 'date') format.dateColumns.push(index);
    if (isTextColumn(column.kind)) format.textColumns.push(index);
    if (column.key === 'check') {
      format.highlights.push({ column: index, prefix: '✗', color: COLORS.error });
      format.highlights.push({ column: index, prefix: '⚠', color: COLORS.warning });
    }
    if (table === 'rectification' && column.key === 'status') {
      const s = t.values.rectStatus;
      format.highlights.push({ column: index, prefix: s.open, color: COLORS.error });
      format.highlights.push({ column: index, prefix: s.inProgress, color: COLORS.warning });
      format.highlights.push({ column: index, prefix: s.done, color: COLORS.ok });
      format.highlights.push({ column: index, prefix: s.rule, color: COLORS.ok });
    }
  }
  return format;
}

/** The part of a format that concerns some columns only (for columns added to an existing sheet). */
export function formatOfColumns(format: SheetFormat, columns: ReadonlySet<number>): SheetFormat {
  return {
    choices: format.choices?.filter((c) => columns.has(c.column)),
    rosterChoices: format.rosterChoices?.filter((c) => columns.has(c.column)),
    dateColumns: format.dateColumns?.filter((c) => columns.has(c)),
    textColumns: format.textColumns?.filter((c) => columns.has(c)),
    highlights: format.highlights?.filter((h) => columns.has(h.column)),
  };
}
