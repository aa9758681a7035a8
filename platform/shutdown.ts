import type { Log } from './log';

/**
 * On the first SIGTERM or SIGINT, runs `stop` and exits: 0 when it finished, 1 when it failed or
 * outlived the grace period by a margin (the orchestrator would kill the process soon anyway).
 * A second signal exits at once, for a person at a terminal who does not want to wait.
 */
export function stopOnSignals(log: Log, graceMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal, graceMs }, 'stopping: finishing what is in flight');
    setTimeout(() => {
      log.error({ graceMs }, 'still not stopped after the grace period: exiting');
      process.exit(1);
    }, 2 * graceMs + 5000).unref();
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
}
