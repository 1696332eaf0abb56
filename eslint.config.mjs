// Lint configuration: typescript-eslint's recommended rules, and the layer matrix of ARCHITECTURE.md (imports point down).

import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** An import source reaching into one of our layers (a relative path through src/<layer>/). */
const layer = (name) => ({
  regex: `(^|/)${name}(/|$)`,
  message: `ARCHITECTURE.md: imports point down only; this folder may not import src/${name}.`,
});
const nodeModules = {
  regex: '^(node:|fs$|path$|os$|child_process$|http$|url$|crypto$|zlib$|exceljs$)',
  message:
    'ARCHITECTURE.md: src/core, src/app, src/contract and src/client run in Apps Script and browsers too: no Node.',
};
/** The Apps Script services: only src/gas (the adapters) may touch them. */
const appsScriptGlobals = [
  'SpreadsheetApp',
  'MailApp',
  'GmailApp',
  'LockService',
  'PropertiesService',
  'ScriptApp',
  'HtmlService',
  'Session',
  'Utilities',
  'CacheService',
  'DriveApp',
].map((name) => ({
  name,
  message: 'ARCHITECTURE.md: Apps Script services are reached through src/gas only.',
}));
/** The layer matrix: each folder and the layers it may not import. */
const forbidden = {
  'src/core/**': [
    layer('app'),
    layer('contract'),
    layer('gas'),
    layer('local'),
    layer('client'),
    nodeModules,
  ],
  'src/contract/**': [layer('app'), layer('gas'), layer('local'), layer('client'), nodeModules],
  'src/app/**': [layer('gas'), layer('local'), layer('client'), nodeModules],
  'src/client/**': [layer('app'), layer('gas'), layer('local'), nodeModules],
  'src/gas/**': [layer('local'), layer('client'), nodeModules],
  'src/local/**': [layer('gas'), layer('client')],
};
const layerRules = Object.entries(forbidden).map(([folder, patterns]) => ({
  files: [folder],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...patterns,
          // contract holds shapes only: it may take core's types, never its code (the browser stays small).
          ...(folder === 'src/contract/**'
            ? [
                {
                  regex: '(^|/)core(/|$)',
                  allowTypeImports: true,
                  message: 'src/contract imports core types only.',
                },
              ]
            : []),
        ],
      },
    ],
    ...(folder === 'src/gas/**' ? {} : { 'no-restricted-globals': ['error', ...appsScriptGlobals] }),
  },
}));

export default defineConfig(
  { ignores: ['dist/', 'dist-node/', 'node_modules/', '.local/', 'coverage/'] },
  tseslint.configs.recommended,
  {
    rules: {
      // Parameters and bindings named with a leading underscore are deliberately unused (Apps Script events).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // CommonJS files (the bin, jest.config.js) use require by nature.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules,
);
