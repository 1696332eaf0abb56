// Launches Debian's Chromium through playwright-core for the end-to-end tests (fresh profile, no sandbox, no GPU).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context over a fresh, throw-away profile. Fails (never skips) when Chromium is missing. */
export async function launchChromium(
  viewport = { width: 1280, height: 800 },
  executable = CHROMIUM,
): Promise<Browser> {
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium is missing at ${executable}: the end-to-end tests need it. ` +
        '.ci/run installs it (apt-get install chromium fonts-noto-cjk); locally: sudo apt-get install chromium.',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'visit-ledger-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    viewport,
    locale: 'zh-CN',
    // The profile directory is Chromium's --user-data-dir (playwright passes it itself).
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
