import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentFiles, type AttachmentFiles } from '../../store/attachment-files';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { DefaultLogger, NativeConnection, Runtime, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DeliveryDeps } from '../../activities/delivery';
import type { RecordFaults } from '../../activities/records';
import { createApp } from '../../api/app';
import { signingKey } from '../../audit/signing';
import { stopRenderer } from '../../documents/renderer';
import { workflowCodeOnce } from '../../audit/workflow-code';
import { registerSearchAttributes } from '../../platform/engine-setup';
import { AesGcmPayloadCodec, payloadKey } from '../../platform/payload-codec';
import { scaled } from './time';
import type { Period } from '../../domain/deadline';
import { applySeeds } from '../../seeds/apply';
import { openDb, type Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { hashPassword } from '../../store/passwords';
import { createWorker } from '../../worker/create-worker';
import { spareCountyCodes } from './counties';

export const DEMO_PASSWORD = 'demo';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ApiClient {
  get<T = any>(path: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

let runtimeInstalled = false;
/** Worker logs at WARN: a test's output shows failures, not every state change. */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A database of its own for one test file: PGlite in memory, or a new database on the run's PostgreSQL. */
export async function openTestDb(kind: 'pglite' | 'postgres'): Promise<Db> {
  if (kind === 'pglite') return openDb({});
  const server = process.env.TEST_POSTGRES_URL!;
  const name = uniqueName('test').replace('-', '_');
  const admin = await openDb({ databaseUrl: server, poolSize: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return openDb({ databaseUrl: server.replace(/\/postgres$/, `/${name}`), poolSize: 10 });
}

/**
 * A namespace of its own on the run's engine, with our search attributes: workflow ids are business
 * keys (`zone-<county>`, `power-catalog`), and a test file's ids must not meet another's.
 */
async function newNamespace(connection: Connection): Promise<string> {
  const namespace = uniqueName('test');
  await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
  await registerSearchAttributes(connection, namespace);
  return namespace;
}

/**
 * One test file's product: its own records store, namespace, task queue, worker and API, on the
 * run's shared engine and workflow bundle.
 */
export async function startHarness(
  options: {
    database?: 'pglite' | 'postgres';
    faults?: RecordFaults;
    maxCachedWorkflows?: number;
    delivery?: DeliveryDeps;
    systemClients?: Record<string, string>;
    /** Another attachment store (the S3 one); by default a temporary directory. */
    attachments?: AttachmentFiles;
  } = {},
) {
  quietRuntime();
  const address = process.env.TEST_TEMPORAL_ADDRESS!;
  const db = await openTestDb(options.database ?? 'pglite');
  await migrate(db);
  await applySeeds(db, { demoPassword: DEMO_PASSWORD });
  const taskQueue = uniqueName('queue');
  const workflowBundle = JSON.parse(readFileSync(process.env.TEST_WORKFLOW_BUNDLE!, 'utf8')) as WorkflowBundleWithSourceMap;
  // The run's payload key (test/support/global-setup.ts): every payload this harness writes is encrypted.
  const codec = new AesGcmPayloadCodec(payloadKey(process.env.TEST_PAYLOAD_KEY!));
  const connection = await Connection.connect({ address });
  const namespace = await newNamespace(connection);
  const client = new Client({ connection, namespace, dataConverter: { payloadCodecs: [codec] } });
  const workerConnection = await NativeConnection.connect({ address });

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  async function startWorker(faults = options.faults): Promise<void> {
    worker = await createWorker({
      connection: workerConnection,
      namespace,
      taskQueue,
      db,
      codec,
      workflowBundle,
      faults,
      maxCachedWorkflows: options.maxCachedWorkflows,
      delivery: options.delivery,
    });
    running = worker.run();
  }
  async function stopWorker(): Promise<void> {
    worker?.shutdown();
    await running;
    worker = undefined;
  }
  await startWorker();

  const auditSigningKey = signingKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
  const audit = { signingKey: auditSigningKey, workflowCode: workflowCodeOnce(async () => workflowBundle) };
  const tokenSecret = randomBytes(32).toString('hex');
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'attachments-'));
  const attachments = options.attachments ?? attachmentFiles(attachmentsDir);
  const app = createApp({
    db,
    client,
    taskQueue,
    token: { secret: tokenSecret, ttl: '1h' },
    audit,
    attachments,
    systemClients: options.systemClients,
  });
  const server = await new Promise<Server>((listening) => {
    const s = app.listen(0, '127.0.0.1', () => listening(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  async function request(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(baseUrl + path, {
      method,
      headers: {
        // The tests read the API's own (English) words unless they ask for the Chinese a console gets.
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    // JSON everywhere but /metrics (Prometheus text), which comes back as the text it is.
    const json = response.headers.get('content-type')?.startsWith('application/json');
    return { status: response.status, body: text ? (json ? JSON.parse(text) : text) : undefined, headers: response.headers };
  }

  const tokens = new Map<string, string>();
  async function as(username: string): Promise<ApiClient> {
    let token = tokens.get(username);
    if (!token) {
      const login = await request('POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
      if (login.status !== 200) throw new Error(`login ${username}: ${login.status} ${JSON.stringify(login.body)}`);
      token = login.body.token as string;
      tokens.set(username, token);
    }
    const bearer = token;
    return {
      get: (path) => request('GET', path, bearer),
      post: (path, body, headers) => request('POST', path, bearer, body ?? {}, headers),
    };
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  /** A county of its own for one test: its zone process id, `zone-<code>`, is unique in the namespace. */
  const unclaimed = spareCountyCodes();
  async function newCounty(policy: { signingPeriod?: Period; historyEventLimit?: number } = {}): Promise<string> {
    const code = unclaimed.shift();
    if (!code) throw new Error('no spare county codes left for this test file');
    await db.query(
      `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from)
       VALUES ($1, $2, $3, 'county', '210800', '2020-01-01')`,
      [code, `测试县${code.slice(4)}`, `Test County ${code.slice(4)}`],
    );
    // Its townships (乡镇/街道) and a park, as the division data has them for a real county.
    for (const [suffix, name] of [
      ['001', '测试一街道'],
      ['002', '测试二街道'],
      ['003', '测试三街道'],
      ['101', '测试镇'],
    ]) {
      await db.query(
        `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from) VALUES ($1, $2, $2, 'township', $3, '2023-06-30')`,
        [`${code}${suffix}`, `${code.slice(4)}${name}`, code],
      );
    }
    await db.query(
      `INSERT INTO parks (id, county_code, name_zh, name_en, source, demo, valid_from) VALUES ($1, $2, $3, $3, 'test data', true, '2020-01-01')`,
      [`P-${code}-01`, code, `测试县${code.slice(4)}产业园`],
    );
    // Named as the seeds name a real county's: a page shows names, never ids.
    const county = `测试县${code.slice(4)}`;
    const countyEn = `Test County ${code.slice(4)}`;
    for (const [org, kind, zh, en] of [
      [`gov-${code}`, 'government', `${county}人民政府`, `${countyEn} Government`],
      [`le-${code}`, 'enforcement', `${county}属地行政执法机关`, `${countyEn} Local Enforcement`],
      [`tax-${code}`, 'tax', `国家税务总局营口市${county}税务局`, `${countyEn} Tax Office`],
    ]) {
      await db.query(`INSERT INTO organizations (id, name_zh, name_en, kind, county_code) VALUES ($1, $2, $3, $4, $5)`, [
        org,
        zh,
        en,
        kind,
        code,
      ]);
    }
    for (const org of [`gov-${code}`, `le-${code}`, `tax-${code}`]) await addUsers(org);
    if (policy.signingPeriod) await setPolicy('memorandum.signingPeriod', code, policy.signingPeriod);
    if (policy.historyEventLimit) await setPolicy('workflow.historyEventLimit', code, policy.historyEventLimit);
    return code;
  }

  /** An admin and a staff user `<orgId>.<role>` of an organisation (and a leader of a government), with the demo password. */
  async function addUsers(orgId: string): Promise<void> {
    for (const role of orgId.startsWith('gov-') ? ['admin', 'staff', 'leader'] : ['admin', 'staff']) {
      await db.query(`INSERT INTO users (id, username, org_id, roles, password_hash) VALUES ($1, $1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
        `${orgId}.${role}`,
        orgId,
        [role],
        passwordHash,
      ]);
    }
  }

  async function setPolicy(key: string, scope: string, value: unknown): Promise<void> {
    await db.query(`INSERT INTO policies (key, scope, value) VALUES ($1, $2, $3)`, [key, scope, JSON.stringify(value)]);
  }

  return {
    db,
    client,
    namespace,
    taskQueue,
    baseUrl,
    workflowBundle,
    codec,
    audit,
    /** The API's token secret: a test signs a token the API would accept but for one claim. */
    tokenSecret,
    attachmentsDir,
    as,
    anonymous: (method: string, path: string, body?: unknown, token?: string) => request(method, path, token, body),
    newCounty,
    addUsers,
    setPolicy,
    startWorker,
    stopWorker,
    async stop(): Promise<void> {
      await stopWorker();
      await new Promise((closed) => server.close(closed));
      await client.connection.close();
      await workerConnection.close();
      await db.close();
      await stopRenderer();
    },
  };
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + scaled(timeoutMs);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
