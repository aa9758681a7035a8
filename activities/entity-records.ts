import type { Queryable } from '../store/db';
import type { Step } from './step';

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** The P3 records of a step: entity, tax registration, licences, credit records, penalty cases. */
export async function writeEntityRecords(tx: Queryable, step: Step): Promise<void> {
  if (step.entity) {
    const e = step.entity;
    await tx.query(
      `INSERT INTO entities (uscc, name, zone_code, residence, business_addresses, business_scope, legal_representative,
         accepted_by, status, process_id, registered_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (uscc) DO UPDATE SET status = $9, updated_at = $12`,
      [
        e.uscc,
        e.name,
        e.zoneCode,
        JSON.stringify(e.residence),
        JSON.stringify(e.businessAddresses),
        e.businessScope,
        JSON.stringify(e.legalRepresentative),
        e.acceptedBy,
        e.status,
        step.processId,
        e.registeredAt,
        step.at,
      ],
    );
  }
  if (step.tax) {
    const t = step.tax;
    await tx.query(
      `INSERT INTO tax_registrations (uscc, registered_at, office, transfer_status, transfer_to, requested_at, approved_at, confirmed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (uscc) DO UPDATE SET office = $3, transfer_status = $4, transfer_to = $5, requested_at = $6,
         approved_at = $7, confirmed_at = $8`,
      [
        t.uscc,
        t.registeredAt,
        t.office,
        t.transferStatus,
        t.transferTo ?? null,
        t.requestedAt ?? null,
        t.approvedAt ?? null,
        t.confirmedAt ?? null,
      ],
    );
  }
  for (const l of step.licences ?? []) {
    await tx.query(
      `INSERT INTO licences (id, uscc, zone_code, power_code, agreement_id, agreement_version, variant, commitment,
         conditions_due, status, verification_status, enforcement_org, verification_due, verified_at, verified_on_time,
         rectification_due, revoked_at, process_id, granted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (id) DO UPDATE SET status = $10, verification_status = $11, verified_at = $14, verified_on_time = $15,
         rectification_due = $16, revoked_at = $17, updated_at = $20`,
      [
        l.id,
        l.uscc,
        l.zoneCode,
        l.powerCode,
        l.agreementId,
        l.agreementVersion,
        l.variant,
        l.commitment,
        l.conditionsDue ?? null,
        l.status,
        l.verificationStatus,
        l.enforcementOrg,
        l.verificationDue,
        l.verifiedAt ?? null,
        l.verifiedOnTime ?? null,
        l.rectificationDue ?? null,
        l.revokedAt ?? null,
        step.processId,
        l.grantedAt,
        step.at,
      ],
    );
  }
  for (const l of step.normalLicences ?? []) {
    await tx.query(
      `INSERT INTO normal_licences (id, uscc, zone_code, power_code, reason, because, status, enforcement_org, review, on_site_check,
         decision, licence_number, valid_from, valid_until, process_id, applied_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (id) DO UPDATE SET status = $7, review = $9, on_site_check = $10, decision = $11, licence_number = $12,
         valid_from = $13, valid_until = $14, updated_at = $17`,
      [
        l.id,
        l.uscc,
        l.zoneCode,
        l.powerCode,
        l.reason,
        l.because,
        l.status,
        l.enforcementOrg,
        json(l.review),
        json(l.onSiteCheck),
        json(l.decision),
        l.licenceNumber ?? null,
        l.validFrom ?? null,
        l.validUntil ?? null,
        step.processId,
        l.appliedAt,
        step.at,
      ],
    );
  }
  for (const c of step.creditRecords ?? []) {
    await tx.query(
      `INSERT INTO credit_records (id, uscc, kind, grade, reason, bars_commitment, source_process_id, recorded_at,
         publication_from, publication_until, repair_eligible_from, status, ended_at, end_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET status = $12, ended_at = $13, end_reason = $14`,
      [
        c.id,
        c.uscc,
        c.kind,
        c.grade ?? null,
        c.reason,
        c.barsCommitment,
        step.processId,
        c.recordedAt,
        c.publicationFrom ?? null,
        c.publicationUntil ?? null,
        c.repairEligibleFrom ?? null,
        c.status,
        c.endedAt ?? null,
        c.endReason ?? null,
      ],
    );
  }
  for (const p of step.penaltyCases ?? []) {
    await tx.query(
      `INSERT INTO penalty_cases (id, uscc, zone_code, enforcement_org, reason, licence_id, source_process_id, opened_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'OPEN') ON CONFLICT (id) DO NOTHING`,
      [p.id, p.uscc, p.zoneCode, p.enforcementOrg, p.reason, p.licenceId ?? null, step.processId, p.openedAt],
    );
  }
}
