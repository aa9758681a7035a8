import { organisationKeyring } from '../audit/organisation-keys';
import { attachmentFilesOf } from '../store/attachment-files';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createApp } from '../api/app';
import { applySeeds } from '../seeds/apply';
import { buildConsole } from './console-build';
import { startDevServer, type RunningEngine } from './engine/dev-server';
import { openDb } from '../store/db';
import { migrate } from '../store/migrate';
import { loginLimitsOf } from '../api/login-limit';
import { workflowCodeOnce } from '../audit/workflow-code';
import { bundleWorkflows, createWorker, readWorkflowBundle } from '../worker/create-worker';
import { deliveryOf, durationMs, systemClientsOf, type Config } from './config';
import { registerSearchAttributes } from './engine-setup';
import { ensureStatisticsSchedule, ensureSweepSchedule } from './schedules';
import { listen } from './http-server';
import { auditSigningKeyOf, payloadCodecOf } from './keys';
import { createLog, type Log } from './log';
import { embeddedTokenSecret } from './secrets';
import { connectClient, connectWorker } from './temporal';
import { installWorkerRuntime } from './worker-runtime';
import { startSimulators } from '../integrations/simulators';

export interface Embedded {
  apiUrl: string;
  temporalUiUrl?: string;
  temporalAddress: string;
  workerMetricsUrl?: string;
  /** The structured log the API and worker write to. */
  log: Log;
  stop(): Promise<void>;
}

/**
 * The data folder holds the records, the engine's database and the keys: its files are the owner's
 * alone. New ones are made so (the umask); ones an earlier start left open are closed now.
 */
function keepOwnerOnly(dataDir: string): void {
  process.umask(0o077);
  if (!existsSync(dataDir)) return;
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, entry.isDirectory() ? 0o700 : 0o600);
  }
  chmodSync(dataDir, 0o700);
}

/**
 * The whole product in one process: the engine (a child dev server, unless TEMPORAL_ADDRESS names
 * one), the records store, migrations, seeds, search attributes, the worker and the API. `stop`
 * undoes it in reverse: the API drains, the worker drains, PGlite closes, the dev server stops.
 */
export async function startEmbedded(config: Config, log: (line: string) => void = console.log): Promise<Embedded> {
  const dataDir = resolve(config.DATA_DIR);
  keepOwnerOnly(dataDir);
  const graceMs = durationMs(config.SHUTDOWN_GRACE);
  const structured = createLog('embedded', config.LOG_LEVEL);
  installWorkerRuntime(structured, { metricsPort: config.WORKER_METRICS_PORT, metricsHost: '127.0.0.1' });
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error) => log(`while stopping: ${String(error)}`));
  };
  try {
    const tokenSecret = config.TOKEN_SECRET ?? embeddedTokenSecret(dataDir);
    let engine: RunningEngine | undefined;
    if (!config.TEMPORAL_ADDRESS) {
      log('Starting the Temporal dev server…');
      engine = await startDevServer({
        port: config.TEMPORAL_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        dbFilename: join(dataDir, 'temporal.sqlite'),
        log,
      });
      stops.push(() => engine!.stop());
    }
    const temporalAddress = config.TEMPORAL_ADDRESS ?? engine!.address;

    await buildConsole();
    const db = await openDb({ databaseUrl: config.DATABASE_URL, dataDir: join(dataDir, 'records'), poolSize: config.DATABASE_POOL_SIZE });
    stops.push(() => db.close());
    await migrate(db);
    await applySeeds(db, { demoPassword: config.DEMO_PASSWORD });

    const codec = payloadCodecOf(config, dataDir);
    const client = await connectClient(temporalAddress, config, codec);
    stops.push(() => client.connection.close());
    // The dev server registers them from its flags; an engine named by TEMPORAL_ADDRESS may lack them.
    await registerSearchAttributes(client.connection, config.TEMPORAL_NAMESPACE);
    await ensureStatisticsSchedule(client, { taskQueue: config.TASK_QUEUE });
    await ensureSweepSchedule(client, { taskQueue: config.TASK_QUEUE });

    // The outside systems' stand-ins, unless a real endpoint is configured (docs/OPERATIONS.md).
    const simulators = await startSimulators(config, log);
    stops.push(() => simulators.stop());

    const workerConnection = await connectWorker(temporalAddress, config);
    stops.push(() => workerConnection.close());
    // One bundle for the worker and for the API's audit replays.
    const workflowBundle = config.WORKFLOW_BUNDLE ? readWorkflowBundle(config.WORKFLOW_BUNDLE) : await bundleWorkflows();
    const worker = await createWorker({
      workflowBundle,
      connection: workerConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TASK_QUEUE,
      db,
      codec,
      onUnsealed: (reason) => structured.warn({ reason }, 'refused a payload the API did not seal'),
      shutdownGraceMs: graceMs,
      maxCachedWorkflows: config.WORKER_CACHED_WORKFLOWS,
      delivery: deliveryOf(config, simulators.delivery),
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
    });

    const app = createApp({
      db,
      client,
      taskQueue: config.TASK_QUEUE,
      token: { secret: tokenSecret, ttl: config.TOKEN_TTL },
      temporalUiUrl: engine?.uiUrl,
      log: structured,
      metricsToken: config.METRICS_TOKEN,
      loginLimits: loginLimitsOf(config),
      audit: {
        signingKey: auditSigningKeyOf(config, dataDir),
        organisationKeys: organisationKeyring(auditSigningKeyOf(config, dataDir), config.ORGANISATION_KEYS_DIR),
        workflowCode: workflowCodeOnce(async () => workflowBundle),
      },
      attachments: attachmentFilesOf(config, dataDir),
      systemClients: systemClientsOf(config, simulators.secrets),
    });
    // A desk's product, with demo passwords: this machine only, unless HOST says otherwise.
    const server = await listen(app, config.PORT, config.HOST ?? '127.0.0.1');
    stops.push(() => server.close(graceMs));
    simulators.apiListening(`http://127.0.0.1:${config.PORT}`);
    return {
      apiUrl: `http://localhost:${config.PORT}`,
      temporalUiUrl: engine?.uiUrl,
      temporalAddress,
      workerMetricsUrl: config.WORKER_METRICS_PORT ? `http://127.0.0.1:${config.WORKER_METRICS_PORT}/metrics` : undefined,
      log: structured,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
