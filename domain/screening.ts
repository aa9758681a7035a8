/**
 * P3's screening of an application, as rules over facts the records hold (fetched by store/registration.ts,
 * as domain/authority.ts decides over agreement facts): the residence's zone and its area, the negative
 * list in force, the applicant's credit, each licence item's power in the catalogue and its agreement.
 */
import { authorityOn, type AgreementFacts } from './authority';
import type { Power } from './powers';
import {
  negativeListHits,
  type Application,
  type NegativeListItem,
  type NormalRouteItem,
  type NormalRouteReason,
  type Refusal,
} from './registration';
import type { AreaVersion } from './zone-area';

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

export interface ZoneFact {
  name: string;
  status: string;
  terminatedOn: string | null;
}

/** What the records say of one zone's licence items on a day: the catalogue in force and the zone's agreements. */
export interface AuthorityFacts {
  /** The powers of the catalogue in force (none before one is published). */
  powers: Power[];
  agreements: AgreementFacts[];
}

export interface ScreeningFacts extends AuthorityFacts {
  zone: ZoneFact | null;
  /** The residence against the area the signed memorandum draws on the day (inside when none is drawn yet). */
  area: { inside: boolean; version?: Pick<AreaVersion, 'memorandumVersion' | 'effectiveFrom'>; townshipName: string | null };
  negativeList: { title: string; items: NegativeListItem[] };
  /** An ACTIVE credit record of the applicant that bars the commitment route, if any. */
  commitmentBar: { id: string; reason: string } | null;
}

/**
 * Every business check of an application on `date` (a day in China). Refused: outside an ACTIVE zone
 * or its area, a prohibited entry, an item whose power is not there. Not refused: a restricted entry puts
 * its licence on the normal route, and so does a credit record that bars the commitment route for every item.
 */
export function screenApplication(application: Application, facts: ScreeningFacts, date: string): Screening {
  const refusals: Refusal[] = [];
  const county = application.residence.divisionCode;
  const { zone } = facts;
  if (zone?.status !== 'ACTIVE') {
    refusals.push(notInActiveZone(county, zone));
  } else if (!facts.area.inside) {
    refusals.push(outsideArea(zone.name, application.residence, facts.area));
  }
  const normal = new Map<string, { reason: NormalRouteReason; because: string }>();
  const notices: string[] = [];
  const list = facts.negativeList;
  for (const hit of negativeListHits(application.businessScope, list.items)) {
    const entry = `${list.title} ${hit.code}: ${hit.title}`;
    if (hit.kind === 'prohibited') {
      refusals.push({
        code: 'negative-list-prohibited',
        message: `the business scope touches a prohibited entry of the ${entry}`,
        facts: { list: list.title, entryCode: hit.code, entryTitle: hit.title },
      });
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
  const barred = application.uscc && onCommitment.length ? facts.commitmentBar : null;
  if (barred) {
    for (const item of onCommitment.splice(0))
      normal.set(item.powerCode, { reason: 'commitment-barred', because: `credit record ${barred.id}: ${barred.reason}` });
  }
  const { items, refusals: allItemRefusals } = itemAuthorities(
    facts,
    county,
    onCommitment.map((i) => i.powerCode),
    date,
  );
  // Outside an ACTIVE zone no power is in force for it: that follows from the cause already given,
  // so it is not a reason of its own (a power not listed at all still is).
  const itemRefusals = zone?.status === 'ACTIVE' ? allItemRefusals : allItemRefusals.filter((r) => r.code !== 'power-not-in-force');
  const { normalItems, refusals: normalRefusals } = normalRouteItems(facts.powers, normal);
  return { refusals: [...refusals, ...itemRefusals, ...normalRefusals], zoneName: zone?.name ?? '', items, normalItems, notices };
}

/**
 * The residence's zone on the day of consent: it may have been suspended or terminated since the
 * application was screened. A registration goes into an ACTIVE zone only.
 */
export function zoneRefusal(county: string, zone: ZoneFact | null): Refusal | null {
  if (zone?.status === 'ACTIVE') return null;
  if (zone?.status === 'TERMINATED')
    return {
      code: 'zone-terminated',
      message: `zone ${county} was terminated on ${zone.terminatedOn}`,
      facts: { countyCode: county, terminatedOn: zone.terminatedOn },
    };
  return notInActiveZone(county, zone);
}

/** Each power: listed in the catalogue in force, open to commitment, and in force for the zone on `date`. */
export function itemAuthorities(facts: AuthorityFacts, zoneCode: string, powerCodes: string[], date: string) {
  const refusals: Refusal[] = [];
  const items: ItemAuthority[] = [];
  for (const powerCode of powerCodes) {
    const power = facts.powers.find((p) => p.code === powerCode && p.status === 'listed');
    if (!power?.commitmentApplicable) {
      refusals.push({
        code: 'not-a-commitment-item',
        message: `${powerCode} is ${power ? 'not granted on commitment' : 'not a listed power'}`,
        facts: { powerCode, listed: Boolean(power) },
      });
      continue;
    }
    const authority = authorityOn(facts.agreements, { zoneCode, powerCode, date });
    if (!authority.inForce) {
      refusals.push({
        code: 'power-not-in-force',
        message: `${powerCode} (${power.name}) is not in force for zone ${zoneCode} on ${date}: ${authority.reason}`,
        facts: { powerCode, powerName: power.name, zoneCode, date, cause: authority.cause },
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

function notInActiveZone(county: string, zone: ZoneFact | null): Refusal {
  return {
    code: 'residence-not-in-active-zone',
    message: `the residence's county ${county} is ${zone ? `a ${zone.status} zone` : 'not a zone'}, not an ACTIVE one`,
    facts: { countyCode: county, zoneStatus: zone?.status ?? null },
  };
}

/**
 * The residence inside the county but outside the area the signed memorandum draws on the day
 * ("具体设定区域以…签署协同发展备忘录为准"): refused, saying which area and since when.
 */
function outsideArea(zoneName: string, residence: Application['residence'], area: ScreeningFacts['area']): Refusal {
  const where = `${area.townshipName ?? ''}（${residence.townshipCode}）${residence.parkId ? `、园区 ${residence.parkId}` : ''}`;
  const drawn = area.version
    ? `备忘录第 ${area.version.memorandumVersion} 版所划区域（自 ${area.version.effectiveFrom} 起适用）`
    : '备忘录所划区域（尚未适用）';
  return {
    code: 'residence-outside-zone-area',
    message: `住所所在${where}不在${zoneName}${drawn}内`,
    facts: {
      townshipCode: residence.townshipCode ?? '',
      townshipName: area.townshipName,
      parkId: residence.parkId ?? null,
      zoneName,
      memorandumVersion: area.version?.memorandumVersion ?? null,
      effectiveFrom: area.version?.effectiveFrom ?? null,
    },
  };
}

/** Items by the normal route: the FTZ window decides itself, so the power need only be listed in the catalogue in force. */
function normalRouteItems(powers: Power[], normal: Map<string, { reason: NormalRouteReason; because: string }>) {
  const refusals: Refusal[] = [];
  const normalItems: NormalRouteItem[] = [];
  for (const [powerCode, why] of normal) {
    const power = powers.find((p) => p.code === powerCode && p.status === 'listed' && p.kind === 'licensing');
    if (!power) {
      refusals.push({
        code: 'power-not-listed',
        message: `${powerCode} is not a licensing power listed in the catalogue in force`,
        facts: { powerCode },
      });
      continue;
    }
    normalItems.push({ powerCode, powerName: power.name, ...why });
  }
  return { refusals, normalItems };
}
