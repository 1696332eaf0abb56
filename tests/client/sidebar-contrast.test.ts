// Sidebar colours meet WCAG AA: text 4.5:1 against every background it is drawn on, borders and focus 3:1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const css = readFileSync(join(__dirname, '../../html/sidebar.css'), 'utf8');
const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
const colours = Object.fromEntries(
  [...root.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]),
);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
const colour = (name: string) => {
  const value = colours[name];
  if (!value) throw new Error(`--${name} is not defined in :root`);
  return value;
};

/** Every text colour of the stylesheet with every background it appears on. */
const TEXT_PAIRS: [string, string][] = [
  ['fg', 'bg'],
  ['fg', 'panel'],
  ['muted', 'bg'],
  ['muted', 'panel'],
  ['error', 'bg'],
  ['error', 'error-bg'],
  ['accent', 'bg'],
  ['accent-fg', 'accent'],
  ['badge-fg', 'badge-bg'],
  ['badge-fg', 'bg'],
  ['fg', 'badge-bg'],
  ['met', 'panel'],
  ['behind', 'panel'],
];
const NON_TEXT_PAIRS: [string, string][] = [
  ['line', 'bg'],
  ['focus', 'bg'],
  ['focus', 'panel'],
  ['accent', 'bg'],
];

test.each(TEXT_PAIRS)('text --%s on --%s is at least 4.5:1', (fg, bg) => {
  expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
});

test.each(NON_TEXT_PAIRS)('--%s against --%s is at least 3:1', (fg, bg) => {
  expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
});

test('no colour is written outside the palette, so the pairs above cover the page', () => {
  const outside = css.replace(/:root\s*{[^}]*}/, '');
  expect(outside.match(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/gi)).toBeNull();
});

test('focus is visible on every focusable element, and nothing is wider than the 300 px sidebar', () => {
  expect(css).toMatch(
    /:focus-visible,\s*input:focus,\s*select:focus,\s*textarea:focus\s*{\s*outline:\s*3px solid var\(--focus\)/,
  );
  expect(css).not.toMatch(/outline:\s*(none|0)/);
  const widths = [...css.matchAll(/(?:^|[\s;{])(?:min-)?width:\s*(\d+)px/g)].map((m) => Number(m[1]));
  expect(widths.every((w) => w <= 276)).toBe(true);
});
