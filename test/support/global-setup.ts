import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer } from '../../platform/engine/dev-server';
import { buildConsole } from '../../platform/console-build';
import { newPayloadKey } from '../../platform/payload-codec';
import { bundleWorkflows } from '../../worker/create-worker';
import { startTestPostgres } from './postgres';
import { freePort } from './ports';

/** Starts what the whole run shares; test files reach it through environment variables. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'collab-zones-test-'));
  const [engine, bundle, postgres] = await Promise.all([
    freePort().then((port) => startDevServer({ port, log: (line) => process.stdout.write(`${line}\n`) })),
    bundleWorkflows(),
    freePort().then((port) => startTestPostgres(port)),
    buildConsole(),
  ]);
  const bundlePath = join(dir, 'workflow-bundle.json');
  writeFileSync(bundlePath, JSON.stringify(bundle));
  process.env.TEST_TEMPORAL_ADDRESS = engine.address;
  process.env.TEST_POSTGRES_URL = postgres.url;
  process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.TEST_RUN_DIR = dir;
  process.env.TEST_PAYLOAD_KEY = newPayloadKey();
  Object.assign(globalThis, { __testRun: { engine, postgres, dir } });
  process.stdout.write(`\nengine ${engine.address}, PostgreSQL and workflow bundle ready in ${Date.now() - started} ms\n`);
}
