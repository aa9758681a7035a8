/**
 * `npm run fuzz`: the API fuzzing of test/fuzz.test.ts at a larger size, on an engine, PostgreSQL
 * and workflow bundle of its own (the test run's set-up, torn down after).
 *
 *   npm run fuzz                          10,000 requests, a random seed
 *   npm run fuzz -- --requests 50000 --seed 1234
 */
import { routes } from '../../api/app';
import globalSetup from '../../test/support/global-setup';
import globalTeardown from '../../test/support/global-teardown';
import { DEMO_PASSWORD, startHarness } from '../../test/support/harness';
import { setUpFixtures } from './fixtures';
import { fuzzApi } from './run';

const arg = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at > 0 ? Number(process.argv[at + 1]) : undefined;
};

async function main(): Promise<number> {
  const requests = arg('--requests') ?? 10_000;
  const seed = arg('--seed') ?? Date.now() % 1_000_000_000;
  await globalSetup();
  try {
    const h = await startHarness({ database: 'postgres' });
    try {
      const { usernames } = await setUpFixtures(h);
      console.log(`fuzzing ${requests} requests over ${routes.length} routes, seed ${seed}…`);
      const started = Date.now();
      const report = await fuzzApi(
        { baseUrl: h.baseUrl, db: h.db, client: h.client, routes, usernames, password: DEMO_PASSWORD },
        { requests, seed, log: (line) => console.log(line) },
      );
      console.log(`\n${report.requests} requests in ${Math.round((Date.now() - started) / 1000)} s; ${report.accepted} accepted changes`);
      console.log(`statuses: ${JSON.stringify(report.byStatus)}`);
      const reached = routes.filter((route) => `${route.method.toUpperCase()} ${route.path}` in report.byRoute).length;
      console.log(`routes reached: ${reached} of ${routes.length}, and paths no route has`);
      console.log(
        report.failures.length
          ? `failures:\n${report.failures.join('\n')}`
          : 'no 5xx; every refusal had the error shape and changed nothing',
      );
      return report.failures.length ? 1 : 0;
    } finally {
      await h.stop();
    }
  } finally {
    await globalTeardown();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
