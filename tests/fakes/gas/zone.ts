// Wall-clock time in an IANA time zone with Intl only (no dayjs): formatDate of the Utilities fake, typed dates of the sheet fake.

export interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** The zone's offset from UTC at that instant, in minutes (Shanghai: 480). */
  offsetMinutes: number;
}

const FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * The Intl formatter of a zone. An unknown zone is read as UTC, as Java's TimeZone.getTimeZone (behind
 * Utilities.formatDate) reads an ID it does not know as GMT.
 */
function formatOf(zone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(zone);
  if (format === undefined) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    FORMATS.set(zone, format);
  }
  return format;
}

/** The wall-clock fields of an instant in a zone. */
export function wallClockOf(instant: Date, zone: string): WallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  const parts: Record<string, number> = {};
  for (const part of formatOf(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  // Some ICU versions give 24 for midnight even with hourCycle h23.
  const hour = (parts.hour ?? 0) % 24;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const wall = new Date(0);
  wall.setUTCFullYear(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1);
  wall.setUTCHours(hour, parts.minute ?? 0, parts.second ?? 0, millisecond);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond,
    weekday: wall.getUTCDay(),
    offsetMinutes: Math.round((wall.getTime() - ms) / 60_000),
  };
}

/**
 * The instant showing a wall-clock time in a zone. A time skipped by a clock change is moved forward
 * by the change, and a repeated one is the earlier instant, as Sheets reads typed date-times.
 */
export function instantOf(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  const guess = wall.getTime();
  const offsetAt = (ms: number) => wallClockOf(new Date(ms), zone).offsetMinutes * 60_000;
  // The offset a few hours either side: the earlier one first, so a repeated hour reads as its first pass.
  const before = offsetAt(guess - 12 * 3_600_000);
  const after = offsetAt(guess + 12 * 3_600_000);
  for (const offset of [before, after]) {
    const at = guess - offset;
    if (offsetAt(at) === offset) return new Date(at);
  }
  // In a gap (the clock jumped forward): the same distance past the change.
  return new Date(guess - before);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return `${sign}${hours}`;
  return `${sign}${hours}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function field(letter: string, count: number, w: WallClock): string {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case 'M':
      if (count >= 4) return MONTHS[w.month - 1]!;
      if (count === 3) return MONTHS[w.month - 1]!.slice(0, 3);
      return pad(w.month, count);
    case 'd':
      return pad(w.day, count);
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, count);
    case 'E':
      return count >= 4 ? DAYS[w.weekday]! : DAYS[w.weekday]!.slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offsetText(w.offsetMinutes, false);
    case 'X':
      if (w.offsetMinutes === 0) return 'Z';
      return offsetText(w.offsetMinutes, count >= 3, count >= 2);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/**
 * An instant formatted in a zone with a Java SimpleDateFormat pattern, as Utilities.formatDate does:
 * the letters y M d H k K h m s S E u a Z X, text in single quotes ('' is a quote), anything else as is.
 */
export function formatInZone(instant: Date, zone: string, pattern: string): string {
  const wall = wallClockOf(instant, zone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      // Quoted text; '' is a quote, inside quotes or out.
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      i++;
      while (i < pattern.length) {
        if (pattern[i] !== "'") out += pattern[i++];
        else if (pattern[i + 1] === "'") {
          out += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      }
    } else if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count++;
      out += field(ch, count, wall);
      i += count;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
