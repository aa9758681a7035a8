import type { Step } from '../activities/step';
import { startHarness, type Harness } from './support/harness';
import { awaitHeldByEngine } from './support/engine-state';
import { penaltyRecord, penaltyZone, reportDocument, reportedPenalty } from './support/penalty-flow';
import { complete, taskFor, timelineKinds } from './support/zone-flow';

/** Fails the step that recognises a penalty once, after its transaction committed: a crash before the reply. */
const faults = {
  thrown: 0,
  processId: '',
  afterCommit(step: Step) {
    if (step.processId === faults.processId && step.penalty?.credit?.status === 'ACTIVE' && faults.thrown === 0) {
      faults.thrown++;
      throw new Error('injected: the worker lost the reply after the commit');
    }
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults });
});
afterAll(() => h?.stop());

const count = async (sql: string, params: unknown[]) => Number((await h.db.query<{ n: string }>(sql, params))[0].n);

describe('penalty durability', () => {
  test('a recognition retried after its write committed writes the review, the credit record and the event once', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
    faults.processId = id;
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    expect(faults.thrown).toBe(1);

    const history = await h.client.workflow.getHandle(id).fetchHistory();
    expect(history.events!.filter((e) => e.activityTaskStartedEventAttributes?.attempt === 2)).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM credit_records WHERE source_process_id = $1', [id])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM penalty_reviews WHERE decision_number = $1', [decisionNumber])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM process_events WHERE process_id = $1 AND kind = 'penaltyRecognised'`, [id])).toBe(1);
    expect((await penaltyRecord(h, decisionNumber)).status).toBe('RECOGNISED');
  });

  test('a worker stopped mid-review loses nothing: a return sent meanwhile lands once when a new worker starts', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const { id, decisionNumber } = await reportedPenalty(h, zone, uscc);
    const review = await taskFor(h, 'ftz.staff', id, 'reviewPenalty');

    await h.stopWorker();
    const pending = (await h.as('ftz.staff')).post(`/api/tasks/${review.id}/complete`, {
      decision: 'return',
      reasons: ['documentsMissing'],
    });
    await awaitHeldByEngine(h, id, review.id);
    await h.startWorker();
    const returned = await pending;
    expect(returned.status).toBe(200);
    expect(returned.body.state).toMatchObject({ stage: 'CORRECTING', returns: 1 });

    const correction = await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty');
    const delivery = reportDocument('delivery', '送达回证');
    await complete(h, `zone-${zone}.staff`, id, 'correctPenalty', { ...(correction.context.prefill as object), documents: [delivery] });
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    const record = await penaltyRecord(h, decisionNumber);
    expect(record).toMatchObject({ status: 'RECOGNISED', returns: 1, report: { documents: [delivery] } });
    expect(record.reviews.map((r: { outcome: string }) => r.outcome)).toEqual(['returned', 'recognised']);
    expect(await timelineKinds(h, id)).toEqual([
      'penaltyRecorded',
      'penaltyReported',
      'penaltyReturned',
      'penaltyResubmitted',
      'penaltyRecognised',
    ]);
  });
});
