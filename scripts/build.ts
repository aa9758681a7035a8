/**
 * `npm run build`: what an image runs, ready-made, so its processes start fast, write nothing and need
 * no TypeScript at run time:
 * - dist/server: the API, the worker and setup compiled to JavaScript (tsc), with the files they read
 *   beside them (migrations, data);
 * - dist/console: the web console;
 * - dist/workflow-bundle.json: the workflow bundle (the worker reads it when WORKFLOW_BUNDLE names it).
 * The image runs `node dist/server/api/main.js` (and worker/main.js, scripts/setup.js); tsx is for development.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildConsole } from '../platform/console-build';
import { ROOT } from '../platform/root';
import { bundleWorkflows } from '../worker/create-worker';

const SERVER = join(ROOT, 'dist', 'server');
const BUNDLE = join(ROOT, 'dist', 'workflow-bundle.json');
/** The folders the compiled server reads files of its own from, at run time. */
const ASSET_DIRS = ['store', 'seeds'];

function compileServer(): void {
  rmSync(SERVER, { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  for (const dir of ASSET_DIRS) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || /\.tsx?$/.test(entry.name)) continue;
      const from = join(entry.parentPath, entry.name);
      cpSync(from, join(SERVER, relative(ROOT, from)));
    }
  }
}

async function main(): Promise<void> {
  compileServer();
  // `--server`: the compiled server alone, for a test that runs it.
  if (process.argv.includes('--server')) return console.log(`server in ${SERVER}`);
  const [consoleDir, bundle] = await Promise.all([buildConsole(), bundleWorkflows()]);
  writeFileSync(BUNDLE, JSON.stringify(bundle));
  console.log(`server in ${SERVER}; console in ${consoleDir}; workflow bundle in ${BUNDLE}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
