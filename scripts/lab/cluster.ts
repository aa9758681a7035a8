/**
 * The scale-out layout on this machine, started for a benchmark or a chaos run and torn down after
 * it, failure or not: a Temporal dev server persisted to a SQLite file, a throw-away PostgreSQL
 * cluster, `npm run setup`'s work, worker processes and an API process started as `npm run worker`
 * and `npm run api` start them. Everything listens on 127.0.0.1 and lives in one temporary folder.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer, type RunningEngine } from '../../platform/engine/dev-server';
import { applySeeds } from '../../seeds/apply';
import { openDb, type Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { commandOfScript, startEntry, type Child } from '../../test/support/child-process';
import { freePort } from '../../test/support/ports';
import { startTestPostgres, type TestPostgres } from '../../test/support/postgres';
import { bundleWorkflows } from '../../worker/create-worker';
import { apiAt, type Api, type RetryPolicy } from './api-client';

export const DEMO_PASSWORD = 'demo';

export interface ClusterOptions {
  /** Pragmas of the dev server's SQLite file, beyond the WAL journal it always has. */
  sqlitePragmas?: Record<string, string>;
  /** Extra environment of the worker processes (e.g. WORKER_METRICS_PORT). */
  workerEnv?: Record<string, string>;
  /** Extra environment of the API process (e.g. NODE_OPTIONS for a profile). */
  apiEnv?: Record<string, string>;
  /** How the API client retries; none unless given (a benchmark wants to see every failure). */
  retry?: RetryPolicy;
  log?: (line: string) => void;
}

export interface Cluster {
  dir: string;
  engine: RunningEngine;
  temporalAddress: string;
  postgres: TestPostgres;
  /** The records store, for fixtures and reconciliation queries. */
  db: Db;
  env: Record<string, string>;
  api: Api;
  apiProcess: Child;
  workers: Child[];
  bundlePath: string;
  startWorker(env?: Record<string, string>): Promise<Child>;
  /** Another process of the run (a benchmark's own worker), killed at `stop`. */
  spawn(entry: string, env: Record<string, string>, nodeFlags?: string[]): Child;
  /** Stops the dev server and starts it again on the same port and data file. */
  restartEngine(): Promise<void>;
  stop(): Promise<void>;
}

/** What is still running, killed at once if this process exits before `stop` ran. */
const running = new Set<() => void>();
process.once('exit', () => {
  for (const kill of running) {
    try {
      kill();
    } catch {
      // already gone
    }
  }
});

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'collab-zones-lab-'));
  const stops: (() => Promise<void> | void)[] = [() => rmSync(dir, { recursive: true, force: true })];
  const killDir = () => rmSync(dir, { recursive: true, force: true });
  running.add(killDir);
  const stop = async () => {
    for (const step of stops.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`while stopping: ${String(error)}`);
      }
    }
    stops.length = 0;
    running.delete(killDir);
  };
  try {
    const dbFilename = join(dir, 'temporal.sqlite');
    const enginePort = await freePort();
    const startEngine = () => startDevServer({ port: enginePort, dbFilename, log, sqlitePragmas: options.sqlitePragmas });
    // Started side by side; whatever started is stopped again even if another part failed.
    const [engineStarted, bundled, postgresStarted] = await Promise.allSettled([
      startEngine(),
      bundleWorkflows(),
      freePort().then((port) => startTestPostgres(port)),
    ]);
    let engine = engineStarted.status === 'fulfilled' ? engineStarted.value : undefined!;
    if (engine) {
      const killEngine = () => {
        if (engine.pid) process.kill(engine.pid, 'SIGKILL');
      };
      running.add(killEngine);
      stops.push(() => {
        running.delete(killEngine);
        return engine.stop();
      });
    }
    const postgres = postgresStarted.status === 'fulfilled' ? postgresStarted.value : undefined!;
    if (postgres) {
      const dropPostgres = () => postgres.stop();
      running.add(dropPostgres);
      stops.push(() => {
        running.delete(dropPostgres);
        postgres.stop();
      });
    }
    for (const part of [engineStarted, bundled, postgresStarted]) if (part.status === 'rejected') throw part.reason;
    const bundle = (bundled as PromiseFulfilledResult<Awaited<ReturnType<typeof bundleWorkflows>>>).value;
    const bundlePath = join(dir, 'workflow-bundle.json');
    writeFileSync(bundlePath, JSON.stringify(bundle));

    const admin = await openDb({ databaseUrl: postgres.url, poolSize: 1 });
    await admin.query('CREATE DATABASE collab_zones');
    await admin.close();
    const databaseUrl = postgres.url.replace(/\/postgres$/, '/collab_zones');
    const db = await openDb({ databaseUrl, poolSize: 4 });
    stops.push(() => db.close());
    await migrate(db);
    await applySeeds(db, { demoPassword: DEMO_PASSWORD });

    const env = {
      TEMPORAL_ADDRESS: engine.address,
      DATABASE_URL: databaseUrl,
      TASK_QUEUE: 'collab-zones',
      WORKFLOW_BUNDLE: bundlePath,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE: '5s',
      // Keys of this run only: the payload codec's and the audit exports' signing key.
      PAYLOAD_KEY: randomBytes(32).toString('base64'),
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    };
    const children = new Set<Child>();
    const spawnChild = (entry: string, childEnv: Record<string, string>, nodeFlags?: string[]) => {
      const child = startEntry(entry, childEnv, nodeFlags);
      const kill = () => child.signal('SIGKILL');
      children.add(child);
      running.add(kill);
      void child.exited.then(() => {
        children.delete(child);
        running.delete(kill);
      });
      return child;
    };
    stops.push(async () => {
      for (const child of children) child.signal('SIGKILL');
      await Promise.all([...children].map((child) => child.exited));
    });

    const workers: Child[] = [];
    const workerCommand = commandOfScript('worker');
    const startWorker = async (extra: Record<string, string> = {}) => {
      // At info a worker logs its start and stop, and little else.
      const worker = spawnChild(
        workerCommand.entry,
        { ...env, LOG_LEVEL: 'info', WORKER_METRICS_PORT: '0', ...options.workerEnv, ...extra },
        workerCommand.nodeFlags,
      );
      // Bundling the workflows takes minutes on a machine loaded by others.
      await worker.waitFor((line) => line.msg === 'worker polling', 'a worker polling', 300_000);
      workers.push(worker);
      return worker;
    };
    const apiPort = await freePort();
    const apiProcess = spawnChild('api/main.ts', {
      ...env,
      PORT: String(apiPort),
      TOKEN_SECRET: randomBytes(32).toString('hex'),
      ...options.apiEnv,
    });
    // The API logs at warn (a line per completion would be the driver's work to read): poll its health.
    await Promise.all([startWorker(), waitForHealth(`http://127.0.0.1:${apiPort}`, apiProcess)]);

    return {
      dir,
      get engine() {
        return engine;
      },
      temporalAddress: engine.address,
      postgres,
      db,
      env,
      api: apiAt(`http://127.0.0.1:${apiPort}`, { password: DEMO_PASSWORD, retry: options.retry }),
      apiProcess,
      workers,
      bundlePath,
      startWorker,
      spawn: spawnChild,
      async restartEngine() {
        await engine.stop();
        engine = await startEngine();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForHealth(baseUrl: string, child: Child, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void child.exited.then(() => (exited = true));
  for (;;) {
    const healthy = await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    if (exited || Date.now() > deadline) throw new Error(`the API did not become healthy:\n${child.output().slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
