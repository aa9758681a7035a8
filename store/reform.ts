/**
 * The reform registries as the API reads and records them (issue 23): zones' good practices and the
 * decisions on the measures they became, enterprises' reform demands, training sessions. Rows are
 * parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { instant, numberish, rowsOf } from './rows';

const practiceRow = z.object({
  process_id: z.string(),
  zone_code: z.string(),
  zone_name: z.string().nullable(),
  title: z.string(),
  status: z.enum(['PROPOSING', 'EVALUATING', 'ACCEPTED', 'DECLINED']),
  practice: z.string().nullable(),
  place: z.string().nullable(),
  started: z.string().nullable(),
  results: z.string().nullable(),
  reasons: z.string().nullable(),
  measure_code: z.string().nullable(),
  proposed_at: instant.nullable(),
  decided_at: instant.nullable(),
});
export type PracticeRow = z.infer<typeof practiceRow>;

/** Each good practice (of one zone when named), by zone and launch. */
export function practiceRows(q: Queryable, zoneCode: string | null): Promise<PracticeRow[]> {
  return rowsOf(
    q,
    practiceRow,
    `SELECT p.*, to_char(p.started_on, 'YYYY-MM-DD') AS started, z.name AS zone_name FROM reform_practices p LEFT JOIN zones z ON z.code = p.zone_code
       WHERE ($1::text IS NULL OR p.zone_code = $1) ORDER BY p.zone_code, p.launched_at`,
    [zoneCode],
  );
}

const adoptionRow = z.object({
  measure_code: z.string(),
  zone_code: z.string(),
  zone_name: z.string().nullable(),
  status: z.enum(['PENDING', 'ADOPTED', 'DECLINED']),
  decided_on: z.string().nullable(),
  note: z.string().nullable(),
});

/** The zones' decisions on measures that came from a zone's practice. */
export function practiceAdoptionRows(q: Queryable): Promise<z.infer<typeof adoptionRow>[]> {
  return rowsOf(
    q,
    adoptionRow,
    `SELECT d.measure_code, d.zone_code, z.name AS zone_name, d.status, to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on, d.note
       FROM pilot_decisions d JOIN reform_measures m ON m.code = d.measure_code LEFT JOIN zones z ON z.code = d.zone_code
       WHERE m.origin_zone_code IS NOT NULL ORDER BY d.zone_code`,
  );
}

const demandRow = z.object({
  process_id: z.string(),
  zone_code: z.string(),
  zone_name: z.string().nullable(),
  enterprise_name: z.string(),
  uscc: z.string().nullable(),
  category: z.string(),
  demand: z.string(),
  received: z.string(),
  window_org: z.string(),
  status: z.enum(['ROUTING', 'ANSWERING', 'ANSWERED']),
  responsible_org: z.string().nullable(),
  outcome: z.string().nullable(),
  answer: z.string().nullable(),
  due_at: instant.nullable(),
  answered_at: instant.nullable(),
  late: z.boolean().nullable(),
});
export type DemandRow = z.infer<typeof demandRow>;

/** Reform demands received between two days (any when null), of a zone and status when named, latest first. */
export function demandRows(
  q: Queryable,
  filter: { from: string | null; to: string | null; zoneCode: string | null; status: string | null },
): Promise<DemandRow[]> {
  return rowsOf(
    q,
    demandRow,
    `SELECT d.*, to_char(d.received_on, 'YYYY-MM-DD') AS received, z.name AS zone_name, (d.status <> 'ANSWERED' AND d.due_at < now()) AS late
       FROM reform_demands d LEFT JOIN zones z ON z.code = d.zone_code
       WHERE ($1::date IS NULL OR (d.received_on >= $1::date AND d.received_on < $2::date)) AND ($3::text IS NULL OR d.zone_code = $3) AND ($4::text IS NULL OR d.status = $4)
       ORDER BY d.received_on DESC, d.registered_at DESC`,
    [filter.from, filter.to, filter.zoneCode, filter.status],
  );
}

const attendanceRow = z.object({
  id: z.string(),
  held_on: z.string(),
  topic: z.string(),
  place: z.string().nullable(),
  hours: numberish,
  organiser_org: z.string(),
  org_id: z.string(),
  attendees: numberish,
  people: z.array(z.object({ personName: z.string() })).nullable(),
});

/** Each session's attendance by organisation, between two days, of sessions an organisation held or attended. */
export function trainingAttendanceRows(
  q: Queryable,
  filter: { from: string | null; to: string | null; orgId: string | null },
): Promise<z.infer<typeof attendanceRow>[]> {
  return rowsOf(
    q,
    attendanceRow,
    `SELECT s.id, to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.topic, s.place, s.hours, s.organiser_org, a.org_id, a.attendees, a.people
       FROM training_sessions s JOIN training_attendance a ON a.session_id = s.id
       WHERE ($1::date IS NULL OR s.held_on >= $1::date) AND ($2::date IS NULL OR s.held_on <= $2::date)
         AND ($3::text IS NULL OR s.id IN (SELECT session_id FROM training_attendance WHERE org_id = $3) OR s.organiser_org = $3)
       ORDER BY s.held_on DESC, s.id, a.org_id`,
    [filter.from, filter.to, filter.orgId],
  );
}

/** Which of these organisation ids are in the register. */
export async function registeredOrgIds(q: Queryable, ids: string[]): Promise<string[]> {
  return (await rowsOf(q, z.object({ id: z.string() }), 'SELECT id FROM organizations WHERE id = ANY($1)', [ids])).map((r) => r.id);
}

export interface TrainingSessionRecord {
  id: string;
  heldOn: string;
  topic: string;
  place: string | null;
  hours: number;
  organiserOrg: string;
  recordedBy: { userId: string; orgId: string };
  attendees: { orgId: string; count: number; people?: unknown[] }[];
}

/** A training session and its attendance, in one transaction. */
export async function recordTrainingSession(
  db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> },
  s: TrainingSessionRecord,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO training_sessions (id, held_on, topic, place, hours, organiser_org, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [s.id, s.heldOn, s.topic, s.place, s.hours, s.organiserOrg, JSON.stringify(s.recordedBy)],
    );
    for (const a of s.attendees) {
      await tx.query('INSERT INTO training_attendance (session_id, org_id, attendees, people) VALUES ($1, $2, $3, $4)', [
        s.id,
        a.orgId,
        a.count,
        a.people ? JSON.stringify(a.people) : null,
      ]);
    }
  });
}
