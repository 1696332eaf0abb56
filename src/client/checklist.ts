// A checklist field (targets, students, co-visitors): one Tab stop with arrow keys inside, and a type-ahead filter box.
import { format } from '../core/i18n/messages';
import { describedBy, h, replaceChildren } from './dom';

export interface ChecklistOption {
  /** What the form sends. */
  value: string;
  label: string;
  /** Quiet text after the label (a target's group, a student's ID). */
  hint?: string;
  /** A short marker, e.g. 未访 for a target not yet visited this cycle. */
  badge?: string;
  /** More text the filter matches without showing it: pinyin initials ('wf' for 王芳), matched from the start. */
  keys?: string;
}

export interface ChecklistTexts {
  /** "已选 {count} 项" */
  selected: string;
  /** "筛选{field}" */
  filter: string;
  noneToPick: string;
  /** How the keys work (read to screen readers with the filter box). */
  pickHint: string;
  /** "已勾选 {name}" / "已取消 {name}": said when Enter in the filter box ticks or unticks. */
  picked: string;
  unpicked: string;
}

/** Options shown under the list's own, with a title (the student search's matches in other classes). */
export interface ExtraOptions {
  title: string;
  options: readonly ChecklistOption[];
  /** A line under them (searching…, more found, failed). */
  note?: string;
  /** Ticking one of them calls this instead of ticking it. */
  pick(value: string): void;
}

export interface Checklist {
  readonly element: HTMLFieldSetElement;
  /** The filter box (the student search listens to it). */
  readonly filterInput: HTMLInputElement;
  /** Values of the ticked options, in list order. */
  selected(): string[];
  /** Replaces the options; ticks the ones whose value is in keep. */
  setOptions(options: readonly ChecklistOption[], keep?: readonly string[]): void;
  /** Shows (or, with null, removes) options from elsewhere under the list's own. */
  setExtra(extra: ExtraOptions | null): void;
  /** Ticks one option by value (true when it is in the list). */
  tick(value: string): boolean;
  /**
   * Empties the list and says why in its place: 'busy' while its options load (the fieldset is
   * aria-busy), 'error' when they could not, with an optional button (e.g. to try again).
   */
  setNotice(text: string, kind: 'busy' | 'error', action?: { label: string; run: () => void }): void;
  /** Says something in the list's live region (a pick by Enter, a class changed). */
  say(text: string): void;
  clear(): void;
  /** Shows or clears the field's error (the message element is given by the caller's id). */
  setInvalid(errorId: string, invalid: boolean): void;
  /** Moves focus to the filter box when shown, else the list's Tab stop, else the notice's button. */
  focus(): void;
}

/** Lists shorter than this need no filter box. */
export const FILTER_FROM = 8;

export const searchKey = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/** Whether an option matches a filter text: its label or hint holds it, or its pinyin initials start with it. */
export function matches(option: { label: string; hint?: string; keys?: string }, wanted: string): boolean {
  if (wanted === '') return true;
  if (searchKey(`${option.label}${option.hint ?? ''}`).includes(wanted)) return true;
  return option.keys !== undefined && option.keys !== '' && option.keys.startsWith(wanted);
}

/**
 * Builds a checklist for one field; id is the field's element id prefix, name the form field. The list is
 * one Tab stop (a roving tabindex over its checkboxes, as the WAI-ARIA practices describe): ↑ ↓ Home End move,
 * Space ticks. In the filter box Enter ticks the first match (and empties the box), ↓ goes into the list.
 */
export function checklist(
  id: string,
  legend: string,
  texts: ChecklistTexts,
  required: boolean,
  options: { alwaysFilter?: boolean; filterLabel?: string } = {},
): Checklist {
  const count = h('span', { class: 'count', id: `${id}-count` });
  const filterText = options.filterLabel ?? format(texts.filter, { field: legend });
  const keysHint = h('span', { class: 'sr-only', id: `${id}-keys` }, texts.pickHint);
  const filterInput = h('input', {
    type: 'search',
    id: `${id}-filter`,
    autocomplete: 'off',
    enterkeyhint: 'done',
    placeholder: filterText,
    'aria-describedby': keysHint.id,
    'aria-controls': `${id}-options`,
  });
  const filterLabel = h(
    'label',
    { class: 'filter', for: filterInput.id },
    h('span', { class: 'sr-only' }, filterText),
    filterInput,
  );
  // Not a Tab stop of its own: Chromium makes a scrolling box focusable when nothing in it is.
  const list = h('div', { class: 'options', id: `${id}-options`, tabindex: -1 });
  const extraArea = h('div', { class: 'extra', id: `${id}-extra`, hidden: true });
  const empty = h('p', { class: 'hint', hidden: true }, texts.noneToPick);
  // A polite live region, present from the start so what it comes to say is announced.
  const notice = h('div', { class: 'list-notice', id: `${id}-notice`, role: 'status' });
  const element = h(
    'fieldset',
    { class: 'field checklist', id },
    h(
      'legend',
      {},
      legend,
      required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
      ' ',
      count,
    ),
    filterLabel,
    keysHint,
    list,
    extraArea,
    empty,
    notice,
  );
  let shown: ChecklistOption[] = [];
  let boxes: HTMLInputElement[] = [];
  let extraBoxes: HTMLInputElement[] = [];
  let extra: ExtraOptions | null = null;
  const alwaysFilter = options.alwaysFilter === true;

  const rowOf = (box: HTMLInputElement) => box.parentElement as HTMLElement;
  /** Every checkbox the arrow keys walk: the list's own shown, then the extra ones. */
  const walkable = () => [...boxes.filter((b) => !rowOf(b).hidden), ...extraBoxes];
  /**
   * The list and its filter box are one Tab stop. With the filter box shown, it is that stop (as a combobox
   * is: ↓ goes into the list, Tab leaves); without it, one checkbox is: the one last focused, else the first.
   */
  let current: HTMLInputElement | undefined;
  const rove = (to?: HTMLInputElement) => {
    const all = walkable();
    current = to && all.includes(to) ? to : current && all.includes(current) ? current : all[0];
    for (const box of [...boxes, ...extraBoxes])
      box.tabIndex = box === current && filterLabel.hidden ? 0 : -1;
  };

  const refreshCount = () => {
    count.textContent = format(texts.selected, { count: boxes.filter((b) => b.checked).length });
  };
  const applyFilter = () => {
    const wanted = searchKey(filterInput.value);
    boxes.forEach((box, i) => {
      rowOf(box).hidden = !matches(shown[i] as ChecklistOption, wanted);
    });
    rove();
  };
  const clearNotice = () => {
    replaceChildren(notice);
    notice.removeAttribute('data-kind');
    element.removeAttribute('aria-busy');
  };
  const say = (text: string) => {
    clearNotice();
    replaceChildren(notice, h('p', { class: 'hint' }, text));
  };
  const label = (value: string) => shown.find((o) => o.value === value)?.label ?? value;

  filterInput.addEventListener('input', applyFilter);
  filterInput.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      const first = walkable()[0];
      if (first) {
        event.preventDefault();
        rove(first);
        first.focus();
      }
      return;
    }
    if (event.key !== 'Enter' || event.isComposing) return;
    // Enter picks, never submits the form (a phone keyboard's "done" is Enter too).
    event.preventDefault();
    const wanted = searchKey(filterInput.value);
    if (wanted === '') return;
    const own = boxes.find((b, i) => !rowOf(b).hidden && matches(shown[i] as ChecklistOption, wanted));
    if (own) {
      own.checked = !own.checked;
      refreshCount();
      filterInput.value = '';
      applyFilter();
      say(format(own.checked ? texts.picked : texts.unpicked, { name: label(own.value) }));
      return;
    }
    const other = extraBoxes[0];
    if (extra && other) extra.pick(other.value);
  });
  list.addEventListener('change', refreshCount);
  extraArea.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    box.checked = false;
    extra?.pick(box.value);
  });
  element.addEventListener('focusin', (event) => {
    const box = event.target as HTMLElement;
    if (box instanceof HTMLInputElement && box.type === 'checkbox') rove(box);
  });
  element.addEventListener('keydown', (event) => {
    const box = event.target as HTMLElement;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const all = walkable();
    const at = all.indexOf(box);
    let next: HTMLInputElement | undefined;
    if (event.key === 'ArrowDown') next = all[Math.min(at + 1, all.length - 1)];
    else if (event.key === 'ArrowUp') {
      if (at === 0 && !filterLabel.hidden) {
        event.preventDefault();
        filterInput.focus();
        return;
      }
      next = all[Math.max(at - 1, 0)];
    } else if (event.key === 'Home') next = all[0];
    else if (event.key === 'End') next = all[all.length - 1];
    else return;
    event.preventDefault();
    if (next) {
      rove(next);
      next.focus();
    }
  });

  const optionRow = (box: HTMLInputElement, option: ChecklistOption) =>
    h(
      'label',
      { class: 'option', for: box.id },
      box,
      h('span', { class: 'name' }, option.label),
      option.hint ? h('span', { class: 'hint' }, option.hint) : null,
      option.badge ? h('span', { class: 'badge' }, option.badge) : null,
    );

  const showFilter = () => {
    filterLabel.hidden = !alwaysFilter && shown.length < FILTER_FROM;
  };

  const api: Checklist = {
    element,
    filterInput,
    selected: () => boxes.filter((b) => b.checked).map((b) => b.value),
    setNotice(text, kind, action) {
      api.setOptions([]);
      empty.hidden = true;
      notice.setAttribute('data-kind', kind);
      if (kind === 'busy') element.setAttribute('aria-busy', 'true');
      let button: HTMLButtonElement | null = null;
      if (action) {
        button = h('button', { type: 'button', class: 'secondary', id: `${id}-notice-action` }, action.label);
        button.addEventListener('click', action.run);
      }
      replaceChildren(notice, h('p', { class: kind === 'error' ? 'error' : 'hint' }, text), button);
    },
    say,
    setOptions(next, keep = []) {
      clearNotice();
      shown = [...next];
      boxes = shown.map((option, index) =>
        h('input', { type: 'checkbox', id: `${id}-${index}`, value: option.value, tabindex: -1 }),
      );
      replaceChildren(
        list,
        ...shown.map((option, index) => {
          const box = boxes[index] as HTMLInputElement;
          box.checked = keep.includes(option.value); // the property: a fresh box's state, not its default
          return optionRow(box, option);
        }),
      );
      empty.hidden = shown.length > 0;
      list.hidden = shown.length === 0;
      showFilter();
      filterInput.value = '';
      current = undefined;
      api.setExtra(null);
      refreshCount();
    },
    setExtra(next) {
      extra = next;
      extraBoxes = (next?.options ?? []).map((option, index) =>
        h('input', { type: 'checkbox', id: `${id}-x${index}`, value: option.value, tabindex: -1 }),
      );
      extraArea.hidden = next === null;
      replaceChildren(
        extraArea,
        next ? h('p', { class: 'extra-title', id: `${id}-extra-title` }, next.title) : null,
        next && next.options.length
          ? h(
              'div',
              { class: 'options', role: 'group', 'aria-labelledby': `${id}-extra-title`, tabindex: -1 },
              ...next.options.map((option, i) => optionRow(extraBoxes[i] as HTMLInputElement, option)),
            )
          : null,
        next?.note ? h('p', { class: 'hint' }, next.note) : null,
      );
      rove();
    },
    tick(value) {
      const box = boxes.find((b) => b.value === value);
      if (!box) return false;
      box.checked = true;
      refreshCount();
      return true;
    },
    clear() {
      for (const box of boxes) box.checked = false;
      filterInput.value = '';
      applyFilter();
      api.setExtra(null);
      refreshCount();
    },
    setInvalid(errorId, invalid) {
      describedBy(element, errorId, invalid);
      if (invalid) element.setAttribute('aria-invalid', 'true');
      else element.removeAttribute('aria-invalid');
      for (const box of boxes) describedBy(box, errorId, invalid);
    },
    focus() {
      const action = notice.querySelector('button');
      (action ?? (filterLabel.hidden ? current : filterInput))?.focus();
    },
  };
  api.setOptions([]);
  return api;
}
