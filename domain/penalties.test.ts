import { policyDefaults } from '../seeds/policies';
import { addMonths, changedFields, publicationPeriod, publicationPolicySchema, type DecisionFacts } from './penalties';

test('months are calendar months, clamped to the end of a shorter month', () => {
  expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  expect(addMonths('2026-03-10', 36)).toBe('2029-03-10');
});

test('a publication runs to the day before the same date months later; repair opens after the minimum', () => {
  expect(publicationPeriod('2026-03-10', { months: 12, repairAfterMonths: 3, barsCommitment: false })).toEqual({
    until: '2027-03-09',
    endsOn: '2027-03-10',
    repairEligibleFrom: '2026-06-10',
  });
});

test('the publication policy keeps each grade within DOMAIN.md ranges, and the defaults do', () => {
  expect(publicationPolicySchema.safeParse(policyDefaults['penalty.publication']).success).toBe(true);
  const tooLong = { ...policyDefaults['penalty.publication'], minor: { months: 6, repairAfterMonths: 1, barsCommitment: false } };
  expect(publicationPolicySchema.safeParse(tooLong).error?.issues.map((i) => i.path.join('.'))).toEqual(['minor.months']);
  const repairLate = { ...policyDefaults['penalty.publication'], general: { months: 6, repairAfterMonths: 9, barsCommitment: false } };
  expect(publicationPolicySchema.safeParse(repairLate).success).toBe(false);
});

test('a correction names what it changed, nested values compared by content', () => {
  const before: DecisionFacts = {
    uscc: '91350100M000100Y43', violation: 'v', legalBasis: 'b', powerCode: 'CF-001', penalty: { kind: 'fine', amountYuan: 100 },
    grade: 'minor', decidedOn: '2026-03-10', deliveredOn: '2026-03-11',
  };
  expect(changedFields(before, { ...before, penalty: { amountYuan: 100, kind: 'fine' } })).toEqual([]);
  expect(changedFields(before, { ...before, penalty: { kind: 'fine', amountYuan: 200 }, grade: 'general' })).toEqual(['penalty', 'grade']);
});
