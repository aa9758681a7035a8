import { existsSync } from 'node:fs';
import { z } from 'zod';
import { TASK_QUEUE } from '../domain/names';
import { isSigningKey } from '../audit/signing';
import { isPayloadKey } from './payload-codec';

const port = z.coerce.number().int().min(1).max(65535);
const optional = z.string().min(1).optional();
const file = z.string().min(1).refine(existsSync, 'no such file').optional();
const duration = (example: string) => z.string().regex(/^\d+[smhd]$/, `a duration such as ${example}`);

const configSchema = z.object({
  /** 0 lets the system pick a free port for `npm run api`, which its "API listening" line names (tests use it). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address the API (and a worker's metrics) listen on; every interface unless set. */
  HOST: optional,
  DATA_DIR: z.string().min(1).default('data'),
  /**
   * An S3-compatible bucket for attachments (the cluster layout), path-style `https://host[:port]`;
   * unset: files under DATA_DIR/attachments. The bucket must exist; the key may only read and write it.
   */
  ATTACHMENTS_S3_ENDPOINT: z.string().url().optional(),
  ATTACHMENTS_S3_BUCKET: optional,
  ATTACHMENTS_S3_REGION: z.string().min(1).default('us-east-1'),
  /** Object names are `<prefix>ab/abcdef…` (the SHA-256). */
  ATTACHMENTS_S3_PREFIX: z.string().default('attachments/'),
  ATTACHMENTS_S3_ACCESS_KEY_ID: optional,
  ATTACHMENTS_S3_SECRET_ACCESS_KEY: optional,
  DATABASE_URL: optional,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: optional,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_TLS_CERT: file,
  TEMPORAL_TLS_KEY: file,
  TEMPORAL_TLS_CA: file,
  TEMPORAL_API_KEY: optional,
  TASK_QUEUE: z.string().min(1).default(TASK_QUEUE),
  TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  TOKEN_TTL: duration('8h').default('8h'),
  DEMO_PASSWORD: z.string().min(1).default('demo'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** How long a stopping process lets in-flight requests and activities finish. */
  SHUTDOWN_GRACE: duration('15s').default('15s'),
  /** The Temporal SDK's own worker metrics (Prometheus) on this port; 0 turns them off. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /**
   * Workflows a worker keeps in memory between their tasks (about 1.6 MB each). A workflow evicted
   * past the cap is replayed from its history when its next task comes.
   */
  WORKER_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(200),
  /** A workflow bundle made by `npm run build`; without it the worker bundles at start. */
  WORKFLOW_BUNDLE: file,
  /** When set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>` (a scrape credential). */
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** AES-256 key of the payload codec (32 bytes, base64): the same for every API and worker. */
  PAYLOAD_KEY: z.string().refine(isPayloadKey, '32 random bytes in base64').optional(),
  /** Earlier payload keys, comma-separated: still decrypted, never used to encrypt. */
  PAYLOAD_KEYS_RETIRED: z
    .string()
    .refine((keys) => keys.split(',').every(isPayloadKey), 'comma-separated keys of 32 bytes in base64')
    .optional(),
  /** Ed25519 private key that signs audit exports (PKCS#8, PEM or base64 DER). */
  AUDIT_SIGNING_KEY: z.string().refine(isSigningKey, 'an Ed25519 private key, PKCS#8 as PEM or base64 DER').optional(),
  /**
   * A directory of the organisations' document-signing keys, `<orgId>.pem` (ECDSA P-256, PKCS#8 or
   * SEC1) and `ca.pem` for the document CA; an organisation without a file gets a key derived from
   * AUDIT_SIGNING_KEY (the development default). GET /api/audit/organisation-keys says which is which.
   */
  ORGANISATION_KEYS_DIR: z.string().min(1).refine(existsSync, 'no such directory').optional(),
  /** Failed logins a username may have within LOGIN_FAILURE_WINDOW before it must wait (a 429). */
  LOGIN_FAILURES_PER_USER: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failed logins from one address within the window: higher, since an office shares one. */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(50),
  /** How long failed logins count against a username or address. */
  LOGIN_FAILURE_WINDOW: duration('15m').default('15m'),
  /** The SMTP server notifications are e-mailed through (`smtp://user:pass@host:587`, `smtps://…`); none: e-mails fail visibly. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'smtp://… or smtps://…')
    .optional(),
  /** The sender of notification e-mails. */
  SMTP_FROM: z.string().min(3).default('协同区通知 <noreply@collab-zones.invalid>'),
  /**
   * The city tax bureau's system for the real-time 划转 (`https://…`). `npm start` runs a local
   * simulator unless it is set; a cluster without it keeps the 划转 as three tasks.
   */
  TAX_SYSTEM_URL: z.string().url().optional(),
  /** The credit platform (信用平台, 双公示) penalties and licences on commitment are published on; `npm start` simulates it unless set. */
  CREDIT_PLATFORM_URL: z.string().url().optional(),
  /** 互联网+监管, which takes verification results, on-site checks, rectification orders and revocations; simulated unless set. */
  SUPERVISION_PLATFORM_URL: z.string().url().optional(),
  /** 政务服务网's endpoint for the status changes of the applications it submitted; simulated unless set. */
  GOV_SERVICE_URL: z.string().url().optional(),
  /** The HMAC secret 政务服务网 signs its submissions with (client `gov-service`); none: its submissions are refused (401). */
  GOV_SERVICE_CLIENT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  /** The HMAC secret the tax system signs its callbacks with (client `tax-system`); none: callbacks are refused (401). */
  TAX_CALLBACK_SECRET: z.string().min(32, 'at least 32 characters').optional(),
});
export type Config = z.infer<typeof configSchema>;

/** Every variable the processes read, for the deployment files' checks and the docs. */
export const CONFIG_VARIABLES = Object.keys(configSchema.shape) as (keyof Config)[];

/** Which process reads the configuration: the separate processes of a cluster need more of it. */
export type ProcessKind = 'embedded' | 'api' | 'worker' | 'setup';

export const REQUIRED: Record<ProcessKind, (keyof Config)[]> = {
  embedded: [],
  // Stateless processes start no engine and no PGlite; API replicas must share the token secret,
  // and every process that reads or writes payloads the payload key.
  api: ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'TOKEN_SECRET', 'PAYLOAD_KEY', 'AUDIT_SIGNING_KEY'],
  worker: ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'PAYLOAD_KEY'],
  setup: ['TEMPORAL_ADDRESS', 'DATABASE_URL'],
};

/** Reads the environment once; a wrong or missing value stops the process with the variable's name. */
export function loadConfig(kind: ProcessKind = 'embedded', env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  for (const name of REQUIRED[kind]) {
    if (!env[name]) problems.push(`${name}: required by npm run ${kind}`);
  }
  if (kind === 'embedded' && parsed.data?.PORT === 0) {
    problems.push(
      "PORT: npm start needs a port of its own (the Temporal UI is given the API's address before it binds); 0 is for npm run api",
    );
  }
  if (Boolean(env.TEMPORAL_TLS_CERT) !== Boolean(env.TEMPORAL_TLS_KEY)) {
    problems.push(`${env.TEMPORAL_TLS_CERT ? 'TEMPORAL_TLS_KEY' : 'TEMPORAL_TLS_CERT'}: mTLS needs both the certificate and the key`);
  }
  if (problems.length || !parsed.success) {
    throw new Error(`invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  }
  return parsed.data;
}

type Endpoints = { taxSystemUrl?: string; creditPlatformUrl?: string; supervisionUrl?: string; govServiceUrl?: string };

/** The worker's delivery settings: SMTP and the outside systems, when configured (or simulated). */
export function deliveryOf(config: Config, simulated: Endpoints = {}): { smtp?: { url: string; from: string } } & Endpoints {
  const endpoints: Endpoints = {
    taxSystemUrl: config.TAX_SYSTEM_URL ?? simulated.taxSystemUrl,
    creditPlatformUrl: config.CREDIT_PLATFORM_URL ?? simulated.creditPlatformUrl,
    supervisionUrl: config.SUPERVISION_PLATFORM_URL ?? simulated.supervisionUrl,
    govServiceUrl: config.GOV_SERVICE_URL ?? simulated.govServiceUrl,
  };
  const set = Object.fromEntries(Object.entries(endpoints).filter(([, url]) => url)) as Endpoints;
  return { ...(config.SMTP_URL ? { smtp: { url: config.SMTP_URL, from: config.SMTP_FROM } } : {}), ...set };
}

/** The API's system clients (api/inbound.ts): each configured secret, or the one shared with a simulator. */
export function systemClientsOf(config: Config, simulated: { govService?: string; taxSystem?: string } = {}): Record<string, string> {
  const govService = config.GOV_SERVICE_CLIENT_SECRET ?? simulated.govService;
  const taxSystem = config.TAX_CALLBACK_SECRET ?? simulated.taxSystem;
  return { ...(govService ? { 'gov-service': govService } : {}), ...(taxSystem ? { 'tax-system': taxSystem } : {}) };
}

/** `15s`, `2m`… in milliseconds. */
export function durationMs(value: string): number {
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[value.slice(-1) as 's' | 'm' | 'h' | 'd'];
  return Number(value.slice(0, -1)) * unit;
}
