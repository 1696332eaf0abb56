// The "my progress this month" box: one line per quota (count / minimum, status) and who is left this cycle.
import type { ProgressLine } from '../contract/sidebar-payload';
import { h, replaceChildren } from './dom';

export interface ProgressBox {
  readonly element: HTMLElement;
  show(lines: readonly ProgressLine[]): void;
}

export function progressBox(title: string): ProgressBox {
  const list = h('ul', { class: 'progress-lines' });
  const element = h(
    'section',
    { class: 'progress', 'aria-labelledby': 'progress-title' },
    h('h2', { id: 'progress-title' }, title),
    list,
  );
  return {
    element,
    show(lines) {
      replaceChildren(
        list,
        ...lines.map((line) =>
          h(
            'li',
            { class: `progress-line status-${line.status}` },
            h('span', { class: 'line' }, line.text),
            line.leftText ? h('p', { class: 'left' }, line.leftText) : null,
          ),
        ),
      );
      element.hidden = lines.length === 0;
    },
  };
}
