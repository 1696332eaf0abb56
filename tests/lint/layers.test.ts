// The layer matrix of ARCHITECTURE.md is enforced by `npm run lint`: an import pointing up or sideways is an error.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * ESLint loads its ESM config by dynamic import, which jest's vm does not allow: the cases are linted in one
 * plain Node process with ESLint's API (lintText as if each code were the file named), with the project's config.
 */
const LINTER = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const [filePath, code] of cases) {
    const [result] = await eslint.lintText('// a file under test\\n' + code + '\\nexport {};\\n', { filePath });
    out.push(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId || m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

function lint(cases: readonly (readonly [string, string])[]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINTER], {
    cwd: path.resolve(__dirname, '../..'),
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

const FORBIDDEN: [string, string][] = [
  ['src/core/x.ts', "import { recompute } from '../app/recompute'; void recompute;"],
  [
    'src/core/x.ts',
    "import type { SidebarBootstrap } from '../contract/sidebar-payload'; type T = SidebarBootstrap; void (0 as unknown as T);",
  ],
  ['src/core/x.ts', "import { readFileSync } from 'node:fs'; void readFileSync;"],
  ['src/app/x.ts', "import { GasLock } from '../gas/lock'; void GasLock;"],
  ['src/app/x.ts', "import { openXlsx } from '../local/xlsx-workbook'; void openXlsx;"],
  ['src/app/x.ts', "import { h } from '../client/dom'; void h;"],
  ['src/contract/x.ts', "import { texts } from '../core/i18n/messages'; void texts;"],
  ['src/contract/x.ts', "import { recompute } from '../app/recompute'; void recompute;"],
  ['src/client/x.ts', "import { recompute } from '../app/recompute'; void recompute;"],
  ['src/gas/x.ts', "import { openXlsx } from '../local/xlsx-workbook'; void openXlsx;"],
  ['src/gas/x.ts', "import { h } from '../client/dom'; void h;"],
  ['src/local/x.ts', "import { GasLock } from '../gas/lock'; void GasLock;"],
  ['src/local/playground/x.ts', "import { h } from '../../client/dom'; void h;"],
];

const ALLOWED: [string, string][] = [
  ['src/app/x.ts', "import { loadCampaign } from '../core/engine'; void loadCampaign;"],
  [
    'src/app/x.ts',
    "import type { SaveResult } from '../contract/sidebar-payload'; void (0 as unknown as SaveResult);",
  ],
  ['src/contract/x.ts', "import type { Lang } from '../core/i18n/messages'; void (0 as unknown as Lang);"],
  ['src/client/x.ts', "import { format } from '../core/i18n/messages'; void format;"],
  ['src/gas/x.ts', "import { recompute } from '../app/recompute'; void recompute;"],
  ['src/local/x.ts', "import { readFileSync } from 'node:fs'; void readFileSync;"],
];

const GLOBALS: [string, string][] = [
  ['src/app/x.ts', 'void SpreadsheetApp;'],
  ['src/core/x.ts', 'void Utilities;'],
  ['src/gas/x.ts', 'void SpreadsheetApp;'],
];

describe('imports point down only (npm run lint)', () => {
  let errors: string[][] = [];
  beforeAll(() => {
    errors = lint([...FORBIDDEN, ...ALLOWED, ...GLOBALS]);
  });

  it.each(FORBIDDEN.map((c, i) => [...c, i] as const))('%s may not: %s', (_file, _code, i) => {
    expect(errors[i]).toContain(RESTRICTED);
  });

  it.each(ALLOWED.map((c, i) => [...c, FORBIDDEN.length + i] as const))('%s may: %s', (_file, _code, i) => {
    expect(errors[i]).toEqual([]);
  });

  it('only src/gas touches the Apps Script services', () => {
    const at = FORBIDDEN.length + ALLOWED.length;
    expect(errors[at]).toContain('no-restricted-globals');
    expect(errors[at + 1]).toContain('no-restricted-globals');
    expect(errors[at + 2]).toEqual([]);
  });
});
