import { Runtime } from '@temporalio/worker';
import type { Log } from './log';
import { temporalLogger } from './temporal-log';

export interface WorkerRuntimeOptions {
  /** The port of the SDK's Prometheus exporter; 0 for none. */
  metricsPort: number;
  /** `0.0.0.0` where a scraper from outside must reach it, `127.0.0.1` on a desk. */
  metricsHost: string;
}

/**
 * Installs the Temporal runtime of a process that runs a worker, once, before its first connection:
 * every SDK line (Core's too) goes through pino, and the SDK's own worker metrics (task latencies,
 * slots, polls, sticky cache) are served in Prometheus text at `/metrics` on their own port.
 */
export function installWorkerRuntime(log: Log, options: WorkerRuntimeOptions): void {
  Runtime.install({
    logger: temporalLogger(log),
    telemetryOptions: {
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(options.metricsPort ? { metrics: { prometheus: { bindAddress: `${options.metricsHost}:${options.metricsPort}` } } } : {}),
    },
    // The process orders its own stop (platform/shutdown.ts): API first, then the worker, then the stores.
    shutdownSignals: [],
  });
}
