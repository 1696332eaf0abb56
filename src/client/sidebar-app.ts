// The sidebar page: starts from one round trip, lets a person pick themselves, log a record and see progress.
import type { FieldError } from '../core/input-errors';
import { format } from '../core/i18n/messages';
import { checkRecord } from '../contract/record-check';
import type { RecordInput } from '../contract/record-input';
import type { PersonView, SidebarBootstrap } from '../contract/sidebar-payload';
import { matches, searchKey } from './checklist';
import { describedBy, h, replaceChildren } from './dom';
import { discussionForm, suggestionForm } from './activity-forms';
import { progressBox } from './progress-box';
import { recordForm, type RecordForm, type RecordKind } from './record-form';
import { errorMessage, type Server } from './server';
import { tabs } from './tabs';
import { todoBox, type TodoBox } from './todo-box';

/** A staff list this long gets a search box over the "I am" names. */
const FIND_FROM = 8;
/** As the server's WITHDRAW_MINUTES (the save's answer carries the real number). */
const WITHDRAW_MINUTES = 10;

/** Person fields of the input: their errors are shown next to the "I am" picker. */
const PERSON_FIELDS = ['visitor', 'teacher'];

/** Builds the sidebar inside root once the bootstrap payload is in; resolves when the page is ready. */
export async function startSidebar(root: HTMLElement, server: Server): Promise<void> {
  let boot: SidebarBootstrap;
  try {
    boot = await server.sidebarBootstrap();
  } catch (error) {
    replaceChildren(
      root,
      h('p', { class: 'error', role: 'alert' }, `加载失败 / Could not load: ${errorMessage(error)}`),
    );
    return;
  }
  renderSidebar(root, boot, server);
}

function renderSidebar(root: HTMLElement, boot: SidebarBootstrap, server: Server): void {
  const t = boot.texts.sidebar;
  document.documentElement.lang = boot.lang === 'en' ? 'en' : 'zh-CN';
  document.title = t.title;

  const me = h(
    'select',
    { id: 'me', name: 'me', 'aria-required': 'true' },
    h('option', { value: '' }, t.pickMe),
    ...boot.staff.map((name) => h('option', { value: name }, name)),
  );
  const u = boot.texts.ux;
  // The first choice of one's own name: a search box over the names (name or pinyin initials), Enter picks.
  const meFind = h('input', {
    type: 'search',
    id: 'me-find',
    autocomplete: 'off',
    enterkeyhint: 'done',
    'aria-describedby': 'me-find-hint',
    'aria-controls': 'me',
  });
  const meFindHint = h('p', { class: 'hint', id: 'me-find-hint', role: 'status' }, u.findMeHint);
  const meFinder = h(
    'div',
    { class: 'field', id: 'me-finder' },
    h('label', { for: meFind.id }, u.findMe),
    meFind,
    meFindHint,
  );
  const staffOptions = boot.staff.map((name, i) => ({
    value: name,
    label: name,
    keys: boot.staffInitials?.[i] ?? '',
  }));
  const fillMe = (query: string) => {
    const wanted = searchKey(query);
    const shown = staffOptions.filter((o) => matches(o, wanted));
    const keep = me.value;
    replaceChildren(
      me,
      h('option', { value: '' }, t.pickMe),
      ...shown.map((o) => h('option', { value: o.value }, o.label)),
    );
    me.value = shown.some((o) => o.value === keep) ? keep : '';
    meFindHint.textContent =
      wanted === ''
        ? u.findMeHint
        : shown.length
          ? format(u.meMatches, { count: shown.length })
          : format(u.noMatch, { query: query.trim() });
    return shown;
  };
  meFind.addEventListener('input', () => void fillMe(meFind.value));
  meFind.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    const first = fillMe(meFind.value)[0];
    if (!first) return;
    me.value = first.value;
    me.dispatchEvent(new Event('change'));
  });
  const meError = h('p', { class: 'error', id: 'me-error', hidden: true });
  const meHint = h('p', { class: 'hint', id: 'me-hint' }, t.pickMeHint);
  me.setAttribute('aria-describedby', meHint.id);
  const summary = h('div', { class: 'summary', id: 'summary', role: 'alert' });
  const status = h('p', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
  const notice = h('p', { class: 'notice', id: 'notice' });
  const progress = progressBox(t.progressTitle);
  // Warnings of the record before it is saved, with 仍然保存 / 返回修改.
  const confirm = h('div', { class: 'confirm', id: 'confirm', hidden: true });
  const help = h(
    'details',
    { class: 'help', id: 'help' },
    h('summary', {}, u.help),
    h('p', {}, u.helpPhone),
    h('p', {}, u.helpKeys),
    h('p', {}, format(u.helpWithdraw, { minutes: WITHDRAW_MINUTES })),
  );
  const personArea = h('div', { id: 'person-area' });

  replaceChildren(
    root,
    h('h1', {}, t.title),
    boot.problem
      ? h('p', { class: 'error', role: 'alert' }, format(t.notSetUp, { problem: boot.problem }))
      : null,
    boot.staff.length >= FIND_FROM ? meFinder : null,
    h('div', { class: 'field' }, h('label', { for: me.id }, t.me), me, meHint, meError, notice),
    progress.element,
    personArea,
    summary,
    confirm,
    status,
    help,
  );
  progress.show([]);

  const showMeError = (message: string | null) => {
    meError.textContent = message ?? '';
    meError.hidden = message === null;
    describedBy(me, meError.id, message !== null);
    if (message === null) me.removeAttribute('aria-invalid');
    else me.setAttribute('aria-invalid', 'true');
  };

  const showErrors = (form: RecordForm, errors: readonly FieldError[]) => {
    const rest = form.showErrors(errors);
    const personError = rest.find((e) => PERSON_FIELDS.includes(e.field));
    showMeError(personError ? personError.message : null);
    const general = rest.filter((e) => !PERSON_FIELDS.includes(e.field));
    if (errors.length === 0) replaceChildren(summary);
    else
      replaceChildren(
        summary,
        h('p', {}, format(t.fixErrors, { count: errors.length })),
        general.length ? h('ul', {}, ...general.map((e) => h('li', {}, e.message))) : null,
      );
    if (personError && rest.length === errors.length) me.focus();
    else form.focusFirstError();
  };

  /** Brings the result under the Save button into view (the panel is short) and puts focus on it. */
  const revealStatus = () => {
    // Focusable by script only while focused: Tab order stays the controls'.
    status.setAttribute('tabindex', '-1');
    status.addEventListener('blur', () => status.removeAttribute('tabindex'), { once: true });
    // Centred, not 'nearest': the line ends on a fractional pixel that 'nearest' can leave just outside.
    status.scrollIntoView?.({ block: 'center' });
    status.focus({ preventScroll: typeof status.scrollIntoView === 'function' });
  };

  const hideConfirm = () => {
    replaceChildren(confirm);
    confirm.hidden = true;
  };

  /** Shows the warnings of a record not yet saved; resolves true for 仍然保存, false for 返回修改. */
  const askToConfirm = (form: RecordForm, warnings: readonly string[]) =>
    new Promise<boolean>((resolve) => {
      const anyway = h('button', { type: 'button', class: 'primary', id: 'confirm-save' }, u.saveAnyway);
      const back = h('button', { type: 'button', class: 'secondary', id: 'confirm-back' }, u.goBack);
      replaceChildren(
        confirm,
        h('p', { id: 'confirm-title' }, u.warningsTitle),
        h('ul', {}, ...warnings.map((w) => h('li', { class: 'warning' }, w))),
        h('div', { class: 'confirm-actions' }, anyway, back),
      );
      confirm.setAttribute('role', 'alertdialog');
      confirm.setAttribute('aria-labelledby', 'confirm-title');
      confirm.hidden = false;
      const done = (answer: boolean) => {
        hideConfirm();
        resolve(answer);
      };
      anyway.addEventListener('click', () => done(true));
      back.addEventListener('click', () => {
        done(false);
        form.focusFirstField();
      });
      confirm.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') back.click();
      });
      anyway.scrollIntoView?.({ block: 'nearest' });
      anyway.focus();
    });

  const withdraw = async (id: string, button: HTMLButtonElement) => {
    button.disabled = true;
    status.removeAttribute('data-withdrawn');
    replaceChildren(status, u.withdrawing);
    try {
      const result = await server.sidebarWithdraw(id);
      if (result.ok) {
        status.setAttribute('data-withdrawn', result.id);
        replaceChildren(status, h('span', {}, result.message));
        progress.show(result.progress);
      } else replaceChildren(status, h('span', { class: 'warning' }, result.message));
    } catch (error) {
      replaceChildren(status, format(t.failed, { message: errorMessage(error) }));
    }
    revealStatus();
  };

  const save = async (form: RecordForm) => {
    replaceChildren(status);
    hideConfirm();
    status.removeAttribute('data-id');
    status.removeAttribute('data-withdrawn');
    const checked = checkRecord(form.values(), boot.texts);
    if (!checked.ok) {
      showErrors(form, checked.errors);
      return;
    }
    showErrors(form, []);
    form.setBusy(true);
    status.textContent = u.checking;
    const input: RecordInput = checked.input;
    try {
      // The server judges the record as a save would, writing nothing: warnings are said before saving.
      const preview = await server.sidebarPreview(input);
      if (!preview.ok) {
        status.textContent = '';
        showErrors(form, preview.errors);
        return;
      }
      if (preview.warnings.length > 0) {
        status.textContent = '';
        form.setBusy(false);
        if (!(await askToConfirm(form, preview.warnings))) return;
        form.setBusy(true);
      }
      status.textContent = t.saving;
      const result = await server.sidebarSave(input);
      if (!result.ok) {
        status.textContent = '';
        showErrors(form, result.errors);
        return;
      }
      status.setAttribute('data-id', result.id);
      const undo = h(
        'button',
        { type: 'button', class: 'secondary', id: 'withdraw' },
        format(u.withdraw, { id: result.id }),
      );
      undo.addEventListener('click', () => void withdraw(result.id, undo));
      replaceChildren(
        status,
        h('span', {}, format(t.saved, { id: result.id, row: result.row })),
        ...result.warnings.map((w) => h('span', { class: 'warning' }, w)),
        h('span', { class: 'hint' }, format(u.withdrawHint, { minutes: result.withdrawMinutes })),
        undo,
      );
      form.markVisited(input.kind === 'visit' ? input.targets : input.students);
      form.clearRecord();
      progress.show(result.progress);
    } catch (error) {
      status.textContent = format(t.failed, { message: errorMessage(error) });
    } finally {
      form.setBusy(false);
    }
    revealStatus();
  };

  const showPerson = (person: PersonView | null) => {
    replaceChildren(personArea);
    replaceChildren(status);
    replaceChildren(summary);
    hideConfirm();
    progress.show(person?.progress ?? []);
    meFinder.hidden = person !== null;
    summary.hidden = false;
    status.hidden = false;
    if (!person) return;
    me.value = person.name;
    meFinder.hidden = true;
    // The record forms in the first tab; 我的待办, 献一计 and 讨论活动 beside it.
    const tt = boot.texts.todo;
    const recordPanel = h('div', { class: 'panel' });
    const todoPanel = h('div', { class: 'panel' });
    const suggestPanel = h('div', { class: 'panel' });
    const discussPanel = h('div', { class: 'panel' });
    // Made after the tab list (its count goes on a tab); the first tab shown before it exists is the record's.
    const made: { todo?: TodoBox } = {};
    const bar = tabs(
      tt.tabs.label,
      [
        { id: 'record', label: tt.tabs.record, panel: recordPanel },
        { id: 'todo', label: tt.tabs.todo, panel: todoPanel },
        { id: 'suggest', label: tt.tabs.suggest, panel: suggestPanel },
        { id: 'discuss', label: tt.tabs.discuss, panel: discussPanel },
      ],
      // The record form's words (errors, warnings, the saved line) belong to its tab.
      (id) => {
        for (const part of [summary, status]) part.hidden = id !== 'record';
        if (id !== 'record') hideConfirm();
        // The list as it now stands (a record saved meanwhile may have opened a follow-up).
        const box = made.todo;
        if (id === 'todo' && box !== undefined) {
          server.sidebarTodo().then(
            (list) => {
              if (list && list.person === person.name) box.show(list);
            },
            () => undefined,
          );
        }
      },
    );
    personArea.appendChild(bar.element);
    const todo = todoBox({
      texts: boot.texts,
      staff: boot.staff,
      server,
      onCount: (count) => bar.setBadge('todo', count, format(tt.badge, { count })),
    });
    todoPanel.appendChild(todo.element);
    todo.show(person.todo);
    made.todo = todo;
    suggestPanel.appendChild(suggestionForm(boot.texts, (input) => server.sidebarSuggest(input)));
    discussPanel.appendChild(
      discussionForm(boot.texts, boot.today, person.name, (input) => server.sidebarDiscussion(input)),
    );
    const kinds: RecordKind[] = [];
    if (person.canVisit) kinds.push('visit');
    if (person.canHomeVisit) kinds.push('homeVisit');
    if (kinds.length === 0) {
      recordPanel.appendChild(h('p', { class: 'notice' }, t.noUnits));
      return;
    }
    const ctx = {
      texts: boot.texts,
      today: boot.today,
      staff: boot.staff,
      staffInitials: boot.staffInitials ?? [],
      person,
      classStudents: (className: string) => server.sidebarClassStudents(className),
      findStudents: (query: string) => server.sidebarFindStudents(query),
    };
    const forms = kinds.map((kind) => recordForm(kind, ctx));
    const choose = (kind: RecordKind) => {
      for (const form of forms) form.element.hidden = form.kind !== kind;
      replaceChildren(status);
      replaceChildren(summary);
      hideConfirm();
    };
    if (kinds.length > 1) {
      recordPanel.appendChild(
        h(
          'fieldset',
          { class: 'kinds' },
          h('legend', { class: 'sr-only' }, t.kind),
          ...kinds.flatMap((kind, i) => {
            const radio = h('input', {
              type: 'radio',
              name: 'kind',
              id: `kind-${kind}`,
              value: kind,
              checked: i === 0,
            });
            radio.addEventListener('change', () => choose(kind));
            return [radio, h('label', { for: radio.id }, t.kinds[kind])];
          }),
        ),
      );
    } else recordPanel.appendChild(h('h2', { class: 'kind-title' }, t.kinds[kinds[0] as RecordKind]));
    for (const form of forms) {
      form.element.addEventListener('submit', (event) => {
        event.preventDefault();
        void save(form);
      });
      recordPanel.appendChild(form.element);
    }
    choose(kinds[0] as RecordKind);
  };

  me.addEventListener('change', async () => {
    showMeError(null);
    if (me.value === '') {
      showPerson(null);
      return;
    }
    me.disabled = true;
    notice.textContent = t.loading;
    try {
      const result = await server.sidebarRememberPerson(me.value);
      if (result.ok) showPerson(result.person);
      else showMeError(result.errors.map((e) => e.message).join(' '));
    } catch (error) {
      showMeError(format(t.loadFailed, { message: errorMessage(error) }));
    } finally {
      me.disabled = false;
      notice.textContent = '';
      me.focus();
    }
  });

  showPerson(boot.person);
}
