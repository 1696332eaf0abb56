// The 献一计 and 讨论活动 forms of the sidebar: a few fields, sent as one call, the answer said under the button.
import { format } from '../core/i18n/messages';
import type { SidebarTexts } from '../contract/sidebar-payload';
import type { ActionAnswer } from '../contract/todo-payload';
import { h } from './dom';
import { errorMessage } from './server';
import { showFieldErrors, smallField, type SmallField } from './small-form';

/** A form of small fields whose submit sends the values and shows the answer (errors beside the fields). */
function sendingForm(
  id: string,
  label: string,
  submitText: string,
  fields: SmallField[],
  extra: HTMLElement[],
  send: () => Promise<ActionAnswer>,
  texts: SidebarTexts,
  afterSaved: () => void,
): HTMLFormElement {
  const status = h('p', { class: 'status', id: `${id}-status`, role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitText);
  const form = h(
    'form',
    { id, class: 'small-form', novalidate: true, 'aria-label': label },
    ...fields.map((f) => f.element),
    ...extra,
    h('div', { class: 'actions' }, submit),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    status.textContent = texts.todo.working;
    status.removeAttribute('data-id');
    send().then(
      (answer) => {
        submit.disabled = false;
        if (!answer.ok) {
          const rest = showFieldErrors(fields, answer.errors);
          status.textContent = rest.map((e) => e.message).join(' ');
          return;
        }
        showFieldErrors(fields, []);
        status.textContent = answer.message;
        status.dataset.id = answer.id;
        afterSaved();
      },
      (error: unknown) => {
        submit.disabled = false;
        status.textContent = format(texts.todo.failed, { message: errorMessage(error) });
      },
    );
  });
  // Ctrl+Enter (⌘+Enter) sends from any field, as the record form saves.
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault();
    if (!submit.disabled) form.requestSubmit(submit);
  });
  return form;
}

/** 献一计: title, text, category (the school's list offered, any text taken), anonymous. */
export function suggestionForm(
  texts: SidebarTexts,
  send: (input: {
    title: string;
    text: string;
    category: string;
    anonymous: boolean;
  }) => Promise<ActionAnswer>,
): HTMLFormElement {
  const s = texts.todo.suggestion;
  const categories = h(
    'datalist',
    { id: 'suggest-category-list' },
    ...s.categories.map((c) => h('option', { value: c })),
  );
  const fields = [
    smallField('suggest', 'title', s.title, h('input', { type: 'text', maxlength: 100 })),
    smallField('suggest', 'text', s.text, h('textarea', { rows: 5 }), { required: true }),
    smallField('suggest', 'category', s.category, h('input', { type: 'text', list: categories.id })),
  ];
  const anonymous = h('input', { type: 'checkbox', id: 'suggest-anonymous', name: 'anonymous' });
  const anonymousField = h(
    'div',
    { class: 'field check' },
    anonymous,
    h('label', { for: anonymous.id }, s.anonymous),
  );
  const value = (name: string) => fields.find((f) => f.name === name)?.control.value ?? '';
  return sendingForm(
    'suggestion-form',
    texts.todo.tabs.suggest,
    s.submit,
    fields,
    [categories, anonymousField],
    () =>
      send({
        title: value('title'),
        text: value('text'),
        category: value('category'),
        anonymous: anonymous.checked,
      }),
    texts,
    () => {
      for (const f of fields) f.control.value = '';
      anonymous.checked = false;
    },
  );
}

/** 讨论活动: date (today), form, topic, organiser (the person), attendance, record. */
export function discussionForm(
  texts: SidebarTexts,
  today: string,
  person: string,
  send: (input: {
    date: string;
    form: string;
    topic: string;
    organiser: string;
    attendance: number | null;
    record: string;
  }) => Promise<ActionAnswer>,
): HTMLFormElement {
  const d = texts.todo.discussion;
  const forms = h(
    'select',
    {},
    h('option', { value: '' }, texts.sidebar.choose),
    ...texts.discussionForms.map((c) => h('option', { value: c.value }, c.label)),
  );
  const fields = [
    smallField('discuss', 'date', d.date, h('input', { type: 'date', value: today, max: today }), {
      required: true,
    }),
    smallField('discuss', 'form', d.form, forms, { required: true }),
    smallField('discuss', 'topic', d.topic, h('input', { type: 'text' }), { required: true }),
    smallField('discuss', 'organiser', d.organiser, h('input', { type: 'text', value: person })),
    smallField(
      'discuss',
      'attendance',
      d.attendance,
      h('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }),
    ),
    smallField('discuss', 'record', d.record, h('textarea', { rows: 4 })),
  ];
  const value = (name: string) => fields.find((f) => f.name === name)?.control.value ?? '';
  return sendingForm(
    'discussion-form',
    texts.todo.tabs.discuss,
    d.submit,
    fields,
    [],
    () => {
      const typed = value('attendance').trim();
      const number = Number(typed);
      return send({
        date: value('date'),
        form: value('form'),
        topic: value('topic'),
        organiser: value('organiser'),
        // A number the server judges; what is no number is sent as typed text would be: refused there.
        attendance: typed === '' ? null : Number.isFinite(number) ? number : -1,
        record: value('record'),
      });
    },
    texts,
    () => {
      for (const name of ['topic', 'attendance', 'record']) {
        const field = fields.find((f) => f.name === name);
        if (field) field.control.value = '';
      }
    },
  );
}
