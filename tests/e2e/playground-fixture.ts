// Starts the playground in-process for a test: a temporary sample workbook, a free port, a fixed school day.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type Browser } from './browser';
import { readSheets } from '../../src/app/read';
import { loadCampaign } from '../../src/core/engine';
import type { Campaign } from '../../src/core/model';
import { openXlsx } from '../../src/local/xlsx-workbook';
import { startPlayground, type RunningPlayground } from '../../src/local/playground/run';

export const ROOT = join(__dirname, '..', '..');
/** The school day every end-to-end test runs on (a reminder day, in the sample's first semester). */
export const TODAY = '2027-04-20';

export interface TestPlayground {
  running: RunningPlayground;
  dir: string;
  workbook: string;
  /** Stops (as Ctrl-C does) and starts again on the same workbook and store, on a new port. */
  restart(): Promise<RunningPlayground>;
  close(): Promise<void>;
}

/** The built pages the playground serves; `npm test` builds them first. */
export function requireBuild(): void {
  for (const file of ['dist-node/playground.html', 'dist/sidebar.html']) {
    if (!existsSync(join(ROOT, file)))
      throw new Error(`${file} is missing: run npm run build (npm test builds first)`);
  }
}

export async function startTestPlayground(): Promise<TestPlayground> {
  requireBuild();
  const dir = mkdtempSync(join(tmpdir(), 'visit-ledger-e2e-'));
  const workbook = join(dir, 'workbook.xlsx');
  const options = {
    workbook,
    storeFile: join(dir, 'store.json'),
    port: 0,
    today: TODAY,
    lang: 'zh' as const,
    email: '',
  };
  const playground: TestPlayground = {
    running: await startPlayground(options, ROOT),
    dir,
    workbook,
    async restart() {
      await playground.running.stop();
      playground.running = await startPlayground(options, ROOT);
      return playground.running;
    },
    async close() {
      await playground.running.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return playground;
}

/** Opens the playground page and waits until the workbook is drawn. */
export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body.ready');
}

/** Brings a sheet's tab forward and returns its grid as text, row 1 first (column letters and row numbers left out). */
export async function sheetText(page: Page, sheet: string): Promise<string[][]> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.waitForSelector(`table.grid[aria-label="${sheet}"]`);
  return page.$$eval('table.grid tr:not(.letters)', (rows) =>
    rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
  );
}

/** The campaign as the workbook file now holds it (to pick people and check what was saved). */
export async function campaignOf(file: string): Promise<Campaign> {
  return loadCampaign(readSheets(await openXlsx(file)), TODAY);
}

/**
 * The campaign as the file holds it once every change so far is written: the playground writes its file in
 * the background after a quiet spell, and idle() writes now and waits.
 */
export async function savedCampaign(playground: TestPlayground): Promise<Campaign> {
  await playground.running.session.idle();
  return campaignOf(playground.workbook);
}

/** Reads until the value passes the check (or fails with the last value seen after `timeout` ms). */
export async function until<T>(
  read: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeout = 10_000,
): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > end) throw new Error(`Timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** A test playground with a Chromium page on it (opened on the playground unless `open` is false). */
export async function openPlaygroundPage(
  viewport?: { width: number; height: number },
  open = true,
): Promise<{ playground: TestPlayground; browser: Browser; page: Page }> {
  const playground = await startTestPlayground();
  const browser = await launchChromium(viewport);
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  if (open) await openPlayground(page, playground.running.url);
  return { playground, browser, page };
}

/** Closes what openPlaygroundPage opened (either may be missing when the start failed). */
export async function closePlaygroundPage(browser?: Browser, playground?: TestPlayground): Promise<void> {
  await browser?.close();
  await playground?.close();
}
