import type { Power, PowerHolding } from '../domain/powers';
import type { Queryable } from './db';

interface PowerRow {
  code: string;
  name: string;
  kind: Power['kind'];
  legal_basis: string;
  commitment_applicable: boolean;
  verification_days: number;
  status: Power['status'];
}

export async function catalogPowers(q: Queryable, version: number): Promise<Power[]> {
  const rows = await q.query<PowerRow>(
    `SELECT code, name, kind, legal_basis, commitment_applicable, verification_days, status FROM powers
     WHERE version = $1 ORDER BY code`,
    [version],
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    kind: r.kind,
    legalBasis: r.legal_basis,
    commitmentApplicable: r.commitment_applicable,
    verificationDays: r.verification_days,
    status: r.status,
  }));
}

export interface CatalogVersion {
  version: number;
  status: 'PUBLISHED' | 'SUPERSEDED';
  effectiveDate: string;
  note: string | null;
  publishedAt: string;
  powers: Power[];
}

/** A version of the catalogue, or the one published now when `version` is absent. */
export async function catalogVersion(q: Queryable, version?: number): Promise<CatalogVersion | undefined> {
  const [row] = await q.query<{
    version: number;
    status: CatalogVersion['status'];
    effective_date: string;
    note: string | null;
    published_at: Date | string;
  }>(
    `SELECT version, status, to_char(effective_date, 'YYYY-MM-DD') AS effective_date, note, published_at FROM catalog_versions
     WHERE ($1::int IS NULL AND status = 'PUBLISHED') OR version = $1`,
    [version ?? null],
  );
  if (!row) return undefined;
  return {
    version: row.version,
    status: row.status,
    effectiveDate: row.effective_date,
    note: row.note,
    publishedAt: new Date(row.published_at).toISOString(),
    powers: await catalogPowers(q, row.version),
  };
}

/** How the FTZ holds each power on `date`: the latest holding in force then, by power code. */
export async function powerHoldingsOn(q: Queryable, date: string): Promise<Map<string, PowerHolding>> {
  const rows = await q.query<{ power_code: string; mode: PowerHolding['mode']; granted_by: string; document: string; valid_from: string }>(
    `SELECT DISTINCT ON (power_code) power_code, mode, granted_by, document, to_char(valid_from, 'YYYY-MM-DD') AS valid_from
     FROM power_holdings WHERE valid_from <= $1 ORDER BY power_code, valid_from DESC`,
    [date],
  );
  return new Map(
    rows.map((r) => [
      r.power_code,
      { powerCode: r.power_code, mode: r.mode, grantedBy: r.granted_by, document: r.document, validFrom: r.valid_from },
    ]),
  );
}
