// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rules of DESIGN.md, enforced: the core, shared code and the server never import
 * Electron (they run in plain Node and in tests); the renderer never imports Node (it runs
 * in a sandboxed page or a browser and reaches the app only through its typed API).
 */
const electronImports = {
  paths: [{ name: 'electron', message: 'electron/core, shared and server run without Electron: move this to electron/main.' }],
  patterns: [{ group: ['electron/*'], message: 'electron/core, shared and server run without Electron: move this to electron/main.' }],
};

const nodeMessage = 'The renderer runs in a sandboxed page or a browser: reach the app through renderer/src/api instead.';
const nodeBuiltins = [...new Set(builtinModules.filter((name) => !name.startsWith('_')))];
const nodeImports = {
  paths: [...nodeBuiltins.map((name) => ({ name, message: nodeMessage })), { name: 'electron', message: nodeMessage }],
  patterns: [
    { group: ['node:*'], message: nodeMessage },
    { group: ['electron/*'], message: nodeMessage },
  ],
};

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'bench/results.json'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names say "deliberately unused" (positional callback arguments, rest omits).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Type-only imports keep runtime bundles (the preload especially) free of what they only name.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['electron/core/**', 'shared/**', 'server/**'],
    rules: { 'no-restricted-imports': ['error', electronImports] },
  },
  {
    files: ['renderer/**'],
    // Tests run in Node under vitest and may drive real Node parts (an HTTP server on 127.0.0.1);
    // they are never bundled into the page, so the rule guards only what ships.
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/test/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', nodeImports] },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/test/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },
);
