// 我的待办: the person's open follow-ups and rectification items, oldest first; close one with a result, or turn it into a rectification item.
import { format } from '../core/i18n/messages';
import type { SidebarTexts } from '../contract/sidebar-payload';
import type { ActionAnswer, TodoItem, TodoList } from '../contract/todo-payload';
import { h, replaceChildren } from './dom';
import { errorMessage, type Server } from './server';
import { showFieldErrors, smallField, type SmallField } from './small-form';

export interface TodoBox {
  readonly element: HTMLElement;
  show(list: TodoList): void;
}

interface TodoContext {
  texts: SidebarTexts;
  staff: readonly string[];
  server: Pick<Server, 'sidebarCloseFollowUp' | 'sidebarConvert'>;
  /** Told the number of items after each change (the tab's badge). */
  onCount(count: number): void;
}

/** The to-do panel; show() puts a list in it (the bootstrap's, then each action's answer). */
export function todoBox(ctx: TodoContext): TodoBox {
  const u = ctx.texts.todo;
  const status = h('p', { class: 'status', id: 'todo-status', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'todo-list', id: 'todo-list' });
  const more = h('p', { class: 'hint', id: 'todo-more', hidden: true });
  const owners = h(
    'datalist',
    { id: 'todo-owner-list' },
    ...ctx.staff.map((name) => h('option', { value: name })),
  );
  const element = h('section', { class: 'todo' }, h('h2', {}, u.todoTitle), status, list, more, owners);

  const show = (todo: TodoList) => {
    ctx.onCount(todo.total);
    more.hidden = todo.total <= todo.items.length;
    more.textContent = format(u.todoMore, { count: todo.total - todo.items.length });
    if (todo.items.length === 0) {
      replaceChildren(list, h('li', { class: 'notice' }, u.todoEmpty));
      return;
    }
    replaceChildren(list, ...todo.items.map((item) => itemView(item, todo.lateDays)));
  };

  /** After an action: the answer's words, the list as it now stands, focus on the words. */
  const answered = (answer: ActionAnswer, fields: SmallField[]): boolean => {
    if (!answer.ok) {
      const rest = showFieldErrors(fields, answer.errors);
      status.textContent = rest.map((e) => e.message).join(' ');
      return false;
    }
    status.textContent = answer.message;
    status.dataset.id = answer.id;
    if (answer.todo) show(answer.todo);
    status.setAttribute('tabindex', '-1');
    status.focus();
    return true;
  };

  function itemView(item: TodoItem, lateDays: number): HTMLElement {
    const actions = h('div', { class: 'todo-actions' });
    const box = h('div', { class: 'todo-form' });
    const li = h(
      'li',
      { class: `todo-item todo-${item.kind}`, 'data-id': item.id },
      h(
        'p',
        { class: 'todo-line' },
        h('span', { class: 'todo-kind' }, item.kind === 'followUp' ? u.kindFollowUp : u.kindRectification),
        ' ',
        item.line,
      ),
      item.kind === 'followUp'
        ? item.late
          ? h('p', { class: 'badge todo-late' }, format(u.followUpLate, { days: lateDays }))
          : null
        : item.overdue
          ? h('p', { class: 'badge todo-late' }, u.overdue)
          : null,
      item.deadline ? h('p', { class: 'hint' }, format(u.deadline, { date: item.deadline })) : null,
      item.text ? h('p', { class: 'todo-text' }, item.text) : null,
      actions,
      box,
    );
    if (item.kind !== 'followUp') return li;
    const close = h('button', { type: 'button', class: 'secondary', 'data-action': 'close' }, u.close);
    const convert = h('button', { type: 'button', class: 'secondary', 'data-action': 'convert' }, u.convert);
    close.addEventListener('click', () => openForm(item, box, 'close', close));
    convert.addEventListener('click', () => openForm(item, box, 'convert', convert));
    actions.append(close, convert);
    return li;
  }

  /** The small form under an item: the result to close it, or the rectification item to open from it. */
  function openForm(
    item: TodoItem,
    box: HTMLElement,
    kind: 'close' | 'convert',
    opener: HTMLButtonElement,
  ): void {
    const prefix = `todo-${item.id}-${kind}`;
    const fields: SmallField[] =
      kind === 'close'
        ? [smallField(prefix, 'result', u.result, h('textarea', { rows: 3 }), { required: true })]
        : [
            smallField(prefix, 'problem', u.problem, h('textarea', { rows: 4 }), { required: true }),
            smallField(prefix, 'owner', u.owner, h('input', { type: 'text', list: 'todo-owner-list' })),
            smallField(prefix, 'deadline', u.deadlineField, h('input', { type: 'date' })),
          ];
    if (kind === 'convert') {
      (fields[0] as SmallField).control.value = item.problem;
      (fields[1] as SmallField).control.value = item.owner;
    }
    const submit = h(
      'button',
      { type: 'submit', class: 'primary' },
      kind === 'close' ? u.closeSubmit : u.convertSubmit,
    );
    const cancel = h('button', { type: 'button', class: 'secondary' }, u.cancel);
    const form = h(
      'form',
      {
        class: 'small-form',
        id: prefix,
        novalidate: true,
        'aria-label': `${item.id} ${kind === 'close' ? u.close : u.convert}`,
      },
      ...fields.map((f) => f.element),
      h('div', { class: 'confirm-actions' }, submit, cancel),
    );
    const shut = () => {
      replaceChildren(box);
      opener.focus();
    };
    cancel.addEventListener('click', shut);
    form.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      // Escape on the warnings is 返回修改; elsewhere it closes the form.
      if (confirmBox.contains(event.target as Node)) {
        event.stopPropagation();
        (confirmBox.querySelector('[data-action="go-back"]') as HTMLButtonElement | null)?.click();
      } else shut();
    });
    // Warnings of the server (a 责任人 not on the roster) before saving, with 仍然保存 / 返回修改.
    const confirmBox = h('div', { class: 'confirm', id: `${prefix}-confirm`, hidden: true });
    const hideConfirm = () => {
      replaceChildren(confirmBox);
      confirmBox.hidden = true;
    };
    const value = (name: string) => fields.find((f) => f.name === name)?.control.value ?? '';
    const send = (confirmed: boolean) => {
      hideConfirm();
      submit.disabled = true;
      status.textContent = u.working;
      const call =
        kind === 'close'
          ? ctx.server.sidebarCloseFollowUp({ id: item.id, result: value('result') })
          : ctx.server.sidebarConvert({
              id: item.id,
              problem: value('problem'),
              owner: value('owner'),
              deadline: value('deadline'),
              ...(confirmed ? { confirmed: true } : {}),
            });
      call.then(
        (answer) => {
          submit.disabled = false;
          if (!answer.ok && answer.errors.length === 0 && (answer.warnings?.length ?? 0) > 0) {
            showFieldErrors(fields, []);
            status.textContent = '';
            askToConfirm(answer.warnings ?? []);
            return;
          }
          answered(answer, fields);
        },
        (error: unknown) => {
          submit.disabled = false;
          status.textContent = format(u.failed, { message: errorMessage(error) });
        },
      );
    };
    const askToConfirm = (warnings: readonly string[]) => {
      const x = ctx.texts.ux;
      const anyway = h(
        'button',
        { type: 'button', class: 'primary', 'data-action': 'save-anyway' },
        x.saveAnyway,
      );
      const back = h('button', { type: 'button', class: 'secondary', 'data-action': 'go-back' }, x.goBack);
      const title = h('p', { id: `${prefix}-confirm-title` }, x.warningsTitle);
      replaceChildren(
        confirmBox,
        title,
        h('ul', {}, ...warnings.map((w) => h('li', { class: 'warning' }, w))),
        h('div', { class: 'confirm-actions' }, anyway, back),
      );
      confirmBox.setAttribute('role', 'alertdialog');
      confirmBox.setAttribute('aria-labelledby', title.id);
      confirmBox.hidden = false;
      anyway.addEventListener('click', () => send(true));
      back.addEventListener('click', () => {
        hideConfirm();
        (fields.find((f) => f.name === 'owner') ?? fields[0])?.control.focus();
      });
      anyway.focus();
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send(false);
    });
    form.append(confirmBox);
    replaceChildren(box, form);
    fields[0]?.control.focus();
  }

  return { element, show };
}
