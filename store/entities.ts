import type { Queryable } from './db';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const ENTITY_COLUMNS = `e.uscc, e.name, e.zone_code, e.residence, e.business_addresses, e.business_scope, e.legal_representative,
  e.accepted_by, e.status, e.process_id, e.registered_at, t.office AS tax_office, t.transfer_status,
  EXISTS (SELECT 1 FROM credit_records c WHERE c.uscc = e.uscc AND c.status = 'ACTIVE' AND c.bars_commitment) AS barred`;

interface EntityRow {
  uscc: string;
  name: string;
  zone_code: string;
  residence: unknown;
  business_addresses: unknown;
  business_scope: string;
  legal_representative: unknown;
  accepted_by: string;
  status: string;
  process_id: string;
  registered_at: Date | string;
  tax_office: string | null;
  transfer_status: string | null;
  barred: boolean;
}

const toEntity = (r: EntityRow) => ({
  uscc: r.uscc,
  name: r.name,
  zoneCode: r.zone_code,
  residence: r.residence,
  businessAddresses: r.business_addresses,
  businessScope: r.business_scope,
  legalRepresentative: r.legal_representative,
  acceptedBy: r.accepted_by,
  status: r.status,
  processId: r.process_id,
  registeredAt: iso(r.registered_at)!,
  taxOffice: r.tax_office,
  taxTransfer: r.transfer_status,
  commitmentBarred: r.barred,
});

export async function listEntities(q: Queryable, filter: { zone?: string; q?: string; limit: number }) {
  const rows = await q.query<EntityRow>(
    `SELECT ${ENTITY_COLUMNS} FROM entities e LEFT JOIN tax_registrations t ON t.uscc = e.uscc
     WHERE ($1::text IS NULL OR e.zone_code = $1) AND ($2::text IS NULL OR e.name LIKE '%' || $2 || '%' OR e.uscc = $2)
     ORDER BY e.registered_at DESC LIMIT $3`,
    [filter.zone ?? null, filter.q ?? null, filter.limit],
  );
  return rows.map(toEntity);
}

interface LicenceRow {
  id: string;
  uscc: string;
  power_code: string;
  power_name: string | null;
  agreement_id: string;
  agreement_version: number;
  variant: string;
  conditions_due: string | null;
  status: string;
  verification_status: string;
  enforcement_org: string;
  verification_due: Date | string;
  verified_at: Date | string | null;
  verified_on_time: boolean | null;
  rectification_due: Date | string | null;
  revoked_at: Date | string | null;
  granted_at: Date | string;
  process_id: string;
}

const LICENCE_COLUMNS = `l.id, l.uscc, l.power_code,
  (SELECT p.name FROM powers p WHERE p.code = l.power_code ORDER BY p.version DESC LIMIT 1) AS power_name,
  l.agreement_id, l.agreement_version, l.variant, to_char(l.conditions_due, 'YYYY-MM-DD') AS conditions_due, l.status,
  l.verification_status, l.enforcement_org, l.verification_due, l.verified_at, l.verified_on_time, l.rectification_due,
  l.revoked_at, l.granted_at, l.process_id`;

const toLicence = (r: LicenceRow, now: Date) => {
  const due =
    r.verification_status === 'RECTIFYING' ? r.rectification_due : r.verification_status === 'PENDING' ? r.verification_due : null;
  return {
    id: r.id,
    uscc: r.uscc,
    powerCode: r.power_code,
    powerName: r.power_name,
    agreementId: r.agreement_id,
    agreementVersion: r.agreement_version,
    variant: r.variant,
    conditionsDue: r.conditions_due,
    status: r.status,
    verification: {
      status: r.verification_status,
      enforcementOrg: r.enforcement_org,
      dueAt: iso(r.verification_due)!,
      verifiedAt: iso(r.verified_at),
      onTime: r.verified_on_time,
      rectificationDue: iso(r.rectification_due),
      overdue: due !== null && new Date(due) < now,
    },
    revokedAt: iso(r.revoked_at),
    grantedAt: iso(r.granted_at)!,
    processId: r.process_id,
  };
};

export async function entityDetail(q: Queryable, uscc: string) {
  // The entity and its tax registration in one read: the list's columns and the transfer's dates.
  const [row] = await q.query<
    EntityRow & Record<'transfer_to' | 'tax_registered_at' | 'requested_at' | 'approved_at' | 'confirmed_at', Date | string | null>
  >(
    `SELECT ${ENTITY_COLUMNS}, t.transfer_to, t.registered_at AS tax_registered_at, t.requested_at, t.approved_at, t.confirmed_at
     FROM entities e LEFT JOIN tax_registrations t ON t.uscc = e.uscc WHERE e.uscc = $1`,
    [uscc],
  );
  if (!row) return undefined;
  const now = new Date();
  const licences = await q.query<LicenceRow>(`SELECT ${LICENCE_COLUMNS} FROM licences l WHERE l.uscc = $1 ORDER BY l.id`, [uscc]);
  const normal = await q.query<Record<string, unknown>>(
    `SELECT id, power_code, reason, because, status, enforcement_org, on_site_check, licence_number,
       to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, applied_at
     FROM normal_licences WHERE uscc = $1 ORDER BY id`,
    [uscc],
  );
  const credit = await q.query<Record<string, unknown>>(
    `SELECT id, kind, grade, reason, bars_commitment, source_process_id, recorded_at, to_char(publication_from, 'YYYY-MM-DD') AS publication_from,
       to_char(publication_until, 'YYYY-MM-DD') AS publication_until, status FROM credit_records WHERE uscc = $1 ORDER BY recorded_at`,
    [uscc],
  );
  const cases = await q.query<Record<string, unknown>>(
    `SELECT id, reason, licence_id, enforcement_org, opened_at, status, penalty_process_id FROM penalty_cases WHERE uscc = $1 ORDER BY opened_at`,
    [uscc],
  );
  return {
    ...toEntity(row),
    tax:
      row.tax_office === null
        ? undefined
        : {
            transferStatus: row.transfer_status!,
            transferTo: row.transfer_to as string | null,
            registeredAt: iso(row.tax_registered_at)!,
            requestedAt: iso(row.requested_at),
            approvedAt: iso(row.approved_at),
            confirmedAt: iso(row.confirmed_at),
          },
    licences: licences.map((l) => toLicence(l, now)),
    normalLicences: normal.map((l) => ({
      id: l.id as string,
      powerCode: l.power_code as string,
      reason: l.reason as string,
      because: l.because as string,
      status: l.status as string,
      enforcementOrg: l.enforcement_org as string,
      onSiteCheck: (l.on_site_check as { result: string; findings: string; checkedOn: string } | null) ?? null,
      licenceNumber: l.licence_number as string | null,
      validFrom: l.valid_from as string | null,
      validUntil: l.valid_until as string | null,
      appliedAt: iso(l.applied_at as Date)!,
    })),
    credit: {
      records: credit.map((c) => ({
        id: c.id as string,
        kind: c.kind as string,
        grade: c.grade as string | null,
        reason: c.reason as string,
        barsCommitment: c.bars_commitment as boolean,
        sourceProcessId: c.source_process_id as string,
        recordedAt: iso(c.recorded_at as Date)!,
        publicationFrom: c.publication_from as string | null,
        publicationUntil: c.publication_until as string | null,
        status: c.status as string,
      })),
    },
    penaltyCases: cases.map((c) => ({
      id: c.id as string,
      reason: c.reason as string,
      licenceId: c.licence_id as string | null,
      enforcementOrg: c.enforcement_org as string,
      openedAt: iso(c.opened_at as Date)!,
      status: c.status as string,
      penaltyProcessId: c.penalty_process_id as string | null,
    })),
  };
}

/** Commitments an enforcement body still has to verify or re-check, the most urgent first. */
export async function pendingVerifications(q: Queryable, org: string, overdueOnly: boolean) {
  const rows = await q.query<LicenceRow>(
    `SELECT ${LICENCE_COLUMNS} FROM licences l
     WHERE l.enforcement_org = $1 AND l.verification_status IN ('PENDING', 'RECTIFYING')
       AND (NOT $2 OR CASE l.verification_status WHEN 'PENDING' THEN l.verification_due ELSE l.rectification_due END < now())
     ORDER BY CASE l.verification_status WHEN 'PENDING' THEN l.verification_due ELSE l.rectification_due END`,
    [org, overdueOnly],
  );
  const now = new Date();
  return rows.map((r) => toLicence(r, now));
}
