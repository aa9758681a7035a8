import { announcementRefusal, termWithinLimit } from './agreements';
import { REFUSAL_STATUS } from './refusals';
import { authorityOn, type AgreementFacts } from './authority';
import { delistedCodes, diffCatalogs, missingCodes, type Power } from './powers';
import { clockReading, msUntilDayStarts, startClock } from './policy-clock';

const agreement = (overrides: Partial<AgreementFacts> = {}): AgreementFacts => ({
  agreementId: 'agreement-210881-a',
  zoneCode: '210881',
  announced: true,
  terminatedOn: null,
  versions: [
    { version: 2, startDate: '2026-01-01', endDate: '2026-12-31', items: [{ powerCode: 'XK-001', scope: 'decision', revokedOn: null }] },
  ],
  ...overrides,
});
const ask = (facts: AgreementFacts[], date: string, powerCode = 'XK-001') => authorityOn(facts, { zoneCode: '210881', powerCode, date });

describe('authority: is a power in force for a zone on a date', () => {
  test('on the first and the last day of the term, and not the day before or after', () => {
    expect(ask([agreement()], '2026-01-01')).toEqual({ inForce: true, agreementId: 'agreement-210881-a', version: 2, scope: 'decision' });
    expect(ask([agreement()], '2026-12-31')).toMatchObject({ inForce: true, version: 2 });
    expect(ask([agreement()], '2025-12-31')).toEqual({
      inForce: false,
      reason: expect.stringContaining('not on 2025-12-31'),
      cause: { kind: 'OUT_OF_TERM', agreementId: 'agreement-210881-a', version: 2, startDate: '2026-01-01', endDate: '2026-12-31' },
    });
    expect(ask([agreement()], '2027-01-01')).toMatchObject({
      inForce: false,
      reason: expect.stringContaining('runs 2026-01-01 to 2026-12-31'),
    });
  });

  test('a renewal version answers for its own period', () => {
    const renewed = agreement({
      versions: [
        ...agreement().versions,
        { version: 3, startDate: '2027-01-01', endDate: '2027-06-30', items: [{ powerCode: 'XK-001', scope: 'review', revokedOn: null }] },
      ],
    });
    expect(ask([renewed], '2027-01-01')).toMatchObject({ inForce: true, version: 3, scope: 'review' });
    expect(ask([renewed], '2026-06-01')).toMatchObject({ inForce: true, version: 2 });
  });

  test('not before announcement, not from the day of termination, not from the day of delisting', () => {
    expect(ask([agreement({ announced: false })], '2026-05-01')).toEqual({
      inForce: false,
      reason: expect.stringContaining('not announced'),
      cause: { kind: 'NOT_ANNOUNCED', agreementId: 'agreement-210881-a' },
    });
    const terminated = agreement({ terminatedOn: '2026-05-01' });
    expect(ask([terminated], '2026-04-30')).toMatchObject({ inForce: true });
    expect(ask([terminated], '2026-05-01')).toEqual({
      inForce: false,
      reason: expect.stringContaining('terminated on 2026-05-01'),
      cause: { kind: 'AGREEMENT_TERMINATED', agreementId: 'agreement-210881-a', on: '2026-05-01' },
    });
    const revoked = agreement();
    revoked.versions[0].items[0].revokedOn = '2026-08-01';
    expect(ask([revoked], '2026-07-31')).toMatchObject({ inForce: true });
    expect(ask([revoked], '2026-08-01')).toEqual({
      inForce: false,
      reason: expect.stringContaining('delisted'),
      cause: { kind: 'POWER_DELISTED', on: '2026-08-01' },
    });
  });

  test("the zone's end: not from its termination day, not while suspended, whatever the agreement says", () => {
    const terminated = agreement({ zone: { suspendedOn: null, terminatedOn: '2026-05-01' } });
    expect(ask([terminated], '2026-04-30')).toMatchObject({ inForce: true });
    expect(ask([terminated], '2026-05-01')).toEqual({
      inForce: false,
      reason: 'zone 210881 was terminated on 2026-05-01',
      cause: { kind: 'ZONE_TERMINATED', on: '2026-05-01' },
    });
    const suspended = agreement({ zone: { suspendedOn: '2026-06-10', terminatedOn: null } });
    expect(ask([suspended], '2026-06-09')).toMatchObject({ inForce: true });
    expect(ask([suspended], '2026-06-10')).toEqual({
      inForce: false,
      reason: 'zone 210881 is suspended since 2026-06-10',
      cause: { kind: 'ZONE_SUSPENDED', since: '2026-06-10' },
    });
  });

  test('another zone or another power is not authorised', () => {
    expect(authorityOn([agreement()], { zoneCode: '210804', powerCode: 'XK-001', date: '2026-05-01' }).inForce).toBe(false);
    expect(ask([agreement()], '2026-05-01', 'CF-001')).toEqual({
      inForce: false,
      reason: 'no agreement of zone 210881 entrusts CF-001',
      cause: { kind: 'NOT_ENTRUSTED' },
    });
  });
});

describe('agreement terms and catalogue versions', () => {
  test('a term of three years at most ends before the same day three years later', () => {
    expect(termWithinLimit({ startDate: '2026-01-01', endDate: '2028-12-31' }, 3)).toBe(true);
    expect(termWithinLimit({ startDate: '2026-01-01', endDate: '2029-01-01' }, 3)).toBe(false);
  });

  test('an announcement has happened: not after today, not before the signatures, not after the period', () => {
    const facts = { today: '2026-06-10', concludedOn: '2026-06-01', announceBy: '2026-06-08' };
    expect(announcementRefusal('2026-06-05', facts)).toBeNull();
    expect(announcementRefusal('2026-06-01', facts)).toBeNull();
    const status = (day: string) => REFUSAL_STATUS[announcementRefusal(day, facts)!.code];
    expect(announcementRefusal('2026-06-11', facts)).toMatchObject({ code: 'ANNOUNCED_AFTER_TODAY', path: 'body.announcedOn' });
    expect(status('2026-06-11')).toBe(400);
    expect(announcementRefusal('2026-05-31', facts)).toMatchObject({
      code: 'ANNOUNCED_BEFORE_SIGNING',
      params: { concludedOn: facts.concludedOn },
    });
    expect(status('2026-05-31')).toBe(400);
    expect(announcementRefusal('2026-06-09', facts)).toMatchObject({
      code: 'ANNOUNCED_TOO_LATE',
      params: { announceBy: facts.announceBy },
    });
    expect(status('2026-06-09')).toBe(409);
  });

  const power = (code: string, status: Power['status'] = 'listed', name = code): Power => ({
    code,
    name,
    kind: 'licensing',
    legalBasis: '《行政许可法》',
    commitmentApplicable: true,
    verificationDays: 30,
    status,
  });

  test('a new version keeps every code; delisting and changes are told apart', () => {
    const v1 = [power('XK-001'), power('XK-002'), power('CF-001', 'delisted')];
    const v2 = [power('XK-001', 'listed', 'renamed'), power('XK-002', 'delisted'), power('CF-001'), power('JC-001')];
    expect(missingCodes(v1, v2)).toEqual([]);
    expect(missingCodes(v1, [power('XK-001')])).toEqual(['XK-002', 'CF-001']);
    expect(delistedCodes(v1, v2)).toEqual(['XK-002']);
    expect(diffCatalogs(v1, v2)).toEqual({ added: ['JC-001'], delisted: ['XK-002'], relisted: ['CF-001'], changed: ['XK-001'] });
  });
});

test('a policy clock runs days at the configured speed', () => {
  const now = Date.parse('2026-03-02T10:00:00+08:00');
  const clock = startClock(now, 1000);
  expect(clockReading(clock, now + 2000)).toBe(now + 2 * 86_400_000);
  // From 10:00 on 2 March, 4 March 00:00 is 1 day 14 hours away: 1.583… s at a second a day.
  expect(msUntilDayStarts(clock, now, '2026-03-04')).toBeCloseTo(1583.33, 1);
  expect(msUntilDayStarts(startClock(now, 86_400_000), now, '2026-03-04')).toBe(38 * 3600_000);
});
