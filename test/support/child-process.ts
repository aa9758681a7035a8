import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** One line of a child's pino output. */
export type LogLine = Record<string, unknown> & { msg?: string };

export interface Child {
  pid: number;
  /** Its JSON log lines so far, in order. */
  lines: LogLine[];
  /** Everything it printed, for a failure message. */
  output(): string;
  /** Its exit code (null when a signal ended it); resolves once. */
  exited: Promise<number | null>;
  signal(name: NodeJS.Signals): void;
  /** Waits for a log line that `match` accepts; fails if the child exits first. */
  waitFor(match: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
}

/**
 * Starts one of the product's entry points (`api/main.ts`, `worker/main.ts`, `scripts/setup.ts`, or
 * their compiled `dist/server/…js`) as its own process, the way `npm run api` does (or the image does)
 * but with node itself as the process, so a signal reaches the code that handles it. Only the given
 * environment and PATH pass through: a variable of the test's own shell must not configure it.
 */
export function startEntry(entry: string, env: Record<string, string>, nodeFlags: string[] = [], args: string[] = []): Child {
  const runner = entry.endsWith('.js') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...nodeFlags, ...runner, entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  let text = '';
  let partial = '';
  const waiters = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      try {
        lines.push(JSON.parse(part) as LogLine);
      } catch {
        // not a log line
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  let code: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (exitCode) => {
      code = exitCode;
      for (const wake of waiters) wake();
      resolve(exitCode);
    }),
  );

  return {
    pid: child.pid!,
    lines,
    output: () => text,
    exited,
    signal: (name) => child.kill(name),
    waitFor(match, what, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}:\n${text.slice(-3000)}`)), timeoutMs);
        const check = () => {
          const found = lines.find(match);
          if (found) done(undefined, found);
          else if (code !== undefined) done(new Error(`${entry} exited with ${code} before ${what}:\n${text.slice(-3000)}`));
        };
        const done = (error?: Error, line?: LogLine) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve(line!);
        };
        waiters.add(check);
        check();
      });
    },
  };
}

/**
 * The node command of an npm script: `node --import tsx api/main.ts`; `node --max-old-space-size=256
 * --import tsx worker/main.ts` carries flags of its own.
 */
export function commandOfScript(script: string): { nodeFlags: string[]; entry: string } {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = /^node((?: --[\w-]+=\S+)*) --import tsx (\S+)$/.exec(scripts[script]);
  if (!command) throw new Error(`npm script ${script} is not node with tsx: ${scripts[script]}`);
  return { nodeFlags: (command[1] ?? '').split(' ').filter(Boolean), entry: command[2] };
}
