// @ts-check
// ESLint for TypeScript and .astro files: the recommended rules of ESLint,
// typescript-eslint and eslint-plugin-astro; on src/ the type-aware set
// (recommended-type-checked) with warnings for long files and functions
// that decide many things. Formatting is Prettier's job.
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
    // Type-aware rules on the site's TypeScript (the .astro files keep the untyped set: their parser's type information
    // is partial).
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A file past 450 lines or a function that decides many things usually hides a second idea (STYLE.md).
      'max-lines': ['warn', { max: 450, skipBlankLines: true, skipComments: true }],
      complexity: ['warn', 20],
      'max-lines-per-function': ['warn', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A schema is one declaration, however many fields it lists.
    files: ['src/lib/model/schemas/*.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
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
