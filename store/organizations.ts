/** The organisation register as the API reads and corrects it: the whole register, one organisation's kind, the names. Rows are parsed, not cast. */
import { z } from 'zod';
import type { Queryable } from './db';
import { firstOf, rowsOf } from './rows';

const organizationRow = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  kind: z.string(),
  county_code: z.string().nullable(),
  active: z.boolean(),
  uscc: z.string().nullable(),
});
export type OrganizationRow = z.infer<typeof organizationRow>;

/** Every organisation, the zone bodies created since included. */
export function organizationRows(q: Queryable): Promise<OrganizationRow[]> {
  return rowsOf(q, organizationRow, 'SELECT id, name_zh, name_en, kind, county_code, active, uscc FROM organizations ORDER BY id');
}

/** What a demand's routing asks of an organisation: its kind and whether it acts; null when there is no such organisation. */
export function organizationKind(q: Queryable, id: string): Promise<{ id: string; kind: string; active: boolean } | null> {
  return firstOf(
    q,
    organizationRow.pick({ id: true, kind: true, active: true }),
    'SELECT id, kind, active FROM organizations WHERE id = $1',
    [id],
  );
}

/** Every organisation's id and Chinese name, by id. */
export function organizationNames(q: Queryable): Promise<{ id: string; name_zh: string }[]> {
  return rowsOf(q, organizationRow.pick({ id: true, name_zh: true }), 'SELECT id, name_zh FROM organizations ORDER BY id');
}

/** Sets an organisation's USCC; null when there is no such organisation. */
export function setOrganizationUscc(q: Queryable, id: string, uscc: string): Promise<OrganizationRow | null> {
  return firstOf(
    q,
    organizationRow,
    `UPDATE organizations SET uscc = $2 WHERE id = $1 RETURNING id, name_zh, name_en, kind, county_code, active, uscc`,
    [id, uscc],
  );
}
