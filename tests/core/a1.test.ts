// Column letters as Sheets and Excel name them, used by dropdown formulas and the playground's grid.
import { columnLetter } from '../../src/core/a1';

it('names columns A…Z, then AA, AZ, BA, and the 703rd AAA', () => {
  expect([0, 1, 25, 26, 51, 52, 702].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'AAA']);
});
