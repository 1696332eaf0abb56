// Which Chromium the browser tests launch, and how: without one they fail (never skip), saying how to get it.
import { chromiumChoice, launchChromium, packagedFlags, SYSTEM_CHROMIUM } from './browser';

const has = (path: string) => (p: string) => p === path;
const none = () => false;

describe('chromiumChoice', () => {
  it('takes CHROMIUM_PATH first, whatever else is set', () => {
    expect(
      chromiumChoice({ CHROMIUM_PATH: '/opt/c', VISIT_LEDGER_CHROMIUM: 'packaged' }, has(SYSTEM_CHROMIUM)),
    ).toEqual({ source: 'CHROMIUM_PATH', path: '/opt/c' });
  });

  it("then Debian's /usr/bin/chromium when present", () => {
    expect(chromiumChoice({}, has(SYSTEM_CHROMIUM))).toEqual({ source: 'system', path: SYSTEM_CHROMIUM });
  });

  it('then the Chromium inside the npm package', () => {
    expect(chromiumChoice({}, none)).toEqual({ source: 'packaged' });
  });

  it('ignores the system Chromium with VISIT_LEDGER_CHROMIUM=packaged, requires it with =system', () => {
    expect(chromiumChoice({ VISIT_LEDGER_CHROMIUM: 'packaged' }, has(SYSTEM_CHROMIUM))).toEqual({
      source: 'packaged',
    });
    expect(chromiumChoice({ VISIT_LEDGER_CHROMIUM: 'system' }, none)).toEqual({
      source: 'system',
      path: SYSTEM_CHROMIUM,
    });
    expect(() => chromiumChoice({ VISIT_LEDGER_CHROMIUM: 'chrome' }, none)).toThrow(/"packaged" or "system"/);
  });
});

it("drops the serverless flags that clash with playwright's persistent context or change the pages", () => {
  const kept = packagedFlags([
    '--single-process',
    "--headless='shell'",
    '--disable-web-security',
    '--allow-running-insecure-content',
    '--disable-print-preview',
    '--font-render-hinting=none',
    '--no-sandbox',
    '--no-zygote',
    '--disable-setuid-sandbox',
  ]);
  expect(kept).toEqual(['--no-sandbox', '--no-zygote', '--disable-setuid-sandbox']);
});

test('a missing Chromium fails with a message naming .ci/run', async () => {
  await expect(launchChromium(undefined, '/nonexistent/chromium')).rejects.toThrow(
    /Chromium is missing at \/nonexistent\/chromium.*\.ci\/run installs it/,
  );
});

test('the Chromium of the npm package @sparticuz/chromium launches and draws a page', async () => {
  const saved = { path: process.env.CHROMIUM_PATH, which: process.env.VISIT_LEDGER_CHROMIUM };
  delete process.env.CHROMIUM_PATH;
  process.env.VISIT_LEDGER_CHROMIUM = 'packaged';
  try {
    const browser = await launchChromium({ width: 400, height: 300 });
    try {
      expect(browser.chromium.source).toBe('packaged');
      const page = await browser.context.newPage();
      await page.setContent('<p>走访台账</p>');
      expect(await page.textContent('p')).toBe('走访台账');
      // A second page in the same context: fine without --single-process.
      const second = await browser.context.newPage();
      await second.setContent('<p>2</p>');
      expect(await second.evaluate(() => navigator.userAgent)).toMatch(/HeadlessChrome\/\d+/);
    } finally {
      await browser.close();
    }
  } finally {
    if (saved.path === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved.path;
    if (saved.which === undefined) delete process.env.VISIT_LEDGER_CHROMIUM;
    else process.env.VISIT_LEDGER_CHROMIUM = saved.which;
  }
});
