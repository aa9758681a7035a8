import { randomUUID } from 'node:crypto';
import { agreementContent, launchAgreement } from './support/agreement-flow';
import { startHarness, type Harness } from './support/harness';
import { penaltyZone, reportedPenalty } from './support/penalty-flow';
import { complete, launch, memorandum, taskFor } from './support/zone-flow';

/**
 * Staff draft and review; only a leader of the right organisation signs (签署) a memorandum, an
 * agreement or a recognition letter — at the API (403 with the reason in Chinese) and in the workflow
 * (an update sent past the API is refused), and nothing changes on a refusal.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const stateOf = (id: string) => h.client.workflow.getHandle(id).query<Record<string, any>>('state');

/** A signature by each staff user is refused and changes nothing; one by the other side's leader too. */
async function staffRefused(id: string, action: string, decision: Record<string, unknown>, org: string, otherLeader: string) {
  const task = await taskFor(h, `${org}.staff`, id, action);
  const before = await stateOf(id);
  const byStaff = await (await h.as(`${org}.staff`)).post(`/api/tasks/${task.id}/complete`, decision, { 'accept-language': 'zh' });
  expect(byStaff.status).toBe(403);
  expect(byStaff.body.error.message).toContain('只有本机关负责人');
  // A leader of another organisation is not this one's signatory.
  const byOther = await (await h.as(otherLeader)).post(`/api/tasks/${task.id}/complete`, decision);
  expect(byOther.status).toBe(403);
  // Past the API, the workflow's validator refuses a staff signature the same way.
  const past = h.client.workflow.getHandle(id).executeUpdate(action, {
    args: [
      { actor: { userId: `${org}.staff`, orgId: org, roles: ['staff'] }, taskId: task.id, requestId: randomUUID(), payload: decision },
    ],
  });
  await expect(past).rejects.toMatchObject({ cause: { type: 'ROLE_NEEDED' } });
  expect((await stateOf(id)).stage).toBe(before.stage);
  // No number issued (the city's approval recorded at launch is not one).
  expect(await h.db.query('SELECT 1 FROM documents WHERE process_id = $1 AND NOT recorded', [id])).toEqual([]);
  return task;
}

test("a memorandum: staff may return it, only each side's leader signs it, and the signed one gets its 文号", async () => {
  const county = await h.newCounty();
  const id = await launch(h, county);
  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  // Staff review: returning with comments is theirs.
  await complete(h, `gov-${county}.staff`, id, 'reviewMemorandum', { decision: 'return', comments: '面积需核实' });
  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));

  await staffRefused(id, 'reviewMemorandum', { decision: 'sign' }, `gov-${county}`, 'ftz.leader');
  await staffRefused(id, 'reviewMemorandum', { decision: 'sign' }, 'ftz', `gov-${county}.leader`);
  await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
  const signed = await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
  expect(signed.stage).toBe('AWAITING_BODY');
  expect(signed.signatures).toMatchObject({ ftz: { userId: 'ftz.leader' }, [`gov-${county}`]: { userId: `gov-${county}.leader` } });
  const view = await (await h.as(`gov-${county}.staff`)).get(`/api/processes/${id}`);
  // The city's approval recorded at launch, then the signed memorandum.
  expect(view.body.documents).toEqual([
    expect.objectContaining({ kind: 'approval' }),
    expect.objectContaining({ kind: 'memorandum', number: expect.stringMatching(/^营自贸发〔\d{4}〕\d+号$/) }),
  ]);
});

test("an agreement: a staff signature is refused (403), the leaders' are accepted", async () => {
  const zone = await h.newCounty();
  // The zone exists once its memorandum is signed and its body named.
  const zoneId = await launch(h, zone);
  await complete(h, 'ftz.staff', zoneId, 'draftMemorandum', memorandum(zone));
  await complete(h, `gov-${zone}.leader`, zoneId, 'reviewMemorandum', { decision: 'sign' });
  await complete(h, 'ftz.leader', zoneId, 'reviewMemorandum', { decision: 'sign' });
  await complete(h, `gov-${zone}.staff`, zoneId, 'nameManagementBody', { name: '管委会', head: '王五', contact: '123', address: '某地' });

  const id = await launchAgreement(h, zone);
  await complete(h, 'ftz.staff', id, 'draftAgreement', agreementContent([{ powerCode: 'XK-001' }]));
  await staffRefused(id, 'reviewAgreement', { decision: 'sign' }, 'ftz', `gov-${zone}.leader`);
  await complete(h, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
  const signed = await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
  expect(signed.stage).toBe('SIGNED');
});

test('a recognition letter: FTZ staff may return the report, only the FTZ leader recognises it', async () => {
  const { zone, uscc } = await penaltyZone(h);
  const { id } = await reportedPenalty(h, zone, uscc);
  await staffRefused(id, 'reviewPenalty', { decision: 'recognise' }, 'ftz', `gov-${zone}.leader`);
  const recognised = await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
  expect(recognised.stage).toBe('RECOGNISED');
});
