// The month a person asks 生成月报 for: empty means last month; 2027/3, 2027.3 and 2027年3月 read as 2027-03.
import { addMonths, isIsoMonth, monthOf, type IsoDate, type IsoMonth } from '../core/dates';

/** Last month, as of the school day `today`: what an empty answer stands for. */
export function lastMonthOf(today: IsoDate): IsoMonth {
  return addMonths(monthOf(today), -1);
}

/** The month of a typed answer, or `undefined` when it is no month (the caller says so with reportBadMonth). */
export function reportMonthOf(typed: string, today: IsoDate): IsoMonth | undefined {
  const text = typed.normalize('NFKC').trim();
  if (text === '') return lastMonthOf(today);
  const month = text.replace(
    /^(\d{4})[/.年-](\d{1,2})月?$/,
    (_, y: string, m: string) => `${y}-${m.padStart(2, '0')}`,
  );
  return isIsoMonth(month) ? month : undefined;
}
