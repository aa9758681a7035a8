/**
 * Launch eligibility: the rules of starting a process that need the records, as pure functions over
 * facts that store/launch-facts.ts reads (as domain/authority.ts decides over agreement facts). The
 * workflow id and the workflows check the rest. Each rule answers the first cause only: a refusal that
 * would only follow from an earlier one (no zone, so no zone ACTIVE) is not given beside it.
 */
import type { IndicatorsInput } from './economic-indicators';
import { orgIds, countyOfOrg } from './names';
import type { PenaltyInput } from './penalties';
import type { PilotInput } from './pilots';
import type { DemandInput, PracticeInput } from './reform';
import { refusal, type Refusal } from './refusals';
import type { Application } from './registration';
import { periodBounds } from './statistics';
import type { SupervisionInput } from './supervision';
import { launchApproval } from './zone-area';
import type { ZoneEstablishmentInput } from './zone-establishment';

/** A zone as the records hold it; null when the county is no zone. */
export type ZoneState = { status: string } | null;

export interface ZoneEstablishmentFacts {
  /** The code is a county of Yingkou in the division data in force. */
  isCounty: boolean;
  /** The county's zone unless it was terminated (a terminated zone may be established again). */
  liveZone: ZoneState;
}

export interface RegistrationFacts {
  /** The residence's township in the division data in force: the county it lies in. */
  township: { countyCode: string } | null;
  /** The residence's park, when one is named: the county it lies in. */
  park: { countyCode: string } | null;
  /** The entity's registration in the FTZ, when its USCC is already registered. */
  registered: { processId: string } | null;
}

export interface PenaltyFacts {
  zone: ZoneState;
  /** A penalty already filed under the decision number. */
  filed: { processId: string; status: string } | null;
  /** The penalty case the decision closes, when one is named. */
  penaltyCase: { uscc: string; zoneCode: string; status: string } | null;
  /** The earlier decision this one changes, when one is named, and a decision that already replaced it. */
  replaced: { zoneCode: string; uscc: string; status: string; withdrawalReason: string | null } | null;
  replacedBy: { decisionNumber: string } | null;
  /** The entity the decision concerns, in the FTZ registry. */
  entity: { status: string } | null;
}

export interface IndicatorFacts {
  /** Some ACTIVE zone has no accepted report for the period. */
  zoneToReport: boolean;
}

export interface ZoneFacts {
  zone: ZoneState;
}

export interface SupervisionFacts {
  zone: ZoneState;
  /** The county's enforcement body has staff to draw inspectors from. */
  hasInspector: boolean;
}

export interface PilotFacts {
  measure: { delistedOn: string | null; delistingReason: string | null } | null;
  /** Some ACTIVE zone (not the measure's own origin) has not decided on it yet. */
  zoneToDecide: boolean;
}

/** A launch, its input and the facts its rules read: one case per process type that has rules. */
export type LaunchCase =
  | { type: 'zone-establishment'; input: ZoneEstablishmentInput; facts: ZoneEstablishmentFacts }
  | { type: 'delegation-agreement'; input: { zoneCode: string }; facts: ZoneFacts }
  | { type: 'entity-registration'; input: Application; facts: RegistrationFacts }
  | { type: 'penalty-report'; input: PenaltyInput; facts: PenaltyFacts }
  | { type: 'economic-indicators'; input: IndicatorsInput; facts: IndicatorFacts }
  | { type: 'reform-practice'; input: PracticeInput; facts: ZoneFacts }
  | { type: 'reform-demand'; input: DemandInput; facts: ZoneFacts }
  | { type: 'supervision-plan'; input: SupervisionInput; facts: SupervisionFacts }
  | { type: 'pilot-adoption'; input: PilotInput; facts: PilotFacts };

export type LaunchType = LaunchCase['type'];

/** Who launches, and when: the organisation and the moment (ms since the epoch). */
export interface Launcher {
  orgId: string;
  now: number;
}

/** The day in China at `now` (UTC+8, no daylight saving). */
export const chinaDay = (now: number) => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

/** The first reason a launch is refused, or null when the records allow it. */
export function launchRefusal(launch: LaunchCase, by: Launcher): Refusal | null {
  switch (launch.type) {
    case 'zone-establishment':
      return zoneEstablishmentRefusal(launch.input, launch.facts, by);
    case 'delegation-agreement':
      return activeZoneRefusal(launch.input.zoneCode, launch.facts.zone);
    case 'entity-registration':
      return registrationRefusal(launch.input, launch.facts);
    case 'penalty-report':
      return penaltyRefusal(launch.input, launch.facts, by);
    case 'economic-indicators':
      return indicatorsRefusal(launch.input, launch.facts, by);
    case 'reform-practice':
      return practiceRefusal(launch.input, launch.facts, by);
    case 'reform-demand':
      return activeZoneRefusal(launch.input.zoneCode, launch.facts.zone) ?? afterToday('body.receivedOn', launch.input.receivedOn, by);
    case 'supervision-plan':
      return supervisionRefusal(launch.input, launch.facts, by);
    case 'pilot-adoption':
      return pilotRefusal(launch.input, launch.facts);
  }
}

/** The zone a process is about: recorded, and ACTIVE. */
export function activeZoneRefusal(zoneCode: string, zone: ZoneState): Refusal | null {
  if (!zone) return refusal('NOT_A_ZONE', { zoneCode }, 'body.zoneCode');
  if (zone.status !== 'ACTIVE') return refusal('ZONE_NOT_ACTIVE', { zoneCode, status: zone.status }, 'body.zoneCode');
  return null;
}

/** A day that must have come: not after today in China. */
function afterToday(field: string, date: string, by: Launcher): Refusal | null {
  const today = chinaDay(by.now);
  return date > today ? refusal('DATED_AFTER_TODAY', { field, date, today }, field) : null;
}

/**
 * A county of Yingkou, not a zone already (unless terminated), with the city's approval (批复): the
 * first batch has the policy's own (filled in at launch when left out); any other county needs its
 * 文号 and date, and an approval is not dated after today.
 */
function zoneEstablishmentRefusal(input: ZoneEstablishmentInput, facts: ZoneEstablishmentFacts, by: Launcher): Refusal | null {
  const { countyCode } = input;
  if (!facts.isCounty) return refusal('NOT_A_COUNTY', { countyCode }, 'body.countyCode');
  if (facts.liveZone) return refusal('ALREADY_A_ZONE', { zoneCode: countyCode, status: facts.liveZone.status }, 'body.countyCode');
  const approval = launchApproval(countyCode, input.approval);
  if (!approval) return refusal('APPROVAL_NEEDED', { countyCode }, 'body.approval');
  return afterToday('body.approval.approvedOn', approval.approvedOn, by);
}

/**
 * The residence's township (and park, if named) exist and lie in the stated county; a USCC already
 * registered is not registered again. Screening (domain/screening.ts) decides the rest in the workflow.
 */
function registrationRefusal(input: Application, facts: RegistrationFacts): Refusal | null {
  const { divisionCode: countyCode, townshipCode, parkId } = input.residence;
  if (!facts.township) return refusal('TOWNSHIP_UNKNOWN', { townshipCode }, 'body.residence.townshipCode');
  if (facts.township.countyCode !== countyCode) {
    const params = { townshipCode, countyCode, ofCountyCode: facts.township.countyCode };
    return refusal('TOWNSHIP_OF_OTHER_COUNTY', params, 'body.residence.townshipCode');
  }
  if (parkId && !facts.park) return refusal('PARK_UNKNOWN', { parkId }, 'body.residence.parkId');
  if (parkId && facts.park && facts.park.countyCode !== countyCode)
    return refusal('PARK_OF_OTHER_COUNTY', { parkId, countyCode, ofCountyCode: facts.park.countyCode }, 'body.residence.parkId');
  if (input.uscc && facts.registered)
    return refusal('ALREADY_REGISTERED', { uscc: input.uscc, processId: facts.registered.processId }, 'body.uscc');
  return null;
}

/**
 * A penalty decision filed by the enforcement body of its own county, for an ACTIVE zone, dated by
 * today, under a number never filed before (a withdrawn decision's number is not filed again), closing
 * an OPEN case of the same entity and zone, and changing only a decision withdrawn as changed and not
 * replaced yet. Imposed under local authority (四(三)1): no entrusted power is asked for, only the
 * entity's registration.
 */
function penaltyRefusal(input: PenaltyInput, facts: PenaltyFacts, by: Launcher): Refusal | null {
  const { zoneCode, decision, decisionNumber } = input;
  if (by.orgId !== orgIds.enforcement(zoneCode)) return refusal('OWN_COUNTY_ONLY', { orgId: by.orgId, zoneCode }, 'body.zoneCode');
  const zoneRefused = activeZoneRefusal(zoneCode, facts.zone);
  if (zoneRefused) return zoneRefused;
  const dated = afterToday('body.decision.decidedOn', decision.decidedOn, by);
  if (dated) return dated;
  // The 409 names the number, on its field: the number is what is taken, not the entity.
  if (facts.filed) {
    const params = { decisionNumber, status: facts.filed.status, processId: facts.filed.processId };
    return refusal('DECISION_NUMBER_FILED', params, 'body.decisionNumber');
  }
  const caseRefused = input.caseId ? penaltyCaseRefusal(input.caseId, input, facts.penaltyCase) : null;
  if (caseRefused) return caseRefused;
  const replacedRefused = input.replaces ? replacedRefusal(input.replaces, input, facts) : null;
  if (replacedRefused) return replacedRefused;
  if (!facts.entity) return refusal('ENTITY_NOT_REGISTERED', { uscc: decision.uscc }, 'body.decision.uscc');
  if (facts.entity.status !== 'REGISTERED')
    return refusal('ENTITY_NOT_ACTIVE', { uscc: decision.uscc, status: facts.entity.status }, 'body.decision.uscc');
  return null;
}

function penaltyCaseRefusal(caseId: string, input: PenaltyInput, found: PenaltyFacts['penaltyCase']): Refusal | null {
  if (!found) return refusal('PENALTY_CASE_UNKNOWN', { caseId }, 'body.caseId');
  if (found.uscc !== input.decision.uscc || found.zoneCode !== input.zoneCode)
    return refusal('PENALTY_CASE_OF_OTHER_ENTITY', { caseId, uscc: found.uscc, zoneCode: found.zoneCode }, 'body.caseId');
  if (found.status !== 'OPEN') return refusal('PENALTY_CASE_NOT_OPEN', { caseId, status: found.status }, 'body.caseId');
  return null;
}

/** A new decision that changes an earlier one follows its withdrawal: same zone and entity, withdrawn as changed, replaced once. */
function replacedRefusal(decisionNumber: string, input: PenaltyInput, facts: PenaltyFacts): Refusal | null {
  const earlier = facts.replaced;
  if (!earlier) return refusal('REPLACED_DECISION_UNKNOWN', { decisionNumber }, 'body.replaces');
  if (earlier.zoneCode !== input.zoneCode || earlier.uscc !== input.decision.uscc) {
    const params = { decisionNumber, uscc: earlier.uscc, zoneCode: earlier.zoneCode };
    return refusal('REPLACED_DECISION_OF_OTHER_ENTITY', params, 'body.replaces');
  }
  if (earlier.status !== 'WITHDRAWN' || !earlier.withdrawalReason?.startsWith('changed:'))
    return refusal('REPLACED_DECISION_NOT_WITHDRAWN', { decisionNumber, status: earlier.status }, 'body.replaces');
  if (facts.replacedBy)
    return refusal('DECISION_ALREADY_REPLACED', { decisionNumber, replacedBy: facts.replacedBy.decisionNumber }, 'body.replaces');
  return null;
}

/** A month's figures are known once it has ended (China time), and a round is for zones still to report. */
function indicatorsRefusal(input: IndicatorsInput, facts: IndicatorFacts, by: Launcher): Refusal | null {
  const { period } = input;
  if (Date.parse(periodBounds(period).to) > by.now) return refusal('PERIOD_NOT_ENDED', { period }, 'body.period');
  if (!facts.zoneToReport) return refusal('INDICATORS_ALL_ACCEPTED', { period }, 'body.period');
  return null;
}

/** A zone's own body or government proposes, for its own ACTIVE zone. */
function practiceRefusal(input: PracticeInput, facts: ZoneFacts, by: Launcher): Refusal | null {
  const zoneRefused = activeZoneRefusal(input.zoneCode, facts.zone);
  if (zoneRefused) return zoneRefused;
  if (countyOfOrg(by.orgId) !== input.zoneCode)
    return refusal('PRACTICE_OF_OWN_ZONE_ONLY', { orgId: by.orgId, zoneCode: input.zoneCode }, 'body.zoneCode');
  return null;
}

/** A county plans inspections in its own ACTIVE zone only (the FTZ in any), drawn from its enforcement body's staff. */
function supervisionRefusal(input: SupervisionInput, facts: SupervisionFacts, by: Launcher): Refusal | null {
  const { zoneCode } = input;
  if (by.orgId !== 'ftz' && by.orgId !== orgIds.government(zoneCode))
    return refusal('PLAN_OF_OWN_ZONE_ONLY', { orgId: by.orgId, zoneCode }, 'body.zoneCode');
  const zoneRefused = activeZoneRefusal(zoneCode, facts.zone);
  if (zoneRefused) return zoneRefused;
  if (!facts.hasInspector) return refusal('ROSTER_EMPTY', { orgId: orgIds.enforcement(zoneCode) }, 'body.zoneCode');
  return null;
}

/**
 * A measure listed (or listed by this launch, once), still a pilot, with some ACTIVE zone left to
 * decide on it (a measure from a zone's own practice is not offered to that zone).
 */
function pilotRefusal(input: PilotInput, facts: PilotFacts): Refusal | null {
  const { measureCode } = input;
  const { measure } = facts;
  if (!measure && !input.listing) return refusal('MEASURE_NOT_LISTED', { measureCode }, 'body.measureCode');
  if (measure && input.listing) return refusal('MEASURE_ALREADY_LISTED', { measureCode }, 'body.listing');
  if (measure?.delistedOn) {
    const params = { measureCode, delistedOn: measure.delistedOn, reason: measure.delistingReason ?? '' };
    return refusal('MEASURE_DELISTED', params, 'body.measureCode');
  }
  if (!facts.zoneToDecide) return refusal('NO_ZONE_LEFT_TO_DECIDE', { measureCode }, 'body.measureCode');
  return null;
}
