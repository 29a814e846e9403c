// Lint keeps the code where it belongs (as VS Code does): environment-free code in
// electron/shared, Electron only in the main-process adapters (and the preload), and a renderer
// that imports nothing from main but types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import noHardCodedUiText from './eslint-rules/no-hard-coded-ui-text.js';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'events', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/shared is environment-free.' }],
          patterns: [
            { group: nodeBuiltins, message: 'electron/shared is environment-free: no Node built-ins.' },
            { group: ['**/main/**', '**/preload/**', '**/renderer/**', 'react', 'react-*'], message: 'electron/shared depends on nothing app-specific.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/adapters/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/main/adapters/ imports Electron at run time; take what you need as a parameter.', allowTypeImports: true }],
          patterns: [{ group: ['**/renderer/**'], message: 'Main does not import the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, local: { rules: { 'no-hard-coded-ui-text': noHardCodedUiText } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'local/no-hard-coded-ui-text': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.orgTokenHelper.' }],
          patterns: [{ group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser: no Node.' }],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/electron/main/**', '**/electron/preload/**'], message: 'The renderer may import only types from main.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/src/test-support/**'],
    rules: { 'local/no-hard-coded-ui-text': 'off' },
  },
  {
    files: ['scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
