import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The one place the Temporal CLI version is pinned. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export type CliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go install' | 'sdk download';
export interface ResolvedCli {
  /** Absent when only the SDK's download remains (a machine with internet and no Go). */
  path?: string;
  source: CliSource;
}

export function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'collab-zones', 'temporal', TEMPORAL_CLI_VERSION);
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find(executable);
}

/**
 * Finds the Temporal CLI, in order: $TEMPORAL_CLI_PATH, `temporal` on PATH, our cache of the
 * pinned build, a build with Go from the module proxy into that cache, then the SDK's download.
 */
export async function resolveTemporalCli(log: (line: string) => void = console.log): Promise<ResolvedCli> {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} is not an executable file`);
    return { path: fromEnv, source: 'TEMPORAL_CLI_PATH' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cached = join(cacheDir(), 'temporal');
  if (executable(cached)) return { path: cached, source: 'cache' };
  const go = onPath('go');
  if (go) {
    await goInstall(go, log);
    return { path: cached, source: 'go install' };
  }
  log('No Go toolchain: falling back to the Temporal SDK downloading its own dev server.');
  return { source: 'sdk download' };
}

async function goInstall(go: string, log: (line: string) => void): Promise<void> {
  const target = `${CLI_MODULE}@${TEMPORAL_CLI_VERSION}`;
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${execFileSync(go, ['version']).toString().trim()}`);
  log(`  go install ${target} → ${cacheDir()} (the first build takes a few minutes)`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still building (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', target], {
        env: { ...process.env, GOBIN: cacheDir(), CGO_ENABLED: '0' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install ${target} exited with ${code}`))));
    });
  } finally {
    clearInterval(ticker);
  }
  log(`  built in ${Math.round((Date.now() - started) / 1000)} s`);
}
