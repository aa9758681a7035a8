/**
 * `npm run worker`: one stateless worker process against a Temporal cluster and PostgreSQL. Run as
 * many as the load needs; they share the task queue. SIGTERM or SIGINT: stop polling, let running
 * activities finish within SHUTDOWN_GRACE, close the connections, exit 0.
 */
import { deliveryOf, durationMs, loadConfig } from '../platform/config';
import { createLog } from '../platform/log';
import { stopOnSignals } from '../platform/shutdown';
import { payloadCodecOf } from '../platform/keys';
import { connectWorker } from '../platform/temporal';
import { installWorkerRuntime } from '../platform/worker-runtime';
import { openDb } from '../store/db';
import { requireMigrated } from '../store/migrate';
import { createWorker, readWorkflowBundle } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig('worker');
  const log = createLog('worker', config.LOG_LEVEL);
  const graceMs = durationMs(config.SHUTDOWN_GRACE);
  installWorkerRuntime(log, { metricsPort: config.WORKER_METRICS_PORT, metricsHost: config.HOST ?? '0.0.0.0' });

  const db = await openDb({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  await requireMigrated(db);
  const connection = await connectWorker(config.TEMPORAL_ADDRESS!, config);
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TASK_QUEUE,
    db,
    codec: payloadCodecOf(config),
    onUnsealed: (reason) => log.warn({ reason }, 'refused a payload the API did not seal'),
    workflowBundle: config.WORKFLOW_BUNDLE ? readWorkflowBundle(config.WORKFLOW_BUNDLE) : undefined,
    shutdownGraceMs: graceMs,
    maxCachedWorkflows: config.WORKER_CACHED_WORKFLOWS,
    delivery: deliveryOf(config),
  });
  const running = worker.run();
  running.catch((error: unknown) => {
    log.fatal({ err: error }, 'the worker failed');
    process.exit(1);
  });
  log.info(
    { taskQueue: config.TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE, metricsPort: config.WORKER_METRICS_PORT || undefined },
    'worker polling',
  );
  stopOnSignals(log, graceMs, async () => {
    worker.shutdown();
    await running;
    await connection.close();
    await db.close();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
