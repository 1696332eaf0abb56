// The 进度 sheet's grid and look: this month's quota per person and unit, cycle coverage, home visits by class.
import { CLASS_IN_PERSON_MINIMUM } from '../core/defaults';
import type { Grid } from '../core/grid';
import { format, texts, type Lang } from '../core/i18n/messages';
import type { QuotaStatus, StatusResult } from '../core/model';
import type { SheetFormat } from './ports';
import { COLORS } from './table-format';

/** Up to this many names are listed per unit; the rest are counted ("等 N 人"). */
export const MISSING_NAMES_SHOWN = 40;

export const STATUS_COLORS: Readonly<Record<QuotaStatus, string>> = {
  met: COLORS.ok,
  behind: COLORS.error,
  on_track: COLORS.warning,
  missed: COLORS.missed,
  exempt: COLORS.exempt,
};

export interface StatusSheetInput {
  lang: Lang;
  campaignName: string;
  status: StatusResult;
  /** The phase in words (phaseLabel). */
  phase: string;
  /** When it was computed: 'YYYY-MM-DD HH:mm (Asia/Shanghai)', text a spreadsheet does not turn into a date. */
  computedAt: string;
  errors: number;
  warnings: number;
}

const WIDTHS = [120, 150, 80, 80, 80, 420];

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—';
}

/** The 进度 grid and its format (colours by status, bold titles, warning-only protection). No contact details. */
export function statusSheet(input: StatusSheetInput): { grid: Grid; format: SheetFormat } {
  const t = texts(input.lang);
  const s = t.statusSheet;
  const h = t.table;
  const grid: Grid = [];
  const backgrounds: (string | null)[][] = [];
  const boldRows: number[] = [];
  const add = (cells: (string | number)[], look: { bold?: boolean; colors?: (string | null)[] } = {}) => {
    if (look.bold) boldRows.push(grid.length);
    backgrounds.push(look.colors ?? []);
    grid.push(cells);
  };
  const header = (cells: string[]) => add(cells, { bold: true, colors: cells.map(() => COLORS.header) });
  const sep = input.lang === 'en' ? ', ' : '、';

  add([format(s.title, { campaign: input.campaignName, month: input.status.month })], { bold: true });
  add([s.phase, input.phase]);
  add([s.computedAt, input.computedAt]);
  add([s.problems, format(s.problemsLine, { errors: input.errors, warnings: input.warnings })]);
  add([]);

  add([s.people], { bold: true });
  header([h.person, h.unit, h.count, h.minimum, h.status]);
  if (input.status.people.length === 0) add([format(s.notEvaluated, { month: input.status.month })]);
  for (const line of input.status.people) {
    add([line.name, line.unit, line.count, line.minimum, t.status[line.status]], {
      colors: [null, null, null, null, STATUS_COLORS[line.status]],
    });
  }
  add([]);

  add([s.coverage], { bold: true });
  header([h.unit, h.cycle, h.visited, h.total, h.coverage, h.missing]);
  if (input.status.coverage.length === 0) add([s.none]);
  for (const line of input.status.coverage) {
    const shown = line.missing.slice(0, MISSING_NAMES_SHOWN).join(sep);
    const more = line.missing.length - MISSING_NAMES_SHOWN;
    const missing = more > 0 ? `${shown}${sep}${format(h.andMore, { count: more })}` : shown;
    const done = line.total > 0 && line.visited >= line.total;
    add(
      [
        line.unit,
        format(s.cycleRange, { start: line.cycleStart, end: line.cycleEnd }),
        line.visited,
        line.total,
        percent(line.visited, line.total),
        missing,
      ],
      { colors: [null, null, null, null, done ? COLORS.ok : null] },
    );
  }
  add([]);

  add([s.classes], { bold: true });
  header([h.className, h.students, h.visited, h.coverage, h.inPerson, h.minimum]);
  if (input.status.classes.length === 0) add([s.none]);
  for (const line of input.status.classes) {
    const enough = line.inPerson >= CLASS_IN_PERSON_MINIMUM;
    add(
      [
        line.class,
        line.students,
        line.visited,
        percent(line.visited, line.students),
        line.inPerson,
        CLASS_IN_PERSON_MINIMUM,
      ],
      { colors: [null, null, null, null, enough ? COLORS.ok : COLORS.warning] },
    );
  }
  return { grid, format: { widths: WIDTHS, backgrounds, boldRows, protect: true } };
}
