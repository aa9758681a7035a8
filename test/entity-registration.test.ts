import { randomUUID } from 'node:crypto';
import { REGISTRATION_TRANSITIONS } from '../domain/registration';
import { fullUsccProblem, organisationCodeCheckCharacter, usccCheckCharacter } from '../domain/uscc';
import { eventually, startHarness, type Harness } from './support/harness';
import { application, apply, applied, entity, readyZone, registration, transferTax, verify } from './support/registration-flow';
import { complete, expectDeclaredPath, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';
import { addDays } from '../domain/agreements';
import { today } from './support/agreement-flow';

let h: Harness;
let zone: string;
let other: string;
beforeAll(async () => {
  h = await startHarness();
  [zone, other] = await Promise.all([readyZone(h), readyZone(h)]);
}, scaled(120_000));
afterAll(() => h?.stop());

const count = async (sql: string, params: unknown[]) => Number((await h.db.query<{ n: string }>(sql, params))[0].n);

describe('registration on commitment, end to end', () => {
  test('consent, registration with tax registration, transfer to the local office, both licence variants verified', async () => {
    const app = application(zone, {
      businessAddresses: [{ divisionCode: zone, address: '商业街8号' }, { address: '大连市中山区某路2号' }],
      licenceItems: [
        { powerCode: 'XK-001', commitment: '已具备食品经营条件', variant: 'conditionsMet' },
        { powerCode: 'XK-005', commitment: '2027年3月前配齐车辆', variant: 'conditionsByDate', conditionsDue: '2027-03-01' },
      ],
    });
    const id = await applied(h, `zone-${zone}.staff`, app);
    expect(id).toBe(`registration-${app.uscc}`);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });

    const registered = await entity(h, app.uscc!);
    expect(registered).toMatchObject({
      uscc: app.uscc,
      zoneCode: zone,
      status: 'REGISTERED',
      taxOffice: 'tax-ftz',
      acceptedBy: `zone-${zone}`,
    });
    expect(registered.residence).toEqual(app.residence);
    expect(registered.businessAddresses).toEqual(app.businessAddresses);
    // The registry masks the legal representative's identifiers.
    expect(registered.legalRepresentative).toEqual({ name: '王海', idNumber: '2108**********123X', phone: '139****1234' });
    expect(registered.tax).toMatchObject({ transferStatus: 'NONE', transferTo: `tax-${zone}` });
    const byCode = Object.fromEntries(registered.licences.map((l: { powerCode: string }) => [l.powerCode, l]));
    expect(byCode['XK-001']).toMatchObject({
      status: 'GRANTED',
      variant: 'conditionsMet',
      verification: { status: 'PENDING', enforcementOrg: `le-${zone}` },
    });
    expect(byCode['XK-005']).toMatchObject({ status: 'GRANTED_PENDING', conditionsDue: '2027-03-01' });
    // A pending licence is verified no earlier than its conditions' date.
    expect(byCode['XK-005'].verification.dueAt > '2027-03-01').toBe(true);

    await transferTax(h, id, zone);
    expect((await entity(h, app.uscc!)).taxOffice).toBe(`tax-${zone}`);
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-001`, { result: 'compliant' });
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-005`, { result: 'compliant', note: '车辆已配齐' });

    const done = await registration(h, id, (r) => r.stage === 'COMPLETED');
    expectDeclaredPath(done.path, REGISTRATION_TRANSITIONS);
    const final = await entity(h, app.uscc!);
    expect(
      final.licences.map((l: { status: string; verification: { status: string; onTime: boolean } }) => [
        l.status,
        l.verification.status,
        l.verification.onTime,
      ]),
    ).toEqual([
      ['GRANTED', 'COMPLIANT', true],
      ['GRANTED', 'COMPLIANT', true],
    ]);
    expect(final).toMatchObject({ taxOffice: `tax-${zone}`, tax: { transferStatus: 'CONFIRMED' } });
    expect(await timelineKinds(h, id)).toEqual([
      'applicationReceived',
      'applicationScreened',
      'consentGiven',
      'entityRegistered',
      'licenceGranted',
      'licenceGranted',
      'taxTransferRequested',
      'taxTransferApproved',
      'taxTransferred',
      'commitmentVerified',
      'commitmentVerified',
      'registrationCompleted',
    ]);
  });

  test('non-compliant, rectified and accepted on re-check', async () => {
    const app = application(zone);
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const licenceId = `${app.uscc}/XK-001`;
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', licenceId, { result: 'nonCompliant', findings: '冷藏设施不足' });
    const rectifying = (await entity(h, app.uscc!)).licences[0];
    expect(rectifying.verification).toMatchObject({ status: 'RECTIFYING', onTime: true });
    // Two months by default: the order runs about 61 days.
    const days = (Date.parse(rectifying.verification.rectificationDue) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(60);
    expect(days).toBeLessThan(63);
    await verify(h, `le-${zone}.staff`, id, 'recheckCommitment', licenceId, { result: 'compliant' });
    expect((await entity(h, app.uscc!)).licences[0]).toMatchObject({ status: 'GRANTED', verification: { status: 'COMPLIANT' } });
    await transferTax(h, id, zone);
    await registration(h, id, (r) => r.stage === 'COMPLETED');
  });

  test('non-compliant again after rectification: revoked, a credit record bars the commitment route, a penalty case opens', async () => {
    const app = application(zone);
    const id = await applied(h, `zone-${zone}.staff`, app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const licenceId = `${app.uscc}/XK-001`;
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', licenceId, { result: 'nonCompliant', findings: '无冷藏设施' });
    await verify(h, `le-${zone}.staff`, id, 'recheckCommitment', licenceId, { result: 'nonCompliant', findings: '逾期未整改' });

    const revoked = await entity(h, app.uscc!);
    expect(revoked.licences[0]).toMatchObject({ status: 'REVOKED', verification: { status: 'REVOKED' } });
    expect(revoked.commitmentBarred).toBe(true);
    expect(revoked.credit.records).toEqual([
      expect.objectContaining({ kind: 'commitment-breach', barsCommitment: true, status: 'ACTIVE', sourceProcessId: id }),
    ]);
    expect(revoked.penaltyCases).toEqual([expect.objectContaining({ licenceId, enforcementOrg: `le-${zone}`, status: 'OPEN' })]);
    expect(await timelineKinds(h, id)).toEqual(
      expect.arrayContaining(['rectificationOrdered', 'licenceRevoked', 'creditRecorded', 'penaltyCaseOpened']),
    );
    // Registered already: a second application for the code is a conflict, nothing started.
    const again = await apply(h, 'ftz.staff', app);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(id);
  });
});

describe('refusals', () => {
  async function refusedWith(app: ReturnType<typeof application>, username = 'ftz.staff') {
    const id = (await apply(h, username, app)).body.id as string;
    const refused = await registration(h, id, (r) => r.stage === 'REFUSED');
    // The stage moves before its step is written: wait for the process to end.
    await eventually(async () => ((await h.client.workflow.getHandle(id).describe()).status.name === 'COMPLETED' ? true : undefined));
    expect(await count('SELECT count(*) AS n FROM entities WHERE uscc = $1', [refused.uscc])).toBe(0);
    expect(await timelineKinds(h, id)).toEqual(['applicationReceived', 'applicationRefused']);
    return refused.refusals.map((r) => r.code);
  }

  test('each business check refuses with its reason, and writes no entity', async () => {
    const notAZone = await h.newCounty();
    // Each reason is a cause: outside a zone, that no power is in force for it follows and is not repeated.
    expect(await refusedWith(application(notAZone))).toEqual(['residence-not-in-active-zone']);
    expect(await refusedWith(application(zone, { businessScope: '网络游戏；网络赌博平台运营' }))).toEqual(['negative-list-prohibited']);
    expect(
      await refusedWith(application(zone, { licenceItems: [{ powerCode: 'XK-003', commitment: '承诺', variant: 'conditionsMet' }] })),
    ).toEqual(['not-a-commitment-item']);
    expect(
      await refusedWith(application(zone, { licenceItems: [{ powerCode: 'XK-008', commitment: '承诺', variant: 'conditionsMet' }] })),
    ).toEqual(['power-not-in-force']);

    expect(await refusedWith(application(zone, { licenceItems: [{ powerCode: 'CF-002', variant: 'normalRoute' }] }))).toEqual([
      'power-not-listed',
    ]);
  });

  test('the county government refuses consent', async () => {
    const app = application(zone);
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'refuse', reason: '不符合园区产业定位' });
    const refused = await registration(h, id, (r) => r.stage === 'REFUSED');
    expect(refused.refusals.map((r) => r.code)).toEqual(['consent-refused']);
    expect((await (await h.as('audit.auditor')).get(`/api/entities/${app.uscc}`)).status).toBe(404);
  });

  test('bad input is a 400 naming the field, and starts nothing', async () => {
    const valid = application(zone);
    // Every one-character change of a valid code breaks its check character.
    const mutated = `${valid.uscc!.slice(0, 5)}${valid.uscc![5] === '0' ? '1' : '0'}${valid.uscc!.slice(6)}`;
    // GB 32100 holds but positions 9–17 are no organisation code (GB 11714 check character wrong).
    const body8 = valid.uscc!.slice(8, 16);
    const wrongOrgCheck = [...'0123456789X'].find((c) => c !== organisationCodeCheckCharacter(body8))!;
    const first17 = `${valid.uscc!.slice(0, 16)}${wrongOrgCheck}`;
    const noOrganisationCode = first17 + usccCheckCharacter(first17);
    const cases: [unknown, string][] = [
      [{ ...valid, uscc: mutated }, 'body.uscc'],
      [{ ...valid, uscc: noOrganisationCode }, 'body.uscc'],
      [{ ...valid, uscc: `${valid.uscc!.slice(0, 17)}I` }, 'body.uscc'],
      [{ ...valid, residence: undefined }, 'body.residence'],
      [{ ...valid, businessAddresses: [] }, 'body.businessAddresses'],
      [{ ...valid, legalRepresentative: { ...valid.legalRepresentative, idNumber: '123' } }, 'body.legalRepresentative.idNumber'],
      [
        { ...valid, licenceItems: [{ powerCode: 'XK-005', commitment: '承诺', variant: 'conditionsByDate' }] },
        'body.licenceItems.0.conditionsDue',
      ],
    ];
    for (const [body, path] of cases) {
      const response = await apply(h, 'ftz.staff', body);
      expect([response.status, response.body.error.details.map((d: { path: string }) => d.path)]).toEqual([
        400,
        expect.arrayContaining([path]),
      ]);
    }
    expect(await count(`SELECT count(*) AS n FROM process_events WHERE data->>'uscc' IN ($1, $2)`, [valid.uscc, mutated])).toBe(0);
    // Launching is for windows: a government or enforcement user may not.
    expect((await apply(h, `gov-${zone}.staff`, valid)).status).toBe(403);
    expect((await apply(h, `le-${zone}.staff`, valid)).status).toBe(403);
  });
});

describe('the normal licence route (许可事项现场核查)', () => {
  test('a restricted negative-list entry does not refuse: its licence goes by the normal route and ends with a licence after an on-site check', async () => {
    const app = application(zone, { businessScope: '危险化学品批发（不含储存）；食品销售' });
    const id = await applied(h, 'ftz.staff', app);
    const screened = await registration(h, id);
    expect(screened.stage).toBe('AWAITING_CONSENT');
    expect(screened.refusals).toEqual([]);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await registration(h, id, (r) => r.stage === 'SUPERVISING');
    // The commitment item is granted at once; the restricted one waits for the window's review.
    const licenceId = `${app.uscc}/XK-009`;
    let registered = await entity(h, app.uscc!);
    expect(registered.licences.map((l: { powerCode: string }) => l.powerCode)).toEqual(['XK-001']);
    expect(registered.normalLicences).toEqual([
      expect.objectContaining({
        id: licenceId,
        powerCode: 'XK-009',
        reason: 'negative-list-restricted',
        because: expect.stringContaining('市场准入负面清单（2025年版）'),
        status: 'UNDER_REVIEW',
      }),
    ]);

    // Only the FTZ window reviews, only the county's enforcement checks on site, only the window decides.
    const review = await taskFor(h, 'ftz.staff', id, 'reviewLicenceApplication');
    expect((await (await h.as(`le-${zone}.staff`)).post(`/api/tasks/${review.id}/complete`, { decision: 'accept' })).status).toBe(403);
    await complete(h, 'ftz.staff', id, 'reviewLicenceApplication', { decision: 'accept', note: '材料齐全' });
    const onSite = await taskFor(h, `le-${zone}.staff`, id, 'checkOnSite');
    expect(
      (await (await h.as(`le-${zone}.staff`)).post(`/api/tasks/${onSite.id}/complete`, { result: 'meets', findings: '' })).status,
    ).toBe(400);
    await complete(h, `le-${zone}.staff`, id, 'checkOnSite', { result: 'meets', findings: '仓储与安全设施符合要求', checkedOn: today() });
    const decide = await taskFor(h, 'ftz.staff', id, 'decideLicence');
    const backwards = await (
      await h.as('ftz.staff')
    ).post(`/api/tasks/${decide.id}/complete`, {
      decision: 'grant',
      licenceNumber: '辽营危化经字〔2026〕001号',
      validFrom: today(),
      validUntil: today(),
    });
    expect([backwards.status, backwards.body.error.details.map((d: { path: string }) => d.path)]).toEqual([400, ['body.validUntil']]);
    await complete(h, 'ftz.staff', id, 'decideLicence', {
      decision: 'grant',
      licenceNumber: '辽营危化经字〔2026〕001号',
      validFrom: today(),
      validUntil: addDays(today(), 3 * 365),
    });

    registered = await entity(h, app.uscc!);
    expect(registered.normalLicences[0]).toMatchObject({
      status: 'GRANTED',
      licenceNumber: '辽营危化经字〔2026〕001号',
      validFrom: today(),
      validUntil: addDays(today(), 3 * 365),
      onSiteCheck: expect.objectContaining({ result: 'meets', findings: '仓储与安全设施符合要求' }),
    });
    await transferTax(h, id, zone);
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-001`, { result: 'compliant' });
    const done = await registration(h, id, (r) => r.stage === 'COMPLETED');
    expectDeclaredPath(done.path, REGISTRATION_TRANSITIONS);
    expect(await timelineKinds(h, id)).toEqual(
      expect.arrayContaining(['licenceApplied', 'licenceApplicationAccepted', 'onSiteChecked', 'licenceIssued']),
    );
  });

  test('a credit record that bars the commitment route moves the items to the normal route; the registration goes on', async () => {
    const barred = application(zone);
    await h.db.query(
      `INSERT INTO credit_records (id, uscc, kind, reason, bars_commitment, source_process_id, recorded_at, status)
       VALUES ($1, $2, 'commitment-breach', '外地承诺失信', true, 'elsewhere', now(), 'ACTIVE')`,
      [`test-${randomUUID()}`, barred.uscc],
    );
    const id = await applied(h, 'ftz.staff', barred);
    expect((await registration(h, id)).stage).toBe('AWAITING_CONSENT');
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await registration(h, id, (r) => r.stage === 'SUPERVISING');
    const registered = await entity(h, barred.uscc!);
    expect(registered.licences).toEqual([]);
    expect(registered.normalLicences).toEqual([
      expect.objectContaining({ powerCode: 'XK-001', reason: 'commitment-barred', because: expect.stringContaining('外地承诺失信') }),
    ]);
    // The window may refuse at review: the item ends refused, the registration stands.
    await complete(h, 'ftz.staff', id, 'reviewLicenceApplication', { decision: 'refuse', reason: '申请材料不全' });
    expect((await entity(h, barred.uscc!)).normalLicences[0].status).toBe('REFUSED');
    expect((await entity(h, barred.uscc!)).status).toBe('REGISTERED');
  });
});

describe('routing, deadlines and duplicates', () => {
  test('no-difference acceptance: another zone’s window accepts, the residence’s county consents, taxes and verifies', async () => {
    const app = application(other);
    const id = await applied(h, `zone-${zone}.staff`, app);
    await complete(h, `gov-${other}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await transferTax(h, id, other);
    const registered = await entity(h, app.uscc!);
    expect(registered).toMatchObject({ zoneCode: other, acceptedBy: `zone-${zone}`, taxOffice: `tax-${other}` });
    expect(registered.licences[0].verification.enforcementOrg).toBe(`le-${other}`);
    expect((await timelineKinds(h, id)).slice(0, 2)).toEqual(['applicationReceived', 'routedToCounty']);
  });

  test('two applications for one USCC at once: one registration, one 409', async () => {
    const app = application(zone);
    const responses = await Promise.all([apply(h, `zone-${zone}.staff`, app), apply(h, `zone-${other}.staff`, app)]);
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(responses.find((r) => r.status === 409)!.body.error.message).toContain(app.uscc);
    const id = responses.find((r) => r.status === 201)!.body.id;
    await registration(h, id, (r) => r.stage === 'AWAITING_CONSENT');
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    expect(await count('SELECT count(*) AS n FROM entities WHERE uscc = $1', [app.uscc])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM tax_registrations WHERE uscc = $1', [app.uscc])).toBe(1);
  });

  test('an entity without a USCC gets a valid one issued', async () => {
    const app = application(zone, { uscc: undefined });
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const { uscc } = await registration(h, id);
    // A company (91) first registered in Yingkou (210800), with a GB 11714 organisation code at 9–17.
    expect(uscc).toMatch(/^91210800M/);
    expect(fullUsccProblem(uscc)).toBeNull();
    expect((await entity(h, uscc)).uscc).toBe(uscc);
    // Search finds the process by the code it was issued (visibility is eventually consistent).
    const auditor = await h.as('audit.auditor');
    await eventually(async () =>
      (await auditor.get(`/api/processes?entity=${uscc}`)).body.items.some((p: { id: string }) => p.id === id) ? true : undefined,
    );
  });
});

describe('deadlines', () => {
  let slow: string;
  beforeAll(async () => {
    slow = await readyZone(h);
    await h.setPolicy('registration.consentPeriod', slow, { seconds: 3 });
    await h.setPolicy('registration.verificationPeriod', slow, { seconds: 3 });
  }, scaled(60_000));

  test('consent not given in time: a reminder to the government, then escalation to the FTZ and the city', async () => {
    const id = await applied(h, 'ftz.staff', application(slow));
    const sent = await eventually(async () => {
      const rows = await h.db.query<{ org_id: string; kind: string }>(
        `SELECT org_id, kind FROM notifications WHERE process_id = $1 AND kind <> 'task' ORDER BY id`,
        [id],
      );
      return rows.length >= 3 ? rows : undefined;
    });
    expect(sent.map((n) => `${n.kind}:${n.org_id}`)).toEqual([`reminder:gov-${slow}`, 'escalation:ftz', 'escalation:city']);
    expect((await registration(h, id)).stage).toBe('AWAITING_CONSENT');
    // Still decidable after escalation.
    await complete(h, `gov-${slow}.staff`, id, 'consentRegistration', { decision: 'agree' });
  });

  test('a verification missed escalates to the zone body and the FTZ, shows as overdue, and is recorded late', async () => {
    const app = application(slow);
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${slow}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const licenceId = `${app.uscc}/XK-001`;
    const escalations = await eventually(async () => {
      const rows = await h.db.query<{ org_id: string }>(
        `SELECT org_id FROM notifications WHERE process_id = $1 AND kind = 'escalation' AND message LIKE '%verification%'`,
        [id],
      );
      return rows.length >= 2 ? rows : undefined;
    });
    expect(escalations.map((n) => n.org_id)).toEqual(expect.arrayContaining([`zone-${slow}`, 'ftz']));
    const overdue = await (await h.as(`le-${slow}.staff`)).get('/api/verifications?overdue=true');
    expect(overdue.body.items.map((l: { id: string }) => l.id)).toContain(licenceId);
    expect((await (await h.as(`le-${zone}.staff`)).get(`/api/verifications?org=le-${slow}`)).status).toBe(403);

    await verify(h, `le-${slow}.staff`, id, 'verifyCommitment', licenceId, { result: 'compliant' });
    expect((await entity(h, app.uscc!)).licences[0].verification).toMatchObject({ status: 'COMPLIANT', onTime: false, overdue: false });
  });
});
