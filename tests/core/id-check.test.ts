// A repeated 编号 is an error naming the first row, however it is typed (letter case, full-width), and no other.
import { IdCheck } from '../../src/core/check-visits';
import { FindingList } from '../../src/core/findings';
import { parseGrid } from '../../src/core/grid';
import { defaultHeaders } from '../../src/core/tables';

function repeats(ids: string[], prefix = 'V'): [number, string][] {
  const list = new FindingList(parseGrid('visits', '走访记录', [defaultHeaders('visits', 'zh')]));
  const check = new IdCheck(prefix);
  ids.forEach((id, i) => check.check(list, i + 2, id));
  return list.items.map((f) => [f.row, String(f.params?.row ?? '')]);
}

describe('IdCheck', () => {
  it('names the first row of a repeated 编号, in any letter case or full-width', () => {
    expect(repeats(['V-1', 'V-2', 'v-2', 'Ｖ－２', 'V-3'])).toEqual([
      [4, '3'],
      [5, '3'],
    ]);
  });

  it('keeps apart what is typed apart: V-012 is not V-12, and another form is compared as a name', () => {
    expect(repeats(['V-12', 'V-012', 'X-12', '第12号', 'H-12'])).toEqual([]);
    expect(repeats(['第12号', '第 12 号'])).toEqual([[3, '2']]);
  });

  it('uses the sheet’s own letter: H-7 twice in 家访记录', () => {
    expect(repeats(['H-7', 'h-7'], 'H')).toEqual([[3, '2']]);
  });
});
