import { startHarness, type Harness } from './support/harness';
import { complete, establish, expectDeclaredPath, launch, memorandum, timelineKinds } from './support/zone-flow';

/**
 * A worker past its cache cap (WORKER_CACHED_WORKFLOWS) evicts workflows and replays each from its
 * history at its next task. With no cache at all every task is such a replay: the processes must run
 * exactly as they do cached, the version markers and small update answers of their histories included.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxCachedWorkflows: 0 });
});
afterAll(() => h?.stop());

describe('a worker that caches no workflow', () => {
  test('establishes a zone, each completion answering the new state', async () => {
    const county = await h.newCounty();
    const id = await establish(h, county);
    const process = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    expect(process.stage).toBe('ACTIVE');
    expectDeclaredPath(process.data.path);
    expect(await timelineKinds(h, id)).toContain('zoneRecorded');
  });

  test('a return sends the memorandum back, and the answer already shows it', async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const state = await complete(h, `gov-${county}.staff`, id, 'reviewMemorandum', { decision: 'return', comments: '请补充边界' });
    expect(state.stage).toBe('DRAFTING');
    expect(state.openTasks).toEqual([expect.objectContaining({ action: 'draftMemorandum', orgId: 'ftz' })]);
  });
});
