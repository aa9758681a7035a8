/**
 * Records the statistics count, written directly as fixtures: each row is what a P3 or P4 process
 * would have written, with the one timestamp that matters and plausible values elsewhere.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../store/db';

const id = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;
/** Unique and shaped like a USCC; the statistics never check it. */
const uscc = () => `91210800${randomBytes(5).toString('hex').toUpperCase()}`;

/** A registered entity with its tax registration; `transferConfirmedAt` confirms its tax transfer. */
export async function entity(db: Db, zoneCode: string, registeredAt: string, transferConfirmedAt?: string): Promise<string> {
  const code = uscc();
  await db.query(
    `INSERT INTO entities (uscc, name, zone_code, residence, business_addresses, business_scope, legal_representative,
       accepted_by, status, process_id, registered_at, updated_at)
     VALUES ($1, $2, $3, $4, '[]', '货物进出口', '{"name": "张*"}', $5, 'REGISTERED', $6, $7, $7)`,
    [
      code,
      `营口测试贸易有限公司${code.slice(-4)}`,
      zoneCode,
      JSON.stringify({ divisionCode: zoneCode, address: '测试路 1 号' }),
      `zone-${zoneCode}`,
      id('registration'),
      registeredAt,
    ],
  );
  await db.query(
    `INSERT INTO tax_registrations (uscc, registered_at, office, transfer_status, transfer_to, confirmed_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      code,
      registeredAt,
      transferConfirmedAt ? `tax-${zoneCode}` : 'tax-ftz',
      transferConfirmedAt ? 'CONFIRMED' : 'NONE',
      transferConfirmedAt ? `tax-${zoneCode}` : null,
      transferConfirmedAt ?? null,
    ],
  );
  return code;
}

/** A licence on commitment, verified (on time or late) or revoked when those are given. */
export async function licence(
  db: Db,
  entityUscc: string,
  zoneCode: string,
  grantedAt: string,
  outcome: { verifiedAt?: string; onTime?: boolean; revokedAt?: string } = {},
): Promise<void> {
  const status = outcome.revokedAt ? 'REVOKED' : 'GRANTED';
  const verification = outcome.revokedAt ? 'REVOKED' : outcome.verifiedAt ? 'COMPLIANT' : 'PENDING';
  await db.query(
    `INSERT INTO licences (id, uscc, zone_code, power_code, agreement_id, agreement_version, variant, commitment, status,
       verification_status, enforcement_org, verification_due, verified_at, verified_on_time, revoked_at, process_id,
       granted_at, updated_at)
     VALUES ($1, $2, $3, 'XK-001', 'agreement-fixture', 1, 'conditionsMet', '本企业承诺符合许可条件', $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [
      id('licence'),
      entityUscc,
      zoneCode,
      status,
      verification,
      `le-${zoneCode}`,
      grantedAt,
      outcome.verifiedAt ?? null,
      outcome.verifiedAt ? (outcome.onTime ?? true) : null,
      outcome.revokedAt ?? null,
      id('registration'),
      grantedAt,
    ],
  );
}

/** A penalty reported at `reportedAt`, returned once per `returnedAt`, then recognised (and withdrawn) if given. */
export async function penalty(
  db: Db,
  zoneCode: string,
  times: { reportedAt: string; returnedAt?: string[]; recognisedAt?: string; withdrawnAt?: string },
): Promise<string> {
  const decisionNumber = id(`营${zoneCode}罚`);
  const returns = times.returnedAt ?? [];
  const status = times.withdrawnAt ? 'WITHDRAWN' : times.recognisedAt ? 'RECOGNISED' : returns.length ? 'RETURNED' : 'REPORTED';
  await db.query(
    `INSERT INTO penalties (decision_number, uscc, zone_code, enforcement_org, power_code, agreement_id, violation, legal_basis,
       penalty, grade, decided_on, delivered_on, status, reported_at, recognised_at, withdrawn_at, rounds, process_id, updated_at)
     VALUES ($1, $2, $3, $4, NULL, NULL, '未按承诺条件经营', '《行政许可法》第六十九条',
       '{"kind": "warning"}', 'minor', '2025-01-02', '2025-01-03', $5, $6, $7, $8, $9, $10, $6)`,
    [
      decisionNumber,
      uscc(),
      zoneCode,
      `le-${zoneCode}`,
      status,
      times.reportedAt,
      times.recognisedAt ?? null,
      times.withdrawnAt ?? null,
      returns.length,
      id('penalty'),
    ],
  );
  const reviews = [
    ...returns.map((at) => ({ at, outcome: 'returned' })),
    ...(times.recognisedAt ? [{ at: times.recognisedAt, outcome: 'recognised' }] : []),
  ];
  for (const [index, review] of reviews.entries()) {
    await db.query(
      `INSERT INTO penalty_reviews (decision_number, round, outcome, reviewed_at, reviewer) VALUES ($1, $2, $3, $4, '{"userId": "ftz.staff", "orgId": "ftz"}')`,
      [decisionNumber, index + 1, review.outcome, review.at],
    );
  }
  return decisionNumber;
}

export async function withdrawPenalty(db: Db, decisionNumber: string, withdrawnAt: string): Promise<void> {
  await db.query(
    `UPDATE penalties SET status = 'WITHDRAWN', withdrawn_at = $2, withdrawal_reason = '原处罚决定被撤销' WHERE decision_number = $1`,
    [decisionNumber, withdrawnAt],
  );
}
