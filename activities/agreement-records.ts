import { delistedCodes, type Power } from '../domain/powers';
import type { Queryable } from '../store/db';
import { catalogPowers } from '../store/catalog';
import type { Revocation, Step, StepResult } from './step';

/**
 * Publishes a catalogue version: the next number, the one in force superseded, and every item it
 * delists revoked from the effective date in each signed agreement that holds it.
 */
export async function publishCatalog(tx: Queryable, step: Step): Promise<Pick<StepResult, 'catalogVersion' | 'revocations'>> {
  const catalog = step.catalog!;
  // One publication at a time: the next version number and the revocations must not interleave.
  await tx.query('LOCK TABLE catalog_versions IN EXCLUSIVE MODE');
  const [{ next, current }] = await tx.query<{ next: number; current: number | null }>(
    `SELECT coalesce(max(version), 0) + 1 AS next, max(version) FILTER (WHERE status = 'PUBLISHED') AS current FROM catalog_versions`,
  );
  const previous: Power[] = current ? await catalogPowers(tx, current) : [];
  await tx.query(`UPDATE catalog_versions SET status = 'SUPERSEDED' WHERE status = 'PUBLISHED'`);
  await tx.query(
    `INSERT INTO catalog_versions (version, status, effective_date, note, process_id, published_by, published_at)
     VALUES ($1, 'PUBLISHED', $2, $3, $4, $5, $6)`,
    [next, catalog.effectiveDate, catalog.note ?? null, step.processId, JSON.stringify(catalog.publishedBy), step.at],
  );
  for (const p of catalog.powers) {
    await tx.query(
      `INSERT INTO powers (version, code, name, kind, legal_basis, commitment_applicable, verification_days, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [next, p.code, p.name, p.kind, p.legalBasis, p.commitmentApplicable, p.verificationDays, p.status],
    );
  }
  const delisted = delistedCodes(previous, catalog.powers);
  const revoked = delisted.length
    ? await tx.query<{ agreement_id: string; process_id: string; power_code: string }>(
        `UPDATE agreement_items i SET revoked_on = $2, revoked_by_catalog = $3
         FROM agreements a
         WHERE a.id = i.agreement_id AND a.status IN ('SIGNED', 'IN_FORCE') AND i.power_code = ANY($1) AND i.revoked_on IS NULL
         RETURNING i.agreement_id, a.process_id, i.power_code`,
        [delisted, catalog.effectiveDate, next],
      )
    : [];
  const byAgreement = new Map<string, Revocation>();
  for (const row of revoked) {
    const entry = byAgreement.get(row.agreement_id) ?? { agreementId: row.agreement_id, processId: row.process_id, powerCodes: [] };
    if (!entry.powerCodes.includes(row.power_code)) entry.powerCodes.push(row.power_code);
    byAgreement.set(row.agreement_id, entry);
  }
  return { catalogVersion: next, revocations: [...byAgreement.values()] };
}

export async function writeAgreement(tx: Queryable, step: Step): Promise<void> {
  const a = step.agreement!;
  await tx.query(
    `INSERT INTO agreements (id, zone_code, status, current_version, start_date, end_date, announced_on, announcement_ref,
       terminated_on, termination_reason, process_id, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (id) DO UPDATE SET status = $3, current_version = $4, start_date = $5, end_date = $6, announced_on = $7,
       announcement_ref = $8, terminated_on = $9, termination_reason = $10, updated_at = $12`,
    [
      a.id,
      a.zoneCode,
      a.status,
      a.currentVersion,
      a.startDate,
      a.endDate,
      a.announcedOn ?? null,
      a.announcementRef ?? null,
      a.terminatedOn ?? null,
      a.terminationReason ?? null,
      step.processId,
      step.at,
    ],
  );
  for (const v of step.agreementVersions ?? []) {
    await tx.query(
      `INSERT INTO agreement_versions (agreement_id, version, status, content, start_date, end_date, signatures, drafted_by, drafted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (agreement_id, version) DO UPDATE SET status = $3, signatures = $7`,
      [
        a.id,
        v.version,
        v.status,
        JSON.stringify(v.content),
        v.content.term.startDate,
        v.content.term.endDate,
        JSON.stringify(v.signatures),
        JSON.stringify(v.draftedBy),
        v.draftedAt,
      ],
    );
    if (v.status !== 'signed') continue;
    for (const item of v.content.items) {
      await tx.query(
        `INSERT INTO agreement_items (agreement_id, version, power_code, scope) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [a.id, v.version, item.powerCode, item.scope],
      );
    }
  }
}
