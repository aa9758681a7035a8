/**
 * `npm run temporal-server`: the production engine on this machine, end to end. Builds Temporal Server
 * and its SQL tool with Go at the pinned version (once, into the cache), creates the PostgreSQL
 * schemas, writes the config, starts the server, runs `npm run setup` against it (the namespace is
 * missing on a fresh server), then the scale-out walk-through: two workers, two APIs, every seeded
 * county's zone established through both APIs while one worker is killed (SIGKILL), the other
 * worker and the APIs stopped with SIGTERM (each exits 0). Prints each step; exits 0 when the
 * walk-through passed. Everything runs on 127.0.0.1 in one temporary folder, removed at the end
 * (kept, with the server's log, when a step failed). Not in CI: the first build takes minutes.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../store/db';
import { commandOfScript, startEntry, type Child } from '../../test/support/child-process';
import { freePort } from '../../test/support/ports';
import { startTestPostgres } from '../../test/support/postgres';
import { apiAt } from '../lab/api-client';
import { establishZone } from '../lab/flows';
import { buildServer, createSchemas, freePortBelow, SERVER_VERSION, startServer, writeConfig } from './server';

const log = (line: string) => console.log(`[${new Date().toISOString()}] ${line}`);
const ok = (line: string) => log(`ok   ${line}`);

async function main(): Promise<void> {
  const started = Date.now();
  const { server, sqlTool } = await buildServer(log);
  const dir = mkdtempSync(join(tmpdir(), 'collab-zones-temporal-server-'));
  const cleanups: (() => unknown)[] = [];
  let passed = false;
  try {
    // 1. PostgreSQL (Debian's server, a cluster of this run) and the engine's two schemas.
    const postgres = startTestPostgres(await freePort());
    cleanups.push(() => postgres.stop());
    const pg = { host: '127.0.0.1', port: Number(new URL(postgres.url).port), user: 'postgres' };
    await createSchemas(sqlTool, pg, log);

    // 2. The config (membership ports at most 32767: the cluster_membership table keeps them as a smallint) and the server.
    const services = { frontend: 0, history: 0, matching: 0, worker: 0 };
    const ports = {
      frontend: 0,
      frontendHttp: await freePort(),
      services: Object.fromEntries(
        await Promise.all(Object.keys(services).map(async (name) => [name, { grpc: await freePort(), membership: await freePortBelow() }])),
      ),
    } as Parameters<typeof writeConfig>[1];
    ports.frontend = ports.services.frontend.grpc;
    writeConfig(dir, ports, pg);
    const engine = await startServer(server, dir, ports, log);
    cleanups.push(() => engine.kill('SIGKILL'));
    ok(`Temporal Server ${SERVER_VERSION} on PostgreSQL`);

    // 3. npm run setup: the records store's database, then the namespace the fresh server lacks.
    const admin = await openDb({ databaseUrl: postgres.url, poolSize: 1 });
    await admin.query('CREATE DATABASE collab_zones');
    await admin.close();
    const env = {
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.frontend}`,
      DATABASE_URL: postgres.url.replace(/\/postgres$/, '/collab_zones'),
      TOKEN_SECRET: randomBytes(32).toString('base64'),
      PAYLOAD_KEY: randomBytes(32).toString('base64'),
      AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE: '10s',
    };
    const children: Child[] = [];
    cleanups.push(() => children.forEach((child) => child.signal('SIGKILL')));
    const setup = startEntry(commandOfScript('setup').entry, env, [], ['--demo-users']);
    if ((await setup.exited) !== 0) throw new Error(`npm run setup failed:\n${setup.output()}`);
    for (const line of setup.output().trim().split('\n')) log(`setup: ${line}`);
    if (!setup.output().includes('namespace default: created')) throw new Error('setup did not create the namespace');
    ok('npm run setup created the namespace, its search attributes and the schedules');

    // 4. Two workers and two APIs, as `npm run worker` and `npm run api` start them.
    const worker = commandOfScript('worker');
    const workers = [1, 2].map(() => startEntry(worker.entry, { ...env, WORKER_METRICS_PORT: '0' }, worker.nodeFlags));
    children.push(...workers);
    await Promise.all(workers.map((w) => w.waitFor((line) => line.msg === 'worker polling', 'a worker polling', 120_000)));
    const apiPorts = [await freePort(), await freePort()];
    const apis = apiPorts.map((port) => startEntry(commandOfScript('api').entry, { ...env, PORT: String(port) }));
    children.push(...apis);
    await Promise.all(apis.map((api) => api.waitFor((line) => line.msg === 'API listening', 'the API listening', 120_000)));
    ok(`two workers (pids ${workers.map((w) => w.pid).join(', ')}) and two APIs (ports ${apiPorts.join(', ')})`);

    // 5. Every seeded county's zone, through one API or the other; the first worker is killed meanwhile.
    //    A completion that meets the dead worker's cached process waits for its sticky queue (10 s) and
    //    may answer 503: the client retries with the same Idempotency-Key, as a person would.
    const retry = { forMs: 90_000, intervalMs: 1_000, onRetry: (why: string) => log(`retry: ${why}`) };
    const clients = apiPorts.map((port) => apiAt(`http://127.0.0.1:${port}`, { password: 'demo', retry }));
    const db = await openDb({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
    cleanups.push(() => db.close());
    const counties = (await db.query<{ code: string }>(`SELECT code FROM divisions WHERE level = 'county' ORDER BY code`)).map(
      (row) => row.code,
    );
    const killAfter = Math.max(1, Math.floor(counties.length / 3));
    let done = 0;
    await Promise.all(
      counties.map(async (county, i) => {
        await establishZone(clients[i % 2], county);
        if (++done === killAfter) {
          workers[0].signal('SIGKILL');
          log(`worker ${workers[0].pid} killed (SIGKILL) after ${done} of ${counties.length} zones`);
        }
      }),
    );
    const zones = await db.query<{ code: string; status: string }>(`SELECT code, status FROM zones WHERE code = ANY($1) ORDER BY code`, [
      counties,
    ]);
    const open = await db.query<{ n: string }>(`SELECT count(*) AS n FROM tasks WHERE status = 'open' AND process_id = ANY($1)`, [
      counties.map((c) => `zone-${c}`),
    ]);
    if (zones.length !== counties.length || zones.some((zone) => zone.status !== 'ACTIVE') || Number(open[0].n) !== 0) {
      throw new Error(`records after the walk-through: ${JSON.stringify(zones)}, open tasks ${open[0].n}`);
    }
    ok(`${zones.length} zones ACTIVE (${zones.map((zone) => zone.code).join(', ')}), no task left open, through a worker kill`);

    // 6. SIGTERM: the surviving worker and both APIs drain and exit 0.
    for (const child of [workers[1], ...apis]) child.signal('SIGTERM');
    const codes = await Promise.all([workers[1], ...apis].map((child) => child.exited));
    if (codes.some((code) => code !== 0)) throw new Error(`exit codes after SIGTERM: ${codes.join(', ')}`);
    ok('worker and APIs stopped on SIGTERM with exit code 0');
    passed = true;
    log(`walk-through passed in ${Math.round((Date.now() - started) / 1000)} s`);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // already gone
      }
    }
    if (passed) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir} (the server's log is server.log)`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
