// Finds rows that repeat an earlier one (same visitor, same person visited, same date), with numeric keys for speed.
import { dateToSerial, type IsoDate } from './dates';

/** Remembers (visitor, person, date) triples and tells the first row that had one. */
export class DuplicateFinder {
  private readonly visitors = new Map<string, number>();
  private readonly people = new Map<string, number>();
  private readonly days = new Map<IsoDate, number>();
  private readonly seen = new Map<number, number>();

  private static id(ids: Map<string, number>, key: string): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  }

  private day(date: IsoDate): number {
    let day = this.days.get(date);
    if (day === undefined) {
      day = dateToSerial(date);
      this.days.set(date, day);
    }
    return day;
  }

  /** Records the row's triples; returns the earliest earlier row sharing one, if any. */
  check(visitorKey: string, people: readonly string[], date: IsoDate, row: number): number | undefined {
    // visitor (< 2^13) · day serial (< 2^20) · person (< 2^20) fits in a safe integer.
    const base = (DuplicateFinder.id(this.visitors, visitorKey) * 2 ** 20 + this.day(date)) * 2 ** 20;
    let earlier: number | undefined;
    for (const person of people) {
      const key = base + DuplicateFinder.id(this.people, person);
      const found = this.seen.get(key);
      if (found === undefined) this.seen.set(key, row);
      else if (earlier === undefined || found < earlier) earlier = found;
    }
    return earlier;
  }
}
