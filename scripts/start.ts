import { loadConfig } from '../platform/config';
import { startEmbedded } from '../platform/embedded';
import { demoUsernames } from '../seeds/apply';

/** `npm start`: the embedded default, one process; Ctrl-C stops it cleanly. */
async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const product = await startEmbedded(config);
  console.log(`
collab-zones is running (started in ${((Date.now() - started) / 1000).toFixed(1)} s)
  API and console   ${product.apiUrl}
  API docs          ${product.apiUrl}/docs
  Temporal UI       ${product.temporalUiUrl ?? `(external engine at ${product.temporalAddress})`}
  Demo logins       password "${config.DEMO_PASSWORD}" for: ${demoUsernames().join(', ')}
Press Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping…`);
    await product.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
