import { ApplicationFailure } from '@temporalio/common';
import { createHash } from 'node:crypto';
import type { Queryable, Db } from '../store/db';
import { publishCatalog, writeAgreement } from './agreement-records';
import { issueDocuments } from './document-records';
import { writeEntityRecords } from './entity-records';
import { writePenalty } from './penalty-records';
import { writeIndicatorReports } from './indicator-records';
import { writeNotifications } from './notification-records';
import { writePilot } from './pilot-records';
import { writeDemand, writePractice } from './reform-records';
import { writeInspections } from './supervision-records';
import { endZone, writeZone, writeZoneArea } from './zone-records';
import { recordedSeqOf, resyncTasks, type ChainRef } from './reset-records';
import { chinaDate } from '../domain/calendar';
import type { Step, StepResult } from './step';

/** Test seam: called after a step's transaction committed, before the activity returns. */
export interface RecordFaults {
  afterCommit?(step: Step): void;
}

/** Activities that write the official records: each workflow step, once, atomically. */
/** `ports`: the outside systems this deployment reaches (DeliveryDeps); a step's exchanges with others are not written. */
export function createRecordActivities(db: Db, faults: RecordFaults = {}, ports: readonly string[] = []) {
  return {
    async commitStep(step: Step): Promise<StepResult> {
      const result = await db.transaction(async (tx) => {
        const fingerprint = fingerprintOf(step);
        const [first] = await tx.query<{ result: StepResult; fingerprint: string | null }>(
          'SELECT result, fingerprint FROM step_results WHERE key = $1',
          [step.key],
        );
        if (first) {
          // A retry sends the same step; other content under the same key is another step (numbered
          // again after a reset): answering the first one's result would write nothing and say it did.
          if (first.fingerprint && first.fingerprint !== fingerprint) {
            throw notRetryable(`step ${step.key} is already recorded with other content: nothing was written`, 'StepKeyReused');
          }
          return first.result;
        }
        const resynced = step.resync ? { resynced: await resyncTasks(tx, { ...step, resync: step.resync }) } : {};
        const published = step.catalog ? await publishCatalog(tx, step) : {};
        const outbox = await writeStep(tx, step, ports);
        const zoneEnded = step.zoneEnd ? { zoneEnded: await endZone(tx, step) } : {};
        // The acts this step makes final take their 文号 here, in the same transaction as the records.
        const issued = await issueDocuments(tx, step);
        const documents = issued.length ? { documents: issued } : {};
        // `outbox` only when there is something to deliver: results of steps without keep their old shape.
        const delivery = outbox ? { outbox } : {};
        const committed: StepResult = {
          key: step.key,
          committedAt: new Date().toISOString(),
          ...published,
          ...zoneEnded,
          ...delivery,
          ...documents,
          ...resynced,
        };
        // A concurrent attempt of the same step fails here on the primary key and rolls back whole.
        await tx.query('INSERT INTO step_results (key, result, fingerprint) VALUES ($1, $2, $3)', [
          step.key,
          JSON.stringify(committed),
          fingerprint,
        ]);
        return committed;
      });
      faults.afterCommit?.(step);
      return result;
    },
    /** How far the records numbered a chain's steps: a reset run numbers its next ones past it. */
    async recordedSeq(ref: ChainRef): Promise<number> {
      return recordedSeqOf(db, ref);
    },
  };
}

/** Timeline events that say a message went to an outside system, by the port that sends it. */
const SENT_EVENT_CHANNELS: Record<string, string | undefined> = { creditPlatformSent: 'credit', supervisionSent: 'supervision' };

async function writeStep(tx: Queryable, step: Step, ports: readonly string[]): Promise<number> {
  for (const close of step.closeTasks) {
    if (!close.ids.length) continue;
    await tx.query(`UPDATE tasks SET status = $2, closed_at = $3, closed_by = $4 WHERE id = ANY($1) AND status = 'open'`, [
      close.ids,
      close.status,
      step.at,
      JSON.stringify(close.by),
    ]);
  }
  for (const t of step.openTasks) {
    await tx.query(
      `INSERT INTO tasks (id, process_id, process_type, action, org_id, role, title_zh, title_en, due_at, status,
         context, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11)`,
      [
        t.id,
        step.processId,
        step.processType,
        t.action,
        t.orgId,
        t.role,
        t.title.zh,
        t.title.en,
        t.dueAt ?? null,
        JSON.stringify(t.context),
        step.at,
      ],
    );
  }
  for (const m of step.memoranda) {
    await tx.query(
      `INSERT INTO memoranda (chain_id, version, process_id, county_code, content, status, drafted_by, drafted_at,
         signatures)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (chain_id, version) DO UPDATE SET status = $6, signatures = $9`,
      [
        step.chainId,
        m.version,
        step.processId,
        m.countyCode,
        JSON.stringify(m.content),
        m.status,
        JSON.stringify(m.draftedBy),
        m.draftedAt,
        JSON.stringify(m.signatures),
      ],
    );
  }
  if (step.organization) {
    const o = step.organization;
    await tx.query(
      `INSERT INTO organizations (id, name_zh, name_en, kind, county_code, active) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET name_zh = $2, name_en = $3, active = $6`,
      [o.id, o.nameZh, o.nameEn, o.kind, o.countyCode ?? null, o.active],
    );
    // In demo mode a zone body's people log in as soon as it exists, as the seeded organisations' do.
    if (o.kind === 'zone') {
      await tx.query(
        `INSERT INTO users (id, username, org_id, roles, password_hash)
         SELECT $1::text || '.' || role, $1::text || '.' || role, $1::text, ARRAY[role], password_hash
         FROM demo_accounts, unnest(ARRAY['admin', 'staff']) AS role
         ON CONFLICT DO NOTHING`,
        [o.id],
      );
    }
  }
  if (step.zone) await writeZone(tx, step, chinaDate(new Date(step.at)));
  if (step.zoneArea) await writeZoneArea(tx, step);
  if (step.agreement) await writeAgreement(tx, step);
  await writeEntityRecords(tx, step);
  if (step.penalty) await writePenalty(tx, step);
  if (step.measure || step.pilotDecisions) await writePilot(tx, step);
  if (step.indicatorReports) await writeIndicatorReports(tx, step);
  if (step.practice) await writePractice(tx, step);
  if (step.demand) await writeDemand(tx, step);
  if (step.inspectionPlan || step.inspections) await writeInspections(tx, step);
  for (const [i, a] of (step.attachments ?? []).entries()) {
    await tx.query(
      `INSERT INTO attachments (id, process_id, sha256, size_bytes, media_type, file_name, purpose, step_ref, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [`${step.key}:${i}`, step.processId, a.sha256, a.size, a.mediaType, a.fileName, a.purpose, a.taskId, JSON.stringify(a.by), step.at],
    );
  }
  for (const e of step.events) {
    // "Sent to the credit platform" is said only where this deployment reaches it: elsewhere the
    // message is not written (writeNotifications), and neither is the line that says it went.
    const channel = SENT_EVENT_CHANNELS[e.kind];
    if (channel && !ports.includes(channel)) continue;
    await tx.query(
      `INSERT INTO process_events (process_id, chain_id, seq, process_type, at, kind, actor, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [step.processId, step.chainId, e.seq, step.processType, e.at, e.kind, JSON.stringify(e.actor), JSON.stringify(e.data)],
    );
  }
  return writeNotifications(tx, step, ports);
}

/** The step's content, hashed: the same step sent again (a retry) has the same one. */
function fingerprintOf(step: Step): string {
  return createHash('sha256').update(JSON.stringify(step)).digest('hex');
}

/** A failure no retry can mend: the workflow sees it at once. */
export function notRetryable(message: string, type: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, type);
}
