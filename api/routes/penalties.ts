import { z } from 'zod';
import { countyOfOrg } from '../../domain/names';
import { readsEveryProcess } from '../access';
import type { User } from '../auth';
import { notFound } from '../errors';
import { defineRoute } from '../route';

const STATUSES = ['RECORDED', 'REPORTED', 'RETURNED', 'RECOGNISED', 'WITHDRAWN'] as const;

const creditRecordSchema = z.object({
  id: z.string(),
  kind: z.string(),
  grade: z.string().nullable(),
  reason: z.string(),
  barsCommitment: z.boolean(),
  publicationFrom: z.string().nullable(),
  publicationUntil: z.string().nullable(),
  repairEligibleFrom: z.string().nullable(),
  status: z.enum(['ACTIVE', 'REPAIRED', 'WITHDRAWN', 'ENDED']),
  recordedAt: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
});

const penaltySchema = z.object({
  decisionNumber: z.string(),
  uscc: z.string(),
  zoneCode: z.string(),
  enforcementOrg: z.string(),
  /** Only reports filed before penalties were imposed under local authority name an entrusted power and its agreement. */
  powerCode: z.string().nullable(),
  agreementId: z.string().nullable(),
  violation: z.string(),
  legalBasis: z.string(),
  penalty: z.record(z.string(), z.unknown()),
  grade: z.enum(['minor', 'general', 'serious']),
  decidedOn: z.string(),
  deliveredOn: z.string(),
  caseId: z.string().nullable(),
  /** What the report adds to the decision: 当事人名称 as written on it, and its documents by SHA-256. */
  report: z.object({
    entityName: z.string().optional(),
    documents: z.array(z.object({ kind: z.string(), title: z.string(), sha256: z.string() })).optional(),
  }),
  /** The decision this one changes (its report withdrawn by the enforcement body). */
  replaces: z.string().nullable(),
  status: z.enum(STATUSES),
  reportedAt: z.string().nullable(),
  recognisedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  /** Returns for correction so far. */
  rounds: z.number().int(),
  zoneHeldMs: z.number(),
  ftzHeldMs: z.number(),
  creditRecordId: z.string().nullable(),
  processId: z.string(),
  updatedAt: z.string(),
});

type Row = Record<string, unknown> & { penalty: Record<string, unknown>; report: Record<string, unknown> | null; rounds: number };
const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/**
 * A penalty is published (公示) once recognised: before that — filed, reported, returned — it is the
 * business of its zone's county, the FTZ, the city and auditors, and other counties do not see it.
 */
const seesUnpublished = (user: User) => ({ all: readsEveryProcess(user), county: countyOfOrg(user.orgId) ?? null });

const SELECT = `SELECT p.*, to_char(p.decided_on, 'YYYY-MM-DD') AS decided, to_char(p.delivered_on, 'YYYY-MM-DD') AS delivered FROM penalties p`;

const toPenalty = (r: Row) => ({
  decisionNumber: String(r.decision_number),
  uscc: String(r.uscc),
  zoneCode: String(r.zone_code),
  enforcementOrg: String(r.enforcement_org),
  powerCode: (r.power_code as string | null) ?? null,
  agreementId: (r.agreement_id as string | null) ?? null,
  violation: String(r.violation),
  legalBasis: String(r.legal_basis),
  penalty: r.penalty,
  grade: r.grade as 'minor',
  decidedOn: String(r.decided),
  deliveredOn: String(r.delivered),
  caseId: (r.case_id as string | null) ?? null,
  report: r.report ?? {},
  replaces: (r.replaces as string | null) ?? null,
  status: r.status as (typeof STATUSES)[number],
  reportedAt: iso(r.reported_at),
  recognisedAt: iso(r.recognised_at),
  withdrawnAt: iso(r.withdrawn_at),
  withdrawalReason: (r.withdrawal_reason as string | null) ?? null,
  rounds: r.rounds,
  // bigint comes back as a string from PostgreSQL.
  zoneHeldMs: Number(r.zone_held_ms),
  ftzHeldMs: Number(r.ftz_held_ms),
  creditRecordId: (r.credit_record_id as string | null) ?? null,
  processId: String(r.process_id),
  updatedAt: iso(r.updated_at)!,
});

export const listPenalties = defineRoute({
  method: 'get',
  path: '/api/penalties',
  summary: 'Penalty decisions reported to the FTZ, by zone, status and entity (USCC)',
  tag: 'Registries',
  query: z.object({
    zone: z
      .string()
      .regex(/^\d{6}$/, 'a zone code')
      .optional(),
    status: z.enum(STATUSES).optional(),
    entity: z.string().min(1).max(18).optional(),
  }),
  response: z.array(penaltySchema),
  async handler({ query, user, deps }) {
    const reader = seesUnpublished(user);
    const rows = await deps.db.query<Row>(
      `${SELECT} WHERE ($1::text IS NULL OR p.zone_code = $1) AND ($2::text IS NULL OR p.status = $2) AND ($3::text IS NULL OR p.uscc = $3)
         AND ($4 OR p.status = 'RECOGNISED' OR p.zone_code = $5)
       ORDER BY p.decided_on DESC, p.decision_number LIMIT 1000`,
      [query.zone ?? null, query.status ?? null, query.entity ?? null, reader.all, reader.county],
    );
    return rows.map(toPenalty);
  },
});

export const getPenalty = defineRoute({
  method: 'get',
  path: '/api/penalties/{decisionNumber}',
  summary: "One penalty: its reviews round by round, and the entity's credit records (this penalty's and any other)",
  tag: 'Registries',
  params: z.object({ decisionNumber: z.string().min(1).max(100) }),
  response: penaltySchema.extend({
    reviews: z.array(
      z.object({
        round: z.number().int(),
        outcome: z.enum(['returned', 'recognised']),
        reasons: z.array(z.string()),
        note: z.string().nullable(),
        reviewedAt: z.string(),
        reviewer: z.unknown(),
      }),
    ),
    creditRecords: z.array(creditRecordSchema),
  }),
  async handler({ params, user, deps }) {
    const [row] = await deps.db.query<Row>(`${SELECT} WHERE p.decision_number = $1`, [params.decisionNumber]);
    const reader = seesUnpublished(user);
    // Not published and not the reader's business: as if there were none.
    if (!row || !(reader.all || row.status === 'RECOGNISED' || row.zone_code === reader.county))
      throw notFound(`penalty ${params.decisionNumber} not found`);
    const reviews = await deps.db.query<{
      round: number;
      outcome: 'returned';
      reasons: string[];
      note: string | null;
      reviewed_at: string;
      reviewer: unknown;
    }>('SELECT round, outcome, reasons, note, reviewed_at, reviewer FROM penalty_reviews WHERE decision_number = $1 ORDER BY round', [
      params.decisionNumber,
    ]);
    const credit = await deps.db.query<Record<string, unknown>>(
      `SELECT id, kind, grade, reason, bars_commitment, to_char(publication_from, 'YYYY-MM-DD') AS publication_from,
         to_char(publication_until, 'YYYY-MM-DD') AS publication_until, to_char(repair_eligible_from, 'YYYY-MM-DD') AS repair_eligible_from,
         status, recorded_at, ended_at, end_reason
       FROM credit_records WHERE uscc = $1 ORDER BY recorded_at`,
      [row.uscc],
    );
    return {
      ...toPenalty(row),
      reviews: reviews.map((r) => ({
        round: r.round,
        outcome: r.outcome,
        reasons: r.reasons,
        note: r.note,
        reviewedAt: iso(r.reviewed_at)!,
        reviewer: r.reviewer,
      })),
      creditRecords: credit.map((c) => ({
        id: String(c.id),
        kind: String(c.kind),
        grade: (c.grade as string | null) ?? null,
        reason: String(c.reason),
        barsCommitment: Boolean(c.bars_commitment),
        publicationFrom: (c.publication_from as string | null) ?? null,
        publicationUntil: (c.publication_until as string | null) ?? null,
        repairEligibleFrom: (c.repair_eligible_from as string | null) ?? null,
        status: c.status as 'ACTIVE',
        recordedAt: iso(c.recorded_at)!,
        endedAt: iso(c.ended_at),
        endReason: (c.end_reason as string | null) ?? null,
      })),
    };
  },
});
