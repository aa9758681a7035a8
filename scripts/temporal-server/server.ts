/**
 * A real Temporal Server on PostgreSQL, built from the Go module proxy at the version the pinned CLI
 * embeds, for the scale-out walk-through (run.ts). Not part of CI: the first build takes about 20
 * minutes on a 2-core machine. Each step is the one docs/OPERATIONS.md lists.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';

/** The server the pinned CLI (1.9.1) embeds: dev and production run the same engine. */
export const SERVER_VERSION = '1.32.0';
const MODULE = 'go.temporal.io/server';

export function serverBinDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'collab-zones', 'temporal-server', SERVER_VERSION, 'bin');
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `server` and the SQL tool (`sql`), built once with Go into the cache, at the lowest priority. */
export async function buildServer(log: (line: string) => void): Promise<{ server: string; sqlTool: string }> {
  const bin = serverBinDir();
  const server = join(bin, 'server');
  const sqlTool = join(bin, 'sql');
  if (executable(server) && executable(sqlTool)) return { server, sqlTool };
  mkdirSync(bin, { recursive: true });
  log(`building Temporal Server ${SERVER_VERSION} and its SQL tool with Go into ${bin} (about 20 minutes on 2 cores)…`);
  const started = Date.now();
  await run(
    'nice',
    ['-n', '19', 'go', 'install', `${MODULE}/cmd/server@v${SERVER_VERSION}`, `${MODULE}/cmd/tools/sql@v${SERVER_VERSION}`],
    {
      ...process.env,
      GOBIN: bin,
      GOFLAGS: '-mod=mod',
    },
  );
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  return { server, sqlTool };
}

/** The schema folders the server's module ships (in Go's module cache once it is built). */
export function schemaDir(): string {
  const cache = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  return join(cache, `${MODULE}@v${SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
}

/** Creates the two databases and brings their schemas to the server's version (temporal-sql-tool). */
export async function createSchemas(sqlTool: string, pg: { host: string; port: number; user: string }, log: (line: string) => void) {
  const schemas = schemaDir();
  for (const [database, folder] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ]) {
    const tool = (...args: string[]) =>
      run(sqlTool, ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', pg.user, '--db', database, ...args]);
    await tool('create-database');
    await tool('setup-schema', '-v', '0.0');
    await tool('update-schema', '-d', join(schemas, folder, 'versioned'));
    log(`schema ${database}: created and updated from ${folder}/versioned`);
  }
}

/** A port nothing listens on, below `below` (membership ports are a smallint: at most 32767). */
export async function freePortBelow(below = 32768): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * (below - 20000));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

export interface ServerPorts {
  frontend: number;
  frontendHttp: number;
  services: Record<'frontend' | 'history' | 'matching' | 'worker', { grpc: number; membership: number }>;
}

/** The development-postgres12 configuration, with this run's ports and database. */
export function writeConfig(dir: string, ports: ServerPorts, pg: { host: string; port: number; user: string }): void {
  const store = (database: string) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${pg.host}:${pg.port}"
        connectProtocol: tcp
        user: ${pg.user}
        password: ""
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: 1h`;
  const service = (name: keyof ServerPorts['services']) => `
  ${name}:
    rpc:
      grpcPort: ${ports.services[name].grpc}
      membershipPort: ${ports.services[name].membership}
      bindOnIP: 127.0.0.1${name === 'frontend' ? `\n      httpPort: ${ports.frontendHttp}` : ''}`;
  mkdirSync(join(dir, 'config'), { recursive: true });
  writeFileSync(
    join(dir, 'config', 'development.yaml'),
    `log:
  stdout: true
  level: warn
persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: 4
  datastores:
    postgres-default:${store('temporal')}
    postgres-visibility:${store('temporal_visibility')}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:${service('frontend')}${service('history')}${service('matching')}${service('worker')}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${ports.frontend}
      httpAddress: 127.0.0.1:${ports.frontendHttp}
dcRedirectionPolicy:
  policy: noop
archival:
  history:
    state: disabled
  visibility:
    state: disabled
dynamicConfigClient:
  filepath: ${join(dir, 'config', 'dynamicconfig.yaml')}
  pollInterval: 10s
`,
  );
  // As the embedded dev server: an activity scheduled by a workflow task goes back with its answer.
  writeFileSync(join(dir, 'config', 'dynamicconfig.yaml'), 'system.enableActivityEagerExecution:\n  - value: true\n');
}

/** Starts the server (all four services in one process), its log in `dir`; resolves once the frontend answers. */
export async function startServer(server: string, dir: string, ports: ServerPorts, log: (line: string) => void): Promise<ChildProcess> {
  const output = createWriteStream(join(dir, 'server.log'));
  const child = spawn(server, ['--root', dir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const address = `127.0.0.1:${ports.frontend}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: see ${join(dir, 'server.log')}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2_000 });
      try {
        const info = await connection.workflowService.getSystemInfo({});
        log(`Temporal Server ${info.serverVersion} answers on ${address}`);
        return child;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the server did not answer within 180 s (${String(error)}): see ${join(dir, 'server.log')}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
