import { organisationKeyring } from '../audit/organisation-keys';
/**
 * `npm run api`: one stateless API process against a Temporal cluster and PostgreSQL. Run as many
 * as the load needs behind a load balancer; they share TOKEN_SECRET. SIGTERM or SIGINT: stop
 * accepting, let in-flight requests finish within SHUTDOWN_GRACE, close the connections, exit 0.
 */
import { attachmentFilesOf } from '../store/attachment-files';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { durationMs, loadConfig, systemClientsOf } from '../platform/config';
import { listen } from '../platform/http-server';
import { createLog } from '../platform/log';
import { stopOnSignals } from '../platform/shutdown';
import { stopRenderer } from '../documents/renderer';
import { auditSigningKeyOf, payloadCodecOf } from '../platform/keys';
import { installWorkerRuntime } from '../platform/worker-runtime';
import { workflowCodeOnce } from '../audit/workflow-code';
import { bundleWorkflows, readWorkflowBundle } from '../worker/create-worker';
import { loginLimitsOf } from './login-limit';
import { connectClient } from '../platform/temporal';
import { buildConsole, CONSOLE_DIR } from '../platform/console-build';
import { openDb } from '../store/db';
import { requireMigrated } from '../store/migrate';
import { createApp } from './app';

async function main(): Promise<void> {
  const config = loadConfig('api');
  const log = createLog('api', config.LOG_LEVEL);
  const graceMs = durationMs(config.SHUTDOWN_GRACE);
  // Audit verification replays histories in this process: the SDK's lines go through pino too.
  installWorkerRuntime(log, { metricsPort: 0, metricsHost: '127.0.0.1' });

  const db = await openDb({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  await requireMigrated(db);
  const client = await connectClient(config.TEMPORAL_ADDRESS!, config, payloadCodecOf(config));
  // An image carries the console built by `npm run build`; a checkout builds it on first start.
  if (!existsSync(join(CONSOLE_DIR, 'index.html'))) await buildConsole();

  const auditSigningKey = auditSigningKeyOf(config);
  const app = createApp({
    db,
    client,
    taskQueue: config.TASK_QUEUE,
    token: { secret: config.TOKEN_SECRET!, ttl: config.TOKEN_TTL },
    log,
    metricsToken: config.METRICS_TOKEN,
    systemClients: systemClientsOf(config),
    loginLimits: loginLimitsOf(config),
    // Every API process of the scale-out layout must see the same files: an S3 bucket, or a shared volume.
    attachments: attachmentFilesOf(config),
    audit: {
      signingKey: auditSigningKey,
      organisationKeys: organisationKeyring(auditSigningKey, config.ORGANISATION_KEYS_DIR),
      // The image's prebuilt bundle, or one made on the first export or verification.
      workflowCode: workflowCodeOnce(async () => (config.WORKFLOW_BUNDLE ? readWorkflowBundle(config.WORKFLOW_BUNDLE) : bundleWorkflows())),
    },
  });
  const server = await listen(app, config.PORT, config.HOST);
  log.info({ port: server.port, taskQueue: config.TASK_QUEUE, namespace: config.TEMPORAL_NAMESPACE }, 'API listening');
  stopOnSignals(log, graceMs, async () => {
    await server.close(graceMs);
    await client.connection.close();
    await db.close();
    await stopRenderer();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
