import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What the framework-free core must not import. */
const FRAMEWORK = [
  {
    group: [
      '@nestjs/*',
      'class-validator',
      'class-validator/**',
      'class-transformer',
      'class-transformer/**',
      'reflect-metadata',
    ],
    message: 'The core is framework-free: the gateway adapts it to Nest and class-validator.',
  },
  {
    // A regex: '#' starts a comment in the gitignore-style `group` patterns.
    regex: '^#libs/model-classes(/|$)',
    message: 'The decorated request classes are for the gateway and the OpenAPI script alone.',
  },
];

/** No lib reaches into an app, or into another lib's tests. */
const CROSSINGS = [
  { regex: '^(\\.\\./)+apps/', message: 'A lib must not import an app.' },
  {
    regex: '^#libs/[^/]+/test/|^(\\.\\./)+[a-z-]+/test/',
    message: "Another lib's tests are its own; shared test helpers live in libs/testing.",
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/',
      '**/node_modules/',
      'var/',
      'coverage/',
      'libs/nxdl/src/generated/',
      'clients/typescript/src/openapi.ts',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's describe/it return promises the runner itself awaits.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is plain TypeScript: the gateway adapts it to Nest, never the other way round.
    // Only libs/model-classes (the decorated request classes) may use the validation framework.
    files: ['libs/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['libs/model-classes/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...FRAMEWORK, ...CROSSINGS] }] },
  },
  {
    files: ['libs/model-classes/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: CROSSINGS }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' },
  },
);
