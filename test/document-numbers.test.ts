import type { Step } from '../activities/step';
import { eventually, startHarness, type Harness } from './support/harness';
import { penaltyZone, reportedPenalty } from './support/penalty-flow';
import { complete, taskFor } from './support/zone-flow';

/** Loses the reply of one recognition step after its transaction committed: a worker killed before it answered. */
const faults = {
  processId: '',
  thrown: 0,
  afterCommit(step: Step) {
    if (step.processId === faults.processId && step.penalty?.review?.outcome === 'recognised' && faults.thrown === 0) {
      faults.thrown++;
      throw new Error('injected: the worker died after the commit, before the reply');
    }
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ faults });
});
afterAll(() => h?.stop());

const ftzNumbers = async () =>
  h.db.query<{ seq: number; number: string; process_id: string; kind: string }>(
    `SELECT seq, number, process_id, kind FROM documents WHERE org_id = 'ftz' ORDER BY year, seq`,
  );

describe('文号 across worker failures', () => {
  test('recognitions numbered through a lost reply and a stopped worker run on without gap or repeat, shown and searchable', async () => {
    const { zone, uscc } = await penaltyZone(h);
    const before = (await ftzNumbers()).length;
    const penalties: { id: string; decisionNumber: string }[] = [];
    for (let i = 0; i < 3; i++) penalties.push(await reportedPenalty(h, zone, uscc));

    // 1: the step commits, the reply is lost, the engine retries the activity: the retry finds the first number.
    faults.processId = penalties[0].id;
    await complete(h, 'ftz.leader', penalties[0].id, 'reviewPenalty', { decision: 'recognise' });
    expect(faults.thrown).toBe(1);

    // 2: the worker is stopped while the recognition is sent; a new worker takes it up.
    const review = await taskFor(h, 'ftz.staff', penalties[1].id, 'reviewPenalty');
    await h.stopWorker();
    const pending = (await h.as('ftz.leader')).post(`/api/tasks/${review.id}/complete`, { decision: 'recognise' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await h.startWorker();
    expect((await pending).status).toBe(200);

    // 3: an ordinary one.
    await complete(h, 'ftz.leader', penalties[2].id, 'reviewPenalty', { decision: 'recognise' });

    const rows = await ftzNumbers();
    // The zone's memorandum took one number before these; the recognitions follow it one by one.
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const recognitions = rows.slice(before);
    expect(recognitions.map((r) => r.process_id)).toEqual(penalties.map((p) => p.id));
    expect(recognitions.every((r) => r.kind === 'recognition')).toBe(true);

    // Shown in the process's view and found by the process search and the documents registry.
    const auditor = await h.as('audit.auditor');
    const view = await auditor.get(`/api/processes/${penalties[0].id}`);
    expect(view.body.documents).toEqual([expect.objectContaining({ number: recognitions[0].number, kind: 'recognition', n: 1 })]);
    expect(view.body.documents[0].title).toContain(penalties[0].decisionNumber);
    await eventually(
      async () => {
        const found = await auditor.get(`/api/processes?q=${encodeURIComponent(recognitions[1].number)}`);
        return found.body.items.some((p: { id: string }) => p.id === penalties[1].id) || undefined;
      },
      20_000,
      'the process found by its 文号',
    );
    const registry = await (await h.as(`le-${zone}.staff`)).get(`/api/documents?q=${encodeURIComponent(recognitions[2].number)}`);
    expect(registry.body.items).toEqual([expect.objectContaining({ number: recognitions[2].number, processId: penalties[2].id })]);
    const bad = await auditor.get('/api/documents?kind=decree');
    expect(bad.status).toBe(400);
  });
});
