import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  /** Stops the server and removes its files. */
  stop(): void;
  /** The server's main process (its connections are its children): what a benchmark charges to PostgreSQL. */
  serverPid(): number;
  /** Takes the server down (connections are refused) and brings it back on the same data: the chaos run's outage. */
  down(): void;
  up(): void;
}

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql').sort().reverse();
  if (!versions.length) throw new Error('PostgreSQL is not installed: run scripts/install-prerequisites.sh');
  return join('/usr/lib/postgresql', versions[0], 'bin');
}

/** Runs as the postgres user when we are root: initdb refuses root. */
function asPostgres(command: string, args: string[]): void {
  const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
}

/** A throw-away PostgreSQL cluster of Debian's server, on its own port, for one test run. */
export function startTestPostgres(port: number): TestPostgres {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'collab-zones-pg-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const start = () =>
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    serverPid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    down: () => asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-w', '-m', 'fast', 'stop']),
    up: start,
    stop() {
      try {
        asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
