import { negativeListHits, type Application, type NegativeListItem, type Refusal } from '../domain/registration';
import { authorityOn } from '../domain/authority';
import { agreementFacts } from './agreements';
import { catalogVersion } from './catalog';
import type { Queryable } from './db';
import { readPolicy } from './policy';

/** A licence item the records allow: the power, its agreement and the working days to verify it. */
export interface ItemAuthority {
  powerCode: string;
  powerName: string;
  agreementId: string;
  agreementVersion: number;
  verificationDays: number;
}

export interface Screening {
  refusals: Refusal[];
  zoneName: string;
  items: ItemAuthority[];
}

/**
 * Every business check of an application against the records, on `date` (a day in China): the
 * residence's zone, the negative list, the applicant's credit, each licence item's power.
 */
export async function screenApplication(q: Queryable, application: Application, date: string): Promise<Screening> {
  const refusals: Refusal[] = [];
  const county = application.residence.divisionCode;
  const [zone] = await q.query<{ name: string; status: string }>('SELECT name, status FROM zones WHERE code = $1', [county]);
  if (zone?.status !== 'ACTIVE') {
    refusals.push({ code: 'residence-not-in-active-zone', message: `the residence's county ${county} is ${zone ? `a ${zone.status} zone` : 'not a zone'}, not an ACTIVE one` });
  }
  const edition = String(await readPolicy(q, 'registration.negativeListEdition', county));
  const list = await q.query<NegativeListItem>('SELECT code, kind, title, keywords FROM negative_list_items WHERE edition = $1 ORDER BY code', [edition]);
  for (const hit of negativeListHits(application.businessScope, list)) {
    refusals.push(
      hit.kind === 'prohibited'
        ? { code: 'negative-list-prohibited', message: `the business scope touches a prohibited entry of the negative list (${edition}) ${hit.code}: ${hit.title}` }
        : { code: 'negative-list-restricted', message: `the business scope touches a restricted entry of the negative list (${edition}) ${hit.code}: ${hit.title}; apply by the normal licence route` },
    );
  }
  if (application.uscc && application.licenceItems.length) {
    const [barred] = await q.query<{ id: string; reason: string }>(
      `SELECT id, reason FROM credit_records WHERE uscc = $1 AND status = 'ACTIVE' AND bars_commitment LIMIT 1`,
      [application.uscc],
    );
    if (barred) refusals.push({ code: 'commitment-barred', message: `credit record ${barred.id} bars ${application.uscc} from the commitment route: ${barred.reason}` });
  }
  const { items, refusals: itemRefusals } = await itemAuthorities(q, county, application.licenceItems.map((i) => i.powerCode), date);
  return { refusals: [...refusals, ...itemRefusals], zoneName: zone?.name ?? '', items };
}

/**
 * The residence's zone on the day of consent: it may have been suspended or terminated since the
 * application was screened. A registration goes into an ACTIVE zone only.
 */
export async function zoneRefusal(q: Queryable, county: string): Promise<Refusal | null> {
  const [zone] = await q.query<{ status: string; terminated_on: string | null }>(
    `SELECT status, to_char(terminated_on, 'YYYY-MM-DD') AS terminated_on FROM zones WHERE code = $1`,
    [county],
  );
  if (zone?.status === 'ACTIVE') return null;
  if (zone?.status === 'TERMINATED') return { code: 'zone-terminated', message: `zone ${county} was terminated on ${zone.terminated_on}` };
  return { code: 'residence-not-in-active-zone', message: `the residence's county ${county} is ${zone ? `a ${zone.status} zone` : 'not a zone'}, not an ACTIVE one` };
}

/** Each power: listed in the catalogue in force, open to commitment, and in force for the zone on `date`. */
export async function itemAuthorities(q: Queryable, zoneCode: string, powerCodes: string[], date: string) {
  const refusals: Refusal[] = [];
  const items: ItemAuthority[] = [];
  if (!powerCodes.length) return { refusals, items };
  const catalog = await catalogVersion(q);
  const facts = await agreementFacts(q, zoneCode);
  for (const powerCode of powerCodes) {
    const power = catalog?.powers.find((p) => p.code === powerCode && p.status === 'listed');
    if (!power?.commitmentApplicable) {
      refusals.push({ code: 'not-a-commitment-item', message: `${powerCode} is ${power ? 'not granted on commitment' : 'not a listed power'}` });
      continue;
    }
    const authority = authorityOn(facts, { zoneCode, powerCode, date });
    if (!authority.inForce) {
      refusals.push({ code: 'power-not-in-force', message: `${powerCode} (${power.name}) is not in force for zone ${zoneCode} on ${date}: ${authority.reason}` });
      continue;
    }
    items.push({ powerCode, powerName: power.name, agreementId: authority.agreementId, agreementVersion: authority.version, verificationDays: power.verificationDays });
  }
  return { refusals, items };
}
