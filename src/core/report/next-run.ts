// When the daily run next happens after an instant, and the next reminder day after a date.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { addMonths, daysInMonth, monthOf, type IsoDate } from '../dates';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The next hh:00 in the time zone strictly after `now`, as 'YYYY-MM-DD HH:mm' of that zone. */
export function nextDailyRun(now: Date, hour: number, timeZone: string): string {
  const local = dayjs(now).tz(timeZone);
  const wall = (day: dayjs.Dayjs) => `${day.format('YYYY-MM-DD')}T${String(hour).padStart(2, '0')}:00:00`;
  let next = dayjs.tz(wall(local), timeZone);
  if (!next.isAfter(now)) next = dayjs.tz(wall(local.add(1, 'day')), timeZone);
  return next.tz(timeZone).format('YYYY-MM-DD HH:mm');
}

/** The first reminder day (a day of the month in `days`) after `today`, within a year; null when there is none. */
export function nextReminderDay(today: IsoDate, days: readonly number[]): IsoDate | null {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  let month = monthOf(today);
  for (let i = 0; i < 13; i++) {
    for (const day of sorted) {
      if (!Number.isInteger(day) || day < 1 || day > daysInMonth(month)) continue;
      const date = `${month}-${String(day).padStart(2, '0')}`;
      if (date > today) return date;
    }
    month = addMonths(month, 1);
  }
  return null;
}
