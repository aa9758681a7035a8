import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Workflow code is replayed: no I/O, no clocks or randomness of the host, activities as types only.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'workflow code may not use Node built-ins' })),
          patterns: [
            // At any depth: `workflows/kernel/x.ts` importing `../../store/db` is as much I/O as one level up.
            {
              group: ['**/activities', '**/activities/*'],
              allowTypeImports: true,
              message: 'import activity types only; call activities through proxyActivities',
            },
            {
              group: [
                '**/store',
                '**/store/*',
                '**/api/*',
                '**/worker/*',
                '**/platform/*',
                '**/seeds/*',
                '**/scripts/*',
                '**/test/*',
                'pg',
                '@electric-sql/*',
                '@temporalio/client',
                '@temporalio/worker',
                'express',
                'jsonwebtoken',
              ],
              message: 'workflow and domain code may not do I/O',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' },
        { name: 'setInterval', message: 'use sleep() in a loop' },
      ],
    },
  },
  {
    // What the image runs stands on its own: no development tool, no test code; the API starts
    // workflows by name and reads their types, never their code.
    files: ['api/**/*.ts', 'activities/**/*.ts', 'audit/**/*.ts', 'platform/**/*.ts', 'seeds/**/*.ts', 'store/**/*.ts', 'worker/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts', '**/scripts/*', '**/test', '**/test/*'],
              message: 'production code may not import development tools or tests',
            },
            {
              group: ['**/workflows', '**/workflows/*'],
              allowTypeImports: true,
              message: 'import workflow types only; the worker loads workflow code from its bundle',
            },
          ],
        },
      ],
    },
  },
);
