// The printed report's Chinese text: a font stack for Windows, macOS and Linux, and a CJK font that draws it.
// Without any CJK font Chromium draws Chinese as nothing or empty boxes (the fonts inside @sparticuz/chromium are
// Open Sans only). CI installs fonts-noto-cjk, so there a missing CJK font fails; elsewhere it is a warning.
import type { Page } from 'playwright-core';
import { loadCampaign } from '../../src/core/engine';
import { readSheets } from '../../src/app/read';
import { reportOf } from '../../src/app/report';
import { reportHtml } from '../../src/local/report-html';
import { launchChromium, type Browser } from '../e2e/browser';
import { sampleWorkbook } from './helpers';

const CJK_FAMILY = /CJK|Han Sans|YaHei|SimSun|PingFang|Hiragino|WenQuanYi|Hei|Song|Ming|Kai/i;

function report(): string {
  const { wb } = sampleWorkbook('2027-05-10', 'zh');
  const { document } = reportOf(
    loadCampaign(readSheets(wb), '2027-05-10'),
    '2027-04',
    '2027-05-10',
    '2027-05-10 09:30',
  );
  return reportHtml(document);
}

/** The body's font-family in the page's style, as a list of family names. */
function bodyFontStack(html: string): string[] {
  const body = /(?:^|\n)body\s*\{([^}]*)\}/.exec(html)?.[1] ?? '';
  const stack = /font-family:\s*([^;]+);/.exec(body)?.[1] ?? '';
  return stack.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));
}

it('names CJK fonts of Windows, macOS and Linux, then sans-serif', () => {
  const stack = bodyFontStack(report());
  expect(stack).toEqual(
    expect.arrayContaining([
      'Microsoft YaHei',
      'SimSun',
      'PingFang SC',
      'Hiragino Sans GB',
      'Noto Sans CJK SC',
      'WenQuanYi Micro Hei',
    ]),
  );
  expect(stack[stack.length - 1]).toBe('sans-serif');
});

describe('in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium({ width: 794, height: 1123 });
    page = await browser.context.newPage();
    await page.setContent(report());
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the Chinese title with a CJK font (CI: fonts-noto-cjk)', async () => {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const title = await page.textContent('h1');
    expect(title).toMatch(/[\u4e00-\u9fff]/);
    const families = fonts.map((f) => f.familyName);
    const drawn = families.some((f) => CJK_FAMILY.test(f));
    if (!drawn && !process.env.CI) {
      process.stderr.write(
        `report-fonts: no CJK font draws the report's Chinese here (fonts used: ${families.join(', ')}); ` +
          'printed reports show empty boxes. On Debian/Ubuntu: sudo apt-get install fonts-noto-cjk\n',
      );
      return;
    }
    const fix = 'apt-get install fonts-noto-cjk';
    expect({ families, cjkFontDrawsChinese: drawn, fix }).toEqual({
      families,
      cjkFontDrawsChinese: true,
      fix,
    });
  });
});
