import { addDays } from '../domain/agreements';
import { agreement, agreementContent, authority, concludeAgreement, today } from './support/agreement-flow';
import { eventually, startHarness, type Harness } from './support/harness';
import { application, apply, applied, entity, ENTRUSTED, registration, transferTax, verify } from './support/registration-flow';
import { complete, establish, timelineKinds } from './support/zone-flow';

/** P1 step 8: a zone's suspension and termination carry through to its agreements and registrations. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

/** An ACTIVE zone with an agreement that began ten days ago: the authority rule has days before the end to answer yes. */
async function zoneWithAgreement() {
  const zone = await h.newCounty();
  const zoneProcess = await establish(h, zone);
  await h.addUsers(`zone-${zone}`);
  const term = { startDate: addDays(today(), -10), endDate: addDays(today(), 300) };
  const agreementId = await concludeAgreement(
    h,
    zone,
    agreementContent(
      ENTRUSTED.map((powerCode) => ({ powerCode })),
      term,
    ),
  );
  return { zone, zoneProcess, agreementId };
}

test('while suspended, no act under an entrusted power and no new registration; resumed, both again', async () => {
  const { zone, zoneProcess } = await zoneWithAgreement();
  const city = await h.as('city.admin');
  expect(await authority(h, zone, 'XK-001', today())).toMatchObject({ inForce: true });

  expect((await city.post(`/api/processes/${zoneProcess}/actions/suspendZone`, { reason: '整改' })).status).toBe(200);
  expect(await authority(h, zone, 'XK-001', today())).toEqual({ inForce: false, reason: `zone ${zone} is suspended since ${today()}` });
  expect((await (await h.as('audit.auditor')).get(`/api/zones/${zone}`)).body).toMatchObject({
    status: 'SUSPENDED',
    suspendedOn: today(),
    terminatedOn: null,
  });
  expect(await authority(h, zone, 'XK-001', addDays(today(), -1))).toMatchObject({ inForce: true });
  const refused = (await apply(h, 'ftz.staff', application(zone))).body.id as string;
  expect((await registration(h, refused, (r) => r.stage === 'REFUSED')).refusals.map((r) => r.code)).toContain(
    'residence-not-in-active-zone',
  );

  await city.post(`/api/processes/${zoneProcess}/actions/resumeZone`, {});
  expect(await authority(h, zone, 'XK-001', today())).toMatchObject({ inForce: true });
  expect((await (await h.as('audit.auditor')).get(`/api/zones/${zone}`)).body).toMatchObject({ status: 'ACTIVE', suspendedOn: null });
});

test("termination ends the zone's agreements from its day, refuses applications in flight with its reason, and leaves registered entities with their local offices", async () => {
  const { zone, zoneProcess, agreementId } = await zoneWithAgreement();
  const registeredApp = application(zone);
  const registered = await applied(h, 'ftz.staff', registeredApp);
  await complete(h, `gov-${zone}.staff`, registered, 'consentRegistration', { decision: 'agree' });
  await registration(h, registered, (r) => r.stage === 'SUPERVISING');
  const inFlight = await applied(h, `zone-${zone}.staff`, application(zone));
  expect((await registration(h, inFlight)).stage).toBe('AWAITING_CONSENT');

  await (await h.as('ftz.admin')).post(`/api/processes/${zoneProcess}/actions/proposeTermination`, { reason: '园区整体调出' });
  await complete(h, `gov-${zone}.admin`, zoneProcess, 'consentTermination', { decision: 'agree' });

  expect((await (await h.as('audit.auditor')).get(`/api/zones/${zone}`)).body).toMatchObject({
    status: 'TERMINATED',
    terminatedOn: today(),
  });
  // The agreement ends on the termination day: the registry shows it ended, with the zone's reason.
  expect(await agreement(h, agreementId)).toMatchObject({
    status: 'TERMINATED',
    terminatedOn: today(),
    terminationReason: expect.stringContaining('园区整体调出'),
  });
  expect(await authority(h, zone, 'XK-001', today())).toEqual({ inForce: false, reason: `zone ${zone} was terminated on ${today()}` });
  expect(await authority(h, zone, 'XK-001', addDays(today(), -1))).toMatchObject({ inForce: true, agreementId });
  const agreementProcess = await eventually(async () => {
    const process = (await (await h.as('audit.auditor')).get(`/api/processes/${agreementId}`)).body;
    return process.stage === 'TERMINATED' ? process : undefined;
  });
  expect(agreementProcess.openTasks).toEqual([]);
  expect(await timelineKinds(h, agreementId)).toContain('agreementEndedWithZone');

  // The application awaiting the county's consent is refused with the zone's reason; its task is gone.
  const refused = await registration(h, inFlight, (r) => r.stage === 'REFUSED');
  expect(refused.refusals).toEqual([
    {
      code: 'zone-terminated',
      message: `zone ${zone} was terminated on ${today()}: 园区整体调出`,
      facts: { countyCode: zone, terminatedOn: today(), reason: '园区整体调出' },
      words: `${zone}协同区已于 ${today()} 终止：园区整体调出`,
    },
  ]);
  expect((await (await h.as(`gov-${zone}.staff`)).get(`/api/tasks?processId=${inFlight}`)).body.items).toEqual([]);
  expect(await timelineKinds(h, zoneProcess)).toContain('zoneEndCarriedThrough');

  // The registered entity stays registered; its tax transfer and the verification go on with the local offices.
  await transferTax(h, registered, zone);
  await verify(h, `le-${zone}.staff`, registered, 'verifyCommitment', `${registeredApp.uscc}/XK-001`, { result: 'compliant' });
  expect(await entity(h, registeredApp.uscc!)).toMatchObject({ status: 'REGISTERED', taxOffice: `tax-${zone}` });
  expect((await registration(h, registered, (r) => r.stage === 'COMPLETED')).stage).toBe('COMPLETED');
});
