/**
 * The outside systems a chaos run sends to — the credit platform (双公示) and 互联网+监管, as the
 * simulators `npm start` runs — taken down for a while beside the other faults, and afterwards
 * checked message by message against what the processes decided to send.
 */
import type { Queryable } from '../../store/db';
import { startCreditSimulator } from '../../integrations/credit/simulator';
import { startSupervisionSimulator } from '../../integrations/supervision/simulator';

/** The events a process records as it decides a message to a platform, by the platform's channel. */
export const SENT_EVENTS: Record<string, string> = { creditPlatformSent: 'credit', supervisionSent: 'supervision' };

export async function startPlatforms() {
  const [credit, supervision] = await Promise.all([startCreditSimulator(), startSupervisionSimulator()]);
  const all = { credit, supervision };
  return {
    /** What the API and every worker are told, as an operator configures the real endpoints. */
    env: { CREDIT_PLATFORM_URL: credit.url, SUPERVISION_PLATFORM_URL: supervision.url },
    down: () => Object.values(all).forEach((sim) => sim.setMode({ mode: 'down' })),
    up: () => Object.values(all).forEach((sim) => sim.setMode({ mode: 'accept' })),
    /** The messages each platform took in (once per request id) and how many attempts reached it. */
    received: () =>
      Object.entries(all).map(([channel, sim]) => ({
        channel,
        messages: sim.received.map((m) => ({ requestId: m.requestId, processId: m.processId })),
        attempts: sim.attempts(),
      })),
    close: () => Promise.all(Object.values(all).map((sim) => sim.close())),
  };
}
export type Platforms = Awaited<ReturnType<typeof startPlatforms>>;

export interface ExchangeCounts {
  /** Messages the processes decided (their sent events), delivered ones, and the attempts made. */
  decided: number;
  delivered: number;
  attempts: number;
  lost: number;
  duplicated: number;
  problems: string[];
}

/**
 * Every message decided is in the outbox once, SENT, and taken in by its platform once: the events
 * say what was decided, the outbox what was queued, the platform what arrived (by request id).
 */
export async function reconcileExchanges(db: Queryable, platforms: Platforms, processIds: string[]): Promise<ExchangeCounts> {
  const counts: ExchangeCounts = { decided: 0, delivered: 0, attempts: 0, lost: 0, duplicated: 0, problems: [] };
  const events = await db.query<{ process_id: string; kind: string; n: string }>(
    `SELECT process_id, kind, count(*) AS n FROM process_events
      WHERE process_id = ANY($1) AND kind = ANY($2) GROUP BY process_id, kind`,
    [processIds, Object.keys(SENT_EVENTS)],
  );
  const queued = await db.query<{ process_id: string; channel: string; request_id: string; status: string }>(
    `SELECT process_id, channel, coalesce(request_id, idempotency_key) AS request_id, status FROM outbox
      WHERE process_id = ANY($1) AND channel = ANY($2)`,
    [processIds, Object.values(SENT_EVENTS)],
  );
  const arrived = platforms.received();
  for (const { process_id: processId, kind, n } of events) {
    const channel = SENT_EVENTS[kind];
    const decided = Number(n);
    const rows = queued.filter((q) => q.process_id === processId && q.channel === channel);
    const taken = arrived.find((a) => a.channel === channel)!.messages.filter((m) => m.processId === processId);
    const unsent = rows.filter((r) => r.status !== 'SENT' || !taken.some((m) => m.requestId === r.request_id)).length;
    const lost = Math.max(0, decided - taken.length) || unsent;
    const duplicated = Math.max(0, taken.length - decided) + Math.max(0, rows.length - decided);
    counts.decided += decided;
    counts.delivered += taken.length;
    counts.lost += lost;
    counts.duplicated += duplicated;
    if (lost || duplicated)
      counts.problems.push(
        `${processId}: ${decided} ${channel} messages decided, ${rows.length} queued, ${taken.length} taken in (${unsent} unsent)`,
      );
  }
  counts.attempts = arrived.reduce((sum, a) => sum + a.attempts, 0);
  return counts;
}
