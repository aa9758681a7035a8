/**
 * `npm run setup`: what a cluster needs before its workers and API start, once per release and
 * safe to repeat: the records store's migrations, its reference data and policy defaults, the Temporal
 * namespace when the server lacks it (a fresh Temporal Server has none), its custom search attributes and the monthly statistics schedule. `--demo-users` adds
 * the demo logins (password DEMO_PASSWORD), for a trial only: real users are never seeded with a known
 * password.
 */
import { loadConfig } from '../platform/config';
import { ensureNamespace, NAMESPACE_RETENTION_DAYS, registerSearchAttributes } from '../platform/engine-setup';
import { ensureStatisticsSchedule, ensureSweepSchedule } from '../platform/schedules';
import { connectClient } from '../platform/temporal';
import { applySeeds } from '../seeds/apply';
import { openDb } from '../store/db';
import { migrate } from '../store/migrate';

async function main(): Promise<void> {
  const config = loadConfig('setup');
  const demoUsers = process.argv.includes('--demo-users');

  const db = await openDb({ databaseUrl: config.DATABASE_URL, poolSize: 2 });
  try {
    const applied = await migrate(db);
    console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date');
    await applySeeds(db, demoUsers ? { demoPassword: config.DEMO_PASSWORD } : {});
    console.log(`reference data and policy defaults: seeded${demoUsers ? ', with the demo users' : ''}`);
  } finally {
    await db.close();
  }

  const client = await connectClient(config.TEMPORAL_ADDRESS!, config);
  try {
    const created = await ensureNamespace(client.connection, config.TEMPORAL_NAMESPACE);
    console.log(`namespace ${config.TEMPORAL_NAMESPACE}: ${created ? `created (retention ${NAMESPACE_RETENTION_DAYS} days)` : 'there'}`);
    const added = await registerSearchAttributes(client.connection, config.TEMPORAL_NAMESPACE);
    console.log(`search attributes on ${config.TEMPORAL_NAMESPACE}: ${added.length ? `added ${added.join(', ')}` : 'all there'}`);
    const schedule = await ensureStatisticsSchedule(client, { taskQueue: config.TASK_QUEUE });
    console.log(`statistics schedule on ${config.TASK_QUEUE}: ${schedule}`);
    console.log(
      `closed-runs sweep schedule on ${config.TASK_QUEUE}: ${await ensureSweepSchedule(client, { taskQueue: config.TASK_QUEUE })}`,
    );
  } finally {
    await client.connection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
