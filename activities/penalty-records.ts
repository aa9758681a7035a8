import type { Actor } from '../domain/identity';
import type { DecisionFacts, Grade, PenaltyReportDetails } from '../domain/penalties';
import type { Queryable } from '../store/db';
import type { Step } from './step';

/** A penalty as the FTZ's register keeps it (table `penalties`), written whole at every step. */
export interface PenaltyRecord {
  decisionNumber: string;
  zoneCode: string;
  enforcementOrg: string;
  /** The agreement that entrusted the power, for reports filed before penalties were imposed under local authority. */
  agreementId?: string;
  decision: DecisionFacts;
  report?: PenaltyReportDetails;
  /** The decision this one changes. */
  replaces?: string;
  caseId?: string;
  status: 'RECORDED' | 'REPORTED' | 'RETURNED' | 'RECOGNISED' | 'WITHDRAWN';
  reportedAt?: string;
  recognisedAt?: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
  /** Returns for correction so far. */
  returns: number;
  zoneHeldMs: number;
  ftzHeldMs: number;
  creditRecordId?: string;
}

export interface PenaltyReviewRecord {
  round: number;
  outcome: 'returned' | 'recognised';
  reasons: string[];
  note?: string;
  reviewer: Actor;
}

/** The entity's credit record a recognised penalty makes (table `credit_records`, kind `penalty`). */
export interface PenaltyCreditRecord {
  id: string;
  uscc: string;
  grade: Grade;
  reason: string;
  barsCommitment: boolean;
  publicationFrom: string;
  publicationUntil: string;
  repairEligibleFrom: string;
  status: 'ACTIVE' | 'REPAIRED' | 'WITHDRAWN' | 'ENDED';
  endedAt?: string;
  endReason?: string;
}

/** What a penalty step writes: the register row, and as the step decides a review, the credit record, the case link. */
export interface PenaltyWrite {
  record: PenaltyRecord;
  review?: PenaltyReviewRecord;
  credit?: PenaltyCreditRecord;
  /** The penalty case (P3) this process handles, linked at launch. */
  linkCase?: string;
}

export async function writePenalty(tx: Queryable, step: Step): Promise<void> {
  const { record: p, review, credit, linkCase } = step.penalty!;
  const d = p.decision;
  await tx.query(
    `INSERT INTO penalties (decision_number, uscc, zone_code, enforcement_org, power_code, agreement_id, violation, legal_basis,
       penalty, grade, decided_on, delivered_on, case_id, status, reported_at, recognised_at, withdrawn_at, withdrawal_reason,
       rounds, zone_held_ms, ftz_held_ms, credit_record_id, process_id, updated_at, report, replaces)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
     ON CONFLICT (decision_number) DO UPDATE SET uscc = $2, power_code = $5, agreement_id = $6, violation = $7, legal_basis = $8,
       penalty = $9, grade = $10, decided_on = $11, delivered_on = $12, status = $14, reported_at = $15, recognised_at = $16,
       withdrawn_at = $17, withdrawal_reason = $18, rounds = $19, zone_held_ms = $20, ftz_held_ms = $21, credit_record_id = $22,
       process_id = $23, updated_at = $24, report = $25`,
    [
      p.decisionNumber,
      d.uscc,
      p.zoneCode,
      p.enforcementOrg,
      d.powerCode ?? null,
      p.agreementId ?? null,
      d.violation,
      d.legalBasis,
      JSON.stringify(d.penalty),
      d.grade,
      d.decidedOn,
      d.deliveredOn,
      p.caseId ?? null,
      p.status,
      p.reportedAt ?? null,
      p.recognisedAt ?? null,
      p.withdrawnAt ?? null,
      p.withdrawalReason ?? null,
      // The column keeps its first name, `rounds` (a rename is no additive migration); a step a run
      // scheduled before the count was named `returns` carries it as `rounds`.
      p.returns ?? (p as { rounds?: number }).rounds ?? 0,
      Math.round(p.zoneHeldMs),
      Math.round(p.ftzHeldMs),
      p.creditRecordId ?? null,
      step.processId,
      step.at,
      JSON.stringify(p.report ?? {}),
      p.replaces ?? null,
    ],
  );
  if (review) {
    await tx.query(
      `INSERT INTO penalty_reviews (decision_number, round, outcome, reasons, note, reviewed_at, reviewer) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        p.decisionNumber,
        review.round,
        review.outcome,
        JSON.stringify(review.reasons),
        review.note ?? null,
        step.at,
        JSON.stringify({ userId: review.reviewer.userId, orgId: review.reviewer.orgId }),
      ],
    );
  }
  if (credit) {
    await tx.query(
      `INSERT INTO credit_records (id, uscc, kind, grade, reason, bars_commitment, source_process_id, recorded_at, publication_from,
         publication_until, repair_eligible_from, status, ended_at, end_reason)
       VALUES ($1, $2, 'penalty', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO UPDATE SET status = $11, ended_at = $12, end_reason = $13`,
      [
        credit.id,
        credit.uscc,
        credit.grade,
        credit.reason,
        credit.barsCommitment,
        step.processId,
        step.at,
        credit.publicationFrom,
        credit.publicationUntil,
        credit.repairEligibleFrom,
        credit.status,
        credit.endedAt ?? null,
        credit.endReason ?? null,
      ],
    );
  }
  if (linkCase) {
    await tx.query(`UPDATE penalty_cases SET status = 'LINKED', penalty_process_id = $2 WHERE id = $1 AND status = 'OPEN'`, [
      linkCase,
      step.processId,
    ]);
  }
}
