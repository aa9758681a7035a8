import { z } from 'zod';
import { chainHistories, type RunHistory } from '../audit/histories';
import { historyFacts, type Decision, type EngineFact } from '../audit/history-facts';
import { payloadOpener } from '../audit/open-payloads';
import { forReader, type Reader } from '../domain/personal-data';
import { allActions } from '../domain/processes';
import { processEventRows, processOutboxRows } from '../store/timeline';
import type { ApiDeps } from './route';
import type { Lang } from './schemas';
import { authorityOf, summarize } from './timeline';
import { payloadWords } from './words';

/**
 * One timeline across every run of a process: the records' events (who did what, and what it
 * wrote), each human decision's payload in words and the authority it was taken under, and what only
 * the engine's histories know — deadlines set, activities retried or failed, runs continued as new,
 * decisions refused, how the process ended.
 */
export const timelineEntrySchema = z.object({
  at: z.string(),
  kind: z.string(),
  actor: z.object({ userId: z.string(), orgId: z.string() }).nullable(),
  action: z.string(),
  summary: z.string(),
  /** `records`: the process_events table; `engine`: the Temporal histories. */
  source: z.enum(['records', 'engine']),
  runId: z.string().nullable(),
  decision: z.object({ action: z.string(), title: z.string(), payload: z.string() }).nullable(),
  authority: z
    .object({
      powerCodes: z.array(z.string()).optional(),
      agreementId: z.string().optional(),
      agreementVersion: z.number().optional(),
      catalogVersion: z.number().optional(),
      words: z.string(),
    })
    .nullable(),
  /** A file attached to a step, by its SHA-256: what the export proves was attached. */
  attachment: z
    .object({ sha256: z.string(), size: z.number(), mediaType: z.string(), fileName: z.string(), purpose: z.string(), taskId: z.string() })
    .optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export interface ProcessTimeline {
  chainId: string;
  runs: RunHistory[];
  entries: TimelineEntry[];
  buildIds: string[];
}

const who = (actor: { userId: string; orgId: string } | null | undefined) => (actor ? { userId: actor.userId, orgId: actor.orgId } : null);

const LAUNCH = { zh: '发起流程', en: 'Launch the process' };

/** A decision's payload in words; its personal data in full only for its author's organisation and auditors. */
function decisionOf(decision: Decision, lang: Lang, reader: Reader): TimelineEntry['decision'] {
  const title = decision.action === 'launch' ? LAUNCH[lang] : (allActions[decision.action]?.title[lang] ?? decision.action);
  return { action: decision.action, title, payload: payloadWords(forReader(decision.payload, reader, [decision.actor.orgId]), lang) };
}

function engineEntry(fact: EngineFact, lang: Lang, reader: Reader): TimelineEntry {
  const base = { at: fact.at, kind: fact.kind, source: 'engine' as const, runId: fact.runId, decision: null, authority: null };
  switch (fact.kind) {
    case 'deadlineSet':
      return { ...base, actor: null, action: fact.kind, summary: summarize(fact.kind, { name: fact.name, ...fact.deadline }, lang) };
    case 'decisionRefused': {
      const decision = decisionOf(fact.decision, lang, reader)!;
      const summary = summarize(fact.kind, { title: decision.title, reason: fact.decision.refused }, lang);
      return { ...base, actor: who(fact.decision.actor), action: fact.decision.action, summary, decision };
    }
    default: {
      const { at: _at, runId: _runId, kind, ...data } = fact;
      return { ...base, actor: null, action: kind, summary: summarize(kind, data, lang) };
    }
  }
}

export async function processTimeline(
  deps: ApiDeps,
  processId: string,
  latestRunId: string,
  chainId: string,
  lang: Lang,
  reader: Reader,
): Promise<ProcessTimeline> {
  const runs = await chainHistories(deps.client, processId, latestRunId);
  const { decisions, runOfEvent, facts, buildIds } = await historyFacts(
    runs,
    payloadOpener(deps.client.options.loadedDataConverter.payloadCodecs),
  );
  const rows = await processEventRows(deps.db, processId, chainId);

  // A decision's words go with the first event of its step that its author is the actor of.
  const decisionAt = new Map<number, Decision>();
  for (const decision of decisions.filter((d) => !d.refused)) {
    const seq = decision.eventSeqs.find((s) => rows.find((row) => row.seq === s)?.actor?.userId === decision.actor.userId);
    if (seq !== undefined) decisionAt.set(seq, decision);
  }
  const recorded: TimelineEntry[] = rows.map((row) => {
    const decision = decisionAt.get(row.seq);
    return {
      at: new Date(row.at).toISOString(),
      kind: row.kind,
      actor: who(row.actor),
      action: decision?.action ?? row.kind,
      summary: summarize(row.kind, forReader(row.data, reader, row.actor ? [row.actor.orgId] : []), lang),
      source: 'records',
      runId: runOfEvent.get(row.seq) ?? null,
      decision: decision ? decisionOf(decision, lang, reader) : null,
      authority: authorityOf({ ...row.data, ...(decision?.payload as Record<string, unknown> | undefined) }, lang),
      ...(row.kind === 'fileAttached' ? { attachment: attachmentOf(row.data) } : {}),
    };
  });
  const delivered = await outboxEntries(deps, processId, lang);
  // Stable: at the same instant the records come before the engine's notes.
  const entries = [...recorded, ...delivered, ...facts.map((fact) => engineEntry(fact, lang, reader))].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at),
  );
  return { chainId, runs, entries, buildIds };
}

/** What left the product for this process (e-mails, robots, outside systems): sent, failed or still being tried. */
async function outboxEntries(deps: ApiDeps, processId: string, lang: Lang): Promise<TimelineEntry[]> {
  const rows = await processOutboxRows(deps.db, processId);
  const entry = (kind: string, at: Date | string, data: Record<string, unknown>) => ({
    at: new Date(at).toISOString(),
    kind,
    actor: null,
    action: kind,
    summary: summarize(kind, data, lang),
    source: 'records' as const,
    runId: null,
    decision: null,
    authority: null,
  });
  return rows.flatMap((row) => {
    const kind = row.status === 'SENT' ? 'messageSent' : row.status === 'FAILED' ? 'messageFailed' : 'messagePending';
    const data = { channel: row.channel, to: row.org_id, attempts: row.attempts, error: row.last_error ?? '' };
    const sent = entry(kind, row.sent_at ?? row.last_attempt_at ?? row.created_at, data);
    // An answer that came later, by the system's own callback.
    return row.callback_at
      ? [sent, entry('messageAnswered', row.callback_at, { channel: row.channel, result: row.callback?.result ?? '' })]
      : [sent];
  });
}

function attachmentOf(data: Record<string, unknown>) {
  return {
    sha256: String(data.sha256),
    size: Number(data.size),
    mediaType: String(data.mediaType),
    fileName: String(data.fileName),
    purpose: String(data.purpose),
    taskId: String(data.taskId),
  };
}
