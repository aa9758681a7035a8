import {
  negativeListHits,
  type Application,
  type NegativeListItem,
  type NormalRouteItem,
  type NormalRouteReason,
  type Refusal,
} from '../domain/registration';
import { authorityOn } from '../domain/authority';
import { agreementFacts } from './agreements';
import { catalogVersion } from './catalog';
import type { Queryable } from './db';
import { placeInZone } from './divisions';

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
  /** Items on commitment, each with the authority that grants it. */
  items: ItemAuthority[];
  /** Items the FTZ window handles by the normal route (许可事项现场核查). */
  normalItems: NormalRouteItem[];
  /** Licences the business scope needs from authorities outside the catalogue (a restricted entry with no power here). */
  notices: string[];
}

/** The negative-list edition in force on `date`: the latest whose day has come. */
async function negativeListInForce(q: Queryable, date: string) {
  const [edition] = await q.query<{ edition: string; title: string }>(
    `SELECT edition, title FROM negative_list_editions WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
    [date],
  );
  if (!edition) return { title: 'none', items: [] as NegativeListItem[] };
  const items = await q.query<NegativeListItem>(
    'SELECT code, kind, title, keywords, power_code AS "powerCode" FROM negative_list_items WHERE edition = $1 ORDER BY code',
    [edition.edition],
  );
  return { title: edition.title, items };
}

/**
 * Every business check of an application against the records, on `date` (a day in China): the
 * residence's zone, the negative list in force, the applicant's credit, each licence item's power.
 * Refused: outside an ACTIVE zone, a prohibited entry, an item whose power is not there. Not
 * refused: a restricted entry puts its licence on the normal route, and so does a credit record
 * that bars the commitment route for every item.
 */
export async function screenApplication(q: Queryable, application: Application, date: string): Promise<Screening> {
  const refusals: Refusal[] = [];
  const county = application.residence.divisionCode;
  const [zone] = await q.query<{ name: string; status: string }>('SELECT name, status FROM zones WHERE code = $1', [county]);
  if (zone?.status !== 'ACTIVE') {
    refusals.push({
      code: 'residence-not-in-active-zone',
      message: `the residence's county ${county} is ${zone ? `a ${zone.status} zone` : 'not a zone'}, not an ACTIVE one`,
    });
  } else {
    const outside = await areaRefusal(q, zone.name, application.residence, date);
    if (outside) refusals.push(outside);
  }
  const normal = new Map<string, { reason: NormalRouteReason; because: string }>();
  const notices: string[] = [];
  const list = await negativeListInForce(q, date);
  for (const hit of negativeListHits(application.businessScope, list.items)) {
    const entry = `${list.title} ${hit.code}: ${hit.title}`;
    if (hit.kind === 'prohibited') {
      refusals.push({ code: 'negative-list-prohibited', message: `the business scope touches a prohibited entry of the ${entry}` });
    } else if (hit.powerCode) {
      normal.set(hit.powerCode, { reason: 'negative-list-restricted', because: entry });
    } else {
      notices.push(`${entry}: a licence from the competent authority is needed before operating`);
    }
  }
  for (const item of application.licenceItems) {
    if (item.variant === 'normalRoute' && !normal.has(item.powerCode))
      normal.set(item.powerCode, { reason: 'chosen', because: item.note ?? 'chosen by the applicant' });
  }
  const onCommitment = application.licenceItems.filter((i) => i.variant !== 'normalRoute' && !normal.has(i.powerCode));
  if (application.uscc && onCommitment.length) {
    const [barred] = await q.query<{ id: string; reason: string }>(
      `SELECT id, reason FROM credit_records WHERE uscc = $1 AND status = 'ACTIVE' AND bars_commitment LIMIT 1`,
      [application.uscc],
    );
    if (barred) {
      for (const item of onCommitment.splice(0))
        normal.set(item.powerCode, { reason: 'commitment-barred', because: `credit record ${barred.id}: ${barred.reason}` });
    }
  }
  const { items, refusals: allItemRefusals } = await itemAuthorities(
    q,
    county,
    onCommitment.map((i) => i.powerCode),
    date,
  );
  // Outside an ACTIVE zone no power is in force for it: that follows from the cause already given,
  // so it is not a reason of its own (a power not listed at all still is).
  const itemRefusals = zone?.status === 'ACTIVE' ? allItemRefusals : allItemRefusals.filter((r) => r.code !== 'power-not-in-force');
  const { normalItems, refusals: normalRefusals } = await normalRouteItems(q, normal);
  return { refusals: [...refusals, ...itemRefusals, ...normalRefusals], zoneName: zone?.name ?? '', items, normalItems, notices };
}

/**
 * The residence inside the county but outside the area the signed memorandum draws on `date`
 * ("具体设定区域以…签署协同发展备忘录为准"): refused, saying which area and since when.
 */
async function areaRefusal(q: Queryable, zoneName: string, residence: Application['residence'], date: string): Promise<Refusal | null> {
  const { inside, version } = await placeInZone(q, residence.divisionCode, residence, date);
  if (inside) return null;
  const [township] = await q.query<{ name_zh: string }>('SELECT name_zh FROM divisions WHERE code = $1', [residence.townshipCode]);
  const where = `${township?.name_zh ?? ''}（${residence.townshipCode}）${residence.parkId ? `、园区 ${residence.parkId}` : ''}`;
  const area = version
    ? `备忘录第 ${version.memorandumVersion} 版所划区域（自 ${version.effectiveFrom} 起适用）`
    : '备忘录所划区域（尚未适用）';
  return { code: 'residence-outside-zone-area', message: `住所所在${where}不在${zoneName}${area}内` };
}

/** Items by the normal route: the FTZ window decides itself, so the power need only be listed in the catalogue in force. */
async function normalRouteItems(q: Queryable, normal: Map<string, { reason: NormalRouteReason; because: string }>) {
  const refusals: Refusal[] = [];
  const normalItems: NormalRouteItem[] = [];
  if (!normal.size) return { refusals, normalItems };
  const catalog = await catalogVersion(q);
  for (const [powerCode, why] of normal) {
    const power = catalog?.powers.find((p) => p.code === powerCode && p.status === 'listed' && p.kind === 'licensing');
    if (!power) {
      refusals.push({ code: 'power-not-listed', message: `${powerCode} is not a licensing power listed in the catalogue in force` });
      continue;
    }
    normalItems.push({ powerCode, powerName: power.name, ...why });
  }
  return { refusals, normalItems };
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
  return {
    code: 'residence-not-in-active-zone',
    message: `the residence's county ${county} is ${zone ? `a ${zone.status} zone` : 'not a zone'}, not an ACTIVE one`,
  };
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
      refusals.push({
        code: 'not-a-commitment-item',
        message: `${powerCode} is ${power ? 'not granted on commitment' : 'not a listed power'}`,
      });
      continue;
    }
    const authority = authorityOn(facts, { zoneCode, powerCode, date });
    if (!authority.inForce) {
      refusals.push({
        code: 'power-not-in-force',
        message: `${powerCode} (${power.name}) is not in force for zone ${zoneCode} on ${date}: ${authority.reason}`,
      });
      continue;
    }
    items.push({
      powerCode,
      powerName: power.name,
      agreementId: authority.agreementId,
      agreementVersion: authority.version,
      verificationDays: power.verificationDays,
    });
  }
  return { refusals, items };
}
