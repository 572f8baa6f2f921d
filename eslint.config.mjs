import { createRequire } from 'node:module'

import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const require = createRequire(import.meta.url)
const coreBoundary = require('./eslint-rules/coreBoundary.cjs')

export default tseslint.config(
  { ignores: ['dist/', 'tmp/', 'coverage/', 'node_modules/', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { local: { rules: { 'core-boundary': coreBoundary } } },
    rules: {
      'local/core-boundary': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unnecessary-condition': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Plain CommonJS config files (jest.config.js, test stubs): linted without type information.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: globals.node,
    },
  },
  {
    // The app's bundles carry zod/mini only (src/zendesk/schemas/z.ts); the classic API would add
    // ~17 KB gzipped to every page. Type imports cost nothing.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/zendesk/schemas/z.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                'Import { z } from src/zendesk/schemas/z (zod/mini) so the bundles stay small.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools and the simulator print to the terminal by design.
    files: ['scripts/**', 'sim/**', 'bench/**', 'tests/e2e/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['tests/**'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/consistent-test-it': ['error', { fn: 'it', withinDescribe: 'it' }],
      // `itWithOas`: a test that runs only where the reference OpenAPI file is available.
      'jest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['itWithOas'] }],
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
