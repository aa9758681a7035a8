/**
 * The outside systems a chaos run talks to — the tax system (划转), the credit platform (双公示),
 * 互联网+监管 and 政务服务网 (its submissions in, status changes back), as the simulators `npm start`
 * runs — taken down for a while beside the other faults, and afterwards checked message by message
 * against what the processes decided to send.
 */
import type { Queryable } from '../../store/db';
import { startCreditSimulator } from '../../integrations/credit/simulator';
import { startGovServiceSimulator } from '../../integrations/gov-service/simulator';
import type { IntakeRequest } from '../../integrations/gov-service/messages';
import { newSecret } from '../../integrations/signing';
import { startSupervisionSimulator } from '../../integrations/supervision/simulator';
import { startTaxSimulator } from '../../integrations/tax/simulator';
import { exchangeFailureProcessId } from '../../domain/exchange-failures';

/** The events a process records as it decides a message to a platform, by the platform's channel. */
export const SENT_EVENTS: Record<string, string> = {
  creditPlatformSent: 'credit',
  supervisionSent: 'supervision',
  taxTransferSent: 'tax',
};
/** 政务服务网's status changes have no event of their own: the flow says which statuses the platform must hear. */
export const STATUS_CHANNEL = 'gov-service';

/**
 * The outbox's retry policy for the run: short enough that a message meeting the whole outage
 * outlasts it (a failure task, or the tax office's task for a 划转), long enough that one decided
 * near the outage's end gets through once the platform is back. Both outcomes are reconciled.
 */
export const CHAOS_OUTBOX_RETRY = { initialIntervalMs: 1000, maximumIntervalMs: 4000, maximumAttempts: 5 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPlatforms() {
  const govSecret = newSecret();
  const [credit, supervision, tax, gov] = await Promise.all([
    startCreditSimulator(),
    startSupervisionSimulator(),
    startTaxSimulator(),
    startGovServiceSimulator({ secret: govSecret }),
  ]);
  const messagesOf = {
    credit: () => credit.received.map((m) => ({ requestId: m.requestId, processId: m.processId })),
    supervision: () => supervision.received.map((m) => ({ requestId: m.requestId, processId: m.processId })),
    tax: () => tax.received.map((m) => ({ requestId: m.requestId, processId: m.processId })),
    [STATUS_CHANNEL]: () => gov.received.map((m) => ({ requestId: m.requestId, processId: m.processId, status: m.status })),
  };
  const attemptsOf = { credit: credit.attempts, supervision: supervision.attempts, tax: tax.attempts, [STATUS_CHANNEL]: gov.attempts };
  return {
    /** What the API and every worker are told, as an operator configures the real endpoints and 政务服务网's secret. */
    env: {
      CREDIT_PLATFORM_URL: credit.url,
      SUPERVISION_PLATFORM_URL: supervision.url,
      TAX_SYSTEM_URL: tax.url,
      GOV_SERVICE_URL: gov.url,
      GOV_SERVICE_CLIENT_SECRET: govSecret,
    },
    /** Once the API listens: 政务服务网 submits there. */
    apiListening: (url: string) => gov.setApiUrl(url),
    down: () => {
      for (const sim of [credit, supervision, gov]) sim.setMode({ mode: 'down' });
      tax.setMode({ mode: 'down' });
    },
    up: () => {
      for (const sim of [credit, supervision, gov]) sim.setMode({ mode: 'accept' });
      tax.setMode({ mode: 'accept' });
    },
    /**
     * 政务服务网 submits an application, signed, as often as the API answers 5xx or not at all (the
     * engine or the database away): the same 办件编号 again starts nothing twice (200, the same process).
     */
    async submit(request: IntakeRequest, forMs: number, onRetry: () => void): Promise<string> {
      const deadline = Date.now() + forMs;
      for (;;) {
        const answer = await gov.submit(request).catch((error: unknown) => ({ status: 0, body: String(error) }));
        if (answer.status === 200 || answer.status === 201) return (answer.body as { processId: string }).processId;
        if ((answer.status && answer.status < 500) || Date.now() > deadline)
          throw new Error(`政务服务网 submission ${request.applicationNo}: ${answer.status} ${JSON.stringify(answer.body)}`);
        onRetry();
        await sleep(500);
      }
    },
    /** The messages each platform took in (once per request id) and how many attempts reached it. */
    received: () =>
      (Object.keys(messagesOf) as (keyof typeof messagesOf)[]).map((channel) => ({
        channel,
        messages: messagesOf[channel]() as { requestId: string; processId: string; status?: string }[],
        attempts: attemptsOf[channel](),
      })),
    close: () => Promise.all([credit, supervision, tax, gov].map((sim) => sim.close())),
  };
}
export type Platforms = Awaited<ReturnType<typeof startPlatforms>>;

export interface ExchangeCounts {
  /** Messages the processes decided (their sent events, and the statuses 政务服务网 must hear), and the attempts made. */
  decided: number;
  byChannel: Record<string, number>;
  /** Taken in by their platform once: straight from the outbox, or resent from a failure task after the outage. */
  delivered: number;
  attempts: number;
  /** Messages that outlasted the retry policy and became a failure task (each then resent once). */
  failureTasks: number;
  /** 划转 requests: taken by the tax system once it was back, or outlasting the policy and left to the tax office's task. */
  tax: { bySystem: number; byTaxOffice: number };
  lost: number;
  duplicated: number;
  problems: string[];
}

/** What a run reconciles per process: its id, and the statuses 政务服务网 must have heard of it (for a submission). */
export interface ExchangeIntent {
  id: string;
  statusFeed?: string[];
}

interface OutboxRow {
  id: string;
  process_id: string;
  channel: string;
  request_id: string;
  status: string;
}

/**
 * Every message decided is in the outbox once and taken in by its platform once, under its own
 * request id: the events (and the flows' status feeds) say what was decided, the outbox what was
 * queued, the platform what arrived. A message that outlasted the retry policy is accounted for by
 * what the product does with it: a 划转 becomes the tax office's task (the registration's own, which
 * the process reconciliation checks), and the tax system never took it; any other opens one
 * `exchange-failure` process whose resend, after the outage, is taken in once under the same id.
 */
export async function reconcileExchanges(db: Queryable, platforms: Platforms, intents: ExchangeIntent[]): Promise<ExchangeCounts> {
  const counts: ExchangeCounts = {
    decided: 0,
    byChannel: {},
    delivered: 0,
    attempts: 0,
    failureTasks: 0,
    tax: { bySystem: 0, byTaxOffice: 0 },
    lost: 0,
    duplicated: 0,
    problems: [],
  };
  const processIds = intents.map((p) => p.id);
  const channels = [...Object.values(SENT_EVENTS), STATUS_CHANNEL];
  const events = await db.query<{ process_id: string; kind: string; n: string }>(
    `SELECT process_id, kind, count(*) AS n FROM process_events
      WHERE process_id = ANY($1) AND kind = ANY($2) GROUP BY process_id, kind`,
    [processIds, Object.keys(SENT_EVENTS)],
  );
  const queued = await db.query<OutboxRow>(
    `SELECT id::text, process_id, channel, coalesce(request_id, idempotency_key) AS request_id, status FROM outbox
      WHERE process_id = ANY($1) AND channel = ANY($2)`,
    [processIds, channels],
  );
  // The failure processes of the failed messages, and the resends they made (their own outbox rows).
  const failed = queued.filter((r) => r.status === 'FAILED' && r.channel !== 'tax');
  const failureIds = failed.map((r) => exchangeFailureProcessId(r.id));
  const failureTasks = await db.query<{ process_id: string; status: string; n: string }>(
    `SELECT process_id, status, count(*) AS n FROM tasks WHERE process_id LIKE 'exchange-failure-%' GROUP BY process_id, status`,
  );
  const resent = await db.query<OutboxRow>(
    `SELECT id::text, process_id, channel, coalesce(request_id, idempotency_key) AS request_id, status FROM outbox WHERE process_id = ANY($1)`,
    [failureIds],
  );
  // A failure process resolved by sending again says so on its timeline, each once.
  const failureEvents = await db.query<{ process_id: string; kinds: string[] }>(
    `SELECT process_id, array_agg(kind ORDER BY seq) AS kinds FROM process_events WHERE process_id = ANY($1) GROUP BY process_id`,
    [failureIds],
  );
  const arrived = platforms.received();
  const arrivedOn = (channel: string) => arrived.find((a) => a.channel === channel)!.messages;

  for (const intent of intents) {
    const decidedBy: Record<string, number> = {};
    for (const e of events.filter((x) => x.process_id === intent.id)) decidedBy[SENT_EVENTS[e.kind]] = Number(e.n);
    if (intent.statusFeed) decidedBy[STATUS_CHANNEL] = intent.statusFeed.length;
    for (const channel of channels) {
      const decided = decidedBy[channel] ?? 0;
      const rows = queued.filter((q) => q.process_id === intent.id && q.channel === channel);
      const ids = new Set(rows.map((r) => r.request_id));
      // What the platform took in of this process: sent by it, or resent under one of its request ids.
      const taken = arrivedOn(channel).filter((m) => m.processId === intent.id || ids.has(m.requestId));
      if (!decided && !rows.length && !taken.length) continue;
      const problem = (what: string) => counts.problems.push(`${intent.id} (${channel}): ${what}`);
      let lost = 0;
      let delivered = 0;
      for (const row of rows) {
        const arrivals = taken.filter((m) => m.requestId === row.request_id).length;
        if (row.status === 'PENDING') {
          problem(`message ${row.id} still on its backoff`);
          lost++;
        } else if (row.status === 'SENT') {
          if (arrivals === 1) delivered++;
          else {
            problem(`message ${row.id} SENT but taken in ${arrivals} times`);
            lost++;
          }
        } else if (channel === 'tax') {
          // Left to the tax office: the system must never have taken it (a 划转 done twice, by system and by hand).
          counts.tax.byTaxOffice++;
          if (arrivals) problem(`划转 ${row.id} FAILED, yet the tax system took it in`);
        } else {
          counts.failureTasks++;
          const failureId = exchangeFailureProcessId(row.id);
          const tasks = failureTasks.filter((t) => t.process_id === failureId);
          const resends = resent.filter((r) => r.process_id === failureId);
          const open = tasks.some((t) => t.status === 'open');
          const sentAgain = resends.filter((r) => r.status === 'SENT' && r.request_id === row.request_id);
          if (!tasks.length) problem(`message ${row.id} FAILED and no failure task opened (yet)`);
          else if (open) problem(`message ${row.id}: its failure task is still open`);
          else if (sentAgain.length !== 1 || arrivals !== 1)
            problem(`message ${row.id}: ${sentAgain.length} resends SENT under its request id, taken in ${arrivals} times`);
          else delivered++;
          const kinds = failureEvents.find((e) => e.process_id === failureId)?.kinds ?? [];
          if (!open && sentAgain.length === 1 && !kinds.includes('exchangeDeliveredAgain'))
            problem(`${failureId}: resent, but not yet delivered again on its timeline (${kinds.join(',')})`);
          else if (kinds.filter((k) => k === 'exchangeFailureOpened').length > 1) problem(`${failureId}: opened twice`);
          if (tasks.reduce((sum, t) => sum + Number(t.n), 0) > 1 && !resends.some((r) => r.status === 'FAILED'))
            problem(`message ${row.id}: more than one failure task`);
          if (!tasks.length || open || sentAgain.length !== 1 || arrivals !== 1) lost++;
        }
      }
      if (channel === 'tax') counts.tax.bySystem += rows.filter((r) => r.status === 'SENT').length;
      // 政务服务网 hears each status the flow meant once (a resent one after those sent straight: the message carries its time).
      if (channel === STATUS_CHANNEL && intent.statusFeed) {
        const heard = taken.map((m) => m.status);
        if (!lost && JSON.stringify([...heard].sort()) !== JSON.stringify([...intent.statusFeed].sort()))
          problem(`政务服务网 heard ${heard.join(', ') || 'nothing'}, not ${intent.statusFeed.join(', ')}`);
      }
      const missing = Math.max(0, decided - rows.length);
      const duplicated = Math.max(0, rows.length - decided) + Math.max(0, taken.length - rows.length);
      if (missing) problem(`${decided} decided, ${rows.length} queued`);
      if (duplicated) problem(`${decided} decided, ${rows.length} queued, ${taken.length} taken in`);
      counts.decided += decided;
      counts.byChannel[channel] = (counts.byChannel[channel] ?? 0) + decided;
      counts.delivered += delivered;
      counts.lost += lost + missing;
      counts.duplicated += duplicated;
    }
  }
  // Every failure process is one of our failed messages': none opened for a message that got through.
  const known = new Set(failureIds);
  for (const id of new Set(failureTasks.map((t) => t.process_id)))
    if (!known.has(id)) counts.problems.push(`${id}: a failure task no failed message of the run accounts for`);
  counts.attempts = arrived.reduce((sum, a) => sum + a.attempts, 0);
  return counts;
}

/**
 * What the organisation responsible does once the platform is back: each open failure task,
 * 平台已恢复，重新报送, by its organisation's staff. Returns how many it resolved.
 */
export async function resendFailedExchanges(
  db: Queryable,
  resend: (username: string, processId: string) => Promise<void>,
): Promise<number> {
  const open = await db.query<{ process_id: string; org_id: string }>(
    `SELECT process_id, org_id FROM tasks WHERE action = 'resolveFailedExchange' AND status = 'open' ORDER BY process_id`,
  );
  for (const task of open) await resend(`${task.org_id}.staff`, task.process_id);
  return open.length;
}
