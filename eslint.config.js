// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages the framework-agnostic event core must never depend on. */
const UI_PACKAGES = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  '@tanstack/*',
];

/** Import specifiers that climb out of a folder into src/<layer>. */
const importsOfLayer = (/** @type {string} */ layer) =>
  `^(\\.\\./)+${layer}(/|$)|(^|/)src/${layer}(/|$)`;

export default defineConfig(
  globalIgnores([
    'dist',
    'dist-lib',
    'coverage',
    'playwright-report',
    'test-results',
    'node_modules',
  ]),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false, allowAny: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Bare `void promise` is how fire-and-forget is spelled deliberately.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },

  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['*.{js,ts}', 'e2e/**/*.ts', 'scripts/**/*.{js,ts}'],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/panel/**/*.{ts,tsx}', 'src/*.tsx'],
    extends: [reactHooks.configs.flat.recommended],
  },

  // The core, the server and the panel name the files they import. Vite's config brings the
  // receiver and the core with it, and Vite is moving to loading configs as native ES modules
  // (`configLoader: 'native'`), which find a file only by its full name; until then it warns.
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/panel/**/*.{ts,tsx}', 'server/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'ImportDeclaration',
          'ExportNamedDeclaration',
          'ExportAllDeclaration',
          'ImportExpression',
        ].map((node) => ({
          selector: `${node} > Literal.source[value=/^\\.\\.?\\/(?!.*\\.(ts|tsx|css|json)$)/]`,
          message: "Name the imported file with its extension: './event.ts', not './event'.",
        })),
      ],
    },
  },

  // Dependency direction is ui → store → lib, never reversed. The in-app panel (src/panel,
  // the package's ./panel entry) stands beside them: it uses src/lib only, and the dashboard
  // does not use it.
  {
    files: ['src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: UI_PACKAGES,
              message: 'src/lib is framework-agnostic: no React, Zustand or TanStack in the core.',
            },
            {
              regex: importsOfLayer('(store|ui|panel)'),
              message:
                'src/lib must not import from src/store, src/ui or src/panel (ui → store → lib).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importsOfLayer('ui'),
              message: 'src/store must not import from src/ui (ui → store → lib).',
            },
            {
              regex: importsOfLayer('panel'),
              message: 'src/store must not import the in-app panel (src/panel → src/lib only).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importsOfLayer('panel'),
              message:
                'The dashboard does not use the in-app panel; it is a package entry for other apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/panel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: importsOfLayer('(store|ui)'),
              message:
                'src/panel depends on src/lib only: it ships in the package without the dashboard.',
            },
            {
              group: ['zustand', 'zustand/*', '@tanstack/*'],
              message: 'src/panel needs React alone (an optional peer dependency of the package).',
            },
          ],
        },
      ],
    },
  },
);
