import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveTemporalCli, TEMPORAL_CLI_VERSION } from './temporal-cli';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

function fakeCli(dir: string, mode = 0o755): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'temporal');
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, mode);
  return path;
}

describe('the Temporal CLI resolver', () => {
  const root = mkdtempSync(join(tmpdir(), 'cli-resolver-'));
  const quiet = () => undefined;

  test('takes $TEMPORAL_CLI_PATH first, and refuses one that is not executable', async () => {
    const path = fakeCli(join(root, 'env'));
    process.env.TEMPORAL_CLI_PATH = path;
    await expect(resolveTemporalCli(quiet)).resolves.toEqual({ path, source: 'TEMPORAL_CLI_PATH' });
    process.env.TEMPORAL_CLI_PATH = fakeCli(join(root, 'plain'), 0o644);
    await expect(resolveTemporalCli(quiet)).rejects.toThrow(/not an executable/);
  });

  test('then `temporal` on PATH, then the cache of the pinned version', async () => {
    delete process.env.TEMPORAL_CLI_PATH;
    const onPath = fakeCli(join(root, 'bin'));
    process.env.PATH = join(root, 'bin');
    await expect(resolveTemporalCli(quiet)).resolves.toEqual({ path: onPath, source: 'PATH' });

    process.env.PATH = join(root, 'empty');
    process.env.XDG_CACHE_HOME = join(root, 'cache');
    const cached = fakeCli(join(root, 'cache', 'collab-zones', 'temporal', TEMPORAL_CLI_VERSION));
    await expect(resolveTemporalCli(quiet)).resolves.toEqual({ path: cached, source: 'cache' });
  });

  test('with no CLI and no Go, falls back to the SDK download', async () => {
    delete process.env.TEMPORAL_CLI_PATH;
    process.env.PATH = join(root, 'empty');
    process.env.XDG_CACHE_HOME = join(root, 'nothing-cached');
    await expect(resolveTemporalCli(quiet)).resolves.toEqual({ source: 'sdk download' });
  });
});
