// Whether a record row was withdrawn by the person who saved it: its 校验 cell says so, and it never counts.
import { cellText, type Cell } from './grid';

/**
 * What a withdrawn row's 校验 cell starts with, in either language ("已撤回 by 王老师 at 2027-04-20 10:05").
 * The rest of the row is kept as typed; only this generated cell marks it.
 */
export const WITHDRAWN_PREFIXES: readonly string[] = ['已撤回', 'Withdrawn'];

/**
 * The one test of whether a record row is withdrawn, from its 校验 cell (the checks skip such a row: no
 * findings, never counted).
 */
export function isWithdrawn(check: Cell | undefined): boolean {
  const text = cellText(check ?? null);
  return WITHDRAWN_PREFIXES.some((prefix) => text.startsWith(prefix));
}
