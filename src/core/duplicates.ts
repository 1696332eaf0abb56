// Finds rows that repeat an earlier one (same visitor, same person visited, same date): small-integer keys in typed arrays, no object per row.
import type { IsoDate } from './dates';

/** A date as a small integer (year·512 + month·32 + day), without allocating. */
function dayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3);
  return year * 512 + (digit(5) * 10 + digit(6)) * 32 + digit(8) * 10 + digit(9);
}

/** A typed array twice as long, holding the old one's values. */
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * Remembers (visitor, person, date) triples and tells the first row that had one. A (visitor, day)
 * pair is a slot of an open-addressing table; its people are a chain of entries (person, first row),
 * all in typed arrays, so 100k rows leave no object behind.
 */
export class DuplicateFinder {
  private readonly visitors = new Map<string, number>();
  private readonly people = new Map<string, number>();
  /** Slot → its (visitor, day) key, -1 when free. */
  private keys = new Float64Array(1024).fill(-1);
  /** Slot → its first entry + 1 (0: none yet). */
  private heads = new Int32Array(1024);
  private used = 0;
  /** Entry → person id, first row, next entry of the slot + 1. */
  private persons = new Int32Array(1024);
  private rows = new Int32Array(1024);
  private next = new Int32Array(1024);
  private entries = 0;

  /** The slot of a key, taken if it is free. */
  private slot(key: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.rehash();
    const mask = this.keys.length - 1;
    let h = Math.imul((key % 4294967296) ^ Math.imul((key / 4294967296) | 0, 0x85ebca6b), 0x9e3779b1) & mask;
    for (;;) {
      const at = this.keys[h];
      if (at === key) return h;
      if (at === -1) {
        this.keys[h] = key;
        this.used++;
        return h;
      }
      h = (h + 1) & mask;
    }
  }

  private rehash(): void {
    const { keys, heads } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.heads = new Int32Array(keys.length * 2);
    this.used = 0;
    keys.forEach((key, i) => {
      if (key !== -1) this.heads[this.slot(key)] = heads[i] ?? 0;
    });
  }

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
    const slot = this.slot(visitor * 2 ** 21 + dayNumber(date));
    let earlier: number | undefined;
    for (const id of people) {
      let found: number | undefined;
      for (let e = this.heads[slot] ?? 0; e !== 0; e = this.next[e - 1] ?? 0) {
        if (this.persons[e - 1] === id) {
          found = this.rows[e - 1];
          break;
        }
      }
      if (found === undefined) {
        if (this.entries === this.persons.length) {
          this.persons = grown(this.persons);
          this.rows = grown(this.rows);
          this.next = grown(this.next);
        }
        this.persons[this.entries] = id;
        this.rows[this.entries] = row;
        this.next[this.entries] = this.heads[slot] ?? 0;
        this.entries++;
        this.heads[slot] = this.entries;
      } else if (earlier === undefined || found < earlier) earlier = found;
    }
    return earlier;
  }
}
