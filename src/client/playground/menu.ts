// The 走访台账 menu as a menu bar: a button that opens a list of items, usable by mouse and by keyboard.
import { h, replaceChildren } from '../dom';

export interface MenuItem {
  id: string;
  label: string;
  run(): void;
}

/** Fills the menu bar with one menu: a button, and a list of items that each run an action. */
export function menuBar(bar: HTMLElement, title: string, items: MenuItem[]): void {
  const button = h(
    'button',
    {
      type: 'button',
      id: 'menu-button',
      class: 'menu-button',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-controls': 'menu-list',
    },
    title,
  );
  const list = h('ul', {
    id: 'menu-list',
    class: 'menu-list',
    role: 'menu',
    'aria-labelledby': 'menu-button',
    hidden: true,
  });
  const entries = items.map((item) => {
    const entry = h(
      'button',
      { type: 'button', role: 'menuitem', tabindex: -1, 'data-action': item.id },
      item.label,
    );
    entry.addEventListener('click', () => {
      close(false);
      item.run();
    });
    list.appendChild(h('li', { role: 'none' }, entry));
    return entry;
  });
  const open = (focusIndex: number) => {
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    entries[(focusIndex + entries.length) % entries.length]?.focus();
  };
  function close(focusButton: boolean): void {
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (focusButton) button.focus();
  }
  button.addEventListener('click', () => (list.hidden ? open(0) : close(false)));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      open(-1);
    }
  });
  list.addEventListener('keydown', (e) => {
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      entries[(at + (e.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close(e.key === 'Escape');
    }
  });
  document.addEventListener('mousedown', (e) => {
    if (!list.hidden && !bar.contains(e.target as Node)) close(false);
  });
  replaceChildren(bar, h('div', { class: 'menu' }, button, list));
}
