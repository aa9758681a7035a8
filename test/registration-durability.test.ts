import type { Step } from '../activities/step';
import { startHarness, type Harness } from './support/harness';
import { awaitHeldByEngine } from './support/engine-state';
import { application, applied, entity, readyZone, registration, verify } from './support/registration-flow';
import { complete, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

/** Fails the step that registers one entity once, after its transaction committed: a crash before the reply. */
const faults = {
  uscc: '',
  thrown: 0,
  afterCommit(step: Step) {
    if (step.entity?.uscc === faults.uscc && faults.thrown === 0) {
      faults.thrown++;
      throw new Error('injected: the worker lost the reply after the commit');
    }
  },
};

let h: Harness;
let zone: string;
beforeAll(async () => {
  h = await startHarness({ faults });
  zone = await readyZone(h);
}, scaled(120_000));
afterAll(() => h?.stop());

const count = async (sql: string, params: unknown[]) => Number((await h.db.query<{ n: string }>(sql, params))[0].n);

test('a registration step retried after it committed writes the entity, its tax record and licences once', async () => {
  const app = application(zone);
  faults.uscc = app.uscc!;
  const id = await applied(h, 'ftz.staff', app);
  await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
  expect(faults.thrown).toBe(1);
  const history = await h.client.workflow.getHandle(id).fetchHistory();
  expect(history.events!.filter((e) => e.activityTaskStartedEventAttributes?.attempt === 2)).toHaveLength(1);
  for (const table of ['entities', 'tax_registrations', 'licences']) {
    expect([table, await count(`SELECT count(*) AS n FROM ${table} WHERE uscc = $1`, [app.uscc])]).toEqual([table, 1]);
  }
  expect(await count(`SELECT count(*) AS n FROM tasks WHERE process_id = $1 AND action = 'verifyCommitment'`, [id])).toBe(1);
  expect(await timelineKinds(h, id)).toEqual([
    'applicationReceived',
    'applicationScreened',
    'consentGiven',
    'entityRegistered',
    'licenceGranted',
  ]);
});

test('a worker stopped mid-process loses nothing: the transfer sent meanwhile lands once when a worker returns', async () => {
  const app = application(zone);
  const id = await applied(h, `zone-${zone}.staff`, app);
  await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
  const request = await taskFor(h, 'tax-ftz.staff', id, 'requestTaxTransfer');

  await h.stopWorker();
  const tax = await h.as('tax-ftz.staff');
  const pending = tax.post(`/api/tasks/${request.id}/complete`, { reference: '营自贸税迁〔2026〕9号' });
  await awaitHeldByEngine(h, id, request.id);
  await h.startWorker();
  expect((await pending).status).toBe(200);
  // The same completion sent again acts once: the task is closed.
  expect((await tax.post(`/api/tasks/${request.id}/complete`, { reference: '营自贸税迁〔2026〕9号' })).status).toBe(409);

  await complete(h, 'tax-city.staff', id, 'approveTaxTransfer', { reference: '营税迁批〔2026〕9号' });
  await complete(h, `tax-${zone}.staff`, id, 'confirmTaxTransfer', { reference: '迁入〔2026〕9号' });
  await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-001`, { result: 'compliant' });
  await registration(h, id, (r) => r.stage === 'COMPLETED');
  expect(await entity(h, app.uscc!)).toMatchObject({ taxOffice: `tax-${zone}`, tax: { transferStatus: 'CONFIRMED' } });
  expect((await timelineKinds(h, id)).filter((kind) => kind.startsWith('taxTransfer'))).toEqual([
    'taxTransferRequested',
    'taxTransferApproved',
    'taxTransferred',
  ]);
});
