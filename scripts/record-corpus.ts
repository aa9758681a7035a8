/**
 * Records histories of real runs into test/replay-corpus/, which CI replays against the current
 * workflow code. Run it when a workflow gains a path worth keeping; commit what it writes.
 * Old recordings are kept: they are the histories that code changes must still replay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { resolveTemporalCli } from '../platform/engine/temporal-cli';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { CORPUS_PAYLOAD_KEY } from '../test/support/corpus-key';
import { eventually, startHarness, type Harness } from '../test/support/harness';
import { startWebhookReceiver } from '../test/support/receivers';
import { startTaxSimulator } from '../integrations/tax/simulator';
import { startGovServiceSimulator } from '../integrations/gov-service/simulator';
import { newSecret } from '../integrations/signing';
import { addDays } from '../domain/agreements';
import { agreementContent, concludeAgreement, publishCatalog, today } from '../test/support/agreement-flow';
import { filePenalty, penaltyZone, reportDocument, reportedPenalty } from '../test/support/penalty-flow';
import { body, complete, establish, launch, memorandum, taskFor } from '../test/support/zone-flow';
import { resetBeforeLastUpdate } from '../test/support/operator';
import { application, apply, applied, readyZone, registration, transferTax, verify } from '../test/support/registration-flow';

const CORPUS = join(__dirname, '..', 'test', 'replay-corpus');

/** A zone with an agreement in force and an application awaiting consent, then terminated by both sides. */
async function endedZone(h: Harness) {
  const zone = await readyZone(h);
  const zoneProcess = (await (await h.as('audit.auditor')).get(`/api/zones/${zone}`)).body.processId as string;
  const [agreementId] = ((await (await h.as('audit.auditor')).get(`/api/agreements?zone=${zone}`)).body as { id: string }[]).map(
    (a) => a.id,
  );
  const inFlight = await applied(h, 'ftz.staff', application(zone));
  await (await h.as('ftz.admin')).post(`/api/processes/${zoneProcess}/actions/proposeTermination`, { reason: '园区调出' });
  await complete(h, `gov-${zone}.admin`, zoneProcess, 'consentTermination', { decision: 'agree' });
  for (const id of [zoneProcess, agreementId, inFlight]) await h.client.workflow.getHandle(id).result();
  return { zoneProcess, agreementId, inFlight };
}

/**
 * A second product whose outside systems are there (the tax simulator, a chat robot): the scenarios of
 * the ports' paths run on it, the others keep the paths they were recorded on.
 */
let ports: { h: Harness; close(): Promise<void> } | undefined;
async function portsHarness(): Promise<Harness> {
  if (!ports) {
    const tax = await startTaxSimulator();
    const robot = await startWebhookReceiver();
    const h = await startHarness({ delivery: { taxSystemUrl: tax.url } });
    ports = { h, close: async () => (await h.stop(), await tax.close(), await robot.close()) };
    robotUrl = robot.url('/robot');
  }
  return ports.h;
}
let robotUrl = '';
/** Products a scenario started for itself, stopped at the end. */
const extras: (() => Promise<unknown>)[] = [];
/** The adoption an accepted practice started, recorded by the scenario after it. */
let reformPilot: { id: string; zone: string } | undefined;

/** Each scenario names its folder (the process type) and returns the process id it ran (and on which product, if not the first). */
const scenarios: Record<string, (h: Harness) => Promise<string | { h: Harness; id: string }>> = {
  // A new task reaches an organisation with a chat robot: the step's outbox and its delivery workflow.
  async 'zone-notified-by-robot'() {
    const h = await portsHarness();
    const county = await h.newCounty();
    await (await h.as(`gov-${county}.admin`)).post('/api/notification-channels', { webhook: robotUrl });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await taskFor(h, `gov-${county}.staff`, id, 'reviewMemorandum');
    return { h, id };
  },
  async 'zone-established'(h) {
    return establish(h, await h.newCounty());
  },
  // An operator's reset that dropped the last signature: the reset run resyncs the records, then goes on.
  async 'zone-reset-signature-dropped'(h) {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await resetBeforeLastUpdate(h, id, ['--reapply-exclude', 'Update']);
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.staff`, id, 'nameManagementBody', body);
    return id;
  },
  async 'zone-returned-then-signed'(h) {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, 'ftz.staff', id, 'reviewMemorandum', { decision: 'return', comments: '面积需核实' });
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    return id;
  },
  async 'zone-overdue-withdrawn'(h) {
    const county = await h.newCounty({ signingPeriod: { seconds: 2 } });
    const id = await launch(h, county);
    await taskFor(h, 'city.admin', id, 'decideOverdueMemorandum');
    await complete(h, 'city.admin', id, 'decideOverdueMemorandum', { decision: 'withdraw', reason: '逾期' });
    return id;
  },
  async 'zone-amended-suspended-terminated'(h) {
    const county = await h.newCounty({ historyEventLimit: 40 });
    const id = await establish(h, county);
    const city = await h.as('city.admin');
    const ftzAdmin = await h.as('ftz.admin');
    await (await h.as(`gov-${county}.admin`)).post(`/api/processes/${id}/actions/proposeAmendment`, { reason: '扩区' });
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    await city.post(`/api/processes/${id}/actions/suspendZone`, { reason: '检查' });
    await city.post(`/api/processes/${id}/actions/resumeZone`, {});
    await ftzAdmin.post(`/api/processes/${id}/actions/proposeTermination`, { reason: '协商一致' });
    await complete(h, `gov-${county}.admin`, id, 'consentTermination', { decision: 'agree' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  /** Launched with the city's approval, its area drawn from townships and a park, then amended to move a township in. */
  async 'zone-area-amended'(h) {
    const county = await h.newCounty();
    const id = await establish(h, county);
    await (await h.as(`gov-${county}.admin`)).post(`/api/processes/${id}/actions/proposeAmendment`, { reason: '划入第三个街道' });
    const boundary = { ...memorandum(county).boundary, townshipCodes: [`${county}001`, `${county}003`], parkIds: [`P-${county}-01`] };
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county, { boundary, effectiveDate: today() }));
    await complete(h, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
    return id;
  },
  async 'zone-end-carried-through'(h) {
    return (await endedZone(h)).zoneProcess;
  },
  async 'agreement-zone-end'(h) {
    return (await endedZone(h)).agreementId;
  },
  async 'registration-zone-end'(h) {
    return (await endedZone(h)).inFlight;
  },
  async 'agreement-returned-renewed-expired'(h) {
    const zone = await h.newCounty({ historyEventLimit: 60 });
    for (const [key, value] of [
      ['agreement.dayLengthMs', 500],
      ['agreement.renewalNoticeDays', 5],
    ] as const) {
      await h.db.query('INSERT INTO policies (key, scope, value) VALUES ($1, $2, $3)', [key, zone, JSON.stringify(value)]);
    }
    await establish(h, zone);
    const content = agreementContent([{ powerCode: 'XK-005' }], { startDate: today(), endDate: addDays(today(), 12) });
    const id = await concludeAgreement(h, zone, content);
    await complete(h, 'ftz.admin', id, 'decideRenewal', { decision: 'renew', newEndDate: addDays(today(), 30) });
    await complete(h, `gov-${zone}.staff`, id, 'reviewAgreement', { decision: 'return', comments: '调整续签期限' });
    await complete(h, 'ftz.staff', id, 'draftAgreement', {
      ...content,
      term: { startDate: addDays(today(), 13), endDate: addDays(today(), 25) },
    });
    await complete(h, `gov-${zone}.leader`, id, 'reviewAgreement', { decision: 'sign' });
    await complete(h, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
    await complete(h, 'ftz.admin', id, 'decideRenewal', { decision: 'letExpire' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'catalog-delisting-revokes'(h) {
    const zone = await h.newCounty();
    await establish(h, zone);
    const holder = await concludeAgreement(h, zone, agreementContent([{ powerCode: 'XK-010' }]));
    await publishCatalog(h, (powers) => powers.map((p) => (p.code === 'XK-010' ? { ...p, status: 'delisted' as const } : p)));
    await (await h.as(`gov-${zone}.admin`)).post(`/api/processes/${holder}/actions/terminateAgreement`, { reason: '职权已取消' });
    await h.client.workflow.getHandle(holder).result();
    return 'power-catalog';
  },
  async 'catalog-local-authority-penalties-kept-delisted'(h) {
    // Drafted from the seeded version 2: the penalty powers stay delisted, an inspection power is delisted too.
    await publishCatalog(h, (powers) => powers.map((p) => (p.code === 'JC-003' ? { ...p, status: 'delisted' as const } : p)));
    return 'power-catalog';
  },
  async 'registration-verified-rectified-revoked'(h) {
    const zone = await readyZone(h, await h.newCounty({ historyEventLimit: 60 }));
    const app = application(zone, {
      licenceItems: [
        { powerCode: 'XK-001', commitment: '已具备条件', variant: 'conditionsMet' },
        { powerCode: 'XK-005', commitment: '限期具备条件', variant: 'conditionsByDate', conditionsDue: addDays(today(), 30) },
      ],
    });
    const id = await applied(h, `zone-${zone}.staff`, app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-001`, { result: 'nonCompliant', findings: '设施不足' });
    await verify(h, `le-${zone}.staff`, id, 'recheckCommitment', `${app.uscc}/XK-001`, { result: 'compliant' });
    await transferTax(h, id, zone);
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-005`, { result: 'nonCompliant', findings: '车辆未配齐' });
    await verify(h, `le-${zone}.staff`, id, 'recheckCommitment', `${app.uscc}/XK-005`, { result: 'nonCompliant', findings: '逾期未整改' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'registration-overdue-routed'(h) {
    const [zone, window] = [await readyZone(h), await readyZone(h)];
    await h.setPolicy('registration.consentPeriod', zone, { seconds: 2 });
    await h.setPolicy('registration.verificationPeriod', zone, { seconds: 2 });
    const app = application(zone, { uscc: undefined });
    const id = await applied(h, `zone-${window}.staff`, app);
    await registration(h, id, (r) => r.deadlines.some((d) => d.name === 'consent' && d.escalated));
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await registration(h, id, (r) => r.deadlines.some((d) => d.name.startsWith('verification:') && d.escalated));
    const { uscc } = await registration(h, id);
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${uscc}/XK-001`, { result: 'compliant' });
    await transferTax(h, id, zone);
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'registration-normal-route-licensed'(h) {
    const zone = await readyZone(h);
    const app = application(zone, { businessScope: '危险化学品批发（不含储存）；食品销售' });
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await complete(h, 'ftz.staff', id, 'reviewLicenceApplication', { decision: 'accept' });
    await complete(h, `le-${zone}.staff`, id, 'checkOnSite', { result: 'meets', findings: '符合条件', checkedOn: today() });
    await complete(h, 'ftz.staff', id, 'decideLicence', {
      decision: 'grant',
      licenceNumber: '辽营危化经字〔2026〕1号',
      validFrom: today(),
      validUntil: addDays(today(), 1095),
    });
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', `${app.uscc}/XK-001`, { result: 'compliant' });
    await transferTax(h, id, zone);
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  // The 划转 by the tax system (its simulator accepting), with the outbox delivery it starts and the answer it hears.
  async 'registration-tax-by-system'() {
    const h = await portsHarness();
    const zone = await readyZone(h);
    const id = await applied(h, 'ftz.staff', application(zone));
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    await registration(h, id, (r) => r.tax?.transferStatus === 'CONFIRMED');
    return { h, id };
  },
  // 政务服务网 down past the retry policy: the status change's failure task, resent once the platform is back.
  async 'exchange-failure-resent-after-outage'() {
    const secret = newSecret();
    const gov = await startGovServiceSimulator({ secret });
    const h = await startHarness({ delivery: { govServiceUrl: gov.url }, systemClients: { 'gov-service': secret } });
    extras.push(async () => (await h.stop(), await gov.close()));
    gov.setApiUrl(h.baseUrl);
    await h.db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [
      JSON.stringify({ initialIntervalMs: 200, maximumIntervalMs: 500, maximumAttempts: 3 }),
    ]);
    const zone = await readyZone(h);
    gov.setMode({ mode: 'down' });
    const submitted = await gov.submit({
      applicationNo: `ZW-CORPUS-${Date.now()}`,
      submittedAt: new Date().toISOString(),
      application: application(zone, { licenceItems: [] }),
    });
    const processId = (submitted.body as { processId: string }).processId;
    const failed = await eventually(
      async () =>
        (
          await h.db.query<{ id: string }>(
            `SELECT id::text FROM outbox WHERE process_id = $1 AND channel = 'gov-service' AND status = 'FAILED'`,
            [processId],
          )
        )[0],
      60_000,
      'the status change FAILED',
    );
    gov.setMode({ mode: 'accept' });
    const id = `exchange-failure-${failed.id}`;
    await complete(h, 'ftz.staff', id, 'resolveFailedExchange', { decision: 'resend' });
    await h.client.workflow.getHandle(id).result();
    return { h, id };
  },
  async 'registration-refused'(h) {
    const zone = await readyZone(h);
    const id = (await apply(h, 'ftz.staff', application(zone, { businessScope: '危险化学品批发；网络赌博' }))).body.id as string;
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'registration-consent-refused'(h) {
    // Refused by the county: the refusal records its facts (patch registration-refusal-facts).
    const zone = await readyZone(h);
    const id = await applied(h, 'ftz.staff', application(zone));
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'refuse', reason: '不符合本县产业规划' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'penalty-refused-by-code'(h) {
    // The entity struck off between the filing and the process taking it up: refused, its cause by code.
    const { zone, uscc } = await penaltyZone(h);
    await h.stopWorker();
    const filed = await filePenalty(h, zone, uscc);
    await h.db.query("UPDATE entities SET status = 'DEREGISTERED' WHERE uscc = $1", [uscc]);
    await h.startWorker();
    const id = filed.body.id as string;
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  // 'penalty-returned-twice-recognised-withdrawn' and 'penalty-overdue-repaired' were recorded under the
  // earlier rules (an entrusted power checked, corrections changing the decision, publication from
  // recognition); their histories stay in the corpus, and the rules they ran under no longer run.
  async 'penalty-local-authority-corrected-recognised'(h) {
    // No agreement entrusts a penalty power; days of 100 ms and one-month minimums, so repair opens in seconds.
    const { zone, uscc } = await penaltyZone(h, {
      'workflow.historyEventLimit': 40,
      'penalty.dayLengthMs': 100,
      'penalty.publication': {
        minor: { months: 1, repairAfterMonths: 1 },
        general: { months: 12, repairAfterMonths: 1 },
        serious: { months: 12, repairAfterMonths: 12 },
      },
    });
    const { id } = await reportedPenalty(h, zone, uscc, { grade: 'general', decidedOn: addDays(today(), -2), deliveredOn: today() });
    for (const completion of [
      { documents: [reportDocument('decision', '行政处罚决定书（盖章）')] },
      { entityName: '营口测试食品有限公司' },
    ]) {
      await complete(h, 'ftz.staff', id, 'reviewPenalty', {
        decision: 'return',
        reasons: ['documentsMissing', 'entityMismatch'],
        note: '请补正',
      });
      const task = await taskFor(h, `zone-${zone}.staff`, id, 'correctPenalty');
      await complete(h, `zone-${zone}.staff`, id, 'correctPenalty', { ...(task.context.prefill as object), ...completion });
    }
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await (await h.as(`zone-${zone}.staff`)).post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '已整改' });
    await complete(h, 'ftz.staff', id, 'decideCreditRepair', { decision: 'grant' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'penalty-local-authority-published-from-decision-repaired'(h) {
    // A decision of ten days ago, published from that date; repair asked at a window, granted by another person.
    const { zone, uscc } = await penaltyZone(h, {
      'penalty.dayLengthMs': 100,
      'penalty.publication': {
        minor: { months: 1, repairAfterMonths: 1 },
        general: { months: 12, repairAfterMonths: 1 },
        serious: { months: 12, repairAfterMonths: 12 },
      },
    });
    const { id } = await reportedPenalty(h, zone, uscc, {
      grade: 'general',
      decidedOn: addDays(today(), -10),
      deliveredOn: addDays(today(), -9),
    });
    await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise' });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await (await h.as(`zone-${zone}.staff`)).post(`/api/processes/${id}/actions/requestCreditRepair`, { rectification: '已缴清罚款' });
    await complete(h, 'ftz.staff', id, 'decideCreditRepair', { decision: 'grant' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'pilot-listed-adopted-declined'(h) {
    const [a, b] = [await h.newCounty(), await h.newCounty()];
    await establish(h, a);
    await establish(h, b);
    const listing = {
      titleZh: '企业登记住所与经营场所分离登记',
      titleEn: 'Registering residence and premises separately',
      grantedBy: '辽宁省人民政府',
      grantedOn: '2021-04-01',
    };
    const id = (await (await h.as('ftz.admin')).post('/api/processes/pilot-adoption', { measureCode: 'RM-901', listing })).body
      .id as string;
    await complete(h, `gov-${a}.staff`, id, 'decidePilot', { decision: 'adopt', date: '2026-05-01', note: '自5月起实施' });
    await complete(h, `gov-${b}.staff`, id, 'decidePilot', { decision: 'decline', date: '2026-05-03', note: '暂无相关业务' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  async 'indicators-late-returned-corrected-accepted'(h) {
    // Two zones: one reports late (escalated), is returned once and corrected; the other is accepted at once.
    const [a, b] = [await h.newCounty(), await h.newCounty()];
    await establish(h, a);
    await establish(h, b);
    await h.setPolicy('indicators.reportPeriod', a, { seconds: 2 });
    const figures = (tax: number) => ({
      newMarketEntities: { value: 12, unit: '户' },
      registeredCapital: { value: 800.5, unit: '万元' },
      taxRevenue: { value: tax, unit: '万元' },
      importExportValue: { value: 1200, unit: '万元' },
      actualForeignInvestment: { value: 35.25, unit: '万美元' },
    });
    const id = (await (await h.as('ftz.admin')).post('/api/processes/economic-indicators', { period: '2026-10' })).body.id as string;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await complete(h, `zone-${a}.staff`, id, 'reportIndicators', { figures: figures(999) });
    await complete(h, 'ftz.staff', id, 'reviewIndicators', {
      decision: 'return',
      reasons: '税收收入与税务部门数据不符',
      indicators: ['taxRevenue'],
    });
    await complete(h, `zone-${a}.staff`, id, 'correctIndicators', { figures: figures(456.78), note: '已核实' });
    await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'accept' });
    await complete(h, `zone-${b}.staff`, id, 'reportIndicators', { figures: figures(100) });
    await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'accept' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  // Reform both ways (issue 23): a zone's practice accepted and offered to the other zone, whose adoption is recorded too.
  async 'practice-proposed-accepted-offered'(h) {
    const [a, b] = [await h.newCounty(), await h.newCounty()];
    await establish(h, a);
    await establish(h, b);
    const id = (
      await (await h.as(`zone-${a}.staff`)).post('/api/processes/reform-practice', { zoneCode: a, titleZh: '企业开办“一窗通办”' })
    ).body.id as string;
    await complete(h, `zone-${a}.staff`, id, 'proposePractice', {
      practice: '一窗受理，半日办结',
      where: '协同区政务服务中心',
      startedOn: '2026-03-01',
      results: '开办时间压缩至半日',
    });
    await complete(h, 'ftz.staff', id, 'evaluatePractice', { decision: 'accept', titleEn: 'One window to open a business' });
    const ended = await h.client.workflow.getHandle(id).result();
    reformPilot = { id: `pilot-${ended.measureCode as string}`, zone: b };
    return id;
  },
  // The adoption the accepted practice started: offered to the other zone only.
  async 'pilot-offered-from-practice'(h) {
    await complete(h, `gov-${reformPilot!.zone}.staff`, reformPilot!.id, 'decidePilot', {
      decision: 'adopt',
      date: '2026-06-01',
      note: '复制实施',
    });
    await h.client.workflow.getHandle(reformPilot!.id).result();
    return reformPilot!.id;
  },
  async 'practice-declined'(h) {
    const a = await h.newCounty();
    await establish(h, a);
    const id = (await (await h.as(`gov-${a}.staff`)).post('/api/processes/reform-practice', { zoneCode: a, titleZh: '港口“先放后检”' }))
      .body.id as string;
    await complete(h, `gov-${a}.staff`, id, 'proposePractice', {
      practice: '先放行后检验',
      where: '港区',
      startedOn: '2026-02-01',
      results: '通关提速',
    });
    await complete(h, 'ftz.staff', id, 'evaluatePractice', { decision: 'decline', reasons: '属海关授权事项，不宜作为协同区经验推广' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  // A demand routed late (reminder and escalation), then answered.
  async 'demand-routed-late-answered'(h) {
    const a = await h.newCounty();
    await establish(h, a);
    await h.setPolicy('reform.routingPeriod', a, { seconds: 2 });
    const demand = {
      zoneCode: a,
      enterpriseName: '测试果品有限公司',
      contactName: '赵敏',
      phone: '13804171111',
      category: 'tax',
      demand: '税务档案随迁',
      receivedOn: '2026-06-10',
    };
    const id = (await (await h.as(`zone-${a}.staff`)).post('/api/processes/reform-demand', demand)).body.id as string;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await complete(h, 'ftz.staff', id, 'routeDemand', { responsibleOrg: `gov-${a}`, note: '请研究答复' });
    await complete(h, `gov-${a}.staff`, id, 'answerDemand', { outcome: 'adopted', answer: '已纳入改革事项' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  // A random plan of one entity: a rectification order, its period over on the timer, a re-inspection that opens a penalty case.
  async 'supervision-rectified-then-case'(h) {
    const { zone } = await penaltyZone(h, { 'supervision.dayLengthMs': 200 });
    const id = (
      await (
        await h.as(`gov-${zone}.admin`)
      ).post('/api/processes/supervision-plan', { zoneCode: zone, selection: 'random', seed: 'corpus-1' })
    ).body.id as string;
    const on = today();
    await complete(h, `le-${zone}.staff`, id, 'inspectEntity', {
      outcome: 'rectify',
      inspectedOn: on,
      findings: '台账缺失',
      rectificationDays: 2,
    });
    await complete(h, `le-${zone}.staff`, id, 'reinspectEntity', {
      outcome: 'penaltyCase',
      inspectedOn: on,
      findings: '仍无台账',
      caseReason: '逾期未整改',
    });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
  // The lean path of issue 21 (patch lean-steps): short reads as local activities, small views in
  // the updates' answers. The same scenarios as before, recorded again under names of their own so
  // the histories recorded before the patch stay as they were.
  async 'agreement-lean-returned-renewed-expired'(h) {
    return scenarios['agreement-returned-renewed-expired'](h);
  },
  async 'zone-lean-returned-then-signed'(h) {
    return scenarios['zone-returned-then-signed'](h);
  },
  async 'statistics-snapshot-requested'(h) {
    const taken = await (await h.as('ftz.admin')).post('/api/statistics/snapshots', { period: '2025-01' });
    return taken.body.processId as string;
  },
};

// Issue 21's one marker for every patch (workflows/kernel/patches.ts) and the launch's `opened`
// update: one scenario of each process type again, under names of their own.
for (const name of [
  'zone-amended-suspended-terminated',
  'agreement-returned-renewed-expired',
  'registration-verified-rectified-revoked',
  'penalty-local-authority-corrected-recognised',
  'catalog-delisting-revokes',
  'pilot-listed-adopted-declined',
  'indicators-late-returned-corrected-accepted',
  'practice-proposed-accepted-offered',
  'demand-routed-late-answered',
  'supervision-rectified-then-case',
  'exchange-failure-resent-after-outage',
]) {
  scenarios[name.replace(/^(exchange-failure|[a-z]+)-/, '$1-one-marker-')] = scenarios[name];
}

const FOLDERS: [RegExp, string][] = [
  [/^registration-/, 'entity-registration'],
  [/^penalty-/, 'penalty-report'],
  [/^zone-/, 'zone-establishment'],
  [/^agreement-/, 'delegation-agreement'],
  [/^catalog-/, 'power-catalog'],
  [/^pilot-/, 'pilot-adoption'],
  [/^statistics-/, 'statistics-snapshot'],
  [/^indicators-/, 'economic-indicators'],
  [/^practice-/, 'reform-practice'],
  [/^demand-/, 'reform-demand'],
  [/^supervision-/, 'supervision-plan'],
  [/^exchange-failure-/, 'exchange-failure'],
];

async function main(): Promise<void> {
  await globalSetup();
  // Sealed with the corpus key, not the run's random one, so that later runs can replay them.
  process.env.TEST_PAYLOAD_KEY = CORPUS_PAYLOAD_KEY;
  const h = await startHarness();
  const cli = (await resolveTemporalCli()).path!;
  const address = process.env.TEST_TEMPORAL_ADDRESS!;
  try {
    // `npm run corpus:record -- agreement` records only the scenarios whose names contain "agreement".
    const only = process.argv[2] ?? '';
    for (const [name, run] of Object.entries(scenarios).filter(([name]) => name.includes(only))) {
      const folder = join(CORPUS, FOLDERS.find(([pattern]) => pattern.test(name))![1]);
      mkdirSync(folder, { recursive: true });
      const ran = await run(h);
      const { h: on, id } = typeof ran === 'string' ? { h, id: ran } : ran;
      const runIds: string[] = [];
      for await (const execution of on.client.workflow.list({ query: `WorkflowId = '${id}'` })) runIds.push(execution.runId);
      for (const [index, runId] of runIds.reverse().entries()) {
        // The CLI's JSON is the format replay reads (the SDK's historyToJSON trips over two protobufjs copies).
        const history = JSON.parse(
          execFileSync(cli, ['workflow', 'show', '--address', address, '-n', on.namespace, '-w', id, '-r', runId, '-o', 'json']).toString(),
        ) as { events: unknown[] };
        // Replay needs the workflow id too: task ids and step keys are derived from it.
        const file = join(folder, `${name}.run${index + 1}.json`);
        writeFileSync(file, JSON.stringify({ workflowId: id, history }));
        console.log(`recorded ${file} (${history.events.length} events)`);
      }
    }
  } catch (error) {
    console.error(error);
    throw error;
  } finally {
    await ports?.close();
    for (const close of extras) await close();
    await h.stop();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
