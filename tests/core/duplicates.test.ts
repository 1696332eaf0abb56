// The duplicate finder against a plain reading of the rule, over enough rows to grow its tables many times.
import { DuplicateFinder } from '../../src/core/duplicates';

function naive() {
  const first = new Map<string, number>();
  return (visitor: string, people: string[], date: string, row: number): number | undefined => {
    let earlier: number | undefined;
    for (const person of people) {
      const key = `${visitor}|${person}|${date}`;
      const found = first.get(key);
      if (found === undefined) first.set(key, row);
      else if (earlier === undefined || found < earlier) earlier = found;
    }
    return earlier;
  };
}

it('finds the earliest earlier row with the same visitor, date and someone in common', () => {
  let seed = 11;
  const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
  const finder = new DuplicateFinder();
  const expected = naive();
  const got: (number | undefined)[] = [];
  const wanted: (number | undefined)[] = [];
  for (let row = 2; row < 40_000; row++) {
    const visitor = `教师${random(700)}`; // more than 2^9 visitors: keys beyond the small integers
    const date = `20${20 + random(8)}-0${1 + random(9)}-1${random(10)}`;
    const people = Array.from({ length: 1 + random(3) }, () => `对象${random(30)}`);
    wanted.push(expected(visitor, people, date, row));
    got.push(finder.check(visitor, people, date, row));
  }
  expect(got).toEqual(wanted);
  expect(wanted.filter((row) => row !== undefined).length).toBeGreaterThan(1000);
});
