// The status of a month as readable text: people per unit, cycle coverage with names not yet visited, classes.
import { format, texts, type Lang } from '../core/i18n/messages';
import type { Problem, StatusResult } from '../core/model';
import { CLASS_IN_PERSON_MINIMUM } from '../core/defaults';
import { textTable } from './text-table';

/** How many names of a missing list are shown before "等 N 人" / "and N more". */
export const MISSING_SHOWN = 8;

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}

/** A list of names cut after a few: Chinese says how many in all (等 12 人), English how many more. */
export function shortList(names: readonly string[], lang: Lang, shown = MISSING_SHOWN): string {
  const t = texts(lang);
  const sep = t.cliText.listSeparator;
  if (names.length <= shown) return names.join(sep);
  const count = lang === 'zh' ? names.length : names.length - shown;
  const more = format(t.table.andMore, { count });
  return `${names.slice(0, shown).join(sep)}${lang === 'zh' ? '' : ' '}${more}`;
}

/** `unitOrder`: unit names in the order of 部门指标. */
export function renderStatus(
  status: StatusResult,
  problems: readonly Problem[],
  lang: Lang,
  unitOrder: readonly string[] = [],
): string {
  const t = texts(lang);
  const tt = t.table;
  const lines: string[] = [
    format(t.cli.statusTitle, { month: status.month, today: status.today }),
    format(t.semesterEngine.statusLine, { ...status.semester }),
    '',
  ];

  lines.push(t.cliText.peopleTitle);
  if (status.people.length === 0) {
    const key = status.month > status.today.slice(0, 7) ? t.cli.notEvaluated : t.cliText.noPeople;
    lines.push(format(key, { month: status.month }));
  } else {
    // One block per unit, in the order of 部门指标; the unit is named on its first line only.
    const order = (unit: string) => {
      const i = unitOrder.indexOf(unit);
      return i === -1 ? unitOrder.length : i;
    };
    const units = [...new Set(status.people.map((p) => p.unit))].sort((a, b) => order(a) - order(b));
    const rows = units.flatMap((unit) =>
      status.people
        .filter((p) => p.unit === unit)
        .map((p, i) => [i === 0 ? unit : '', p.name, String(p.count), String(p.minimum), t.status[p.status]]),
    );
    lines.push(...textTable([tt.unit, tt.person, tt.count, tt.minimum, tt.status], rows, new Set([2, 3])));
  }

  if (status.coverage.length > 0) {
    lines.push('', t.cliText.coverageTitle);
    const rows = status.coverage.map((c) => [
      c.unit,
      `${c.cycleStart} ~ ${c.cycleEnd}`,
      `${c.visited}/${c.total}`,
      percent(c.visited, c.total),
      shortList(c.missing, lang),
    ]);
    lines.push(...textTable([tt.unit, tt.cycle, tt.visited, tt.coverage, tt.missing], rows, new Set([2, 3])));
  }

  if (status.classes.length > 0) {
    lines.push('', format(t.semesterEngine.classesOf, { name: status.semester.name }));
    const rows = status.classes.map((c) => [
      c.class,
      String(c.students),
      String(c.visited),
      percent(c.visited, c.students),
      `${c.inPerson}${c.inPerson < CLASS_IN_PERSON_MINIMUM ? ' !' : ''}`,
    ]);
    lines.push(
      ...textTable(
        [tt.className, tt.students, tt.visited, tt.coverage, tt.inPerson],
        rows,
        new Set([1, 2, 3]),
      ),
    );
    // The "!" marker says what it means, under the table that uses it.
    if (status.classes.some((c) => c.inPerson < CLASS_IN_PERSON_MINIMUM))
      lines.push(format(t.overview.cliLegend, { minimum: CLASS_IN_PERSON_MINIMUM }));
  }

  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length > 0) lines.push('', format(t.cliText.problemsHint, { errors, warnings }));
  return lines.join('\n');
}
