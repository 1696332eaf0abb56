// When a daily run at a given hour of a time zone next happens after an instant.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

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
