import { randomUUID } from 'node:crypto';
import { startHarness, type Harness } from './support/harness';
import { establish, launchInput, taskFor } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

test('a launch sent again with its Idempotency-Key starts no second process: the retry is told the first one', async () => {
  const zone = await h.newCounty();
  await establish(h, zone);
  const ftz = await h.as('ftz.admin');
  const headers = { 'Idempotency-Key': randomUUID() };
  const first = await ftz.post('/api/processes/delegation-agreement', { zoneCode: zone }, headers);
  const again = await ftz.post('/api/processes/delegation-agreement', { zoneCode: zone }, headers);
  const other = await ftz.post('/api/processes/delegation-agreement', { zoneCode: zone }, { 'Idempotency-Key': randomUUID() });
  expect([first.status, again.status, other.status]).toEqual([201, 201, 201]);
  expect(again.body.id).toBe(first.body.id);
  // The retry is told the first attempt's process as it stands: running, past its first step.
  expect(again.body).toMatchObject({ status: 'RUNNING', stage: 'DRAFTING' });
  expect(other.body.id).not.toBe(first.body.id);
  // One process, launched once: one draft task, one launch in the timeline.
  await taskFor(h, 'ftz.staff', first.body.id, 'draftAgreement');
  const launches = await h.db.query(`SELECT 1 FROM process_events WHERE process_id = $1 AND kind = 'agreementLaunched'`, [first.body.id]);
  expect(launches).toHaveLength(1);

  // A business key stays a conflict: another launch of the same zone is refused, whatever its key.
  const city = await h.as('city.admin');
  const county = await h.newCounty();
  const zoneHeaders = { 'Idempotency-Key': randomUUID() };
  expect((await city.post('/api/processes/zone-establishment', launchInput(county), zoneHeaders)).status).toBe(201);
  const second = await city.post('/api/processes/zone-establishment', launchInput(county), zoneHeaders);
  expect(second.status).toBe(409);
  expect(second.body.error.details).toEqual({ processId: `zone-${county}` });
});
