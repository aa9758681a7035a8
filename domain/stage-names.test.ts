import { agreementStateNow, AGREEMENT_STAGES } from './agreements';
import { indicatorsStateNow } from './economic-indicators';
import { PENALTY_STAGES, penaltyStateNow, type PenaltyStage } from './penalties';
import { CATALOG_STAGES } from './powers';
import { earlierStageNames, RENAMED_STAGES, stageNow, typesThatRenamed } from './stage-names';

/** A penalty's state as a run continued it before the renaming: stage `PUBLISHED`, the returns as `rounds`. */
const earlierPenalty = {
  zoneCode: '210881',
  decisionNumber: '营盖市监罚〔2026〕7号',
  stage: 'PUBLISHED',
  path: ['PREPARING', 'REPORTING', 'REVIEWING', 'CORRECTING', 'REVIEWING', 'PUBLISHED'],
  rounds: 1,
  reviews: [
    { decision: 'return', round: 1 },
    { decision: 'recognise', round: 2 },
  ],
  record: { decisionNumber: '营盖市监罚〔2026〕7号', status: 'RECOGNISED', rounds: 1, zoneHeldMs: 5, ftzHeldMs: 7 },
  publicationEndsOn: '2026-12-01',
};
type PenaltyLike = { stage: PenaltyStage; path: PenaltyStage[]; returns: number; record?: { returns: number } };

describe('a state continued before the renaming is read with the names of now', () => {
  test('a penalty: PUBLISHED is RECOGNISED, in the stage and the path; rounds are returns, in the state and its register row', () => {
    const now = penaltyStateNow(earlierPenalty as unknown as PenaltyLike);
    expect(now).toEqual({
      zoneCode: '210881',
      decisionNumber: '营盖市监罚〔2026〕7号',
      stage: 'RECOGNISED',
      path: ['PREPARING', 'REPORTING', 'REVIEWING', 'CORRECTING', 'REVIEWING', 'RECOGNISED'],
      returns: 1,
      reviews: earlierPenalty.reviews,
      record: { decisionNumber: '营盖市监罚〔2026〕7号', status: 'RECOGNISED', returns: 1, zoneHeldMs: 5, ftzHeldMs: 7 },
      publicationEndsOn: '2026-12-01',
    });
    // The earlier state is read, not changed (the engine may hand the same input to a replay).
    expect(earlierPenalty.stage).toBe('PUBLISHED');
    expect(earlierPenalty.rounds).toBe(1);
  });

  test('a penalty state written since comes back as it was; one that never had a record gets none', () => {
    const since = { stage: 'CORRECTING', path: ['PREPARING', 'REPORTING', 'REVIEWING', 'CORRECTING'], returns: 2 } as PenaltyLike;
    expect(penaltyStateNow(since)).toEqual(since);
    expect(penaltyStateNow({ stage: 'PREPARING', path: ['PREPARING'], rounds: 0 } as unknown as PenaltyLike)).toEqual({
      stage: 'PREPARING',
      path: ['PREPARING'],
      returns: 0,
    });
  });

  test('an agreement: ANNOUNCING is SIGNED; PENDING_START and the rest stay', () => {
    const earlier = { zoneCode: '210881', stage: 'ANNOUNCING', path: ['PREPARING', 'DRAFTING', 'SIGNING', 'ANNOUNCING'] };
    expect(agreementStateNow(earlier as never)).toEqual({
      zoneCode: '210881',
      stage: 'SIGNED',
      path: ['PREPARING', 'DRAFTING', 'SIGNING', 'SIGNED'],
    });
    const pending = { stage: 'PENDING_START', path: ['PREPARING', 'DRAFTING', 'SIGNING', 'ANNOUNCING', 'PENDING_START'] };
    expect(agreementStateNow(pending as never)).toEqual({
      stage: 'PENDING_START',
      path: ['PREPARING', 'DRAFTING', 'SIGNING', 'SIGNED', 'PENDING_START'],
    });
  });

  test("an indicators round: each zone's rounds are its returns", () => {
    const earlier = {
      stage: 'COLLECTING',
      zones: [
        { zoneCode: '210881', status: 'RETURNED', rounds: 2, reviews: [] },
        { zoneCode: '210882', status: 'PENDING', returns: 0, reviews: [] },
      ],
    };
    expect(indicatorsStateNow(earlier as never)).toEqual({
      stage: 'COLLECTING',
      zones: [
        { zoneCode: '210881', status: 'RETURNED', returns: 2, reviews: [] },
        { zoneCode: '210882', status: 'PENDING', returns: 0, reviews: [] },
      ],
    });
  });
});

describe('the renamed stages', () => {
  test('each earlier name is no stage of its type now, and each name now is one', () => {
    const stagesOf: Record<string, readonly string[]> = { 'penalty-report': PENALTY_STAGES, 'delegation-agreement': AGREEMENT_STAGES };
    for (const [type, renamed] of Object.entries(RENAMED_STAGES)) {
      for (const [earlier, now] of Object.entries(renamed)) {
        expect(stagesOf[type]).not.toContain(earlier);
        expect(stagesOf[type]).toContain(now);
      }
    }
  });

  test('by type: a penalty that says PUBLISHED is RECOGNISED, a catalogue that says PUBLISHED is published', () => {
    expect(CATALOG_STAGES).toContain('PUBLISHED');
    expect(stageNow('penalty-report', 'PUBLISHED')).toBe('RECOGNISED');
    expect(stageNow('power-catalog', 'PUBLISHED')).toBe('PUBLISHED');
    expect(stageNow('delegation-agreement', 'ANNOUNCING')).toBe('SIGNED');
    expect(stageNow('delegation-agreement', 'PENDING_START')).toBe('PENDING_START');
    expect(earlierStageNames('RECOGNISED')).toEqual([{ processType: 'penalty-report', earlier: 'PUBLISHED' }]);
    expect(earlierStageNames('PUBLISHED')).toEqual([]);
    expect(typesThatRenamed('PUBLISHED')).toEqual(['penalty-report']);
    expect(typesThatRenamed('RECOGNISED')).toEqual([]);
  });
});
