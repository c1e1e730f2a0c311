// ESLint for every source of the hub (flat config, typescript-eslint), run by `npm test`.
// Generated files (the SDK's and the dashboard's typed documents, build output)
// are not linted: codegen writes them, and a test checks they are current.
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/generated/**', '.data/**', 'deploy/**', 'docs/**'],
  },
  {
    // A disable comment that no longer silences anything is an error, so none outlives its reason.
    // Every disable comment says why after `--` (generated files are ignored above).
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { 'eslint-comments': eslintComments },
    rules: { 'eslint-comments/require-description': 'error', 'eslint-comments/no-unlimited-disable': 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // `_` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Services log through pino (the kit's logger); a CLI writes to process.stdout/stderr.
      'no-console': 'error',
    },
  },
  {
    // Tests read untyped JSON answers deep and assert on them; they report figures (fuzz cases, skipped browsers) on the console.
    files: ['tests/**/*.ts', '**/__tests__/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-console': 'off' },
  },
  {
    files: ['clients/dashboard/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts: the jest config (CommonJS) and its global setup (ESM).
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
