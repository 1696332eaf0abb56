// A checklist field (targets, students, co-visitors): labelled checkboxes in a scrolling list, with a filter box.
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
}

export interface ChecklistTexts {
  /** "已选 {count} 项" */
  selected: string;
  /** "筛选{field}" */
  filter: string;
  noneToPick: string;
}

export interface Checklist {
  readonly element: HTMLFieldSetElement;
  /** Values of the ticked options, in list order. */
  selected(): string[];
  /** Replaces the options; ticks the ones whose value is in keep. */
  setOptions(options: readonly ChecklistOption[], keep?: readonly string[]): void;
  /**
   * Empties the list and says why in its place: 'busy' while its options load (the fieldset is
   * aria-busy), 'error' when they could not, with an optional button (e.g. to try again).
   */
  setNotice(text: string, kind: 'busy' | 'error', action?: { label: string; run: () => void }): void;
  clear(): void;
  /** Shows or clears the field's error (the message element is given by the caller's id). */
  setInvalid(errorId: string, invalid: boolean): void;
  /** Moves focus to the first checkbox visible, else the filter box, else the notice's button. */
  focus(): void;
}

/** Lists shorter than this need no filter box. */
export const FILTER_FROM = 8;

const keyOf = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/** Builds a checklist for one field; id is the field's element id prefix, name the form field. */
export function checklist(id: string, legend: string, texts: ChecklistTexts, required: boolean): Checklist {
  const count = h('span', { class: 'count', id: `${id}-count` });
  const filterText = format(texts.filter, { field: legend });
  const filterInput = h('input', {
    type: 'search',
    id: `${id}-filter`,
    autocomplete: 'off',
    placeholder: filterText,
  });
  const filterLabel = h(
    'label',
    { class: 'filter', for: filterInput.id },
    h('span', { class: 'sr-only' }, filterText),
    filterInput,
  );
  const list = h('div', { class: 'options', id: `${id}-options` });
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
    list,
    empty,
    notice,
  );
  let boxes: HTMLInputElement[] = [];

  const refreshCount = () => {
    count.textContent = format(texts.selected, { count: boxes.filter((b) => b.checked).length });
  };
  const applyFilter = () => {
    const wanted = keyOf(filterInput.value);
    for (const box of boxes) {
      const row = box.parentElement as HTMLElement;
      row.hidden = wanted !== '' && !keyOf(row.textContent ?? '').includes(wanted);
    }
  };
  filterInput.addEventListener('input', applyFilter);
  list.addEventListener('change', refreshCount);

  const clearNotice = () => {
    replaceChildren(notice);
    notice.removeAttribute('data-kind');
    element.removeAttribute('aria-busy');
  };

  const api: Checklist = {
    element,
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
    setOptions(options, keep = []) {
      clearNotice();
      boxes = options.map((option, index) =>
        h('input', {
          type: 'checkbox',
          id: `${id}-${index}`,
          value: option.value,
        }),
      );
      replaceChildren(
        list,
        ...options.map((option, index) => {
          const box = boxes[index] as HTMLInputElement;
          box.checked = keep.includes(option.value); // the property: a fresh box's state, not its default
          return h(
            'label',
            { class: 'option', for: box.id },
            box,
            h('span', { class: 'name' }, option.label),
            option.hint ? h('span', { class: 'hint' }, option.hint) : null,
            option.badge ? h('span', { class: 'badge' }, option.badge) : null,
          );
        }),
      );
      empty.hidden = options.length > 0;
      list.hidden = options.length === 0;
      filterLabel.hidden = options.length < FILTER_FROM;
      filterInput.value = '';
      refreshCount();
    },
    clear() {
      for (const box of boxes) box.checked = false;
      filterInput.value = '';
      applyFilter();
      refreshCount();
    },
    setInvalid(errorId, invalid) {
      describedBy(element, errorId, invalid);
      if (invalid) element.setAttribute('aria-invalid', 'true');
      else element.removeAttribute('aria-invalid');
      for (const box of boxes) describedBy(box, errorId, invalid);
    },
    focus() {
      const first = boxes.find((b) => !(b.parentElement as HTMLElement).hidden);
      const action = notice.querySelector('button');
      (first ?? (filterLabel.hidden ? action : filterInput))?.focus();
    },
  };
  api.setOptions([]);
  return api;
}
