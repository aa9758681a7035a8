import { readFileSync } from 'node:fs';
import { Worker, bundleWorkflowCode, type NativeConnection, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { DeliveryDeps } from '../activities/delivery';
import type { RecordFaults } from '../activities/records';
import type { Db } from '../store/db';
import { SealedOnlyCodec, type AesGcmPayloadCodec } from '../platform/payload-codec';

const warnUnsealed = (reason: string) =>
  console.warn(JSON.stringify({ level: 'warn', msg: 'refused a payload the API did not seal', reason }));

export const WORKFLOWS_PATH = require.resolve('../workflows');
const SHARED_MODULES = [require.resolve('../workflows/shared-modules')];
const INTERCEPTORS = [require.resolve('../workflows/kernel/refuse-unsealed')];

/** Bundles the workflow code once; every worker and replay of a run shares the bundle. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    preloadModules: SHARED_MODULES,
    workflowInterceptorModules: INTERCEPTORS,
    logger: quietBundlerLogger,
  });
}

/** Reads a bundle written by `npm run build` (or the test run's): `{code, sourceMap}` as JSON. */
export function readWorkflowBundle(path: string): WorkflowBundleWithSourceMap {
  return JSON.parse(readFileSync(path, 'utf8')) as WorkflowBundleWithSourceMap;
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  db: Db;
  /** Encrypts every payload the worker sends and decrypts what it reads (platform/payload-codec.ts). */
  codec: AesGcmPayloadCodec;
  /** Told of each payload refused for not being sealed by this deployment (a call that bypassed the API). */
  onUnsealed?: (reason: string) => void;
  workflowBundle?: WorkflowBundleWithSourceMap;
  faults?: RecordFaults;
  /** How the outbox reaches people: the SMTP server (platform/config.ts `SMTP_URL`). */
  delivery?: DeliveryDeps;
  /** How long a stopping worker lets running activities finish before cancelling them. */
  shutdownGraceMs?: number;
  /** The cap on cached workflows (WORKER_CACHED_WORKFLOWS); the SDK's own default sizes it by memory. */
  maxCachedWorkflows?: number;
}

/** A replay at the next task is cheap for processes that wait days; memory is not (docs/BENCHMARKS.md). */
export const DEFAULT_CACHED_WORKFLOWS = 200;

/** The composition root: activities over the records store, workflows from the bundle. */
export async function createWorker(options: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities(options.db, options.faults, options.delivery),
    // Only what the API sealed reaches the workflows: reaching the engine is not reaching the processes.
    dataConverter: { payloadCodecs: [new SealedOnlyCodec(options.codec, options.onUnsealed ?? warnUnsealed)] },
    workflowBundle: options.workflowBundle ?? (await bundleWorkflows()),
    // Every cached workflow evaluates the bundle's modules again (zod and the domain's schemas):
    // an uncapped cache grew to 1.9 GB with 1,000 waiting agreements.
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_CACHED_WORKFLOWS,
    shutdownGraceTime: options.shutdownGraceMs ?? 10_000,
    // An activity that ignores its cancellation must not keep the process from exiting.
    shutdownForceTime: (options.shutdownGraceMs ?? 10_000) + 5000,
  });
}
