// Lint configuration: typescript-eslint's recommended rules over the whole tree, generated output ignored.

import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

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
);
