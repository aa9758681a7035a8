import { ESLint } from 'eslint';
import { join } from 'node:path';

/** The lint rules that keep workflow code replayable do fire (linted as if it were a workflow file). */
const lint = async (code: string) => {
  const eslint = new ESLint({ cwd: join(__dirname, '..') });
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, 'index.ts') });
  return result.messages.map((m) => m.ruleId);
};

test('workflow files may not import Node built-ins, activity values or I/O modules', async () => {
  expect(await lint(`import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n`)).toContain(
    '@typescript-eslint/no-restricted-imports',
  );
  expect(await lint(`import { createActivities } from '../activities';\nexport const f = createActivities;\n`)).toContain(
    '@typescript-eslint/no-restricted-imports',
  );
  expect(await lint(`import { Pool } from 'pg';\nexport const f = Pool;\n`)).toContain('@typescript-eslint/no-restricted-imports');
  expect(await lint(`import type { Activities } from '../activities';\nexport type A = Activities;\n`)).toEqual([]);
  expect(await lint(`export function f(): void {\n  setTimeout(() => undefined, 1);\n}\n`)).toContain('no-restricted-globals');
});
