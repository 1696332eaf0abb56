// Finds rows that repeat an earlier one (same visitor, same person visited, same date), with small-integer keys for speed.
import type { IsoDate } from './dates';

/** A date as a small integer (year·512 + month·32 + day), without allocating. */
function dayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return year * 512 + (digit(5) * 10 + digit(6)) * 32 + digit(8) * 10 + digit(9);
}

/** Remembers (visitor, person, date) triples and tells the first row that had one. */
export class DuplicateFinder {
  private readonly visitors = new Map<string, number>();
  private readonly people = new Map<string, number>();
  /** (visitor, day) → person ids and their first rows, alternating; usually a handful of entries. */
  private readonly seen = new Map<number, number[]>();

  private static id(ids: Map<string, number>, key: string): number {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  }

  /** The small number standing for a visitor's key (the same for the same key). */
  visitorId(visitorKey: string): number {
    return DuplicateFinder.id(this.visitors, visitorKey);
  }

  /** The small number standing for a visited person's key (the same for the same key). */
  personId(personKey: string): number {
    return DuplicateFinder.id(this.people, personKey);
  }

  /** Records the row's triples; returns the earliest earlier row sharing one, if any. */
  check(visitorKey: string, people: readonly string[], date: IsoDate, row: number): number | undefined {
    return this.checkIds(
      this.visitorId(visitorKey),
      people.map((p) => this.personId(p)),
      date,
      row,
    );
  }

  /** check() with the visitor and the people as their numbers from visitorId and personId. */
  checkIds(visitor: number, people: readonly number[], date: IsoDate, row: number): number | undefined {
    // Days since year 0 fit in 21 bits, so a visitor id below 2^9 keeps the key a small integer;
    // beyond that the key is a plain (still exact) number.
    const key = visitor * 2 ** 21 + dayNumber(date);
    let entries = this.seen.get(key);
    if (entries === undefined) {
      entries = [];
      this.seen.set(key, entries);
    }
    let earlier: number | undefined;
    for (const id of people) {
      let found: number | undefined;
      for (let i = 0; i < entries.length; i += 2) {
        if (entries[i] === id) {
          found = entries[i + 1];
          break;
        }
      }
      if (found === undefined) entries.push(id, row);
      else if (earlier === undefined || found < earlier) earlier = found;
    }
    return earlier;
  }
}
