import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noNodeBuiltins = nodeBuiltins.map((name) => ({ name, message: 'workflow and domain code may not use Node built-ins' }));
const noHostTimers = [
  'error',
  { name: 'setTimeout', message: 'use sleep() or condition() from @temporalio/workflow' },
  { name: 'setInterval', message: 'use sleep() in a loop' },
];
// Patterns match at any depth: `workflows/kernel/x.ts` importing `../../store/db` is as much I/O as one level up.
const ioModules = [
  ...['store', 'api', 'worker', 'platform', 'seeds', 'scripts', 'test', 'integrations', 'audit', 'web'].flatMap((dir) => [
    `**/${dir}`,
    `**/${dir}/*`,
  ]),
  'pg',
  '@electric-sql/*',
  '@temporalio/client',
  '@temporalio/worker',
  'express',
  'jsonwebtoken',
];
// The PDF renderer's folder, not the domain's own `./documents` (the words of official documents).
const documentsFolder = '^(\\.\\./)+documents(/|$)';

// What production may not import: development tools and tests; workflow code only as types.
const productionPatterns = [
  {
    group: ['**/scripts', '**/scripts/*', '**/test', '**/test/*'],
    message: 'production code may not import development tools or tests',
  },
  {
    group: ['**/workflows', '**/workflows/*'],
    allowTypeImports: true,
    message: 'import workflow types only; the worker loads workflow code from its bundle',
  },
];

/**
 * api/ holds no SQL: its statements live in store/ query modules, which parse their rows. A use of a
 * database client's `query`, `exec` or `sql` is found by where that method is declared (the records
 * store's `Queryable`/`Db` in store/db.ts, `pg`, PGlite), so a Temporal handle's `query` or a regular
 * expression's `exec` is not one. Text that opens like a statement is found too (SQL handed to a helper).
 */
const DATABASE_DECLARATIONS = [
  /[\\/]store[\\/]db\.ts$/,
  /[\\/]node_modules[\\/](@types[\\/])?pg[\\/]/,
  /[\\/]node_modules[\\/]@electric-sql[\\/]/,
];
const SQL_STATEMENT = /^\s*\(?\s*(SELECT\s|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\()/;
const noSqlInApi = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      client: "api/ holds no SQL: the database client's `{{name}}` is called from a store/ query module's function",
      statement: 'api/ holds no SQL: this statement belongs in a store/ query module',
    },
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    const checker = services?.program?.getTypeChecker();
    const report = (node, text) => {
      if (SQL_STATEMENT.test(text)) context.report({ node, messageId: 'statement' });
    };
    return {
      'MemberExpression[computed=false][property.name=/^(query|exec|sql)$/]'(node) {
        if (!checker) return;
        const symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(node.property));
        const files = (symbol?.declarations ?? []).map((declaration) => declaration.getSourceFile().fileName);
        if (files.some((file) => DATABASE_DECLARATIONS.some((pattern) => pattern.test(file)))) {
          context.report({ node: node.property, messageId: 'client', data: { name: node.property.name } });
        }
      },
      Literal(node) {
        if (typeof node.value === 'string') report(node, node.value);
      },
      TemplateLiteral(node) {
        report(node, node.quasis[0].value.cooked ?? '');
      },
    };
  },
};

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
    // Workflows import the domain, their kernel and types; nothing that runs outside the sandbox.
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: noNodeBuiltins,
          patterns: [
            {
              group: ['**/activities', '**/activities/*'],
              allowTypeImports: true,
              message: 'import activity types only; call activities through proxyActivities',
            },
            { group: ioModules, message: 'workflow and domain code may not do I/O' },
            { regex: documentsFolder, message: 'workflow and domain code may not do I/O' },
          ],
        },
      ],
      'no-restricted-globals': noHostTimers,
    },
  },
  {
    // The domain is pure rules over facts: what workflows, the API and activities all read, so it imports
    // none of them (not even their types) and nothing of Temporal's workflow runtime.
    files: ['domain/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: noNodeBuiltins,
          patterns: [
            {
              group: [...ioModules, '**/activities', '**/activities/*', '**/workflows', '**/workflows/*', '@temporalio/workflow'],
              message: 'domain code is pure: it imports only the domain, zod and constants',
            },
            { regex: documentsFolder, message: 'domain code is pure: it imports only the domain, zod and constants' },
          ],
        },
      ],
      'no-restricted-globals': noHostTimers,
    },
  },
  {
    // What the image runs stands on its own: no development tool, no test code; the API starts
    // workflows by name and reads their types, never their code.
    files: [
      'api/**/*.ts',
      'activities/**/*.ts',
      'audit/**/*.ts',
      'documents/**/*.ts',
      'integrations/**/*.ts',
      'platform/**/*.ts',
      'seeds/**/*.ts',
      'store/**/*.ts',
      'worker/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: productionPatterns }],
    },
  },
  {
    // The API decides; the records store queries. No database driver, no SQL runner, no statement in api/.
    files: ['api/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.fixture.ts'],
    plugins: { layers: { rules: { 'no-sql-in-api': noSqlInApi } } },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...productionPatterns,
            {
              group: ['pg', 'pg/*', '@electric-sql/*', '**/store/rows'],
              message: 'api/ holds no SQL: reach the records through a store/ query module',
            },
          ],
        },
      ],
      'layers/no-sql-in-api': 'error',
    },
  },
  {
    // The console is production code too; it reads the domain's words and rules, never the server's modules.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts', '**/scripts/*', '**/test', '**/test/*'],
              message: 'production code may not import development tools or tests',
            },
          ],
        },
      ],
    },
  },
  {
    // Development tools share test/support (the flows, the child processes, the ports); never a test itself.
    files: ['scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/*', '!**/test/support', '**/*.test'], message: 'scripts use test/support, never a test file' }] },
      ],
    },
  },
  {
    // Shared support never leans on a tool; a test imports scripts/ only to run the tool it tests (fuzz, chaos).
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scripts/*', '!**/scripts/fuzz', '!**/scripts/chaos'],
              message: 'tests import scripts/ only to test that tool (fuzz, chaos); shared code lives in test/support',
            },
          ],
        },
      ],
    },
  },
);
