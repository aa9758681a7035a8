import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import { createApp } from '../api/app';
import { applySeeds } from '../seeds/apply';
import { buildConsole } from '../scripts/build-console';
import { startDevServer, type RunningEngine } from '../scripts/engine/dev-server';
import { openDb } from '../store/db';
import { migrate } from '../store/migrate';
import { createWorker } from '../worker/create-worker';
import type { Config } from './config';
import { embeddedTokenSecret } from './secrets';
import { connectClient, connectWorker } from './temporal';

export interface Embedded {
  apiUrl: string;
  temporalUiUrl?: string;
  temporalAddress: string;
  stop(): Promise<void>;
}

/**
 * The whole product in one process: the engine (a child dev server, unless TEMPORAL_ADDRESS names
 * one), the records store, migrations, seeds, the worker and the API.
 */
export async function startEmbedded(config: Config, log: (line: string) => void = console.log): Promise<Embedded> {
  const dataDir = resolve(config.DATA_DIR);
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error) => log(`while stopping: ${String(error)}`));
  };
  try {
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

    const workerConnection = await connectWorker(temporalAddress, config);
    stops.push(() => workerConnection.close());
    const worker = await createWorker({ connection: workerConnection, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TASK_QUEUE, db });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
    });

    const client = await connectClient(temporalAddress, config);
    stops.push(() => client.connection.close());
    const app = createApp({
      db,
      client,
      taskQueue: config.TASK_QUEUE,
      token: { secret: config.TOKEN_SECRET ?? embeddedTokenSecret(dataDir), ttl: config.TOKEN_TTL },
      temporalUiUrl: engine?.uiUrl,
    });
    const server = await new Promise<Server>((listening) => {
      const s = app.listen(config.PORT, () => listening(s));
    });
    stops.push(() => new Promise((closed) => server.close(closed)));
    return { apiUrl: `http://localhost:${config.PORT}`, temporalUiUrl: engine?.uiUrl, temporalAddress, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
