// Lint rules. The core (src/core) must run anywhere: no Node built-ins, no DOM, no I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'process', 'url', 'util', 'crypto', 'stream', 'http', 'https', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The web app runs in the browser and its workers.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    ignores: ['src/web/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    // The shells see the core only through its public manifest, so the shell shows what the library offers.
    files: ['src/cli/**/*.ts', 'src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/**', '!**/core/index.js'], message: 'Shells import the core only through src/core/index.ts.' },
        ],
      }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'src/core is pure: no Node built-ins (do I/O in src/cli).' },
          { group: ['**/cli/**', '**/web/**'], message: 'src/core must not depend on a shell.' },
        ],
      }],
      // The named `z` object holds all of zod (454 KB minified, every locale); through the namespace
      // a bundle keeps only what the schemas use (97 KB: the CLI's core chunk 917 → 559 KB).
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
        message: "import * as z from 'zod' (bundles then keep only the parts used).",
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core is pure: no process.' },
        { name: 'window', message: 'src/core is pure: no DOM.' },
        { name: 'document', message: 'src/core is pure: no DOM.' },
        { name: 'console', message: 'src/core does no logging.' },
        { name: 'Buffer', message: 'src/core is pure: no Buffer.' },
      ],
    },
  },
);
