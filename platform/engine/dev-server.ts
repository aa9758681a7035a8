import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeFlags } from '../../domain/search-attributes';
import { registerSearchAttributes } from '../engine-setup';
import { resolveTemporalCli } from './temporal-cli';

export interface DevServerOptions {
  port: number;
  /** The Web UI's port; without it the server runs headless. */
  uiPort?: number;
  /** The SQLite file the server persists to; without it, history lives in memory. */
  dbFilename?: string;
  /** SQLite pragmas of the data file beyond `journal_mode=wal` and `synchronous=NORMAL` (benchmarks try others). */
  sqlitePragmas?: Record<string, string>;
  /** A cold start on a busy 2-core machine can take a while: wait generously. */
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningEngine {
  address: string;
  /** The dev server's process, when it is our child. */
  pid?: number;
  uiUrl?: string;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` as our child and waits until it serves our namespace. */
export async function startDevServer(options: DevServerOptions): Promise<RunningEngine> {
  const log = options.log ?? console.log;
  const cli = await resolveTemporalCli(log);
  const address = `127.0.0.1:${options.port}`;
  if (!cli.path) return startWithSdkDownload(options, address);

  if (await portAnswers(options.port)) {
    throw new Error(`port ${options.port} is taken (another Temporal server?): stop it, or set TEMPORAL_ADDRESS to use it`);
  }
  if (options.dbFilename) {
    mkdirSync(dirname(options.dbFilename), { recursive: true });
    checkDatabaseServer(options.dbFilename, cli.path);
  }
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    'default',
    '--log-level',
    'warn',
    ...searchAttributeFlags().flatMap((flag) => ['--search-attribute', flag]),
    ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
    // WAL with synchronous=NORMAL: a commit is safe from the process dying (the chaos run kills it)
    // and waits for no fsync; only the machine losing power can take the last commits. Measured:
    // about 1.6 times the workflow throughput of the default FULL (docs/BENCHMARKS.md).
    ...(options.dbFilename
      ? ['--db-filename', options.dbFilename, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=NORMAL']
      : []),
    ...Object.entries(options.sqlitePragmas ?? {}).flatMap(([name, value]) => ['--sqlite-pragma', `${name}=${value}`]),
    // An activity scheduled by a workflow task goes back to that worker in the task's answer, not
    // through a poll: each step of a human action waits one round trip less. History is the same.
    '--dynamic-config-value',
    'system.enableActivityEagerExecution=true',
  ];
  const child = spawn(cli.path, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Until the product's own handlers stop it, a signal or an exit must not leave the server running alone.
  const orphaned = () => child.kill('SIGKILL');
  const interrupted = (signal: NodeJS.Signals) => {
    orphaned();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', orphaned).once('SIGTERM', interrupted).once('SIGINT', interrupted);
  try {
    await waitUntilReady(address, options.readyTimeoutMs ?? 120_000, exited);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  } finally {
    process.off('SIGTERM', interrupted).off('SIGINT', interrupted);
  }
  void exited.then(() => process.off('exit', orphaned));
  return {
    address,
    pid: child.pid,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    stop: () => stopChild(child, exited),
  };
}

/** `temporal --version` → the Temporal Server it embeds, e.g. `1.32.0`. */
function serverVersionOf(cli: string): string {
  const printed = execFileSync(cli, ['--version']).toString();
  return /Server ([\d.]+)/.exec(printed)?.[1] ?? printed.trim();
}

/**
 * The engine's database records which Temporal Server made it (beside it, `<file>.server`). A
 * server of another version does not simply take it over: the CLI's dev server migrates no SQLite
 * schema, and Server 1.32's schedules hang on a file made by 1.29 (measured). So a start with
 * another server stops before touching it, saying what to do. A file from before the record is
 * from Server 1.29.1, the only earlier release.
 */
function checkDatabaseServer(dbFilename: string, cli: string): void {
  const marker = `${dbFilename}.server`;
  const running = serverVersionOf(cli);
  if (!existsSync(dbFilename)) return writeFileSync(marker, `${running}\n`);
  const made = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '1.29.1';
  if (made === running) return;
  throw new Error(
    [
      `The engine's database ${dbFilename} was made by Temporal Server ${made}; the CLI at ${cli} embeds Server ${running}, which cannot take it over.`,
      `Either let the processes in it finish under the CLI that made it (Server ${made}${made === '1.29.1' ? ': go install github.com/temporalio/cli/cmd/temporal@v1.5.1' : ''}), with TEMPORAL_CLI_PATH=<that CLI> npm start;`,
      `or move it aside to start with an empty engine: mv ${dbFilename} ${dbFilename}.old (its running processes stop there; the records store keeps what they wrote).`,
    ].join('\n'),
  );
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const answer = (answers: boolean) => {
      socket.destroy();
      resolve(answers);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
  });
}

async function waitUntilReady(address: string, timeoutMs: number, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let serverExit: number | null | undefined;
  void exited.then((code) => (serverExit = code));
  for (;;) {
    if (serverExit !== undefined) throw new Error(`the Temporal dev server exited with ${serverExit} while starting`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        // A data file from an earlier release lacks the attributes added since: the flags register
        // them only in a new file, so whatever is missing is added here.
        await registerSearchAttributes(connection, 'default');
        return;
      } finally {
        await connection.close();
      }
    } catch {
      // not serving yet
    }
    if (Date.now() > deadline) throw new Error(`the Temporal dev server at ${address} was not ready within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}

/** Where no CLI can be had but the internet can: the SDK downloads and runs its own dev server. */
async function startWithSdkDownload(options: DevServerOptions, address: string): Promise<RunningEngine> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      ip: '127.0.0.1',
      port: options.port,
      dbFilename: options.dbFilename,
      ui: Boolean(options.uiPort),
      uiPort: options.uiPort,
      extraArgs: searchAttributeFlags().flatMap((flag) => ['--search-attribute', flag]),
    },
  });
  return {
    address,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    stop: () => env.teardown(),
  };
}
