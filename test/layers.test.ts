import { ESLint } from 'eslint';
import { join } from 'node:path';

/**
 * The layer rules (docs/ARCHITECTURE.md) are lint rules, so `npm test` checks them on every file. Each case
 * lints one deliberate breach as if it were the named file and expects the import rule (or the API's SQL
 * rule) to refuse it, and one allowed import or call beside it, so a rule that stopped matching or started
 * matching everything fails here.
 */
const eslint = new ESLint({ cwd: join(__dirname, '..') });
const refusals = async (file: string, from: string, typeOnly = false) => {
  const code = typeOnly ? `import type { X } from '${from}';\nexport type Y = X;\n` : `import { x } from '${from}';\nexport const y = x;\n`;
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', file) });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').length;
};

test.each([
  // Workflow code reaches no I/O at any depth: the kernel's `../../store/db` as much as a workflow's `../store/db`.
  ['workflows/kernel/actions.ts', '../../store/db'],
  ['workflows/zone-establishment.ts', '../store/db'],
  ['workflows/kernel/actions.ts', '../../api/schemas'],
  ['workflows/penalty-report.ts', '../integrations/email'],
  ['workflows/penalty-report.ts', '../documents/render-pdf'],
  ['workflows/penalty-report.ts', '../activities/penalties'],
  // The domain is pure: no workflow, no activity, no Temporal runtime, no I/O.
  ['domain/names.ts', '../workflows/zone-establishment'],
  ['domain/names.ts', '../activities/records'],
  ['domain/names.ts', '@temporalio/workflow'],
  ['domain/names.ts', '../store/db'],
  ['domain/names.ts', 'node:fs'],
  // The API starts workflows by name, never loads their code.
  ['api/app.ts', '../workflows/kernel/actions'],
  // The API holds no SQL: no database driver, no SQL runner of the store's.
  ['api/routes/tasks.ts', 'pg'],
  ['api/inbound.ts', '@electric-sql/pglite'],
  ['api/routes/system.ts', '../../store/rows'],
  // Nothing in production imports development tools or tests.
  ['api/app.ts', '../test/support/harness'],
  ['platform/embedded.ts', '../scripts/build'],
  ['integrations/email.ts', '../test/support/harness'],
  ['web/api.ts', '../test/support/harness'],
  // scripts/ and test/ share test/support only.
  ['scripts/lab/flows.ts', '../../test/api.test'],
  ['test/support/zone-flow.ts', '../../scripts/lab/flows'],
  ['test/api.test.ts', '../scripts/lab/flows'],
])('%s may not import %s', async (file, from) => {
  expect(await refusals(file, from)).toBe(1);
});

test.each([
  ['workflows/kernel/actions.ts', '../../domain/actions', false],
  ['workflows/penalty-report.ts', '../activities/penalties', true],
  ['api/app.ts', '../workflows/zone-establishment', true],
  ['api/routes/tasks.ts', '../../store/tasks', false],
  ['api/run-action.ts', '../store/db', true],
  ['domain/names.ts', './calendar', false],
  ['scripts/lab/flows.ts', '../../test/support/zone-flow', false],
  ['test/fuzz.test.ts', '../scripts/fuzz/run', false],
] as const)('%s may import %s (type only: %s)', async (file, from, typeOnly) => {
  expect(await refusals(file, from, typeOnly)).toBe(0);
});

/** What the API's SQL rule finds in `code` linted as `file`: a database client's query, or a statement's text. */
const sqlFindings = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', file) });
  return result.messages.filter((m) => m.ruleId === 'layers/no-sql-in-api').length;
};

test.each([
  [
    'the records store queried',
    'api/access.ts',
    "import type { Queryable } from '../store/db';\nexport const read = (db: Queryable, sql: string) => db.query(sql);\n",
  ],
  [
    "a transaction's client queried",
    'api/login-limit.ts',
    "import type { Db } from '../store/db';\nexport const read = (db: Db, sql: string) => db.transaction((tx) => tx.query(sql));\n",
  ],
  [
    "pg's client queried",
    'api/inbound.ts',
    "import type { PoolClient } from 'pg';\nexport const read = (c: PoolClient, sql: string) => c.query(sql);\n",
  ],
  ['a statement handed to a helper', 'api/routes/audit.ts', "export const READ = 'SELECT id FROM organizations WHERE id = $1';\n"],
  [
    'a statement built in a template',
    'api/routes/tasks.ts',
    'export const list = (status: string) => `UPDATE tasks SET status = ${status}`;\n',
  ],
])('api/ holds no SQL: %s is refused', async (_what, file, code) => {
  expect(await sqlFindings(file, code)).toBe(1);
});

test.each([
  [
    "a Temporal handle's state query",
    'api/run-action.ts',
    "import type { WorkflowHandle } from '@temporalio/client';\nimport { stateQuery } from '../domain/state-query';\nexport const view = (handle: WorkflowHandle) => handle.query(stateQuery);\n",
  ],
  [
    "a store/ query module's function",
    'api/routes/tasks.ts',
    "import type { Queryable } from '../../store/db';\nimport { taskById } from '../../store/tasks';\nexport const task = (db: Queryable) => taskById(db, 't1');\n",
  ],
  ["a regular expression's exec over words", 'api/words.ts', "export const found = /zone/.exec('Select the zone to update');\n"],
])('api/ may hold %s', async (_what, file, code) => {
  expect(await sqlFindings(file, code)).toBe(0);
});
