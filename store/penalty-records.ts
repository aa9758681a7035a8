/**
 * The penalty registry as the API reads it: penalties reported to the FTZ, their reviews round by round,
 * and an entity's credit records. Rows are parsed, not cast.
 */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, instant, json, numberish, rowsOf } from './rows';

const penaltyRow = z.object({
  decision_number: z.string(),
  uscc: z.string(),
  zone_code: z.string(),
  enforcement_org: z.string(),
  power_code: z.string().nullable(),
  agreement_id: z.string().nullable(),
  violation: z.string(),
  legal_basis: z.string(),
  penalty: z.record(z.string(), z.unknown()),
  grade: z.enum(['minor', 'general', 'serious']),
  decided: z.string(),
  delivered: z.string(),
  case_id: z.string().nullable(),
  report: z
    .object({
      entityName: z.string().optional(),
      documents: z.array(z.object({ kind: z.string(), title: z.string(), sha256: z.string() })).optional(),
    })
    .nullable(),
  replaces: z.string().nullable(),
  status: z.enum(['RECORDED', 'REPORTED', 'RETURNED', 'RECOGNISED', 'WITHDRAWN']),
  reported_at: instant.nullable(),
  recognised_at: instant.nullable(),
  withdrawn_at: instant.nullable(),
  withdrawal_reason: z.string().nullable(),
  /** Returns for correction so far (the column `rounds`, read under the API's name). */
  returns: z.number(),
  // bigint: a string from PostgreSQL.
  zone_held_ms: numberish,
  ftz_held_ms: numberish,
  credit_record_id: z.string().nullable(),
  process_id: z.string(),
  updated_at: instant,
});
export type PenaltyRow = z.infer<typeof penaltyRow>;

const PENALTY_SELECT = `SELECT p.*, p.rounds AS returns, to_char(p.decided_on, 'YYYY-MM-DD') AS decided, to_char(p.delivered_on, 'YYYY-MM-DD') AS delivered FROM penalties p`;

/**
 * Penalties (of a zone, in a status, of an entity when named), latest decision first, at most 1000:
 * recognised ones for everyone, the others for readers of every process or of their zone's county.
 */
export function penaltyRows(
  q: Queryable,
  filter: { zoneCode: string | null; status: string | null; uscc: string | null },
  reader: { all: boolean; county: string | null },
): Promise<PenaltyRow[]> {
  return rowsOf(
    q,
    penaltyRow,
    `${PENALTY_SELECT} WHERE ($1::text IS NULL OR p.zone_code = $1) AND ($2::text IS NULL OR p.status = $2) AND ($3::text IS NULL OR p.uscc = $3)
         AND ($4 OR p.status = 'RECOGNISED' OR p.zone_code = $5)
       ORDER BY p.decided_on DESC, p.decision_number LIMIT 1000`,
    [filter.zoneCode, filter.status, filter.uscc, reader.all, reader.county],
  );
}

/** One penalty by its decision number; null when none was filed. */
export function penaltyByNumber(q: Queryable, decisionNumber: string): Promise<PenaltyRow | null> {
  return firstOf(q, penaltyRow, `${PENALTY_SELECT} WHERE p.decision_number = $1`, [decisionNumber]);
}

/** The zone a penalty was filed under; null when none was filed with the decision number. */
export function penaltyZone(q: Queryable, decisionNumber: string): Promise<{ zone_code: string } | null> {
  return firstOf(q, z.object({ zone_code: z.string() }), 'SELECT zone_code FROM penalties WHERE decision_number = $1', [decisionNumber]);
}

const reviewRow = z.object({
  round: z.number(),
  outcome: z.enum(['returned', 'recognised']),
  reasons: z.array(z.string()),
  note: z.string().nullable(),
  reviewed_at: instant,
  reviewer: json,
});

/** A penalty's reviews, round by round. */
export function penaltyReviewRows(q: Queryable, decisionNumber: string): Promise<z.infer<typeof reviewRow>[]> {
  return rowsOf(
    q,
    reviewRow,
    'SELECT round, outcome, reasons, note, reviewed_at, reviewer FROM penalty_reviews WHERE decision_number = $1 ORDER BY round',
    [decisionNumber],
  );
}

const creditRow = z.object({
  id: z.string(),
  kind: z.string(),
  grade: z.string().nullable(),
  reason: z.string(),
  bars_commitment: z.boolean(),
  publication_from: z.string().nullable(),
  publication_until: z.string().nullable(),
  repair_eligible_from: z.string().nullable(),
  status: z.enum(['ACTIVE', 'REPAIRED', 'WITHDRAWN', 'ENDED']),
  recorded_at: instant,
  ended_at: instant.nullable(),
  end_reason: z.string().nullable(),
});

/** An entity's credit records, oldest first. */
export function creditRecordRows(q: Queryable, uscc: string): Promise<z.infer<typeof creditRow>[]> {
  return rowsOf(
    q,
    creditRow,
    `SELECT id, kind, grade, reason, bars_commitment, to_char(publication_from, 'YYYY-MM-DD') AS publication_from,
         to_char(publication_until, 'YYYY-MM-DD') AS publication_until, to_char(repair_eligible_from, 'YYYY-MM-DD') AS repair_eligible_from,
         status, recorded_at, ended_at, end_reason
       FROM credit_records WHERE uscc = $1 ORDER BY recorded_at`,
    [uscc],
  );
}
