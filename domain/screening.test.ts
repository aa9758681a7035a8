import type { Power } from './powers';
import type { Application } from './registration';
import { screenApplication, zoneRefusal, type ScreeningFacts } from './screening';

/** P3's screening as rules over facts: each case the policy describes, with the facts spelled out. */
const power = (code: string, overrides: Partial<Power> = {}): Power => ({
  code,
  name: `许可 ${code}`,
  kind: 'licensing',
  legalBasis: '依据',
  commitmentApplicable: true,
  verificationDays: 20,
  status: 'listed',
  ...overrides,
});
const agreement = {
  agreementId: 'agr-1',
  zoneCode: '210881',
  announced: true,
  terminatedOn: null,
  versions: [{ version: 1, startDate: '2026-01-01', endDate: '2028-12-31', items: [{ powerCode: 'P-01', scope: 'all', revokedOn: null }] }],
};
const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({
  zone: { name: '盖州协同区', status: 'ACTIVE', terminatedOn: null },
  area: { inside: true, townshipName: null },
  negativeList: {
    title: '负面清单（2026）',
    items: [
      { code: 'N-1', kind: 'prohibited', title: '禁止事项', keywords: ['赌博'], powerCode: null },
      { code: 'N-2', kind: 'restricted', title: '限制事项', keywords: ['危险化学品'], powerCode: 'P-02' },
    ],
  },
  commitmentBar: null,
  powers: [power('P-01'), power('P-02')],
  agreements: [agreement],
  ...overrides,
});
const application = (businessScope: string, uscc?: string) =>
  ({
    uscc,
    residence: { divisionCode: '210881', townshipCode: '210881100' },
    businessScope,
    licenceItems: [{ powerCode: 'P-01', variant: 'conditionsMet', commitment: '承诺' }],
  }) as unknown as Application;

test('an application in an ACTIVE zone, on commitment, under an agreement in force: the item is granted by that agreement', () => {
  const screening = screenApplication(application('食品销售'), facts(), '2026-06-01');
  expect(screening.refusals).toEqual([]);
  expect(screening.items).toEqual([expect.objectContaining({ powerCode: 'P-01', agreementId: 'agr-1', agreementVersion: 1 })]);
});

test('a prohibited entry of the negative list refuses; a restricted one puts its licence on the normal route', () => {
  expect(screenApplication(application('赌博'), facts(), '2026-06-01').refusals.map((r) => r.code)).toEqual(['negative-list-prohibited']);
  const restricted = screenApplication(application('危险化学品'), facts(), '2026-06-01');
  expect(restricted.normalItems).toEqual([expect.objectContaining({ powerCode: 'P-02', reason: 'negative-list-restricted' })]);
});

test("a credit record that bars the commitment route moves the applicant's items to the normal route, only for a known applicant", () => {
  const bar = { id: 'cr-1', reason: '失信' };
  const barred = screenApplication(application('食品销售', '91210800MA0000000X'), facts({ commitmentBar: bar }), '2026-06-01');
  expect([barred.items, barred.normalItems.map((i) => i.reason)]).toEqual([[], ['commitment-barred']]);
  expect(screenApplication(application('食品销售'), facts({ commitmentBar: bar }), '2026-06-01').items).toHaveLength(1);
});

test('outside an ACTIVE zone, outside its area or without an agreement in force: refused with the reason', () => {
  const suspended = facts({ zone: { name: '盖州协同区', status: 'SUSPENDED', terminatedOn: null } });
  expect(screenApplication(application('食品销售'), suspended, '2026-06-01').refusals[0]?.code).toBe('residence-not-in-active-zone');
  const outside = facts({ area: { inside: false, townshipName: '某镇', version: { memorandumVersion: 2, effectiveFrom: '2026-03-01' } } });
  expect(screenApplication(application('食品销售'), outside, '2026-06-01').refusals).toEqual([
    {
      code: 'residence-outside-zone-area',
      message: '住所所在某镇（210881100）不在盖州协同区备忘录第 2 版所划区域（自 2026-03-01 起适用）内',
      facts: {
        townshipCode: '210881100',
        townshipName: '某镇',
        parkId: null,
        zoneName: '盖州协同区',
        memorandumVersion: 2,
        effectiveFrom: '2026-03-01',
      },
    },
  ]);
  expect(screenApplication(application('食品销售'), facts(), '2029-01-01').refusals.map((r) => r.code)).toEqual(['power-not-in-force']);
  expect(zoneRefusal('210881', { name: 'x', status: 'TERMINATED', terminatedOn: '2026-05-01' })?.code).toBe('zone-terminated');
});
