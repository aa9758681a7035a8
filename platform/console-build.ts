import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './root';

export const CONSOLE_DIR = join(ROOT, 'dist', 'console');

/**
 * Bundles the web console (Preact) with esbuild into dist/console, which the API serves at `/`: the image
 * carries it built (`npm run build`), a checkout builds it on first start.
 */
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
