// The sidebar page: starts from one round trip, lets a person pick themselves, log a record and see progress.
import type { FieldError } from '../core/input-errors';
import { format } from '../core/i18n/messages';
import { checkRecord } from '../contract/record-check';
import type { PersonView, SidebarBootstrap } from '../contract/sidebar-payload';
import { describedBy, h, replaceChildren } from './dom';
import { progressBox } from './progress-box';
import { recordForm, type RecordForm, type RecordKind } from './record-form';
import { errorMessage, type Server } from './server';

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
  const meError = h('p', { class: 'error', id: 'me-error', hidden: true });
  const meHint = h('p', { class: 'hint', id: 'me-hint' }, t.pickMeHint);
  me.setAttribute('aria-describedby', meHint.id);
  const summary = h('div', { class: 'summary', id: 'summary', role: 'alert' });
  const status = h('p', { class: 'status', id: 'status', role: 'status', 'aria-live': 'polite' });
  const notice = h('p', { class: 'notice', id: 'notice' });
  const progress = progressBox(t.progressTitle);
  const personArea = h('div', { id: 'person-area' });

  replaceChildren(
    root,
    h('h1', {}, t.title),
    boot.problem
      ? h('p', { class: 'error', role: 'alert' }, format(t.notSetUp, { problem: boot.problem }))
      : null,
    h('div', { class: 'field' }, h('label', { for: me.id }, t.me), me, meHint, meError, notice),
    progress.element,
    personArea,
    summary,
    status,
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
    status.scrollIntoView?.({ block: 'nearest' });
    status.focus({ preventScroll: typeof status.scrollIntoView === 'function' });
  };

  const save = async (form: RecordForm) => {
    replaceChildren(status);
    status.removeAttribute('data-id');
    const checked = checkRecord(form.values(), boot.texts);
    if (!checked.ok) {
      showErrors(form, checked.errors);
      return;
    }
    showErrors(form, []);
    form.setBusy(true);
    status.textContent = t.saving;
    try {
      const result = await server.sidebarSave(checked.input);
      if (!result.ok) {
        status.textContent = '';
        showErrors(form, result.errors);
        return;
      }
      status.setAttribute('data-id', result.id);
      replaceChildren(
        status,
        h('span', {}, format(t.saved, { id: result.id, row: result.row })),
        ...result.warnings.map((w) => h('span', { class: 'warning' }, w)),
      );
      if (checked.input.kind === 'visit') form.markVisited(checked.input.targets);
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
    progress.show(person?.progress ?? []);
    if (!person) return;
    me.value = person.name;
    const kinds: RecordKind[] = [];
    if (person.canVisit) kinds.push('visit');
    if (person.canHomeVisit) kinds.push('homeVisit');
    if (kinds.length === 0) {
      personArea.appendChild(h('p', { class: 'notice' }, t.noUnits));
      return;
    }
    const ctx = {
      texts: boot.texts,
      today: boot.today,
      staff: boot.staff,
      person,
      classStudents: (className: string) => server.sidebarClassStudents(className),
    };
    const forms = kinds.map((kind) => recordForm(kind, ctx));
    const choose = (kind: RecordKind) => {
      for (const form of forms) form.element.hidden = form.kind !== kind;
      replaceChildren(status);
      replaceChildren(summary);
    };
    if (kinds.length > 1) {
      personArea.appendChild(
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
    } else personArea.appendChild(h('h2', { class: 'kind-title' }, t.kinds[kinds[0] as RecordKind]));
    for (const form of forms) {
      form.element.addEventListener('submit', (event) => {
        event.preventDefault();
        void save(form);
      });
      personArea.appendChild(form.element);
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
