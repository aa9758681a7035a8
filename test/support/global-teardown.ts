import { rmSync } from 'node:fs';
import type { RunningEngine } from '../../platform/engine/dev-server';
import type { TestPostgres } from './postgres';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __testRun?: { engine: RunningEngine; postgres: TestPostgres; dir: string } }).__testRun;
  if (!run) return;
  await run.engine.stop();
  run.postgres.stop();
  rmSync(run.dir, { recursive: true, force: true });
}
