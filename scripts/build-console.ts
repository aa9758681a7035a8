import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..');
export const CONSOLE_DIR = join(ROOT, 'dist', 'console');

/** Bundles the web console (Preact) with esbuild into dist/console, which the API serves at `/`. */
export async function buildConsole(): Promise<string> {
  mkdirSync(CONSOLE_DIR, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'web', 'main.tsx')],
    outfile: join(CONSOLE_DIR, 'app.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    target: 'es2020',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  for (const file of ['index.html', 'style.css']) copyFileSync(join(ROOT, 'web', file), join(CONSOLE_DIR, file));
  return CONSOLE_DIR;
}

if (require.main === module) {
  buildConsole().then(
    (dir) => console.log(`console built in ${dir}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
