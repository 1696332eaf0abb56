// The built sidebar page stays light: no zod (the server keeps the schema), no dayjs, and under a size budget.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const pagePath = join(__dirname, '../../dist/sidebar.html');

function builtPage(): string {
  if (!existsSync(pagePath))
    throw new Error(
      'dist/sidebar.html is missing: run `npm run build` first (`npm test` builds before jest).',
    );
  return readFileSync(pagePath, 'utf8');
}

/**
 * Measured (`wc -c`, `gzip -c | wc -c`): 264,829 bytes (55,056 gzipped) with zod; 32,034 (8,957) without it;
 * 34,269 (9,497) with the class fetch too; 37,838 (11,703) before the follow-through tabs, 51,820 (15,037) with
 * 我的待办, 献一计, 讨论活动 and photo links (their words come in the bootstrap payload, not the page). The budgets
 * leave room for the page to grow, not for a library to come back.
 */
const BUDGET_BYTES = 60 * 1024;
const BUDGET_GZIP_BYTES = 18 * 1024;

test('dist/sidebar.html holds no zod and no dayjs: the browser checks with src/contract/record-check.ts', () => {
  const page = builtPage();
  expect(page.match(/.{0,40}zod.{0,40}/i)?.[0] ?? null).toBeNull();
  expect(page.match(/.{0,40}dayjs.{0,40}/i)?.[0] ?? null).toBeNull();
  // The checker is in the page (its date rule is one of its own lines).
  expect(page).toContain('getUTCDate');
});

test('dist/sidebar.html stays under its budget, plain and gzipped', () => {
  const page = Buffer.from(builtPage());
  expect({ bytes: page.length, under: page.length < BUDGET_BYTES }).toEqual({
    bytes: page.length,
    under: true,
  });
  const gzipped = gzipSync(page).length;
  expect({ gzipped, under: gzipped < BUDGET_GZIP_BYTES }).toEqual({ gzipped, under: true });
});
