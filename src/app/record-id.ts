// Record numbers: V-n visits, H-n home visits, R-n rectification, S-n suggestions, D-n discussion activities; the next one after the largest in use.
import { cellText, type Cell } from '../core/grid';

export const ID_PREFIX = {
  visits: 'V',
  homeVisits: 'H',
  suggestions: 'S',
  rectification: 'R',
  discussions: 'D',
} as const;

/** The largest n of cells written PREFIX-n (any case, optional spaces); 0 when there is none. */
export function largestId(cells: readonly Cell[], prefix: string): number {
  const form = new RegExp(`^${prefix}\\s*-\\s*(\\d+)$`, 'i');
  let max = 0;
  for (const cell of cells) {
    const match = form.exec(cellText(cell).normalize('NFKC'));
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max;
}

/** `count` new numbers after the largest in use: ['V-13', 'V-14', …]. */
export function nextIds(cells: readonly Cell[], prefix: string, count: number): string[] {
  const start = largestId(cells, prefix);
  return Array.from({ length: count }, (_, i) => `${prefix}-${start + i + 1}`);
}

/**
 * THE numbering rule of 编号, for every writer (a save, the edit check, recompute): `count` new numbers after
 * the largest PREFIX-n among the data rows of the sheet's 编号 column (the header row is not a number).
 */
export function nextRecordIds(
  table: keyof typeof ID_PREFIX,
  grid: readonly (readonly Cell[])[],
  column: number | undefined,
  count: number,
): string[] {
  const ids = column === undefined ? [] : grid.slice(1).map((row) => row[column] ?? null);
  return nextIds(ids, ID_PREFIX[table], count);
}
