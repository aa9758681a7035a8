/** The organisation register as the API reads and corrects it. Rows are parsed, not cast. */
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

/** Sets an organisation's USCC; null when there is no such organisation. */
export function setOrganizationUscc(q: Queryable, id: string, uscc: string): Promise<OrganizationRow | null> {
  return firstOf(
    q,
    organizationRow,
    `UPDATE organizations SET uscc = $2 WHERE id = $1 RETURNING id, name_zh, name_en, kind, county_code, active, uscc`,
    [id, uscc],
  );
}
