import { resolveTemporalCli } from '../platform/engine/temporal-cli';

/** `npm run engine:install`: finds or builds the pinned Temporal CLI ahead of the first start. */
resolveTemporalCli()
  .then((cli) => console.log(cli.path ? `Temporal CLI (${cli.source}): ${cli.path}` : 'No CLI: the SDK will download its dev server'))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
