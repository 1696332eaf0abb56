// Applying a change's BookPatch to the book the page holds: whole sheets replaced, changed rows put in place, tabs in the server's order.
import type { BookPatch, BookView, SheetPatch, SheetView } from '../../contract/playground-protocol';

/** A sheet with a patch's rows in place: rows beyond rowCount dropped, missing rows up to it empty. */
export function patchSheet(view: SheetView, patch: SheetPatch): SheetView {
  const cells = view.cells.slice(0, patch.rowCount);
  while (cells.length < patch.rowCount) cells.push([]);
  const rows = new Set(patch.rows.map((r) => r.row));
  for (const row of patch.rows) if (row.row <= patch.rowCount) cells[row.row - 1] = row.cells;
  const styles = view.styles.filter((s) => !rows.has(s.row)).concat(patch.rows.flatMap((r) => r.styles));
  return { ...view, cells, styles };
}

/** What applying a patch changed, for drawing: sheets sent whole, and the rows of each patched sheet. */
export interface Applied {
  book: BookView;
  whole: Set<string>;
  rows: Map<string, number[]>;
}

/** The book after a patch (the book given is left as it was). */
export function applyPatch(book: BookView, patch: BookPatch): Applied {
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  const whole = new Set<string>();
  const rows = new Map<string, number[]>();
  for (const sheet of patch.sheets) {
    byName.set(sheet.name, sheet);
    whole.add(sheet.name);
  }
  for (const p of patch.patches) {
    const sheet = byName.get(p.name);
    if (sheet === undefined) continue;
    byName.set(p.name, patchSheet(sheet, p));
    rows.set(
      p.name,
      p.rows.map((r) => r.row),
    );
  }
  const sheets = patch.sheetNames.flatMap((name) => {
    const sheet = byName.get(name);
    return sheet === undefined ? [] : [sheet];
  });
  return {
    book: {
      ...book,
      today: patch.today,
      lang: patch.lang,
      texts: patch.texts,
      sheets,
      outbox: patch.outbox ?? book.outbox,
      file: patch.file,
    },
    whole,
    rows,
  };
}
