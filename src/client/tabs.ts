// Tabs of the sidebar (记录 / 我的待办 / 献一计 / 讨论活动): WAI-ARIA tabs, arrow keys, Home and End, a count badge.
import { h, replaceChildren } from './dom';

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  readonly element: HTMLElement;
  show(id: string, focus?: boolean): void;
  /** Sets the small count after a tab's label (hidden at 0), with its words for screen readers. */
  setBadge(id: string, count: number, words: string): void;
}

/** A tab list above its panels; the first tab shown. Each panel gets role tabpanel and is labelled by its tab. */
export function tabs(label: string, list: readonly Tab[], onShow?: (id: string) => void): Tabs {
  const buttons = list.map((tab) => {
    const button = h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        class: 'tab',
        'data-tab': tab.id,
      },
      h('span', { class: 'tab-label' }, tab.label),
      h('span', { class: 'tab-badge', hidden: true }),
    );
    tab.panel.id = `panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', button.id);
    button.addEventListener('click', () => show(tab.id, true));
    return button;
  });
  const bar = h('div', { role: 'tablist', class: 'tabs', 'aria-label': label }, ...buttons);
  bar.addEventListener('keydown', (event) => {
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % buttons.length
        : event.key === 'ArrowLeft'
          ? (at + last) % buttons.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    show(list[next]?.id ?? '', true);
  });
  const element = h('div', { class: 'tabbed' }, bar, ...list.map((tab) => tab.panel));
  function show(id: string, focus = false): void {
    list.forEach((tab, i) => {
      const on = tab.id === id;
      const button = buttons[i] as HTMLButtonElement;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      tab.panel.hidden = !on;
      if (on && focus) button.focus();
    });
    onShow?.(id);
  }
  show(list[0]?.id ?? '');
  return {
    element,
    show,
    setBadge(id, count, words) {
      const badge = buttons[list.findIndex((t) => t.id === id)]?.querySelector<HTMLElement>('.tab-badge');
      if (!badge) return;
      badge.hidden = count === 0;
      replaceChildren(
        badge,
        h('span', { 'aria-hidden': 'true' }, String(count)),
        h('span', { class: 'sr-only' }, words),
      );
    },
  };
}
