/**
 * The facts P3's screening decides over (domain/screening.ts), read from the records; rows are parsed,
 * not cast, so a column that changes shape fails here rather than deep in a rule.
 */
import { z } from 'zod';
import type { Application } from '../domain/registration';
import type { AuthorityFacts, ScreeningFacts, ZoneFact } from '../domain/screening';
import { agreementFacts } from './agreements';
import { catalogVersion } from './catalog';
import type { Queryable } from './db';
import { placeInZone } from './divisions';

const zoneRow = z.object({ name: z.string(), status: z.string(), terminated_on: z.string().nullable() });
const editionRow = z.object({ edition: z.string(), title: z.string() });
const negativeListItemRow = z.object({
  code: z.string(),
  kind: z.enum(['prohibited', 'restricted']),
  title: z.string(),
  keywords: z.array(z.string()),
  powerCode: z.string().nullable(),
});
const creditBarRow = z.object({ id: z.string(), reason: z.string() });
const townshipRow = z.object({ name_zh: z.string() });

/** The zone of a county, as the records hold it now; null when the county is no zone. */
export async function zoneFact(q: Queryable, county: string): Promise<ZoneFact | null> {
  const [row] = await q.query(`SELECT name, status, to_char(terminated_on, 'YYYY-MM-DD') AS terminated_on FROM zones WHERE code = $1`, [
    county,
  ]);
  if (!row) return null;
  const zone = zoneRow.parse(row);
  return { name: zone.name, status: zone.status, terminatedOn: zone.terminated_on };
}

/** The catalogue in force and a zone's agreements: what decides whether a licence item may be granted there. */
export async function authorityFacts(q: Queryable, zoneCode: string): Promise<AuthorityFacts> {
  const [catalog, agreements] = await Promise.all([catalogVersion(q), agreementFacts(q, zoneCode)]);
  return { powers: catalog?.powers ?? [], agreements };
}

/** The negative-list edition in force on `date`: the latest whose day has come. */
async function negativeListInForce(q: Queryable, date: string): Promise<ScreeningFacts['negativeList']> {
  const [row] = await q.query(
    `SELECT edition, title FROM negative_list_editions WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
    [date],
  );
  if (!row) return { title: 'none', items: [] };
  const edition = editionRow.parse(row);
  const items = await q.query(
    'SELECT code, kind, title, keywords, power_code AS "powerCode" FROM negative_list_items WHERE edition = $1 ORDER BY code',
    [edition.edition],
  );
  return { title: edition.title, items: items.map((item) => negativeListItemRow.parse(item)) };
}

/** Everything the screening of an application on `date` (a day in China) reads from the records. */
export async function screeningFacts(q: Queryable, application: Application, date: string): Promise<ScreeningFacts> {
  const { residence } = application;
  const county = residence.divisionCode;
  const [zone, placed, negativeList, authority] = await Promise.all([
    zoneFact(q, county),
    placeInZone(q, county, residence, date),
    negativeListInForce(q, date),
    authorityFacts(q, county),
  ]);
  const [township] = placed.inside ? [] : await q.query('SELECT name_zh FROM divisions WHERE code = $1', [residence.townshipCode]);
  const [bar] = application.uscc
    ? await q.query(`SELECT id, reason FROM credit_records WHERE uscc = $1 AND status = 'ACTIVE' AND bars_commitment LIMIT 1`, [
        application.uscc,
      ])
    : [];
  return {
    ...authority,
    zone,
    area: { inside: placed.inside, version: placed.version, townshipName: township ? townshipRow.parse(township).name_zh : null },
    negativeList,
    commitmentBar: bar ? creditBarRow.parse(bar) : null,
  };
}
