import { durationMs, loadConfig } from '../platform/config';
import { startEmbedded } from '../platform/embedded';
import { stopOnSignals } from '../platform/shutdown';
import { demoUsernames } from '../seeds/apply';

/** `npm start`: the embedded default, one process; Ctrl-C stops it cleanly. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig('embedded');
  const product = await startEmbedded(config);
  console.log(`
collab-zones is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)
  API and console   ${product.apiUrl}
  API docs          ${product.apiUrl}/docs
  Metrics           ${product.apiUrl}/metrics${product.workerMetricsUrl ? ` and the worker's at ${product.workerMetricsUrl}` : ''}
  Temporal UI       ${product.temporalUiUrl ?? `(external engine at ${product.temporalAddress})`}
  Demo logins       password "${config.DEMO_PASSWORD}" for: ${demoUsernames().join(', ')}
Press Ctrl-C to stop.`);
  stopOnSignals(product.log, durationMs(config.SHUTDOWN_GRACE), () => product.stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
