import { randomUUID } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { ensureNamespace, NAMESPACE_RETENTION_DAYS, registerSearchAttributes } from '../platform/engine-setup';

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
