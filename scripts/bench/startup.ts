/**
 * Cold and warm start of the embedded default, as `npm start` runs it (scripts/start.ts, with node
 * itself as the process): from the process's start until it prints that it is running and its
 * API answers. Cold: an empty data folder (the Temporal CLI already built); warm: the same folder
 * again after a clean stop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEntry, type Child } from '../../test/support/child-process';
import { freePort } from '../../test/support/ports';
import { round } from './stats';

export interface StartupResult {
  coldSeconds: number;
  warmSeconds: number;
  /** What the process itself printed ("started in … s"), which leaves out Node's and tsx's own start. */
  coldPrinted: number;
  warmPrinted: number;
}

/** The `npm start` under measurement, and its data folder: what an interrupted run must stop and remove. */
const current: { child?: Child; dir?: string } = {};

/** Stops `npm start` as Ctrl-C does (it stops its own dev server) and removes its data folder. */
export async function abandonStartup(): Promise<void> {
  current.child?.signal('SIGINT');
  await current.child?.exited;
  if (current.dir) rmSync(current.dir, { recursive: true, force: true });
}

async function startOnce(env: Record<string, string>): Promise<{ seconds: number; printed: number }> {
  const started = performance.now();
  const child = startEntry('scripts/start.ts', env);
  current.child = child;
  try {
    const deadline = Date.now() + 180_000;
    let printed: RegExpExecArray | null = null;
    while (!(printed = /started in ([\d.]+) s/.exec(child.output()))) {
      if (Date.now() > deadline) throw new Error(`npm start did not start:\n${child.output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const health = await fetch(`http://127.0.0.1:${env.PORT}/healthz`);
    if (!health.ok) throw new Error(`started, but /healthz answered ${health.status}`);
    child.signal('SIGINT');
    if ((await child.exited) !== 0) throw new Error(`npm start did not stop cleanly:\n${child.output().slice(-2000)}`);
    return { seconds, printed: Number(printed[1]) };
  } finally {
    child.signal('SIGKILL');
    current.child = undefined;
  }
}

export async function measureStartup(): Promise<StartupResult> {
  const dir = mkdtempSync(join(tmpdir(), 'collab-zones-start-'));
  current.dir = dir;
  try {
    const env = {
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      TEMPORAL_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      WORKER_METRICS_PORT: '0',
      LOG_LEVEL: 'warn',
    };
    const cold = await startOnce(env);
    const warm = await startOnce(env);
    return { coldSeconds: round(cold.seconds), warmSeconds: round(warm.seconds), coldPrinted: cold.printed, warmPrinted: warm.printed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
