// One sheet drawn as a spreadsheet grid: column letters, a frozen header, row numbers, a selection and in-cell editing.
import { h, replaceChildren } from '../dom';
import { columnLetter } from '../../core/a1';
import { chartFigure } from './chart';
import type { CellStyle, SheetView } from '../../contract/playground-protocol';

/** Rows drawn below the last used row of an editable sheet, to type new records into. */
const EMPTY_ROWS_BELOW = 20;
const MIN_ROWS = 30;

export interface GridHandlers {
  /** A cell was typed into (1-based row, 0-based column); resolves once the server has answered. */
  edit(row: number, col: number, text: string): Promise<void>;
  /** Someone tried to type into a protected sheet. */
  refused(): void;
}

interface Position {
  row: number;
  col: number;
}

export class SheetGrid {
  private view: SheetView | undefined;
  private selected: Position = { row: 2, col: 0 };
  private rows = 0;
  private cols = 0;
  private table: HTMLTableElement | undefined;
  private editor: HTMLInputElement | undefined;
  private pending: SheetView | undefined;
  /** The grid's rows by row number (1-based). */
  private trs: HTMLTableRowElement[] = [];

  constructor(
    private readonly scroller: HTMLElement,
    private readonly cellRef: HTMLElement,
    private readonly cellText: HTMLElement,
    private readonly cellNote: HTMLElement,
    private readonly handlers: GridHandlers,
  ) {
    scroller.addEventListener('keydown', (e) => this.onKey(e));
    scroller.addEventListener('mousedown', (e) => this.onMouseDown(e));
    scroller.addEventListener('dblclick', (e) => {
      if (this.positionOf(e.target)) this.startEdit();
    });
  }

  get sheetName(): string | undefined {
    return this.view?.name;
  }

  /** Draws a sheet; the selection stays where it was when the same sheet is drawn again. */
  show(view: SheetView, focus = false): void {
    if (this.editor && this.view?.name === view.name) {
      // Someone is typing in a cell: draw the new data once the editor closes.
      this.pending = view;
      return;
    }
    this.pending = undefined;
    const hadFocus = this.scroller.contains(document.activeElement);
    const same = this.view?.name === view.name;
    this.view = view;
    const used = view.cells.length;
    this.rows = view.editable ? Math.max(used + EMPTY_ROWS_BELOW, MIN_ROWS) : Math.max(used, 1);
    this.cols = Math.max(view.widths.length, view.cells[0]?.length ?? 0, 1);
    if (!same) this.selected = { row: Math.min(view.frozenRows + 1, this.rows), col: 0 };
    this.selected = {
      row: Math.min(this.selected.row, this.rows),
      col: Math.min(this.selected.col, this.cols - 1),
    };
    this.render();
    this.select(this.selected, focus || hadFocus);
  }

  /** Draws data that arrived while a cell was being edited. */
  private flush(): void {
    if (this.pending && !this.editor) this.show(this.pending);
  }

  private styleMap(styles: readonly CellStyle[]): Map<string, CellStyle> {
    return new Map(styles.map((s) => [`${s.row}:${s.col}`, s]));
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const styles = this.styleMap(view.styles);
    const colgroup = h('colgroup', {}, h('col', { class: 'rownum-col' }));
    for (let c = 0; c < this.cols; c++)
      colgroup.appendChild(h('col', { style: `width:${view.widths[c] ?? 100}px` }));
    const letters = h('tr', { class: 'letters' }, h('th', { class: 'corner', 'aria-hidden': 'true' }));
    for (let c = 0; c < this.cols; c++)
      letters.appendChild(h('th', { scope: 'col', 'aria-hidden': 'true' }, columnLetter(c)));
    const thead = h('thead', {}, letters);
    const tbody = h('tbody');
    this.trs = [];
    for (let r = 1; r <= this.rows; r++) {
      const tr = this.rowElement(view, r, styles);
      this.trs[r] = tr;
      (r <= view.frozenRows ? thead : tbody).appendChild(tr);
    }
    this.table = h(
      'table',
      {
        class: 'grid',
        role: 'grid',
        'aria-label': view.name,
        'aria-readonly': view.editable ? null : 'true',
        'aria-rowcount': this.rows,
        'aria-colcount': this.cols,
      },
      colgroup,
      thead,
      tbody,
    );
    // A generated sheet's chart (a 月报) drawn above its table, as Sheets shows the embedded chart beside it.
    if (view.chart !== undefined) replaceChildren(this.scroller, chartFigure(view.chart), this.table);
    else replaceChildren(this.scroller, this.table);
  }

  /** One row of the grid: its number, then a cell per column (text, note, colour, spill). */
  private rowElement(view: SheetView, r: number, styles: Map<string, CellStyle>): HTMLTableRowElement {
    const tr = h('tr', { 'aria-rowindex': r }, h('th', { scope: 'row', class: 'rownum' }, String(r)));
    const line = view.cells[r - 1] ?? [];
    for (let c = 0; c < this.cols; c++) {
      const text = line[c] ?? '';
      const style = styles.get(`${r}:${c}`);
      // As in Sheets, text runs on over the empty cells to its right.
      let room = 0;
      for (let n = c + 1; n < this.cols && (line[n] ?? '') === ''; n++) room += view.widths[n] ?? 100;
      const spill = text !== '' && room > 0;
      const td = h(
        'td',
        {
          role: 'gridcell',
          'data-r': r,
          'data-c': c,
          tabindex: -1,
          title: style?.note ? `${text}\n\n${style.note}` : null,
          'data-note': style?.note ?? null,
          class:
            [
              style?.note ? 'has-note' : '',
              // The edit check's note on a typed cell: a red corner (an error) or an amber one (a warning).
              style?.note && /^(校验（|Check \()/u.test(style.note)
                ? /✗/u.test(style.note)
                  ? 'note-error'
                  : 'note-warning'
                : '',
              style?.bold || r <= view.frozenRows ? 'bold' : '',
              spill ? 'spill' : '',
            ]
              .join(' ')
              .trim() || null,
          style: style?.bg ? `background-color:${style.bg}` : null,
        },
        spill ? h('span', { style: `max-width:${(view.widths[c] ?? 100) + room - 8}px` }, text) : text,
      );
      tr.appendChild(td);
    }
    if (r <= view.frozenRows) tr.classList.add('frozen');
    return tr;
  }

  /**
   * Draws only some rows of the sheet shown again (what an edit or a save changed), from `view`, the sheet as
   * it now stands; rows added at the end get drawn too. Another sheet is left alone (drawn when shown).
   */
  patch(view: SheetView, rows: readonly number[]): void {
    if (this.view?.name !== view.name || !this.table) return;
    if (this.editor) {
      this.pending = view;
      return;
    }
    const hadFocus = this.scroller.contains(document.activeElement);
    this.view = view;
    const wanted = Math.max(
      view.editable ? view.cells.length + EMPTY_ROWS_BELOW : view.cells.length,
      this.rows,
    );
    const changed = new Set(rows);
    const styles = this.styleMap(view.styles.filter((s) => changed.has(s.row)));
    for (const r of changed) {
      const old = this.trs[r];
      if (!old || r > this.rows) continue;
      const tr = this.rowElement(view, r, styles);
      old.replaceWith(tr);
      this.trs[r] = tr;
    }
    const body = this.table.tBodies[0];
    if (wanted > this.rows && body) {
      const all = this.styleMap(view.styles.filter((s) => s.row > this.rows));
      for (let r = this.rows + 1; r <= wanted; r++) {
        const tr = this.rowElement(view, r, all);
        this.trs[r] = tr;
        body.appendChild(tr);
      }
      this.rows = wanted;
      this.table.setAttribute('aria-rowcount', String(this.rows));
    }
    this.select(this.selected, hadFocus);
  }

  private cell(pos: Position): HTMLTableCellElement | null {
    return (
      this.table?.querySelector<HTMLTableCellElement>(`td[data-r="${pos.row}"][data-c="${pos.col}"]`) ?? null
    );
  }

  private positionOf(target: EventTarget | null): Position | undefined {
    const td = (target as Element | null)?.closest?.('td[data-r]');
    if (!td) return undefined;
    return { row: Number(td.getAttribute('data-r')), col: Number(td.getAttribute('data-c')) };
  }

  /** Moves the selection (and the keyboard focus, when asked) to a cell. */
  /** The selected cell's row (1-based), as Sheets' active range gives it to a menu item. */
  selectedRow(): number {
    return this.selected.row;
  }

  select(pos: Position, focus = true): void {
    const old = this.table?.querySelector('td.selected');
    old?.classList.remove('selected');
    old?.setAttribute('tabindex', '-1');
    old?.removeAttribute('aria-selected');
    this.selected = pos;
    const td = this.cell(pos);
    if (!td) return;
    td.classList.add('selected');
    td.setAttribute('tabindex', '0');
    td.setAttribute('aria-selected', 'true');
    if (focus) td.focus({ preventScroll: false });
    td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    this.cellRef.textContent = `${columnLetter(pos.col)}${pos.row}`;
    this.cellText.textContent = td.textContent ?? '';
    const note = td.getAttribute('data-note');
    this.cellNote.textContent = note ?? '';
    this.cellNote.hidden = !note;
  }

  private onMouseDown(e: MouseEvent): void {
    if (this.editor && e.target === this.editor) return;
    const pos = this.positionOf(e.target);
    if (!pos) return;
    if (this.editor) this.commit(false);
    e.preventDefault();
    this.select(pos);
  }

  private move(dr: number, dc: number): void {
    const row = Math.min(Math.max(this.selected.row + dr, 1), this.rows);
    const col = Math.min(Math.max(this.selected.col + dc, 0), this.cols - 1);
    this.select({ row, col });
  }

  private onKey(e: KeyboardEvent): void {
    if (this.editor) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const step = moves[e.key];
    if (step) {
      e.preventDefault();
      this.move(step[0], step[1]);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      this.startEdit();
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (this.view?.editable) void this.save('');
      else this.handlers.refused();
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  }

  /** Opens the in-cell editor on the selected cell, with its text or with the first key typed. */
  startEdit(initial?: string): void {
    if (!this.view?.editable) {
      this.handlers.refused();
      return;
    }
    const td = this.cell(this.selected);
    if (!td) return;
    const before = td.textContent ?? '';
    const input = h('input', {
      class: 'cell-editor',
      type: 'text',
      'aria-label': `${this.view.name} ${columnLetter(this.selected.col)}${this.selected.row}`,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    input.value = initial ?? before;
    input.dataset.before = before;
    replaceChildren(td, input);
    this.editor = input;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.commit(true, [1, 0]);
      } else if (e.key === 'Tab') {
        e.preventDefault();
        this.commit(true, [0, e.shiftKey ? -1 : 1]);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.cancel();
      }
      e.stopPropagation();
    });
    input.addEventListener('blur', () => {
      if (this.editor === input) this.commit(false);
    });
  }

  private cancel(): void {
    const input = this.editor;
    if (!input) return;
    this.editor = undefined;
    const td = input.parentElement;
    if (td) replaceChildren(td, input.dataset.before ?? '');
    this.select(this.selected);
    this.flush();
  }

  private commit(focus: boolean, step?: [number, number]): void {
    const input = this.editor;
    if (!input) return;
    this.editor = undefined;
    const at = { ...this.selected };
    const text = input.value;
    const td = input.parentElement;
    if (td) replaceChildren(td, text);
    if (step) this.move(step[0], step[1]);
    else if (focus) this.select(this.selected);
    if (text !== (input.dataset.before ?? '')) void this.save(text, at);
    this.flush();
  }

  private async save(text: string, at: Position = this.selected): Promise<void> {
    const td = this.cell(at);
    td?.classList.add('pending');
    await this.handlers.edit(at.row, at.col, text);
  }
}
