import type { Log } from './log';

/**
 * On the first SIGTERM or SIGINT, runs `stop` and exits: 0 when it finished, 1 when it failed or
 * outlived the grace period by a margin (the orchestrator would kill the process soon anyway).
 * A second signal exits at once, for a person at a terminal who does not want to wait — unless it
 * comes within a second of the first: one Ctrl-C under `npm start` reaches the process twice (from
 * the terminal to the whole process group, and from npm forwarding it), which is one request to stop.
 */
const ECHO_MS = 1000;
/** How often a process looks whether its parent is still there. */
const PARENT_CHECK_MS = 1000;

export function stopOnSignals(log: Log, graceMs: number, stop: () => Promise<void>): void {
  let stoppingSince: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < ECHO_MS) return;
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stoppingSince = Date.now();
    log.info({ signal, graceMs }, 'stopping: finishing what is in flight');
    setTimeout(
      () => {
        log.error({ graceMs }, 'still not stopped after the grace period: exiting');
        process.exit(1);
      },
      2 * graceMs + 5000,
    ).unref();
    stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'failed while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // `kill -TERM <pid of npm run worker>` stops npm, which does not pass the signal on: its child is
  // left to the system. A process whose parent is gone stops as if told to, draining as it would.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    log.info({ parent }, 'the parent process is gone');
    onSignal('SIGTERM');
  }, PARENT_CHECK_MS).unref();
}
