// The leader-visit and home-visit forms: fields of §2, values as the sidebar sends them, errors next to each field.
import type { FieldError } from '../core/input-errors';
import { format } from '../core/i18n/messages';
import type {
  Choice,
  ClassStudents,
  FoundStudents,
  PersonView,
  SidebarTexts,
  StudentOption,
} from '../contract/sidebar-payload';
import { checklist, type Checklist, type ChecklistOption } from './checklist';
import { describedBy, h } from './dom';
import { errorMessage } from './server';

export type RecordKind = 'visit' | 'homeVisit';

export interface FormContext {
  texts: SidebarTexts;
  today: string;
  /** Active staff names. */
  staff: string[];
  /** Pinyin initials of each staff name, same order ('' when unknown). */
  staffInitials: string[];
  person: PersonView;
  /** Fetches one class's students (the bootstrap carries only the class the form starts on). */
  classStudents(className: string): Promise<ClassStudents>;
  /** Finds students of every class by name, 学号 or pinyin initials (a server call). */
  findStudents(query: string): Promise<FoundStudents>;
}

/** The student search asks the server once typing pauses this long (ms). */
export const SEARCH_DELAY = 250;

export interface RecordForm {
  readonly kind: RecordKind;
  readonly element: HTMLFormElement;
  /** What the form would send: RecordInput's shape, as typed (the schema trims and checks it). */
  values(): Record<string, unknown>;
  /** Shows each error next to its field and clears the others; returns the errors of no field of this form. */
  showErrors(errors: readonly FieldError[]): FieldError[];
  /** Focuses the first field with an error. */
  focusFirstError(): void;
  /** Focuses the form's first field (back from the warnings before saving). */
  focusFirstField(): void;
  /** Empties what was typed for one record; keeps the date, mode and class. */
  clearRecord(): void;
  /** Marks targets or students as visited (after a save) and puts them after the ones not yet visited. */
  markVisited(names: readonly string[]): void;
  setBusy(busy: boolean): void;
}

interface FieldControl {
  /** The element focused for an error. */
  focus(): void;
  setInvalid(errorId: string, invalid: boolean): void;
  error: HTMLElement;
}

function errorLine(id: string): HTMLElement {
  return h('p', { class: 'error', id, hidden: true });
}

function inputControl(control: HTMLElement & { focus(): void }, error: HTMLElement): FieldControl {
  return {
    focus: () => control.focus(),
    setInvalid(errorId, invalid) {
      describedBy(control, errorId, invalid);
      if (invalid) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
    error,
  };
}

function labelFor(id: string, text: string, required: boolean): HTMLLabelElement {
  return h(
    'label',
    { for: id },
    text,
    required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
  );
}

function options(choices: readonly Choice[], placeholder: string | null): HTMLOptionElement[] {
  const list = choices.map((c) => h('option', { value: c.value }, c.label));
  return placeholder === null ? list : [h('option', { value: '' }, placeholder), ...list];
}

/** Builds one form for the person; the caller puts it in the page and handles submit. */
export function recordForm(kind: RecordKind, ctx: FormContext): RecordForm {
  const t = ctx.texts.sidebar;
  const f = t.fields as Record<string, string>;
  const p = kind; // id prefix
  const controls = new Map<string, FieldControl>();
  const body: HTMLElement[] = [];
  const u = ctx.texts.ux;
  const listTexts = {
    selected: t.selected,
    filter: t.filter,
    noneToPick: t.noneToPick,
    pickHint: u.pickHint,
    picked: u.picked,
    unpicked: u.unpicked,
  };
  const others = ctx.staff
    .map((name, i) => ({ value: name, label: name, keys: ctx.staffInitials[i] ?? '' }))
    .filter((option) => option.value !== ctx.person.name);

  const field = (
    name: string,
    control: HTMLElement & { focus(): void },
    required: boolean,
    extra?: HTMLElement,
  ) => {
    const error = errorLine(`${p}-${name}-error`);
    body.push(
      h('div', { class: 'field' }, labelFor(control.id, f[name] ?? name, required), control, extra, error),
    );
    controls.set(name, inputControl(control, error));
    if (required) control.setAttribute('aria-required', 'true');
    return control;
  };
  const listField = (
    name: string,
    required: boolean,
    opts: ChecklistOption[],
    look: { alwaysFilter?: boolean; filterLabel?: string } = {},
  ) => {
    const list = checklist(`${p}-${name}`, f[name] ?? name, listTexts, required, look);
    const error = errorLine(`${p}-${name}-error`);
    list.element.appendChild(error);
    list.setOptions(opts);
    body.push(list.element);
    controls.set(name, { focus: () => list.focus(), setInvalid: list.setInvalid, error });
    return list;
  };
  const text = (name: string, required = false, attrs: Record<string, string> = {}) =>
    field(name, h('input', { type: 'text', id: `${p}-${name}`, name, ...attrs }), required);
  const area = (name: string, required = false) =>
    field(name, h('textarea', { id: `${p}-${name}`, name, rows: 3 }), required);
  const select = (name: string, choices: readonly Choice[], placeholder: string | null, required = false) =>
    field(name, h('select', { id: `${p}-${name}`, name }, ...options(choices, placeholder)), required);

  const date = field(
    'date',
    h('input', { type: 'date', id: `${p}-date`, name: 'date', value: ctx.today, max: ctx.today }),
    true,
  ) as HTMLInputElement;

  let targets: Checklist | null = null;
  let students: Checklist | null = null;
  let classSelect: HTMLSelectElement | null = null;
  let targetOptions = ctx.person.targets.map((x) => ({ ...x }));
  const targetChoices = (): ChecklistOption[] =>
    [...targetOptions.filter((x) => !x.visited), ...targetOptions.filter((x) => x.visited)].map((x) => ({
      value: x.name,
      label: x.name,
      hint: x.group,
      badge: x.visited ? undefined : t.notVisited,
      keys: x.initials,
    }));
  const studentChoices = (list: readonly StudentOption[]): ChecklistOption[] => {
    const twice = new Set(
      list.filter((s, i) => list.findIndex((o) => o.name === s.name) !== i).map((s) => s.name),
    );
    return list.map((s) => ({
      value: twice.has(s.name) && s.id ? s.id : s.name,
      label: s.name,
      hint: s.id || undefined,
      badge: s.visited ? undefined : t.notVisited,
      keys: s.initials,
    }));
  };
  /** Students of the classes seen so far, by class name: each class is fetched once. */
  const rosters = new Map<string, readonly StudentOption[]>();
  const start = ctx.person.startClass;
  if (start) rosters.set(start.className, start.students);
  /** The class whose students the list shows or is fetching (an answer for another one is kept, not shown). */
  let shown = '';
  const showClass = async (list: Checklist, className: string) => {
    shown = className;
    const known = rosters.get(className);
    if (known !== undefined || className === '') {
      list.setOptions(studentChoices(known ?? []));
      return;
    }
    const words = ctx.texts.classStudents;
    list.setNotice(words.loading, 'busy');
    try {
      const answer = await ctx.classStudents(className);
      rosters.set(className, answer.students);
      if (shown === className) list.setOptions(studentChoices(answer.students));
    } catch (error) {
      if (shown === className)
        list.setNotice(format(words.failed, { message: errorMessage(error) }), 'error', {
          label: words.retry,
          run: () => void showClass(list, className),
        });
    }
  };

  /**
   * The student search also asks the server, once typing pauses, for matches in the other classes: shown
   * under the class's own. Picking one moves the form to that class when no student is ticked yet, and says
   * so; otherwise it says the student is in another class (a home visit names one class's students).
   */
  function searchOtherClasses(list: Checklist, chosen: HTMLSelectElement): void {
    if (ctx.person.classes.length < 2) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pick = (value: string) => {
      const [className = '', token = ''] = value.split('\u0001');
      const name =
        lastFound.find((s) => s.className === className && (s.id || s.name) === token)?.name ?? token;
      if (list.selected().length > 0) {
        list.say(format(u.otherClass, { name, className, formClass: chosen.value }));
        return;
      }
      chosen.value = className;
      void showClass(list, className).then(() => {
        const option = studentChoices(rosters.get(className) ?? []).find(
          (o) => o.value === token || o.hint === token,
        );
        if (option) list.tick(option.value);
        list.say(format(u.classSwitched, { name, className }));
      });
    };
    let lastFound: FoundStudents['students'] = [];
    list.filterInput.addEventListener('input', () => {
      if (timer !== undefined) clearTimeout(timer);
      const query = list.filterInput.value.trim();
      if (query === '') {
        list.setExtra(null);
        return;
      }
      timer = setTimeout(() => {
        const here = chosen.value;
        ctx.findStudents(query).then(
          (answer) => {
            if (list.filterInput.value.trim() !== answer.query.trim() || chosen.value !== here) return;
            lastFound = answer.students.filter((s) => s.className !== here);
            const options = lastFound.map((s) => ({
              value: `${s.className}\u0001${s.id || s.name}`,
              label: s.name,
              hint: s.id ? `${s.className} · ${s.id}` : s.className,
              badge: s.visited ? undefined : t.notVisited,
            }));
            list.setExtra(
              options.length || answer.more
                ? { title: u.otherClasses, options, note: answer.more ? u.moreFound : undefined, pick }
                : null,
            );
          },
          (error: unknown) => {
            if (list.filterInput.value.trim() !== query) return;
            list.setExtra({
              title: u.otherClasses,
              options: [],
              note: format(u.searchFailed, { message: errorMessage(error) }),
              pick,
            });
          },
        );
      }, SEARCH_DELAY);
    });
  }

  /**
   * 照片: links, one per line. A line that is not an http(s) link is said under the field as it is typed (a
   * warning: the row is saved as typed); reports never show the links.
   */
  function photosField(): HTMLTextAreaElement {
    const u2 = ctx.texts.todo;
    const area = h('textarea', { id: `${p}-photos`, name: 'photos', rows: 2, inputmode: 'url' });
    const hint = h('p', { class: 'hint', id: `${p}-photos-hint` }, u2.photosHint);
    const warning = h('p', { class: 'warning', id: `${p}-photos-warning`, role: 'status', hidden: true });
    describedBy(area, hint.id, true);
    const check = () => {
      const bad = area.value
        .split(/\r?\n/)
        .map((line, i) => ({ line: i + 1, text: line.trim() }))
        .filter((x) => x.text !== '' && !/^https?:\/\/\S+$/i.test(x.text));
      warning.textContent = bad.map((x) => format(u2.photoNotLink, { line: x.line, text: x.text })).join(' ');
      warning.hidden = bad.length === 0;
      describedBy(area, warning.id, bad.length > 0);
    };
    area.addEventListener('input', check);
    field('photos', area, false, h('div', {}, hint, warning));
    photoCheck = check;
    return area;
  }
  let photoCheck = () => {};

  let company: Checklist;
  let mode: HTMLSelectElement;
  let followUp: HTMLSelectElement;
  const texts: Record<string, HTMLInputElement | HTMLTextAreaElement> = {};
  if (kind === 'visit') {
    targets = listField('targets', true, targetChoices());
    company = listField('coVisitors', false, others);
    mode = select('mode', ctx.texts.modes, t.choose, true) as HTMLSelectElement;
    const purposes = h(
      'datalist',
      { id: `${p}-purpose-list` },
      ...ctx.person.purposes.map((x) => h('option', { value: x })),
    );
    texts.purpose = text('purpose', false, {
      list: purposes.id,
      value: ctx.person.purposes[0] ?? '',
    }) as HTMLInputElement;
    body.push(purposes);
    texts.record = area('record', true) as HTMLTextAreaElement;
    texts.suggestions = area('suggestions') as HTMLTextAreaElement;
    followUp = select('followUp', ctx.texts.followUps, t.noFollowUp) as HTMLSelectElement;
    const owners = h(
      'datalist',
      { id: `${p}-owner-list` },
      ...ctx.staff.map((x) => h('option', { value: x })),
    );
    texts.followUpOwner = text('followUpOwner', false, { list: owners.id }) as HTMLInputElement;
    body.push(owners);
    texts.photos = photosField() as HTMLTextAreaElement;
  } else {
    const classes = ctx.person.classes.map((name) => ({ value: name, label: name }));
    classSelect = select('className', classes, classes.length ? null : t.choose, true) as HTMLSelectElement;
    if (start && ctx.person.classes.includes(start.className)) classSelect.value = start.className;
    students = listField('students', true, [], {
      alwaysFilter: ctx.person.classes.length > 1,
      filterLabel: u.searchStudents,
    });
    const list = students;
    const chosen = classSelect;
    void showClass(list, chosen.value);
    chosen.addEventListener('change', () => void showClass(list, chosen.value));
    searchOtherClasses(list, chosen);
    company = listField('coTeachers', false, others);
    mode = select('mode', ctx.texts.homeVisitModes, t.choose, true) as HTMLSelectElement;
    // What every home visit needs comes first; the optional write-ups after the record.
    texts.record = area('record', true) as HTMLTextAreaElement;
    texts.family = area('family') as HTMLTextAreaElement;
    texts.parentNeeds = area('parentNeeds') as HTMLTextAreaElement;
    texts.supportNeeded = area('supportNeeded') as HTMLTextAreaElement;
    followUp = select('followUp', ctx.texts.followUps, t.noFollowUp) as HTMLSelectElement;
    // 跟进人, as on the visit form: empty leaves it to the head of the teacher's unit, else the teacher.
    const owners = h(
      'datalist',
      { id: `${p}-owner-list` },
      ...ctx.staff.map((x) => h('option', { value: x })),
    );
    texts.followUpOwner = text('followUpOwner', false, { list: owners.id }) as HTMLInputElement;
    body.push(owners);
  }

  const button = h('button', { type: 'submit', class: 'primary' }, t.save);
  const element = h(
    'form',
    { id: `${p}-form`, class: 'record-form', novalidate: true, 'aria-label': t.kinds[kind] },
    ...body,
    h('div', { class: 'actions' }, button),
  );

  // Ctrl+Enter (⌘+Enter) saves from any field, a text area included.
  element.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault();
    if (!button.disabled) element.requestSubmit(button);
  });

  const value = (name: string) => texts[name]?.value ?? '';
  return {
    kind,
    element,
    values() {
      if (kind === 'visit')
        return {
          kind,
          date: date.value,
          visitor: ctx.person.name,
          coVisitors: company.selected(),
          targets: targets?.selected() ?? [],
          mode: mode.value,
          purpose: value('purpose'),
          record: value('record'),
          suggestions: value('suggestions'),
          followUp: followUp.value === '' ? null : followUp.value,
          followUpOwner: value('followUpOwner'),
          // Sent only when typed (the schema's field is optional).
          ...(value('photos').trim() === '' ? {} : { photos: value('photos') }),
        };
      return {
        kind,
        date: date.value,
        teacher: ctx.person.name,
        className: classSelect?.value ?? '',
        students: students?.selected() ?? [],
        coTeachers: company.selected(),
        mode: mode.value,
        family: value('family'),
        parentNeeds: value('parentNeeds'),
        supportNeeded: value('supportNeeded'),
        record: value('record'),
        followUp: followUp.value === '' ? null : followUp.value,
        ...(value('followUpOwner').trim() === '' ? {} : { followUpOwner: value('followUpOwner') }),
      };
    },
    showErrors(errors) {
      const rest: FieldError[] = [];
      for (const [name, control] of controls) {
        const error = errors.find((e) => e.field === name);
        control.error.textContent = error?.message ?? '';
        control.error.hidden = !error;
        control.setInvalid(control.error.id, Boolean(error));
      }
      for (const e of errors) if (!controls.has(e.field)) rest.push(e);
      return rest;
    },
    focusFirstError() {
      for (const control of controls.values())
        if (!control.error.hidden) {
          control.focus();
          return;
        }
    },
    focusFirstField() {
      controls.values().next().value?.focus();
    },
    clearRecord() {
      for (const [name, input] of Object.entries(texts)) if (name !== 'purpose') input.value = '';
      targets?.clear();
      students?.clear();
      company.clear();
      followUp.value = '';
      photoCheck();
    },
    markVisited(names) {
      if (students && classSelect) {
        const className = classSelect.value;
        const roster = rosters.get(className) ?? [];
        const after = roster.map((s) =>
          names.includes(s.name) || names.includes(s.id) ? { ...s, visited: true } : s,
        );
        rosters.set(className, [...after.filter((s) => !s.visited), ...after.filter((s) => s.visited)]);
        if (shown === className) students.setOptions(studentChoices(rosters.get(className) ?? []));
        return;
      }
      if (!targets) return;
      const keep = targets.selected().filter((x) => !names.includes(x));
      targetOptions = targetOptions.map((x) => (names.includes(x.name) ? { ...x, visited: true } : x));
      targets.setOptions(targetChoices(), keep);
    },
    setBusy(busy) {
      button.disabled = busy;
      element.setAttribute('aria-busy', String(busy));
      button.textContent = busy ? t.saving : t.save;
    },
  };
}
