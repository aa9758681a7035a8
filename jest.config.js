const { cpus, loadavg } = require('node:os');

// Time limits scale with how busy the machine is when the run starts (test/support/time.ts): the
// suite's own two workers, engine and PostgreSQL already fill the cores, so other work's load on top
// of them slows every test by about 1 + load / cores.
process.env.TEST_TIME_SCALE ??= String(Math.min(4, 1 + loadavg()[0] / cpus().length).toFixed(2));
const scale = Number(process.env.TEST_TIME_SCALE);

/** One engine, one PostgreSQL and one workflow bundle per run (test/support/global-setup.ts). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // A guard against a hang, not a speed check: a hook that drives a whole process through a busy
  // engine took over 60 s in CI (worker-cache, document-signatures), so the base is two minutes.
  testTimeout: Math.round(120_000 * scale),
  maxWorkers: 2,
};
