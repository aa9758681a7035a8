import { z } from 'zod';
import { countyOfOrg } from '../../domain/names';
import { creditRecordRows, penaltyByNumber, penaltyReviewRows, penaltyRows, type PenaltyRow } from '../../store/penalty-records';
import { readsEveryProcess } from '../access';
import type { User } from '../auth';
import { refused } from '../errors';
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
  /** Returns for correction so far; each review (numbered from 1) either returned or recognised it. */
  returns: z.number().int(),
  zoneHeldMs: z.number(),
  ftzHeldMs: z.number(),
  creditRecordId: z.string().nullable(),
  processId: z.string(),
  updatedAt: z.string(),
});

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString());

/**
 * A penalty is published (公示) once recognised: before that — filed, reported, returned — it is the
 * business of its zone's county, the FTZ, the city and auditors, and other counties do not see it.
 */
const seesUnpublished = (user: User) => ({ all: readsEveryProcess(user), county: countyOfOrg(user.orgId) ?? null });

const toPenalty = (r: PenaltyRow) => ({
  decisionNumber: r.decision_number,
  uscc: r.uscc,
  zoneCode: r.zone_code,
  enforcementOrg: r.enforcement_org,
  powerCode: r.power_code,
  agreementId: r.agreement_id,
  violation: r.violation,
  legalBasis: r.legal_basis,
  penalty: r.penalty,
  grade: r.grade,
  decidedOn: r.decided,
  deliveredOn: r.delivered,
  caseId: r.case_id,
  report: r.report ?? {},
  replaces: r.replaces,
  status: r.status,
  reportedAt: iso(r.reported_at),
  recognisedAt: iso(r.recognised_at),
  withdrawnAt: iso(r.withdrawn_at),
  withdrawalReason: r.withdrawal_reason,
  returns: r.returns,
  zoneHeldMs: r.zone_held_ms,
  ftzHeldMs: r.ftz_held_ms,
  creditRecordId: r.credit_record_id,
  processId: r.process_id,
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
    const rows = await penaltyRows(
      deps.db,
      { zoneCode: query.zone ?? null, status: query.status ?? null, uscc: query.entity ?? null },
      reader,
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
    const row = await penaltyByNumber(deps.db, params.decisionNumber);
    const reader = seesUnpublished(user);
    // Not published and not the reader's business: as if there were none.
    if (!row || !(reader.all || row.status === 'RECOGNISED' || row.zone_code === reader.county))
      throw refused('PENALTY_NOT_FOUND', { decisionNumber: params.decisionNumber }, 'params.decisionNumber');
    const reviews = await penaltyReviewRows(deps.db, params.decisionNumber);
    const credit = await creditRecordRows(deps.db, row.uscc);
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
        id: c.id,
        kind: c.kind,
        grade: c.grade,
        reason: c.reason,
        barsCommitment: c.bars_commitment,
        publicationFrom: c.publication_from,
        publicationUntil: c.publication_until,
        repairEligibleFrom: c.repair_eligible_from,
        status: c.status,
        recordedAt: iso(c.recorded_at)!,
        endedAt: iso(c.ended_at),
        endReason: c.end_reason,
      })),
    };
  },
});
