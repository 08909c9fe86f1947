import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/',
      'web/dist/',
      'server/dist/',
      'data/',
      'test-results/',
      'coverage/',
      'server/src/db/migrations/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only server/src/config.ts reads process.env (rule 7).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (rule 8).' },
      ],
    },
  },
  {
    files: ['server/src/config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Rule 1: the domain is pure; time, ids and I/O come in as arguments.
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', '@fastify/*', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
              message: 'The domain does no I/O.',
            },
            {
              group: ['node:fs', 'fs', 'node:fs/*', 'fs/*', 'node:net', 'node:http'],
              message: 'The domain does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (rule 8).' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass the time in (rule 1).' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass the time in (rule 1).',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Pass ids in (rule 1).',
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Tools load these through their default export.
    files: [
      'vitest.config.ts',
      'web/vite.config.ts',
      'server/drizzle.config.ts',
      'eslint.config.js',
      'tests/support/global-setup.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
