import { randomUUID } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { ensureNamespace, NAMESPACE_RETENTION_DAYS, registerSearchAttributes } from '../platform/engine-setup';
import { searchAttributes } from '../domain/search-attributes';
import { startEntry } from './support/child-process';
import { openTestDb } from './support/harness';

/** What `npm run setup` does to a server that has never seen this product: namespace, then search attributes. */
test('a missing namespace is created with its retention, once; then it takes the search attributes', async () => {
  const connection = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
  try {
    const namespace = `setup-${randomUUID().slice(0, 8)}`;
    await expect(connection.workflowService.describeNamespace({ namespace })).rejects.toMatchObject({ code: 5 });
    expect(await ensureNamespace(connection, namespace)).toBe(true);
    const described = await connection.workflowService.describeNamespace({ namespace });
    expect(Number(described.config?.workflowExecutionRetentionTtl?.seconds)).toBe(NAMESPACE_RETENTION_DAYS * 24 * 3600);
    expect(await ensureNamespace(connection, namespace)).toBe(false);
    expect((await registerSearchAttributes(connection, namespace)).length).toBeGreaterThan(0);
  } finally {
    await connection.close();
  }
});

/** `npm run setup` itself (its entry, as npm runs it) on a server and a database that have never seen the product. */
test('`npm run setup` against a server without the namespace creates it, with its search attributes, and a second run finds all there', async () => {
  const db = await openTestDb('postgres');
  const [{ name }] = await db.query<{ name: string }>('SELECT current_database() AS name');
  await db.close();
  const namespace = `setup-${randomUUID().slice(0, 8)}`;
  const env = {
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS!,
    TEMPORAL_NAMESPACE: namespace,
    DATABASE_URL: process.env.TEST_POSTGRES_URL!.replace(/\/postgres$/, `/${name}`),
    TASK_QUEUE: `setup-${randomUUID().slice(0, 8)}`,
    PAYLOAD_KEY: process.env.TEST_PAYLOAD_KEY!,
  };
  const first = startEntry('scripts/setup.ts', env);
  expect([await first.exited, first.output()]).toEqual([
    0,
    expect.stringContaining(`namespace ${namespace}: created (retention ${NAMESPACE_RETENTION_DAYS} days)`),
  ]);
  expect(first.output()).toContain(`search attributes on ${namespace}: added`);

  const connection = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
  try {
    const described = await connection.workflowService.describeNamespace({ namespace });
    expect(Number(described.config?.workflowExecutionRetentionTtl?.seconds)).toBe(NAMESPACE_RETENTION_DAYS * 24 * 3600);
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(listed.customAttributes ?? {})).toEqual(
      expect.arrayContaining(Object.values(searchAttributes).map((key) => key.name)),
    );
  } finally {
    await connection.close();
  }

  const again = startEntry('scripts/setup.ts', env);
  expect([await again.exited, again.output()]).toEqual([0, expect.stringContaining(`namespace ${namespace}: there`)]);
  expect(again.output()).toContain(`search attributes on ${namespace}: all there`);
});
