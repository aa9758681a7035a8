/**
 * The first batch of zones, 鲅鱼圈 (210804) and 盖州 (210881), by their real codes: the only test file
 * that establishes them on the run's engine. A company residing in each is taxed by its own county's
 * office; the one in 鲅鱼圈 fails its verification and is revoked, all of it on the timeline; one in 盖州
 * is penalised under 盖州's own authority (no entrusted power), the report returned twice and recognised,
 * and the figures move in both views.
 */
import type { Indicators } from '../domain/statistics';
import { startHarness, type Harness } from './support/harness';
import { authority, today } from './support/agreement-flow';
import { decisionFacts, newDecisionNumber, penaltyRecord, reportDocument } from './support/penalty-flow';
import { application, applied, entity, readyZone, registration, transferTax, verify } from './support/registration-flow';
import { complete, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await Promise.all([readyZone(h, '210804'), readyZone(h, '210881')]);
}, scaled(120_000));
afterAll(() => h?.stop());

test.each([
  ['210804', '鲅鱼圈区'],
  ['210881', '盖州市'],
])("a company residing in %s (%s) is taxed by its own county's office", async (county, name) => {
  const app = application(county, { residence: { divisionCode: county, townshipCode: `${county}001`, address: `营口市${name}某路1号` } });
  const id = await applied(h, 'ftz.staff', app);
  await complete(h, `gov-${county}.staff`, id, 'consentRegistration', { decision: 'agree' });
  await transferTax(h, id, county);
  expect(await entity(h, app.uscc!)).toMatchObject({
    taxOffice: `tax-${county}`,
    tax: { transferStatus: 'CONFIRMED', transferTo: `tax-${county}` },
  });
});

test('鲅鱼圈: registered, taxed locally, verification failed, rectification, revocation, credit record and penalty case, all on the timeline', async () => {
  const app = application('210804', {
    name: '营口鲅鱼圈海鲜食品有限公司',
    residence: { divisionCode: '210804', townshipCode: '210804002', address: '营口市鲅鱼圈区海星街道海星路1号' },
  });
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
  const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline?lang=zh`)).body as {
    kind: string;
    summary: string;
  }[];
  const said = (kind: string) => timeline.find((entry) => entry.kind === kind)?.summary;
  expect(said('entityRegistered')).toContain('营口鲅鱼圈海鲜食品有限公司');
  expect(said('taxTransferred')).toContain('tax-210804');
  expect(said('rectificationOrdered')).toContain('冷库温控不达标');
  expect(said('licenceRevoked')).toContain('整改期满仍不达标');
  expect(said('creditRecorded')).toContain(`breach-${licenceId}`);
  expect(said('penaltyCaseOpened')).toContain('le-210804');
});

test('盖州: a penalty filed by le-210881 with no entrusted power in force, reported, returned twice and recognised: the credit record, its publication and the statistics in both views', async () => {
  const app = application('210881', { licenceItems: [] });
  const registered = await applied(h, 'zone-210881.staff', app);
  await complete(h, 'gov-210881.staff', registered, 'consentRegistration', { decision: 'agree' });
  const period = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
  const figures = async (view: 'municipal' | 'national') => {
    const body = (await (await h.as('ftz.admin')).get(`/api/statistics?view=${view}&period=${period}&source=live`)).body;
    return Object.fromEntries((body.rows as { unit: string; indicators: Indicators }[]).map((r) => [r.unit, r.indicators]));
  };
  const [municipalBefore, nationalBefore] = [await figures('municipal'), await figures('national')];

  // Penalties are imposed under local authority: no agreement of 盖州 entrusts one, and none is asked for.
  expect(await authority(h, '210881', 'CF-001', today())).toMatchObject({ inForce: false });
  const decisionNumber = newDecisionNumber();
  const filed = await (
    await h.as('le-210881.staff')
  ).post('/api/processes/penalty-report', {
    zoneCode: '210881',
    decisionNumber,
    decision: decisionFacts(app.uscc!, { grade: 'serious' }),
  });
  expect(filed.status).toBe(201);
  const id = filed.body.id as string;
  await complete(h, 'zone-210881.staff', id, 'reportPenalty', {});
  const completions = [{ documents: [reportDocument('decision', '营盖市监罚决定书')] }, { entityName: app.name }];
  for (const completion of completions) {
    await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: ['documentsMissing'] });
    const correction = await taskFor(h, 'zone-210881.staff', id, 'correctPenalty');
    await complete(h, 'zone-210881.staff', id, 'correctPenalty', { ...(correction.context.prefill as object), ...completion });
  }
  await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });

  const record = await penaltyRecord(h, decisionNumber);
  expect(record).toMatchObject({ status: 'RECOGNISED', returns: 2, grade: 'serious' });
  const { credit, commitmentBarred } = await entity(h, app.uscc!);
  expect(credit.records).toEqual([expect.objectContaining({ kind: 'penalty', grade: 'serious', status: 'ACTIVE' })]);
  // Serious: published for three years by default, and the commitment route barred meanwhile.
  const [published] = credit.records;
  expect(Date.parse(published.publicationUntil) - Date.parse(published.publicationFrom)).toBeGreaterThan(3 * 360 * 86_400_000);
  expect(commitmentBarred).toBe(true);

  const [municipal, national] = [await figures('municipal'), await figures('national')];
  const moved = { penaltiesReported: 1, penaltiesRecognised: 1, penaltiesReturned: 2, correctionRounds: 2 };
  for (const [indicator, by] of Object.entries(moved) as [keyof Indicators, number][]) {
    // The municipal view counts it for the county, the national view for the FTZ; the other county does not move.
    expect([indicator, municipal['210881'][indicator] - municipalBefore['210881'][indicator]]).toEqual([indicator, by]);
    expect([indicator, national.ftz[indicator] - nationalBefore.ftz[indicator]]).toEqual([indicator, by]);
    expect([indicator, municipal['210804'][indicator]]).toEqual([indicator, municipalBefore['210804'][indicator]]);
  }
});
