import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../store/db';
import { failedExchangeCounts, inboundCounts, messageCounts, taskCounts } from '../store/ledger-counts';

export type ApiMetrics = ReturnType<typeof createMetrics>;

/**
 * What GET /metrics serves, one registry per app (tests run several apps in one process). Task
 * figures are read from the task ledger at scrape time, so every API replica reports the same
 * numbers: aggregate them with max(), not sum().
 */
export function createMetrics(db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status: how long each took',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  // One read of the ledger per scrape, shared by the three gauges: the registry collects them concurrently.
  let reading: Promise<void> | undefined;
  const collect = () => (reading ??= readLedger().finally(() => (reading = undefined)));

  const ledgerUp = new Gauge({
    name: 'collab_zones_task_ledger_up',
    help: '1 when the task figures could be read from the records store at this scrape, else 0',
    registers: [registry],
    collect,
  });
  const tasks = new Gauge({
    name: 'collab_zones_tasks',
    help: 'Tasks in the task ledger, by state (open, done, cancelled) and organisation',
    labelNames: ['state', 'org'] as const,
    registers: [registry],
    collect,
  });
  const overdue = new Gauge({
    name: 'collab_zones_tasks_overdue',
    help: 'Open tasks past their due time, by organisation',
    labelNames: ['org'] as const,
    registers: [registry],
    collect,
  });

  const outbox = new Gauge({
    name: 'collab_zones_outbox_messages',
    help: 'Outbox messages (e-mail, chat webhook, outside systems) by channel and delivery state (PENDING, SENT, FAILED)',
    labelNames: ['channel', 'status'] as const,
    registers: [registry],
    collect,
  });
  const attempts = new Gauge({
    name: 'collab_zones_outbox_attempts',
    help: 'Delivery attempts made so far, by channel: more than the messages means retries',
    labelNames: ['channel'] as const,
    registers: [registry],
    collect,
  });

  const inbound = new Gauge({
    name: 'collab_zones_inbound_requests',
    help: 'Signed requests from outside systems (政务服务网 submissions, tax callbacks) by client and outcome (accepted, refused)',
    labelNames: ['client', 'outcome'] as const,
    registers: [registry],
    collect,
  });

  const failureTasks = new Gauge({
    name: 'collab_zones_exchange_failure_tasks',
    help: 'Tasks opened for messages an outside system did not take (credit, supervision, gov-service), by channel and state (open, done)',
    labelNames: ['channel', 'state'] as const,
    registers: [registry],
    collect,
  });

  async function readLedger(): Promise<void> {
    failureTasks.reset();
    inbound.reset();
    tasks.reset();
    overdue.reset();
    outbox.reset();
    attempts.reset();
    try {
      const rows = await taskCounts(db);
      for (const row of rows) {
        tasks.set({ state: row.status, org: row.org_id }, Number(row.n));
        if (row.status === 'open') overdue.set({ org: row.org_id }, Number(row.overdue));
      }
      const messages = await messageCounts(db);
      const tried = new Map<string, number>();
      for (const row of messages) {
        outbox.set({ channel: row.channel, status: row.status }, Number(row.n));
        tried.set(row.channel, (tried.get(row.channel) ?? 0) + Number(row.attempts));
      }
      for (const [channel, n] of tried) attempts.set({ channel }, n);
      const calls = await inboundCounts(db);
      for (const row of calls) inbound.set({ client: row.client, outcome: row.outcome }, Number(row.n));
      const failures = await failedExchangeCounts(db);
      for (const row of failures) failureTasks.set({ channel: String(row.channel), state: row.status }, Number(row.n));
      ledgerUp.set(1);
    } catch {
      ledgerUp.set(0);
    }
  }

  return { registry, httpDuration };
}
