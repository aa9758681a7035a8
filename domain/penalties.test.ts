import { policyDefaults } from '../seeds/policies';
import {
  addMonths,
  changedFacts,
  changedFields,
  completedReport,
  publicationPeriod,
  publicationPolicySchema,
  recordedReviewSchema,
  reviewPenaltySchema,
  type DecisionFacts,
} from './penalties';
import { listedPenaltyPowers } from './powers';

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

test('the publication policy keeps each severity within the national ranges, and the defaults do', () => {
  expect(publicationPolicySchema.safeParse(policyDefaults['penalty.publication']).success).toBe(true);
  const tooLong = { ...policyDefaults['penalty.publication'], minor: { months: 6, repairAfterMonths: 1, barsCommitment: false } };
  expect(publicationPolicySchema.safeParse(tooLong).error?.issues.map((i) => i.path.join('.'))).toEqual(['minor.months']);
  const repairLate = { ...policyDefaults['penalty.publication'], general: { months: 6, repairAfterMonths: 9, barsCommitment: false } };
  expect(publicationPolicySchema.safeParse(repairLate).success).toBe(false);
});

test('a correction names what it changed, nested values compared by content', () => {
  const before: DecisionFacts = {
    uscc: '91350100M000100Y43',
    violation: 'v',
    legalBasis: 'b',
    powerCode: 'CF-001',
    penalty: { kind: 'fine', amountYuan: 100 },
    grade: 'minor',
    decidedOn: '2026-03-10',
    deliveredOn: '2026-03-11',
  };
  expect(changedFields(before, { ...before, penalty: { amountYuan: 100, kind: 'fine' } })).toEqual([]);
  expect(changedFields(before, { ...before, penalty: { kind: 'fine', amountYuan: 200 }, grade: 'general' })).toEqual(['penalty', 'grade']);
});

test('a correction under local authority: facts sent back unchanged pass, a changed one is named; the report is completed field by field', () => {
  const decision = {
    decisionNumber: '营盖市监罚〔2026〕1号',
    uscc: '91350100M000100Y43',
    violation: 'v',
    legalBasis: 'b',
    penalty: { kind: 'fine' as const, amountYuan: 100 },
    grade: 'minor' as const,
    decidedOn: '2026-03-10',
    deliveredOn: '2026-03-11',
  };
  const { decisionNumber: _number, ...facts } = decision;
  expect(changedFacts(decision, { ...facts, penalty: { amountYuan: 100, kind: 'fine' }, entityName: '某公司' })).toEqual([]);
  expect(changedFacts(decision, { entityName: '某公司' })).toEqual([]);
  expect(
    changedFacts(decision, { ...decision, decisionNumber: '营盖市监罚〔2026〕2号', grade: 'serious', deliveredOn: '2026-03-12' }),
  ).toEqual(['decisionNumber', 'grade', 'deliveredOn']);
  // A power code sent with a report that never had one is a fact the decision does not hold.
  expect(changedFacts(decision, { powerCode: 'CF-001' })).toEqual(['powerCode']);

  const documents = [{ kind: 'decision' as const, title: '决定书', sha256: 'a'.repeat(64) }];
  expect(completedReport({ entityName: '某公司' }, { documents })).toEqual({ entityName: '某公司', documents });
  expect(completedReport({ entityName: '某公司', documents }, { ...facts })).toEqual({ entityName: '某公司', documents });
});

test('a return names formal defects of the report only; recorded reviews with the earlier reasons still parse', () => {
  expect(
    reviewPenaltySchema.safeParse({
      decision: 'return',
      reasons: ['documentsMissing', 'entityMismatch', 'documentsNonstandard', 'duplicateReport'],
    }).success,
  ).toBe(true);
  for (const judged of ['factsUnclear', 'legalBasisWrong', 'gradeWrong', 'powerNotEntrusted']) {
    expect(reviewPenaltySchema.safeParse({ decision: 'return', reasons: [judged] }).success).toBe(false);
    expect(recordedReviewSchema.safeParse({ decision: 'return', reasons: [judged] }).success).toBe(true);
  }
});

test('a catalogue draft keeps penalty powers only delisted', () => {
  expect(
    listedPenaltyPowers([
      { kind: 'licensing', status: 'listed' },
      { kind: 'penalty', status: 'delisted' },
      { kind: 'penalty', status: 'listed' },
    ]),
  ).toEqual([2]);
});
