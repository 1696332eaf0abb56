// The 问题整改 sheet's overdue colour as one conditional formula (Sheets, .xlsx and the playground read the same rule).
import { en } from '../core/i18n/en';
import { zh } from '../core/i18n/zh';
import { columnLetter } from '../core/a1';
import type { FormulaHighlight } from './ports';

/** The statuses that leave an item open, in both languages (a school may type either); empty is 待整改. */
const OPEN_WORDS = [
  zh.values.rectStatus.open,
  zh.values.rectStatus.inProgress,
  en.values.rectStatus.open,
  en.values.rectStatus.inProgress,
];

/**
 * The 期限 cell turns `color` when its date is before today and 状态 is empty, 待整改 or 整改中: a formula the
 * spreadsheet works out each day, so an item turns red as days pass without a recompute. A 期限 typed as
 * text the spreadsheet does not hold as a date is not coloured (the date column's validation flags it).
 */
export function overdueHighlight(deadline: number, status: number, color: string): FormulaHighlight {
  const d = `$${columnLetter(deadline)}2`;
  const s = `$${columnLetter(status)}2`;
  const words = ['', ...OPEN_WORDS].map((w) => `${s}="${w.replace(/"/g, '""')}"`);
  return { column: deadline, formula: `AND(ISNUMBER(${d}),${d}<TODAY(),OR(${words.join(',')}))`, color };
}

export interface OverdueRule {
  deadline: number;
  status: number;
  words: string[];
}

/** The columns and open words of a formula made by overdueHighlight; undefined for any other formula. */
export function readOverdueFormula(formula: string): OverdueRule | undefined {
  const m = /^AND\(ISNUMBER\(\$([A-Z]+)2\),\$(?:\1)2<TODAY\(\),OR\((.*)\)\)$/.exec(formula);
  if (m === null) return undefined;
  const words: string[] = [];
  let status: string | undefined;
  for (const part of (m[2] ?? '').matchAll(/\$([A-Z]+)2="((?:[^"]|"")*)"/g)) {
    status ??= part[1];
    if (part[1] !== status) return undefined;
    words.push((part[2] ?? '').replace(/""/g, '"'));
  }
  if (status === undefined) return undefined;
  return { deadline: letterIndex(m[1] ?? 'A'), status: letterIndex(status), words };
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
