import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `kill -TERM` of the npm that started a process leaves that process to the system (npm does not pass
 * the signal on): it must notice and stop as if told to, draining, and exit 0.
 */
test('a process whose parent dies stops by itself, cleanly', async () => {
  const child = join(__dirname, 'shutdown.fixture.ts');
  const ready = join(mkdtempSync(join(tmpdir(), 'shutdown-')), 'ready');
  // A parent shell that starts the product's stopper in the background, prints its pid, and exits once
  // the stopper watches it (on a busy machine node takes seconds to get there).
  const parent = spawn('bash', ['-c', `node --import tsx ${child} & echo $!; until [ -e "$READY_FILE" ]; do sleep 0.1; done`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, READY_FILE: ready },
  });
  let pid = '';
  parent.stdout.on('data', (chunk: Buffer) => (pid += chunk.toString()));
  await new Promise((resolve) => parent.once('exit', resolve));
  const running = () => {
    try {
      process.kill(Number(pid.trim()), 0);
      return true;
    } catch {
      return false;
    }
  };
  expect(running()).toBe(true);
  const deadline = Date.now() + 20_000;
  while (running() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(running()).toBe(false);
});
