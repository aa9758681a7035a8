import { generateKeyPairSync } from 'node:crypto';
import { durationMs, loadConfig } from './config';

const cluster = {
  TEMPORAL_ADDRESS: 'temporal:7233',
  DATABASE_URL: 'postgres://db/records',
  PAYLOAD_KEY: Buffer.alloc(32, 7).toString('base64'),
};
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

describe('configuration', () => {
  test('the embedded default needs nothing; the cluster processes need their engine and database', () => {
    expect(loadConfig('embedded', {})).toMatchObject({ PORT: 3000, TASK_QUEUE: 'collab-zones', SHUTDOWN_GRACE: '15s' });
    expect(() => loadConfig('worker', {})).toThrow(
      /TEMPORAL_ADDRESS: required by npm run worker[\s\S]*DATABASE_URL: required by npm run worker/,
    );
    expect(loadConfig('worker', cluster).TEMPORAL_ADDRESS).toBe('temporal:7233');
    // API replicas must share the token secret: one generated per process would log users out at random.
    expect(() => loadConfig('api', cluster)).toThrow(/TOKEN_SECRET: required by npm run api/);
    expect(loadConfig('api', { ...cluster, TOKEN_SECRET: 'x'.repeat(32), AUDIT_SIGNING_KEY: signingKey }).TOKEN_SECRET).toHaveLength(32);
    // Payloads are encrypted and exports signed with keys every replica shares, never with one of its own.
    expect(() => loadConfig('worker', { ...cluster, PAYLOAD_KEY: undefined })).toThrow(/PAYLOAD_KEY: required by npm run worker/);
    expect(() => loadConfig('api', { ...cluster, TOKEN_SECRET: 'x'.repeat(32) })).toThrow(/AUDIT_SIGNING_KEY: required by npm run api/);
    expect(() => loadConfig('worker', { ...cluster, PAYLOAD_KEY: 'c2hvcnQ=' })).toThrow(/PAYLOAD_KEY: 32 random bytes in base64/);
  });

  test('a port the system picks is for the separate processes (test/topology.test.ts runs the API on one), not npm start', () => {
    expect(loadConfig('setup', { PORT: '0', TEMPORAL_ADDRESS: 'engine:7233', DATABASE_URL: 'postgres://db/x' }).PORT).toBe(0);
    expect(() => loadConfig('embedded', { PORT: '0' })).toThrow(/PORT: npm start needs a port of its own/);
  });

  test('every wrong value is named, all at once', () => {
    const error = (() => {
      try {
        loadConfig('embedded', { PORT: 'http', LOG_LEVEL: 'loud', SHUTDOWN_GRACE: '15', TEMPORAL_TLS_CERT: 'no/such/cert.pem' });
      } catch (thrown) {
        return (thrown as Error).message;
      }
    })();
    for (const name of ['PORT', 'LOG_LEVEL', 'SHUTDOWN_GRACE', 'TEMPORAL_TLS_CERT']) expect(error).toContain(`${name}:`);
    expect(error).toContain('TEMPORAL_TLS_KEY: mTLS needs both the certificate and the key');
  });

  test('durations', () => {
    expect(durationMs('15s')).toBe(15_000);
    expect(durationMs('2m')).toBe(120_000);
    expect(durationMs('8h')).toBe(28_800_000);
  });
});
