/**
 * The first batch of zones, 鲅鱼圈 (210804) and 盖州 (210881), by their real codes: the only test file
 * that establishes them on the run's engine. A company residing in each is taxed by its own county's
 * office; the one in 鲅鱼圈 fails its verification and is revoked, all of it on the timeline.
 */
import { startHarness, type Harness } from './support/harness';
import { application, applied, entity, readyZone, registration, transferTax, verify } from './support/registration-flow';
import { complete } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await Promise.all([readyZone(h, '210804'), readyZone(h, '210881')]);
}, 120_000);
afterAll(() => h?.stop());

test.each([
  ['210804', '鲅鱼圈区'],
  ['210881', '盖州市'],
])('a company residing in %s (%s) is taxed by its own county\'s office', async (county, name) => {
  const app = application(county, { residence: { divisionCode: county, address: `营口市${name}某路1号` } });
  const id = await applied(h, 'ftz.staff', app);
  await complete(h, `gov-${county}.staff`, id, 'consentRegistration', { decision: 'agree' });
  await transferTax(h, id, county);
  expect((await entity(h, app.uscc!)).tax).toMatchObject({ office: `tax-${county}`, transferStatus: 'CONFIRMED', transferTo: `tax-${county}` });
});

test('鲅鱼圈: registered, taxed locally, verification failed, rectification, revocation, credit record and penalty case, all on the timeline', async () => {
  const app = application('210804', { name: '营口鲅鱼圈海鲜食品有限公司', residence: { divisionCode: '210804', address: '营口市鲅鱼圈区海星路1号' } });
  const id = await applied(h, 'zone-210804.staff', app);
  await complete(h, 'gov-210804.staff', id, 'consentRegistration', { decision: 'agree' });
  await transferTax(h, id, '210804');
  const licenceId = `${app.uscc}/XK-001`;
  await verify(h, 'le-210804.staff', id, 'verifyCommitment', licenceId, { result: 'nonCompliant', findings: '冷库温控不达标' });
  await verify(h, 'le-210804.staff', id, 'recheckCommitment', licenceId, { result: 'nonCompliant', findings: '整改期满仍不达标' });
  await registration(h, id, (r) => r.stage === 'COMPLETED');

  const registered = await entity(h, app.uscc!);
  expect(registered).toMatchObject({ taxOffice: 'tax-210804', commitmentBarred: true });
  expect(registered.licences[0].status).toBe('REVOKED');
  const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline?lang=zh`)).body as { kind: string; summary: string }[];
  const said = (kind: string) => timeline.find((entry) => entry.kind === kind)?.summary;
  expect(said('entityRegistered')).toContain('营口鲅鱼圈海鲜食品有限公司');
  expect(said('taxTransferred')).toContain('tax-210804');
  expect(said('rectificationOrdered')).toContain('冷库温控不达标');
  expect(said('licenceRevoked')).toContain('整改期满仍不达标');
  expect(said('creditRecorded')).toContain(`breach-${licenceId}`);
  expect(said('penaltyCaseOpened')).toContain('le-210804');
});
