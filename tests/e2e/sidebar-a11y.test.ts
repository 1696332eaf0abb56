// The real sidebar at 300 px in Chromium: every field labelled, focus visible, text contrast WCAG AA; screenshots for the README.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { texts } from '../../src/core/i18n/messages';
import { launchChromium, type Browser } from './browser';
import {
  savedCampaign,
  openPlayground,
  ROOT,
  startTestPlayground,
  type TestPlayground,
} from './playground-fixture';

const t = texts('zh');
/** `UPDATE_SCREENSHOTS=1 npx jest tests/e2e/sidebar-a11y` rewrites docs/*.png; otherwise they go to a temp folder. */
const SHOTS =
  process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs') : mkdtempSync(join(tmpdir(), 'shots-'));

let playground: TestPlayground;
let browser: Browser;
let page: Page;
let frame: Frame;

beforeAll(async () => {
  playground = await startTestPlayground();
  browser = await launchChromium({ width: 1360, height: 820 });
  page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  await openPlayground(page, playground.running.url);
  await page.getByRole('button', { name: t.menu.title, exact: true }).click();
  await page.click('[role=menuitem][data-action="logVisit"]');
  await page.frameLocator('#sidebar-frame').locator('#me').waitFor();
  const found = page.frames().find((f) => f.url().includes('/sidebar.html'));
  if (!found) throw new Error('no sidebar frame');
  frame = found;
  // A leader who is also a teacher: both forms, the kind switch, targets and students.
  const campaign = await savedCampaign(playground);
  const homeUnit = campaign.units.find((u) => u.homeVisits)?.name;
  const both = campaign.staff.find((s) => s.active && s.units.length > 1 && s.units.includes(homeUnit ?? ''));
  if (!both) throw new Error('the sample has no leader who also teaches');
  await frame.locator('#me').selectOption(both.name);
  await frame.locator('#visit-form').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await playground?.close();
});

/** Form controls in the sidebar with no accessible name (label, aria-label or aria-labelledby). */
function unlabelled(): Promise<string[]> {
  return frame.evaluate(() => {
    const named = (el: HTMLElement) => {
      const labels = (el as HTMLInputElement).labels;
      if (labels && [...labels].some((l) => (l.textContent ?? '').trim() !== '')) return true;
      if ((el.getAttribute('aria-label') ?? '').trim() !== '') return true;
      const by = el.getAttribute('aria-labelledby');
      return (
        !!by && by.split(/\s+/).some((id) => (document.getElementById(id)?.textContent ?? '').trim() !== '')
      );
    };
    return [...document.querySelectorAll<HTMLElement>('input, select, textarea')]
      .filter((el) => (el as HTMLInputElement).type !== 'hidden' && !named(el))
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

/** Every visible text in the sidebar whose colour against its background is under WCAG AA. */
function lowContrast(): Promise<string[]> {
  return frame.evaluate(() => {
    const rgb = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      const p = (m?.[1] ?? '0,0,0,0').split(',').map((x) => parseFloat(x));
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
    };
    const lum = ([r, g, b]: number[]) =>
      [r, g, b]
        .map((v) => (v ?? 0) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.99) return c;
      }
      return [255, 255, 255, 1];
    };
    const bad: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || (node.textContent ?? '').trim() === '') continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (
        style.visibility === 'hidden' ||
        box.width <= 1 ||
        box.height <= 1 ||
        el.closest('[hidden], option')
      )
        continue;
      const fg = rgb(style.color);
      const bg = background(el);
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
      const ratio = (a + 0.05) / (b + 0.05);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5))
        bad.push(`${ratio.toFixed(2)}:1 "${(node.textContent ?? '').trim().slice(0, 30)}"`);
    }
    return bad;
  });
}

test('the sidebar is 300 px wide, and every field has a label, in both forms', async () => {
  expect(await frame.evaluate(() => document.documentElement.clientWidth)).toBe(300);
  expect(await unlabelled()).toEqual([]);
  // The kind switch is a pair of radios drawn as buttons (their labels).
  await frame.click('label[for=kind-homeVisit]');
  await frame.locator('#homeVisit-form').waitFor();
  expect(await unlabelled()).toEqual([]);
  await frame.click('label[for=kind-visit]');
  await frame.locator('#visit-form').waitFor();
});

test('text contrast meets WCAG AA, also with errors shown and after a save', async () => {
  expect(await lowContrast()).toEqual([]);
  await frame.getByRole('button', { name: t.sidebar.save }).click();
  await frame.locator('#visit-targets-error').waitFor();
  expect(await lowContrast()).toEqual([]);
  await frame.locator('#visit-targets-options input').first().check();
  await frame.locator('#visit-mode').selectOption({ label: t.values.modes.faceToFace });
  await frame.locator('#visit-record').fill('座谈学校办学特色，对方建议加强劳动教育');
  await frame.getByRole('button', { name: t.sidebar.save }).click();
  await frame.locator('#status[data-id]').waitFor();
  expect(await lowContrast()).toEqual([]);
  // The saved 编号 is shown without scrolling: the result line is within the panel and has focus.
  const shown = await frame.evaluate(() => {
    const status = document.getElementById('status') as HTMLElement;
    const box = status.getBoundingClientRect();
    return {
      inView: box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight,
      focused: document.activeElement === status,
      scrollable: document.documentElement.scrollHeight > window.innerHeight,
    };
  });
  expect(shown).toEqual({ inView: true, focused: true, scrollable: true });
});

test('focus is visible on every control reached by Tab', async () => {
  await frame.locator('#me').focus();
  const seen = new Set<string>();
  const invisible: string[] = [];
  for (let i = 0; i < 200; i++) {
    const state = await frame.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const ring = (e: Element) => {
        const s = getComputedStyle(e);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      };
      // A control drawn by its label (the kind switch) shows the focus on the label.
      const labels = [...((el as HTMLInputElement).labels ?? [])];
      const shown = ring(el) || labels.some(ring);
      return { key: `${el.tagName}#${el.id}[${(el as HTMLInputElement).value ?? ''}]`, shown };
    });
    // Tab walks out of the sidebar after its last control. A date input takes one Tab per part (its
    // focused part is highlighted by the browser): each control is judged when focus arrives on it.
    if (!state) break;
    if (!seen.has(state.key) && !state.shown) invisible.push(state.key);
    seen.add(state.key);
    await page.keyboard.press('Tab');
  }
  expect(seen.size).toBeGreaterThan(10);
  expect(invisible).toEqual([]);
});

test('screenshots: the sidebar at 300 px and the whole playground', async () => {
  await frame.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('tab', { name: t.sheets.visits, exact: true }).click();
  await page.locator('#grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.locator('table.grid td[data-r="2"][data-c="0"]').waitFor();
  const panel = page.locator('#sidebar-frame');
  const box = await panel.boundingBox();
  expect(box?.width).toBe(300);
  await panel.screenshot({ path: join(SHOTS, 'sidebar.png') });
  await page.getByRole('tab', { name: t.sheets.status, exact: true }).click();
  await page.screenshot({ path: join(SHOTS, 'playground.png') });
});
