/**
 * `npm run build`: what an image carries ready-made, so its processes start fast and write nothing:
 * the web console in dist/console and the workflow bundle in dist/workflow-bundle.json
 * (the worker reads it when WORKFLOW_BUNDLE names it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflows } from '../worker/create-worker';
import { buildConsole } from './build-console';

const BUNDLE = join(__dirname, '..', 'dist', 'workflow-bundle.json');

async function main(): Promise<void> {
  const [consoleDir, bundle] = await Promise.all([buildConsole(), bundleWorkflows()]);
  writeFileSync(BUNDLE, JSON.stringify(bundle));
  console.log(`console in ${consoleDir}; workflow bundle in ${BUNDLE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
