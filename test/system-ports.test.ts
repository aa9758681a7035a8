/**
 * Issue 19's remaining ports against their simulators: the credit platform (双公示), 互联网+监管,
 * 政务服务网 (signed intake, status back) and the tax system's callback. Contract tests run each
 * adapter against its simulator; end to end, the product on a real engine talks to the simulators.
 */
import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';
import { createCreditAdapter } from '../integrations/credit/adapter';
import { creditMessageSchema, type CreditMessage } from '../integrations/credit/messages';
import { startCreditSimulator, type CreditSimulator } from '../integrations/credit/simulator';
import { createSupervisionAdapter } from '../integrations/supervision/adapter';
import { startSupervisionSimulator, type SupervisionSimulator } from '../integrations/supervision/simulator';
import { startGovServiceSimulator, type GovServiceSimulator } from '../integrations/gov-service/simulator';
import { startTaxSimulator, TAX_CALLBACK_PATH, type TaxSimulator } from '../integrations/tax/simulator';
import { checkSignature, newSecret, signedHeaders } from '../integrations/signing';
import { issueUscc } from '../domain/uscc';
import { eventually, startHarness, type Harness } from './support/harness';
import { application, applied, entity, newUscc, readyZone, registration, verify } from './support/registration-flow';
import { filePenalty, newDecisionNumber, registerEntity } from './support/penalty-flow';
import { complete, establish, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

const govSecret = newSecret();
const taxSecret = newSecret();
let credit: CreditSimulator;
let supervision: SupervisionSimulator;
let gov: GovServiceSimulator;
let tax: TaxSimulator;

beforeAll(async () => {
  credit = await startCreditSimulator();
  supervision = await startSupervisionSimulator();
  gov = await startGovServiceSimulator({ secret: govSecret });
  tax = await startTaxSimulator({ callback: { secret: taxSecret } });
});
afterAll(async () => {
  await Promise.all([credit, supervision, gov, tax].map((s) => s?.close()));
});

const penaltyMessage = (overrides: Partial<Record<string, unknown>> = {}): CreditMessage =>
  creditMessageSchema.parse({
    requestId: `penalty-x:${Math.random()}/x0/credit`,
    processId: 'penalty-x',
    kind: 'penalty',
    行政相对人类别: '法人及非法人组织',
    行政相对人名称: '营口测试贸易有限公司',
    统一社会信用代码: newUscc(),
    行政处罚决定书文号: newDecisionNumber(),
    违法事实: '未取得许可从事经营',
    处罚依据: '《中华人民共和国食品安全法》第一百二十二条',
    处罚类别: '罚款',
    处罚内容: '罚款人民币50000元',
    罚款金额: 5,
    处罚决定日期: '2026-11-02',
    公示截止期: '2027-11-01',
    处罚机关: '盖州市属地行政执法机关',
    处罚机关统一社会信用代码: issueUscc('11aa00aa01'),
    数据来源单位: '营口自贸片区管委会',
    数据来源单位统一社会信用代码: issueUscc('11aa00aa02'),
    ...overrides,
  });

describe('contracts: each adapter against its simulator', () => {
  test('credit: a penalty published once however often sent; a withdrawal of a record not yet there is retried, not refused', async () => {
    credit.setMode({ mode: 'accept' });
    const adapter = createCreditAdapter(credit.url);
    const message = penaltyMessage();
    const first = await adapter.publish(message);
    expect(first).toMatchObject({ result: 'accepted', requestId: message.requestId, recordId: expect.stringMatching(/^XY-/) });
    expect(await adapter.publish(message)).toEqual(first);
    expect(credit.received.filter((r) => r.requestId === message.requestId)).toHaveLength(1);
    const early = await adapter
      .publish({
        requestId: `w-${Math.random()}`,
        processId: 'p',
        kind: 'withdrawal',
        统一社会信用代码: newUscc(),
        行政处罚决定书文号: newDecisionNumber(),
        撤销原因: '复议撤销',
        撤销日期: '2026-11-03',
        数据来源单位: 'x',
      })
      .catch((e: unknown) => e);
    // A plain error (retried), not a non-retryable failure, and it is the platform's 409 that raised it.
    expect(early).not.toBeInstanceOf(ApplicationFailure);
    expect(early).toMatchObject({ message: expect.stringMatching(/^credit platform unavailable: 409 /) });
  });

  test("credit: a record without the deciding organ's 统一社会信用代码 breaks the contract: 400 at the platform, never sent by the adapter", async () => {
    const { 处罚机关统一社会信用代码: _gone, ...incomplete } = penaltyMessage() as Extract<CreditMessage, { kind: 'penalty' }>;
    const response = await fetch(`${credit.url}/records`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(incomplete),
    });
    expect(response.status).toBe(400);
    const before = credit.attempts();
    // Refused by the contract's schema, naming the missing field, before any request.
    const refused = await createCreditAdapter(credit.url)
      .publish(incomplete as CreditMessage)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZodError);
    expect(JSON.stringify((refused as ZodError).issues)).toContain('处罚机关统一社会信用代码');
    expect(credit.attempts()).toBe(before);
  });

  test('互联网+监管: an on-site check is a record of its own kind any process may send; down is retried', async () => {
    const adapter = createSupervisionAdapter(supervision.url);
    const answer = await adapter.report({
      requestId: `inspection-x/${Math.random()}`,
      processId: 'inspection-x',
      kind: 'onSiteCheck',
      监管对象名称: '营口测试贸易有限公司',
      统一社会信用代码: newUscc(),
      监管事项编码: 'XK-001',
      监管事项名称: '食品经营许可',
      实施机关: '盖州市属地行政执法机关',
      实施机关编码: 'le-210881',
      行为日期: '2026-11-02',
      检查结果: '合格',
      检查发现: '现场设施与承诺一致',
      检查日期: '2026-11-02',
    });
    expect(answer).toMatchObject({ result: 'accepted', recordId: expect.stringMatching(/^JG-/) });
    supervision.setMode({ mode: 'down' });
    await expect(adapter.report({ ...supervision.received[0], requestId: `again-${Math.random()}` })).rejects.toThrow(/503/);
    supervision.setMode({ mode: 'accept' });
  });

  test('signing: a good signature passes; another secret, another body, a stale timestamp fail', () => {
    const body = '{"a":1}';
    const headers = signedHeaders('gov-service', govSecret, 'POST', '/api/system/applications', body);
    const request = (h: Record<string, string>, b = body) => ({
      method: 'POST',
      path: '/api/system/applications',
      header: (n: string) => h[n],
      body: Buffer.from(b),
    });
    expect(checkSignature({ 'gov-service': govSecret }, request(headers))).toMatchObject({ ok: true });
    expect(checkSignature({ 'gov-service': newSecret() }, request(headers))).toMatchObject({ ok: false, reason: '签名无效' });
    expect(checkSignature({ 'gov-service': govSecret }, request(headers, '{"a":2}'))).toMatchObject({ ok: false, reason: '签名无效' });
    const stale = signedHeaders('gov-service', govSecret, 'POST', '/api/system/applications', body, Date.now() - 10 * 60_000);
    expect(checkSignature({ 'gov-service': govSecret }, request(stale))).toMatchObject({ ok: false });
  });
});

describe('the product and the outside systems', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      delivery: { taxSystemUrl: tax.url, creditPlatformUrl: credit.url, supervisionUrl: supervision.url, govServiceUrl: gov.url },
      systemClients: { 'gov-service': govSecret, 'tax-system': taxSecret },
    });
    gov.setApiUrl(h.baseUrl);
    tax.setApiUrl(h.baseUrl);
    await h.db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [
      JSON.stringify({ initialIntervalMs: 300, maximumIntervalMs: 1000, maximumAttempts: 8 }),
    ]);
    // The organs' 统一社会信用代码, as the operator records them: the 双公示 records name them.
    await h.db.query(`UPDATE organizations SET uscc = $1 WHERE id = 'ftz'`, [issueUscc('11ftz00001')]);
  }, scaled(120_000));
  afterAll(() => h?.stop());

  async function penaltyZoneWithUscc(): Promise<{ zone: string; uscc: string }> {
    const zone = await h.newCounty();
    await establish(h, zone);
    await h.addUsers(`zone-${zone}`);
    await h.db.query(`UPDATE organizations SET uscc = $1 WHERE id = $2`, [issueUscc(`11le${zone}`), `le-${zone}`]);
    return { zone, uscc: await registerEntity(h, zone) };
  }
  async function recognisedPenalty(zone: string, uscc: string): Promise<{ id: string; decisionNumber: string }> {
    const decisionNumber = newDecisionNumber();
    const filed = await filePenalty(h, zone, uscc, { decisionNumber });
    expect(filed.status).toBe(201);
    await complete(h, `zone-${zone}.staff`, filed.body.id, 'reportPenalty', { note: '按期抄报' });
    await complete(h, 'ftz.leader', filed.body.id, 'reviewPenalty', { decision: 'recognise' });
    return { id: filed.body.id, decisionNumber };
  }
  const at = <T extends { requestId: string }>(sim: { received: T[] }, match: (m: T) => boolean, what: string) =>
    eventually(async () => sim.received.find(match), 20_000, what);

  test('a recognised penalty appears at the credit platform with the 双公示 fields, and its withdrawal too', async () => {
    credit.setMode({ mode: 'accept' });
    const { zone, uscc } = await penaltyZoneWithUscc();
    const { id, decisionNumber } = await recognisedPenalty(zone, uscc);
    const published = await at(
      credit,
      (m) => m.kind === 'penalty' && m.行政处罚决定书文号 === decisionNumber,
      'the penalty at the credit platform',
    ).catch(async (e) => {
      // What the outbox holds says why (a contract the message could not meet, the platform's refusal).
      throw new Error(
        `${String(e)}: ${JSON.stringify(await h.db.query('SELECT status, last_error FROM outbox WHERE process_id = $1', [id]))}`,
      );
    });
    const name = (await entity(h, uscc)).name;
    expect(published).toMatchObject({
      processId: id,
      行政相对人类别: '法人及非法人组织',
      行政相对人名称: name,
      统一社会信用代码: uscc,
      处罚类别: '罚款',
      处罚内容: '罚款人民币50000元',
      罚款金额: 5,
      处罚决定日期: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      公示截止期: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      处罚机关: expect.stringContaining('执法'),
      处罚机关统一社会信用代码: issueUscc(`11le${zone}`),
      数据来源单位统一社会信用代码: issueUscc('11ftz00001'),
    });
    expect(published.requestId).toMatch(new RegExp(`^${id}:.+/x0/credit$`));

    const withdrawn = await (
      await h.as(`le-${zone}.staff`)
    ).post(`/api/processes/${id}/actions/withdrawPenalty`, { cause: 'revoked', reason: '行政复议决定撤销原处罚' });
    expect(withdrawn.status).toBe(200);
    const withdrawal = await at(
      credit,
      (m) => m.kind === 'withdrawal' && m.行政处罚决定书文号 === decisionNumber,
      'the withdrawal at the credit platform',
    );
    expect(withdrawal).toMatchObject({ 统一社会信用代码: uscc, 撤销原因: expect.stringContaining('行政复议决定撤销原处罚') });
    expect(credit.received.filter((m) => 'processId' in m && m.processId === id)).toHaveLength(2);
    const kinds = await eventually(
      async () => {
        const k = await timelineKinds(h, id);
        return k.filter((x) => x === 'messageSent').length === 2 ? k : undefined;
      },
      20_000,
      'both messages sent on the timeline',
    );
    expect(kinds.filter((k) => k === 'creditPlatformSent')).toHaveLength(2);
    const metrics = (await h.anonymous('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/collab_zones_outbox_messages\{channel="credit",status="SENT"\} [2-9]/);
  });

  test('a record that cannot meet the contract (the organ has no 统一社会信用代码) is kept FAILED with the reason and never sent', async () => {
    const zone = await h.newCounty();
    await establish(h, zone);
    await h.addUsers(`zone-${zone}`);
    const uscc = await registerEntity(h, zone);
    const { id, decisionNumber } = await recognisedPenalty(zone, uscc);
    const [row] = await eventually(
      async () => {
        const rows = await h.db.query<{ status: string; last_error: string; attempts: number }>(
          `SELECT status, last_error, attempts FROM outbox WHERE process_id = $1 AND channel = 'credit'`,
          [id],
        );
        return rows.length ? rows : undefined;
      },
      20_000,
      'the credit message',
    );
    expect(row).toMatchObject({ status: 'FAILED', attempts: 0, last_error: expect.stringContaining('处罚机关统一社会信用代码') });
    expect(credit.received.some((m) => '行政处罚决定书文号' in m && m.行政处罚决定书文号 === decisionNumber)).toBe(false);
  });

  test('a 双公示 record that could not be sent opens a task for the FTZ; the organ’s code set by the FTZ admin, sent again once, under the same request id', async () => {
    const zone = await h.newCounty();
    await establish(h, zone);
    await h.addUsers(`zone-${zone}`);
    const uscc = await registerEntity(h, zone);
    const { id, decisionNumber } = await recognisedPenalty(zone, uscc);
    const [failed] = await eventually(
      async () => {
        const rows = await h.db.query<{ id: string; request_id: string }>(
          `SELECT id, request_id FROM outbox WHERE process_id = $1 AND channel = 'credit' AND status = 'FAILED'`,
          [id],
        );
        return rows.length ? rows : undefined;
      },
      20_000,
      'the failed credit message',
    );
    const failureId = `exchange-failure-${failed.id}`;
    const task = await taskFor(h, 'ftz.staff', failureId, 'resolveFailedExchange');
    expect(task.context).toMatchObject({ channel: 'credit', failedMessage: expect.stringContaining('未能报送信用平台（双公示）') });
    // Another organisation's staff may not handle it; a wrong code is refused on the field and changes nothing.
    expect((await (await h.as(`zone-${zone}.staff`)).post(`/api/tasks/${task.id}/complete`, { decision: 'resend' })).status).toBe(403);
    const admin = await h.as('ftz.admin');
    const wrong = await admin.post(`/api/organizations/le-${zone}/uscc?lang=zh`, { uscc: '11210800309819540A' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('校验位');
    expect(
      (await (await h.as(`zone-${zone}.staff`)).post(`/api/organizations/le-${zone}/uscc`, { uscc: issueUscc(`11le${zone}`) })).status,
    ).toBe(403);
    expect((await admin.post(`/api/organizations/le-${zone}/uscc`, { uscc: issueUscc(`11le${zone}`) })).status).toBe(200);
    await complete(h, 'ftz.staff', failureId, 'resolveFailedExchange', { decision: 'resend' });
    const sent = await at(credit, (m) => m.kind === 'penalty' && m.行政处罚决定书文号 === decisionNumber, 'the penalty sent again');
    expect(sent.requestId).toBe(failed.request_id);
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${failureId}/timeline`)).body as { kind: string }[];
    await eventually(
      async () => {
        const kinds = ((await (await h.as('audit.auditor')).get(`/api/processes/${failureId}/timeline`)).body as { kind: string }[]).map(
          (e) => e.kind,
        );
        return kinds.includes('exchangeDeliveredAgain') ? kinds : undefined;
      },
      20_000,
      'sent again on the timeline',
    );
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['exchangeFailureOpened', 'exchangeResent']));
    expect(credit.received.filter((m) => m.kind === 'penalty' && m.行政处罚决定书文号 === decisionNumber)).toHaveLength(1);
    const metrics = (await h.anonymous('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/collab_zones_exchange_failure_tasks\{channel="credit",state="done"\} [1-9]/);
  });

  test('the credit platform down past the retry policy: one task for the FTZ, recorded as reported by other means, nothing sent', async () => {
    const { zone, uscc } = await penaltyZoneWithUscc();
    credit.setMode({ mode: 'down' });
    try {
      const { id, decisionNumber } = await recognisedPenalty(zone, uscc);
      const [failed] = await eventually(
        async () => {
          const rows = await h.db.query<{ id: string; attempts: number }>(
            `SELECT id, attempts FROM outbox WHERE process_id = $1 AND channel = 'credit' AND status = 'FAILED'`,
            [id],
          );
          return rows.length ? rows : undefined;
        },
        60_000,
        'FAILED after the retry policy',
      );
      expect(failed.attempts).toBeGreaterThan(1);
      const failureId = `exchange-failure-${failed.id}`;
      const task = await taskFor(h, 'ftz.staff', failureId, 'resolveFailedExchange');
      // Why, in words: the platform could not take it, after the retry policy (the port's own error stays in `error`).
      expect(String(task.context.failedMessage)).toContain('信用平台（双公示）暂时无法接收（HTTP 503，平台答复：系统维护中）');
      expect(String(task.context.error)).toContain('unavailable: 503');
      await complete(h, 'ftz.staff', failureId, 'resolveFailedExchange', {
        decision: 'reportedOtherwise',
        how: '平台故障，已书面报送市信用办',
        reference: '营自贸函〔2026〕9号',
      });
      const tasks = await h.db.query(`SELECT status FROM tasks WHERE process_id = $1`, [failureId]);
      expect(tasks).toEqual([{ status: 'done' }]);
      const kinds = await timelineKinds(h, failureId);
      expect(kinds).toEqual(expect.arrayContaining(['exchangeFailureOpened', 'exchangeReportedOtherwise']));
      expect(credit.received.some((m) => m.kind === 'penalty' && m.行政处罚决定书文号 === decisionNumber)).toBe(false);
    } finally {
      credit.setMode({ mode: 'accept' });
    }
  });

  test('the credit platform down: retried with backoff, delivered once when back, the attempts on the timeline', async () => {
    const { zone, uscc } = await penaltyZoneWithUscc();
    credit.setMode({ mode: 'down' });
    const before = credit.attempts();
    const { id, decisionNumber } = await recognisedPenalty(zone, uscc);
    await eventually(async () => (credit.attempts() - before >= 2 ? true : undefined), 20_000, 'two refused attempts');
    credit.setMode({ mode: 'accept' });
    await at(credit, (m) => m.kind === 'penalty' && m.行政处罚决定书文号 === decisionNumber, 'the penalty once the platform is back');
    const [row] = await eventually(
      async () => {
        const rows = await h.db.query<{ status: string; attempts: number }>(
          `SELECT status, attempts FROM outbox WHERE process_id = $1 AND channel = 'credit'`,
          [id],
        );
        return rows[0]?.status === 'SENT' ? rows : undefined;
      },
      20_000,
      'SENT',
    );
    expect(row.attempts).toBeGreaterThanOrEqual(3);
    expect(credit.received.filter((m) => 'processId' in m && m.processId === id)).toHaveLength(1);
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline`)).body as { kind: string; summary: string }[];
    expect(timeline.find((e) => e.kind === 'messageSent')?.summary).toContain(`第 ${row.attempts} 次尝试`);
  });

  test('a licence on commitment goes to the credit platform; a failed verification and its rectification order to 互联网+监管', async () => {
    const zone = await readyZone(h);
    // The zone body grants the licence: the 双公示 record names it by its 统一社会信用代码.
    await h.db.query(`UPDATE organizations SET uscc = $1 WHERE id = $2`, [issueUscc(`11b${zone}`), `zone-${zone}`]);
    const app = application(zone);
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const licenceId = `${app.uscc}/XK-001`;
    const licence = await at(credit, (m) => m.kind === 'licence' && m.统一社会信用代码 === app.uscc, 'the licence at the credit platform');
    expect(licence).toMatchObject({ 许可类别: '告知承诺', 行政许可决定文书号: licenceId, 行政相对人名称: app.name });
    await verify(h, `le-${zone}.staff`, id, 'verifyCommitment', licenceId, { result: 'nonCompliant', findings: '设施不足' });
    const verification = await at(
      supervision,
      (m) => m.kind === 'verification' && m.统一社会信用代码 === app.uscc,
      'the verification at 互联网+监管',
    );
    expect(verification).toMatchObject({ 核查结果: '不合格', 核查说明: '设施不足', 监管事项编码: 'XK-001', 实施机关编码: `le-${zone}` });
    const order = await at(
      supervision,
      (m) => m.kind === 'rectificationOrder' && m.统一社会信用代码 === app.uscc,
      'the rectification order',
    );
    expect(order).toMatchObject({ 整改事项: '设施不足', 整改期限: expect.any(String) });
    expect((await registration(h, id)).licences[0]).toMatchObject({ verificationStatus: 'RECTIFYING' });
  });

  test("an inspection of a supervision plan reaches 互联网+监管: the on-site check and the rectification order, under the plan's 监管事项", async () => {
    const zone = await readyZone(h);
    const uscc = await registerEntity(h, zone);
    const launched = await (
      await h.as(`gov-${zone}.admin`)
    ).post('/api/processes/supervision-plan', { zoneCode: zone, selection: 'random', seed: 'ports-1' });
    expect(launched.status).toBe(201);
    const id = launched.body.id as string;
    const inspectedOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await complete(h, `le-${zone}.staff`, id, 'inspectEntity', {
      outcome: 'rectify',
      inspectedOn,
      findings: '消防通道堵塞',
      rectificationDays: 10,
    });
    const checked = await at(
      supervision,
      (m) => m.kind === 'onSiteCheck' && m.统一社会信用代码 === uscc,
      'the on-site check at 互联网+监管',
    );
    expect(checked).toMatchObject({
      检查结果: '不合格',
      检查发现: '消防通道堵塞',
      检查日期: inspectedOn,
      监管事项编码: 'JG-SSJ',
      监管事项名称: '双随机、一公开监管抽查',
      实施机关编码: `le-${zone}`,
    });
    const order = await at(
      supervision,
      (m) => m.kind === 'rectificationOrder' && m.统一社会信用代码 === uscc,
      'the rectification order at 互联网+监管',
    );
    expect(order).toMatchObject({ 整改事项: '消防通道堵塞', 监管事项编码: 'JG-SSJ' });
    // The period's last day, China time, as the order's deadline.
    expect(Date.parse((order as { 整改期限: string }).整改期限) - Date.parse(`${inspectedOn}T00:00:00+08:00`)).toBe(
      10 * 86_400_000 + 86_399_000,
    );
  });

  test('an application 政务服务网 submits starts a registration and hears its status changes; the same 办件编号 again starts nothing', async () => {
    const zone = await readyZone(h);
    const app = application(zone, { licenceItems: [] });
    const applicationNo = `ZW-${Date.now()}`;
    const submitted = await gov.submit({ applicationNo, submittedAt: new Date().toISOString(), application: app });
    expect(submitted).toMatchObject({ status: 201, body: { applicationNo, result: 'accepted' } });
    const id = (submitted.body as { processId: string }).processId;
    expect((await registration(h, id, (r) => r.stage === 'AWAITING_CONSENT')).uscc).toBe(app.uscc);
    await at(gov, (m) => m.applicationNo === applicationNo && m.status === 'AWAITING_CONSENT', 'AWAITING_CONSENT back at 政务服务网');
    const again = await gov.submit({ applicationNo, submittedAt: new Date().toISOString(), application: app });
    expect(again).toMatchObject({ status: 200, body: { processId: id, result: 'alreadyAccepted' } });
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const supervising = await at(gov, (m) => m.applicationNo === applicationNo && m.status === 'SUPERVISING', 'SUPERVISING back');
    expect(supervising).toMatchObject({ processId: id, uscc: app.uscc, statusText: expect.stringContaining('已登记') });
    // The tax system accepts at once: the registration completes, and that is sent back too.
    await at(gov, (m) => m.applicationNo === applicationNo && m.status === 'COMPLETED', 'COMPLETED back');
    expect(gov.received.filter((m) => m.applicationNo === applicationNo).map((m) => m.status)).toEqual([
      'AWAITING_CONSENT',
      'SUPERVISING',
      'COMPLETED',
    ]);
  });

  test('a forged, unsigned, stale or replayed submission is refused (401) and starts nothing', async () => {
    const zone = await readyZone(h);
    const path = '/api/system/applications';
    const body = JSON.stringify({
      applicationNo: `ZW-F-${Date.now()}`,
      submittedAt: new Date().toISOString(),
      application: application(zone, { licenceItems: [] }),
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${h.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const count = async () => Number((await h.db.query<{ n: string }>('SELECT count(*) AS n FROM intake_applications'))[0].n);
    const before = await count();
    const forged = await post(signedHeaders('gov-service', newSecret(), 'POST', path, body));
    expect(forged.status).toBe(401);
    const forgedError = ((await forged.json()) as { error: { reason: string; params: { cause: string }; message: string } }).error;
    expect([forgedError.reason, forgedError.params.cause]).toEqual(['SYSTEM_NOT_AUTHENTICATED', 'BAD_SIGNATURE']);
    expect(forgedError.message).toContain('签名无效');
    expect((await post({})).status).toBe(401);
    const causeOf = async (r: Response) => ((await r.json()) as { error: { params: { cause: string } } }).error.params.cause;
    const malformed = await post({ ...signedHeaders('gov-service', govSecret, 'POST', path, body), 'x-timestamp': 'yesterday' });
    expect([malformed.status, await causeOf(malformed)]).toEqual([401, 'TIMESTAMP_MALFORMED']);
    const stale = await post(signedHeaders('gov-service', govSecret, 'POST', path, body, Date.now() - 10 * 60_000));
    expect([stale.status, await causeOf(stale)]).toEqual([401, 'STALE']);
    expect((await post(signedHeaders('tax-system', taxSecret, 'POST', path, body))).status).toBe(401);
    expect(await count()).toBe(before);
    const signed = signedHeaders('gov-service', govSecret, 'POST', path, body);
    expect((await post(signed)).status).toBe(201);
    const replayed = await post(signed);
    expect(replayed.status).toBe(401);
    const replayedError = ((await replayed.json()) as { error: { params: { cause: string }; message: string } }).error;
    expect([replayedError.params.cause, replayedError.message]).toEqual(['REPLAYED', expect.stringContaining('重放')]);
    expect(await count()).toBe(before + 1);
    const metrics = (await h.anonymous('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/collab_zones_inbound_requests\{client="gov-service",outcome="refused"\} [3-9]/);
  });

  test('the tax system answers later by callback, which completes the 划转; a forged callback changes nothing', async () => {
    tax.setMode({ mode: 'later', afterMs: 1500, then: { result: 'accepted' } });
    const zone = await readyZone(h);
    const app = application(zone, { licenceItems: [] });
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const requestId = (await eventually(async () => tax.received.find((r) => r.uscc === app.uscc), 20_000, 'the transfer request'))
      .requestId;
    // A forged decision before the real one: refused, and the transfer still awaits the system.
    const forgedBody = JSON.stringify({ result: 'refused', requestId, reason: '伪造' });
    const forged = await fetch(`${h.baseUrl}${TAX_CALLBACK_PATH}`, {
      method: 'POST',
      headers: signedHeaders('tax-system', newSecret(), 'POST', TAX_CALLBACK_PATH, forgedBody),
      body: forgedBody,
    });
    expect(forged.status).toBe(401);
    const tax1 = await eventually(
      async () => {
        const t = (await entity(h, app.uscc!)).tax;
        return t?.transferStatus === 'CONFIRMED' ? t : undefined;
      },
      20_000,
      'the transfer confirmed by callback',
    );
    expect((await entity(h, app.uscc!)).taxOffice).toBe(`tax-${zone}`);
    expect(tax1.transferTo).toBe(`tax-${zone}`);
    expect(tax.callbacks.filter((c) => c.callback.requestId === requestId).map((c) => c.status)).toContain(200);
    const kinds = await timelineKinds(h, id);
    expect(kinds.filter((k) => k.startsWith('taxTransfer'))).toEqual(['taxTransferSent', 'taxTransferPending', 'taxTransferred']);
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline`)).body as { kind: string }[];
    expect(timeline.map((e) => e.kind)).toContain('messageAnswered');
    const tasks = await h.db.query(`SELECT 1 FROM tasks WHERE process_id = $1 AND action LIKE '%TaxTransfer'`, [id]);
    expect(tasks).toEqual([]);
    // The same callback again: taken once, nothing changes twice.
    await tax.callBack({ result: 'accepted', requestId, reference: '营税迁〔2026〕99号', acceptedAt: new Date().toISOString() });
    expect(tax.callbacks.at(-1)).toMatchObject({ status: 200 });
    expect((await entity(h, app.uscc!)).tax).toEqual(tax1);
    tax.setMode({ mode: 'accept' });
  });

  test("a callback deciding a refusal becomes the FTZ tax office's task with the reason", async () => {
    tax.setMode({ mode: 'later', afterMs: 500, then: { result: 'refused', reason: '纳税人存在未办结涉税事项' } });
    const zone = await readyZone(h);
    const app = application(zone, { licenceItems: [] });
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    const task = await taskFor(h, 'tax-ftz.staff', id, 'requestTaxTransfer');
    expect(task.context).toMatchObject({ systemSaid: '纳税人存在未办结涉税事项' });
    tax.setMode({ mode: 'accept' });
  });
});
