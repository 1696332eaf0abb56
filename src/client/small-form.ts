// Fields of the sidebar's small forms (close, convert, 献一计, 讨论活动): a label, the control, its error line.
import type { FieldError } from '../core/input-errors';
import { describedBy, h } from './dom';

export interface SmallField {
  name: string;
  element: HTMLElement;
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  error: HTMLElement;
}

/** One field: label for the control, the control, an optional hint, its (hidden) error line. */
export function smallField(
  prefix: string,
  name: string,
  label: string,
  control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement,
  options: { required?: boolean; hint?: string } = {},
): SmallField {
  control.id = `${prefix}-${name}`;
  control.name = name;
  const error = h('p', { class: 'error', id: `${prefix}-${name}-error`, hidden: true });
  const hint = options.hint ? h('p', { class: 'hint', id: `${prefix}-${name}-hint` }, options.hint) : null;
  if (hint) describedBy(control, hint.id, true);
  if (options.required) control.setAttribute('aria-required', 'true');
  const element = h(
    'div',
    { class: 'field' },
    h(
      'label',
      { for: control.id },
      label,
      options.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
    ),
    control,
    hint,
    error,
  );
  return { name, element, control, error };
}

/** Shows each error beside its field (the others cleared); returns the errors of no field, and focuses the first. */
export function showFieldErrors(fields: readonly SmallField[], errors: readonly FieldError[]): FieldError[] {
  let first: SmallField | undefined;
  for (const f of fields) {
    const error = errors.find((e) => e.field === f.name);
    f.error.textContent = error?.message ?? '';
    f.error.hidden = error === undefined;
    describedBy(f.control, f.error.id, error !== undefined);
    if (error) {
      f.control.setAttribute('aria-invalid', 'true');
      first ??= f;
    } else f.control.removeAttribute('aria-invalid');
  }
  first?.control.focus();
  return errors.filter((e) => !fields.some((f) => f.name === e.field));
}
