const { cpus, loadavg } = require('node:os');

// Time limits scale with how busy the machine is when the run starts (test/support/time.ts).
process.env.TEST_TIME_SCALE ??= String(Math.min(4, Math.max(1, loadavg()[0] / cpus().length)).toFixed(2));
const scale = Number(process.env.TEST_TIME_SCALE);

/** One engine, one PostgreSQL and one workflow bundle per run (test/support/global-setup.ts). */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/data/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: Math.round(60_000 * scale),
  maxWorkers: 2,
};
