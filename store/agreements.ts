import { termWithinLimit, type AgreementContent } from '../domain/agreements';
import type { AgreementFacts } from '../domain/authority';
import { catalogVersion, powerHoldingsOn } from './catalog';
import { entrustableOnward, HOLDING_MODE_LABELS } from '../domain/powers';
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, rowsOf } from './rows';
import { readPolicy } from './policy';
import { refusal, type Refusal } from '../domain/refusals';

/** What the authority rule needs of a zone's agreements: announced ones, their signed versions and items. */
export async function agreementFacts(q: Queryable, zoneCode: string): Promise<AgreementFacts[]> {
  const rows = await q.query<{
    id: string;
    announced: boolean;
    terminated_on: string | null;
    version: number;
    start_date: string;
    end_date: string;
    power_code: string;
    scope: string;
    revoked_on: string | null;
    zone_suspended_on: string | null;
    zone_terminated_on: string | null;
  }>(
    `SELECT a.id, a.announced_on IS NOT NULL AS announced, to_char(a.terminated_on, 'YYYY-MM-DD') AS terminated_on,
       to_char(z.suspended_on, 'YYYY-MM-DD') AS zone_suspended_on, to_char(z.terminated_on, 'YYYY-MM-DD') AS zone_terminated_on,
       v.version, to_char(v.start_date, 'YYYY-MM-DD') AS start_date, to_char(v.end_date, 'YYYY-MM-DD') AS end_date,
       i.power_code, i.scope, to_char(i.revoked_on, 'YYYY-MM-DD') AS revoked_on
     FROM agreements a
     JOIN agreement_versions v ON v.agreement_id = a.id AND v.status = 'signed'
     JOIN agreement_items i ON i.agreement_id = a.id AND i.version = v.version
     LEFT JOIN zones z ON z.code = a.zone_code
     WHERE a.zone_code = $1
     ORDER BY a.id, v.version DESC, i.power_code`,
    [zoneCode],
  );
  const facts = new Map<string, AgreementFacts>();
  for (const r of rows) {
    const agreement = facts.get(r.id) ?? {
      agreementId: r.id,
      zoneCode,
      announced: r.announced,
      terminatedOn: r.terminated_on,
      zone: { suspendedOn: r.zone_suspended_on, terminatedOn: r.zone_terminated_on },
      versions: [],
    };
    facts.set(r.id, agreement);
    let version = agreement.versions.find((v) => v.version === r.version);
    if (!version) {
      version = { version: r.version, startDate: r.start_date, endDate: r.end_date, items: [] };
      agreement.versions.push(version);
    }
    version.items.push({ powerCode: r.power_code, scope: r.scope, revokedOn: r.revoked_on });
  }
  return [...facts.values()];
}

export interface DraftProblem {
  path: string;
  message: string;
  /** 400 for a draft that is wrong in itself, 409 for one that clashes with the records. */
  status: 400 | 409;
  /**
   * The problem as a catalogued refusal (domain/refusals.ts), its path as the API names the field
   * (`body.items.0.powerCode`). Absent in results recorded before refusals had codes: a workflow
   * replaying one falls back to the message.
   */
  refusal?: Refusal;
}

/**
 * An agreement draft against the records: the zone ACTIVE, every item a power listed in the published
 * catalogue, the term within the policy's limit, no other live agreement holding an item over the same days.
 */
export async function checkAgreementDraft(
  q: Queryable,
  draft: { agreementId: string; zoneCode: string; content: AgreementContent },
): Promise<DraftProblem[]> {
  // The records read at once: on one connection (`Db.together`), two round trips instead of six.
  const [[zone], catalog, holdings, maxYearsPolicy, overlaps] = await Promise.all([
    q.query<{ status: string }>('SELECT status FROM zones WHERE code = $1', [draft.zoneCode]),
    catalogVersion(q),
    powerHoldingsOn(q, draft.content.term.startDate),
    readPolicy(q, 'agreement.maxTermYears', draft.zoneCode),
    q.query<{ id: string; power_code: string }>(
      `SELECT DISTINCT a.id, i.power_code FROM agreements a
       JOIN agreement_versions v ON v.agreement_id = a.id AND v.status = 'signed'
       JOIN agreement_items i ON i.agreement_id = a.id AND i.version = v.version
       WHERE a.zone_code = $1 AND a.id <> $2 AND a.status IN ('SIGNED', 'IN_FORCE') AND i.revoked_on IS NULL
         AND i.power_code = ANY($3) AND v.start_date <= $5 AND v.end_date >= $4
         AND (a.terminated_on IS NULL OR a.terminated_on > $4)`,
      [
        draft.zoneCode,
        draft.agreementId,
        draft.content.items.map((i) => i.powerCode),
        draft.content.term.startDate,
        draft.content.term.endDate,
      ],
    ),
  ]);
  const problems: DraftProblem[] = [];
  if (zone?.status !== 'ACTIVE') {
    problems.push({
      path: 'zoneCode',
      message: `zone ${draft.zoneCode} is ${zone?.status ?? 'not a zone'}, not ACTIVE`,
      status: 409,
      refusal: zone
        ? refusal('ZONE_NOT_ACTIVE', { zoneCode: draft.zoneCode, status: zone.status })
        : refusal('NOT_A_ZONE', { zoneCode: draft.zoneCode }),
    });
  }
  const listed = new Set(catalog?.powers.filter((p) => p.status === 'listed').map((p) => p.code));
  const known = new Set(catalog?.powers.map((p) => p.code));
  draft.content.items.forEach((item, index) => {
    if (!listed.has(item.powerCode)) {
      const why = known.has(item.powerCode) ? 'is delisted' : 'is not in the published catalogue';
      const path = `body.items.${index}.powerCode`;
      problems.push({
        path: `items.${index}.powerCode`,
        message: `${item.powerCode} ${why} (version ${catalog?.version ?? 'none'})`,
        status: 400,
        refusal: known.has(item.powerCode)
          ? refusal('POWER_DELISTED', { powerCode: item.powerCode, version: catalog!.version }, path)
          : refusal('POWER_NOT_IN_CATALOGUE', { powerCode: item.powerCode, version: catalog?.version ?? null }, path),
      });
      return;
    }
    const holding = holdings.get(item.powerCode);
    if (!entrustableOnward(holding)) {
      problems.push({
        path: `items.${index}.powerCode`,
        message: `${item.powerCode}: the FTZ holds it only by ${HOLDING_MODE_LABELS.entrusted.zh} of ${holding!.grantedBy} (${holding!.document}) and may not entrust it onward`,
        status: 400,
        refusal: refusal(
          'POWER_NOT_ENTRUSTABLE',
          { powerCode: item.powerCode, grantedBy: holding!.grantedBy, document: holding!.document },
          `body.items.${index}.powerCode`,
        ),
      });
    }
  });
  const maxYears = Number(maxYearsPolicy);
  if (!termWithinLimit(draft.content.term, maxYears)) {
    problems.push({
      path: 'term.endDate',
      message: `a term may last at most ${maxYears} years`,
      status: 400,
      refusal: refusal('TERM_TOO_LONG', { maxYears }, 'body.term.endDate'),
    });
  }
  for (const o of overlaps) {
    const index = draft.content.items.findIndex((i) => i.powerCode === o.power_code);
    problems.push({
      path: `items.${index}.powerCode`,
      message: `${o.power_code} is already entrusted to zone ${draft.zoneCode} by ${o.id} over these days`,
      status: 409,
      refusal: refusal(
        'POWER_ALREADY_ENTRUSTED',
        { powerCode: o.power_code, zoneCode: draft.zoneCode, agreementId: o.id },
        `body.items.${index}.powerCode`,
      ),
    });
  }
  return problems;
}

const agreementRow = z.object({
  id: z.string(),
  zone_code: z.string(),
  status: z.string(),
  current_version: z.number(),
  start_date: z.string(),
  end_date: z.string(),
  announced_on: z.string().nullable(),
  terminated_on: z.string().nullable(),
  termination_reason: z.string().nullable(),
  items: z.array(z.object({ powerCode: z.string(), scope: z.string(), revokedOn: z.string().nullable() })).nullable(),
});
export type AgreementRow = z.infer<typeof agreementRow>;

const AGREEMENT_SELECT = `
  SELECT a.id, a.zone_code, a.status, a.current_version, to_char(a.start_date, 'YYYY-MM-DD') AS start_date,
    to_char(a.end_date, 'YYYY-MM-DD') AS end_date, to_char(a.announced_on, 'YYYY-MM-DD') AS announced_on,
    to_char(a.terminated_on, 'YYYY-MM-DD') AS terminated_on, a.termination_reason,
    (SELECT json_agg(json_build_object('powerCode', i.power_code, 'scope', i.scope, 'revokedOn', to_char(i.revoked_on, 'YYYY-MM-DD'))
       ORDER BY i.power_code)
     FROM agreement_items i WHERE i.agreement_id = a.id AND i.version = (
       SELECT max(v.version) FROM agreement_versions v WHERE v.agreement_id = a.id AND v.status = 'signed')) AS items
  FROM agreements a`;

/** Agreements (of a zone, in a status, when named) with the items of their latest signed version. */
export function agreementRows(q: Queryable, zoneCode: string | null, status: string | null): Promise<AgreementRow[]> {
  return rowsOf(
    q,
    agreementRow,
    `${AGREEMENT_SELECT} WHERE ($1::text IS NULL OR a.zone_code = $1) AND ($2::text IS NULL OR a.status = $2) ORDER BY a.zone_code, a.start_date`,
    [zoneCode, status],
  );
}

/** One agreement with the items of its latest signed version; null when there is none. */
export function agreementById(q: Queryable, id: string): Promise<AgreementRow | null> {
  return firstOf(q, agreementRow, `${AGREEMENT_SELECT} WHERE a.id = $1`, [id]);
}
