import { launchRefusal, type LaunchCase, type PenaltyFacts } from './eligibility';
import type { PenaltyInput } from './penalties';
import type { Application } from './registration';

/** Launch eligibility as rules over facts: each case the policy describes, with the facts spelled out. */
const NOW = Date.parse('2026-06-15T04:00:00Z');
const city = { orgId: 'city', now: NOW };
const refusedFor = (launch: LaunchCase, by = city) => launchRefusal(launch, by);

describe('P1: a zone is established for a county of Yingkou that is not a zone already', () => {
  const launch = (countyCode: string, facts: { isCounty: boolean; liveZone: { status: string } | null }, approvedOn?: string) =>
    refusedFor({
      type: 'zone-establishment',
      input: { countyCode, ...(approvedOn ? { approval: { documentNumber: '营政〔2026〕9号', approvedOn } } : {}) } as never,
      facts,
    });

  test('a first-batch county that is no zone yet is launched on the policy’s own approval', () => {
    expect(launch('210881', { isCounty: true, liveZone: null })).toBeNull();
  });

  test('a code that is no county of Yingkou is refused on the county field', () => {
    expect(launch('210899', { isCounty: false, liveZone: null })).toEqual({
      code: 'NOT_A_COUNTY',
      params: { countyCode: '210899' },
      path: 'body.countyCode',
    });
  });

  test('a second establishment for a county already a zone is refused, saying the zone’s status — and nothing that follows from it', () => {
    expect(launch('210881', { isCounty: true, liveZone: { status: 'ACTIVE' } })).toEqual({
      code: 'ALREADY_A_ZONE',
      params: { zoneCode: '210881', status: 'ACTIVE' },
      path: 'body.countyCode',
    });
    // Already a zone, and outside the first batch without an approval: the first cause only.
    expect(launch('210882', { isCounty: true, liveZone: { status: 'SUSPENDED' } })?.code).toBe('ALREADY_A_ZONE');
  });

  test('a county outside the first batch needs the city’s approval, dated by today in China', () => {
    expect(launch('210882', { isCounty: true, liveZone: null })).toEqual({
      code: 'APPROVAL_NEEDED',
      params: { countyCode: '210882' },
      path: 'body.approval',
    });
    expect(launch('210882', { isCounty: true, liveZone: null }, '2026-06-15')).toBeNull();
    expect(launch('210882', { isCounty: true, liveZone: null }, '2026-06-16')).toEqual({
      code: 'DATED_AFTER_TODAY',
      params: { field: 'body.approval.approvedOn', date: '2026-06-16', today: '2026-06-15' },
      path: 'body.approval.approvedOn',
    });
    // 23:30 in UTC is already the next day in China.
    const lateUtc = { orgId: 'city', now: Date.parse('2026-06-15T23:30:00Z') };
    expect(
      refusedFor(
        {
          type: 'zone-establishment',
          input: { countyCode: '210882', approval: { documentNumber: '营政〔2026〕9号', approvedOn: '2026-06-16' } },
          facts: { isCounty: true, liveZone: null },
        },
        lateUtc,
      ),
    ).toBeNull();
  });
});

describe('P2: an agreement is made with an ACTIVE zone', () => {
  const launch = (zone: { status: string } | null) =>
    refusedFor({ type: 'delegation-agreement', input: { zoneCode: '210882' }, facts: { zone } });

  test('a county that is no zone is refused for that alone; a zone not yet ACTIVE for its status', () => {
    expect(launch(null)).toEqual({ code: 'NOT_A_ZONE', params: { zoneCode: '210882' }, path: 'body.zoneCode' });
    expect(launch({ status: 'ACTIVE_PENDING_BODY' })).toEqual({
      code: 'ZONE_NOT_ACTIVE',
      params: { zoneCode: '210882', status: 'ACTIVE_PENDING_BODY' },
      path: 'body.zoneCode',
    });
    expect(launch({ status: 'ACTIVE' })).toBeNull();
  });
});

describe('P3: an application’s residence is in the division data, and a registered entity is not registered twice', () => {
  const application = (residence: Partial<Application['residence']>, uscc?: string) =>
    ({ uscc, residence: { divisionCode: '210881', townshipCode: '210881003', address: '某路1号', ...residence } }) as Application;
  const facts = { township: { countyCode: '210881' }, park: null, registered: null };

  test('a township of the stated county, no park, a new entity: no refusal', () => {
    expect(refusedFor({ type: 'entity-registration', input: application({}), facts })).toBeNull();
  });

  test('an unknown township, or one of another county, is refused on the township field, naming both counties', () => {
    expect(refusedFor({ type: 'entity-registration', input: application({}), facts: { ...facts, township: null } })).toEqual({
      code: 'TOWNSHIP_UNKNOWN',
      params: { townshipCode: '210881003' },
      path: 'body.residence.townshipCode',
    });
    const elsewhere = application({ townshipCode: '210804001' });
    expect(refusedFor({ type: 'entity-registration', input: elsewhere, facts: { ...facts, township: { countyCode: '210804' } } })).toEqual({
      code: 'TOWNSHIP_OF_OTHER_COUNTY',
      params: { townshipCode: '210804001', countyCode: '210881', ofCountyCode: '210804' },
      path: 'body.residence.townshipCode',
    });
  });

  test('a park of another county is refused on the park field', () => {
    const inPark = application({ parkId: 'P-210804-01' });
    expect(refusedFor({ type: 'entity-registration', input: inPark, facts: { ...facts, park: { countyCode: '210804' } } })).toMatchObject({
      code: 'PARK_OF_OTHER_COUNTY',
      path: 'body.residence.parkId',
    });
    expect(refusedFor({ type: 'entity-registration', input: inPark, facts })).toMatchObject({ code: 'PARK_UNKNOWN' });
  });

  test('a USCC already registered is refused on the USCC field, naming its registration', () => {
    const known = application({}, '91350100M000100Y43');
    expect(
      refusedFor({ type: 'entity-registration', input: known, facts: { ...facts, registered: { processId: 'registration-x' } } }),
    ).toEqual({ code: 'ALREADY_REGISTERED', params: { uscc: '91350100M000100Y43', processId: 'registration-x' }, path: 'body.uscc' });
  });
});

describe('P4: a penalty is filed by the enforcement body of its own county, for an entity the FTZ registered', () => {
  const le = { orgId: 'le-210881', now: NOW };
  const input = (overrides: Partial<PenaltyInput> = {}) =>
    ({
      zoneCode: '210881',
      decisionNumber: '盖市监罚〔2026〕7号',
      decision: { uscc: '91350100M000100Y43', decidedOn: '2026-06-10' },
      ...overrides,
    }) as PenaltyInput;
  const facts = (overrides: Partial<PenaltyFacts> = {}): PenaltyFacts => ({
    zone: { status: 'ACTIVE' },
    filed: null,
    penaltyCase: null,
    replaced: null,
    replacedBy: null,
    entity: { status: 'REGISTERED' },
    ...overrides,
  });
  const refused = (i: PenaltyInput, f: PenaltyFacts, by = le) => refusedFor({ type: 'penalty-report', input: i, facts: f }, by);

  test('its own county’s decision about a registered entity, dated by today: no refusal', () => {
    expect(refused(input(), facts())).toBeNull();
  });

  test('another county’s enforcement body is refused before anything about the zone is said', () => {
    expect(refused(input(), facts({ zone: null }), { orgId: 'le-210804', now: NOW })).toEqual({
      code: 'OWN_COUNTY_ONLY',
      params: { orgId: 'le-210804', zoneCode: '210881' },
      path: 'body.zoneCode',
    });
  });

  test('a county that is no zone gives that cause only, not also "not active"', () => {
    expect(refused(input(), facts({ zone: null }))).toEqual({ code: 'NOT_A_ZONE', params: { zoneCode: '210881' }, path: 'body.zoneCode' });
    expect(refused(input(), facts({ zone: { status: 'SUSPENDED' } }))?.code).toBe('ZONE_NOT_ACTIVE');
  });

  test('a decision dated after today, or under a number already filed, is refused on that field', () => {
    expect(refused(input({ decision: { uscc: '91350100M000100Y43', decidedOn: '2026-06-16' } as never }), facts())).toMatchObject({
      code: 'DATED_AFTER_TODAY',
      path: 'body.decision.decidedOn',
    });
    expect(refused(input(), facts({ filed: { processId: 'penalty-x', status: 'WITHDRAWN' } }))).toEqual({
      code: 'DECISION_NUMBER_FILED',
      params: { decisionNumber: '盖市监罚〔2026〕7号', status: 'WITHDRAWN', processId: 'penalty-x' },
      path: 'body.decisionNumber',
    });
  });

  test('the case it closes is the same entity’s in the same zone, and still open', () => {
    const withCase = input({ caseId: 'case-1' });
    expect(refused(withCase, facts())).toMatchObject({ code: 'PENALTY_CASE_UNKNOWN', path: 'body.caseId' });
    const other = { uscc: '91210800MA0000000X', zoneCode: '210881', status: 'OPEN' };
    expect(refused(withCase, facts({ penaltyCase: other }))).toMatchObject({ code: 'PENALTY_CASE_OF_OTHER_ENTITY', path: 'body.caseId' });
    const closed = { uscc: '91350100M000100Y43', zoneCode: '210881', status: 'CLOSED' };
    expect(refused(withCase, facts({ penaltyCase: closed }))).toMatchObject({
      code: 'PENALTY_CASE_NOT_OPEN',
      params: { status: 'CLOSED' },
    });
    expect(refused(withCase, facts({ penaltyCase: { ...closed, status: 'OPEN' } }))).toBeNull();
  });

  test('a decision that changes an earlier one follows that one’s withdrawal as changed, once', () => {
    const changing = input({ replaces: '盖市监罚〔2026〕1号' });
    const earlier = { zoneCode: '210881', uscc: '91350100M000100Y43', status: 'WITHDRAWN', withdrawalReason: 'changed: 金额更正' };
    expect(refused(changing, facts())).toMatchObject({ code: 'REPLACED_DECISION_UNKNOWN', path: 'body.replaces' });
    expect(refused(changing, facts({ replaced: { ...earlier, status: 'RECOGNISED', withdrawalReason: null } }))).toMatchObject({
      code: 'REPLACED_DECISION_NOT_WITHDRAWN',
      params: { decisionNumber: '盖市监罚〔2026〕1号', status: 'RECOGNISED' },
    });
    expect(refused(changing, facts({ replaced: { ...earlier, withdrawalReason: 'revoked: 撤销' } }))?.code).toBe(
      'REPLACED_DECISION_NOT_WITHDRAWN',
    );
    expect(refused(changing, facts({ replaced: { ...earlier, uscc: '91210800MA0000000X' } }))?.code).toBe(
      'REPLACED_DECISION_OF_OTHER_ENTITY',
    );
    expect(refused(changing, facts({ replaced: earlier, replacedBy: { decisionNumber: '盖市监罚〔2026〕2号' } }))).toMatchObject({
      code: 'DECISION_ALREADY_REPLACED',
      params: { replacedBy: '盖市监罚〔2026〕2号' },
    });
    expect(refused(changing, facts({ replaced: earlier }))).toBeNull();
  });

  test('an entity the FTZ never registered is a 400 on its USCC; one no longer registered a 409', () => {
    expect(refused(input(), facts({ entity: null }))).toEqual({
      code: 'ENTITY_NOT_REGISTERED',
      params: { uscc: '91350100M000100Y43' },
      path: 'body.decision.uscc',
    });
    expect(refused(input(), facts({ entity: { status: 'DEREGISTERED' } }))).toMatchObject({ code: 'ENTITY_NOT_ACTIVE' });
  });
});

describe('P5 and P6: rounds and offers that have someone to answer them', () => {
  test('a month’s indicators are asked for once it has ended, and only while a zone has not reported', () => {
    const launch = (period: string, zoneToReport: boolean) =>
      refusedFor({ type: 'economic-indicators', input: { period }, facts: { zoneToReport } }, { orgId: 'ftz', now: NOW });
    expect(launch('2026-06', true)).toEqual({ code: 'PERIOD_NOT_ENDED', params: { period: '2026-06' }, path: 'body.period' });
    expect(launch('2026-05', true)).toBeNull();
    expect(launch('2026-05', false)).toMatchObject({ code: 'INDICATORS_ALL_ACCEPTED' });
  });

  test('a pilot measure is listed once, is still a pilot, and some ACTIVE zone is left to decide on it', () => {
    const launch = (listing: boolean, measure: { delistedOn: string | null; delistingReason: string | null } | null, zoneToDecide = true) =>
      refusedFor({
        type: 'pilot-adoption',
        input: { measureCode: 'RM-001', ...(listing ? { listing: {} as never } : {}) },
        facts: { measure, zoneToDecide },
      });
    expect(launch(false, null)).toMatchObject({ code: 'MEASURE_NOT_LISTED', path: 'body.measureCode' });
    expect(launch(true, null)).toBeNull();
    expect(launch(true, { delistedOn: null, delistingReason: null })).toMatchObject({ code: 'MEASURE_ALREADY_LISTED' });
    expect(launch(false, { delistedOn: '2021-07-01', delistingReason: '全国推开' })).toEqual({
      code: 'MEASURE_DELISTED',
      params: { measureCode: 'RM-001', delistedOn: '2021-07-01', reason: '全国推开' },
      path: 'body.measureCode',
    });
    expect(launch(false, { delistedOn: null, delistingReason: null }, false)).toMatchObject({ code: 'NO_ZONE_LEFT_TO_DECIDE' });
  });
});

describe('supervision and reform: a county acts for its own ACTIVE zone', () => {
  test('a county government plans inspections in its own zone only; the FTZ in any; an empty roster is refused', () => {
    const plan = (orgId: string, facts: { zone: { status: string } | null; hasInspector: boolean }) =>
      refusedFor({ type: 'supervision-plan', input: { zoneCode: '210881' } as never, facts }, { orgId, now: NOW });
    const ready = { zone: { status: 'ACTIVE' }, hasInspector: true };
    expect(plan('gov-210881', ready)).toBeNull();
    expect(plan('ftz', ready)).toBeNull();
    expect(plan('gov-210804', ready)).toEqual({
      code: 'PLAN_OF_OWN_ZONE_ONLY',
      params: { orgId: 'gov-210804', zoneCode: '210881' },
      path: 'body.zoneCode',
    });
    expect(plan('ftz', { zone: null, hasInspector: true })?.code).toBe('NOT_A_ZONE');
    expect(plan('ftz', { ...ready, hasInspector: false })).toMatchObject({ code: 'ROSTER_EMPTY', params: { orgId: 'le-210881' } });
  });

  test('a zone proposes its own practice; a demand is not received after today', () => {
    const practice = (orgId: string, zone: { status: string } | null) =>
      refusedFor({ type: 'reform-practice', input: { zoneCode: '210881', titleZh: '做法' }, facts: { zone } }, { orgId, now: NOW });
    expect(practice('zone-210881', { status: 'ACTIVE' })).toBeNull();
    expect(practice('gov-210804', { status: 'ACTIVE' })).toMatchObject({ code: 'PRACTICE_OF_OWN_ZONE_ONLY' });
    // The zone's state is the first cause: another county proposing for no zone hears that it is no zone.
    expect(practice('gov-210804', null)?.code).toBe('NOT_A_ZONE');
    const demand = (receivedOn: string) =>
      refusedFor({ type: 'reform-demand', input: { zoneCode: '210881', receivedOn } as never, facts: { zone: { status: 'ACTIVE' } } });
    expect(demand('2026-06-15')).toBeNull();
    expect(demand('2026-06-16')).toMatchObject({ code: 'DATED_AFTER_TODAY', path: 'body.receivedOn' });
  });
});
