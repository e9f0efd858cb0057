// @ts-check
// ESLint for TypeScript and .astro files: the recommended rules of ESLint,
// typescript-eslint and eslint-plugin-astro. Formatting is Prettier's job.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist.partial/',
      'dist.previous/',
      'node_modules/',
      '.astro/',
      'public/',
      'tests/fixtures/**/*.mdx',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    // Tests build invalid values on purpose (schemas fed the wrong type); `any` says so at the call.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // Unused names are errors, except a leading underscore marks one kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
