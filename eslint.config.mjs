// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Longest function body allowed in library source (blank lines and comments not counted). Tests,
// scripts and generated code are exempt; a longer function is a sign it wants named parts.
const MAX_FUNCTION_LINES = 80;

export default defineConfig(
  globalIgnores(['**/dist/**', '**/node_modules/**', '**/reports/**', '**/src/generated/**', '**/test/generated/**', '**/.turbo/**']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A `path` reference is how a source file brings its own ambient declarations (e.g. for an
      // untyped dependency) into every program that compiles it, including other packages' typechecks.
      '@typescript-eslint/triple-slash-reference': ['error', { path: 'always', types: 'prefer-import', lib: 'always' }],
    },
  },
  {
    // The conventions, enforced (docs/conventions.md).
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: [`${import.meta.dirname}/packages/*/tsconfig.json`, `${import.meta.dirname}/apps/*/tsconfig.json`], noWarnOnMultipleProjects: true }),
      ],
    },
    rules: {
      // Packages talk through their public exports only, never another package's files.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@reelkit/*/src', '@reelkit/*/src/**', '@reelkit/*/dist', '@reelkit/*/dist/**'], message: "Import the package's public entry (or a subpath it exports), not its internals." },
            { regex: '^(\\.\\./){2,}(packages/|apps/)?[\\w-]+/(src|dist)/', message: "Import the package's public entry, not another package's files by relative path." },
          ],
        },
      ],
      // On Node 20, AbortSignal.any keeps a reference on a long-lived input signal per call (memory grows).
      'no-restricted-properties': ['error', { object: 'AbortSignal', property: 'any', message: "Use linkSignals() from @reelkit/core: AbortSignal.any leaks on Node 20." }],
    },
  },
  {
    files: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines-per-function': ['error', { max: MAX_FUNCTION_LINES, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
