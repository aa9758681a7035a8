/**
 * A message 互联网+监管 or 政务服务网 did not take within the retry policy becomes one task for the
 * organisation responsible (the enforcement body that inspected; the FTZ for the status feed), and
 * once the platform is back the task's 平台已恢复，重新报送 delivers it exactly once, under the failed
 * message's own request id — as test/system-ports.test.ts shows for the credit platform.
 */
import { startSupervisionSimulator, type SupervisionSimulator } from '../integrations/supervision/simulator';
import { startGovServiceSimulator, type GovServiceSimulator } from '../integrations/gov-service/simulator';
import { newSecret } from '../integrations/signing';
import { eventually, startHarness, type Harness } from './support/harness';
import { application, readyZone } from './support/registration-flow';
import { registerEntity } from './support/penalty-flow';
import { complete, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

const govSecret = newSecret();
let supervision: SupervisionSimulator;
let gov: GovServiceSimulator;
let h: Harness;

beforeAll(async () => {
  supervision = await startSupervisionSimulator();
  gov = await startGovServiceSimulator({ secret: govSecret });
  h = await startHarness({
    delivery: { supervisionUrl: supervision.url, govServiceUrl: gov.url },
    systemClients: { 'gov-service': govSecret },
  });
  gov.setApiUrl(h.baseUrl);
  // Three attempts a few hundred milliseconds apart: a platform down for a second outlasts the policy.
  await h.db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [
    JSON.stringify({ initialIntervalMs: 200, maximumIntervalMs: 500, maximumAttempts: 3 }),
  ]);
}, scaled(120_000));
afterAll(async () => {
  await h?.stop();
  await Promise.all([supervision, gov].map((s) => s?.close()));
});

interface OutboxRow {
  id: string;
  request_id: string;
  status: string;
  attempts: number;
}

/** The process's message to `channel` once it is FAILED past the retry policy. */
const failedMessage = (processId: string, channel: string) =>
  eventually(
    async () => {
      const rows = await h.db.query<OutboxRow>(
        `SELECT id::text, request_id, status, attempts FROM outbox WHERE process_id = $1 AND channel = $2 AND status = 'FAILED'`,
        [processId, channel],
      );
      return rows.length ? rows : undefined;
    },
    60_000,
    `the ${channel} message FAILED after the retry policy`,
  );

/** The failure tasks opened for a process's messages, whoever holds them. */
const failureTasks = (processId: string) =>
  h.db.query<{ process_id: string; org_id: string; status: string }>(
    `SELECT process_id, org_id, status FROM tasks WHERE action = 'resolveFailedExchange' AND context->>'sourceProcessId' = $1`,
    [processId],
  );

/** The failure process's timeline, once it says the message was delivered again. */
const deliveredAgain = (failureId: string) =>
  eventually(
    async () => {
      const kinds = await timelineKinds(h, failureId);
      return kinds.includes('exchangeDeliveredAgain') ? kinds : undefined;
    },
    20_000,
    'delivered again on the failure timeline',
  );

test('互联网+监管 down past the retry policy: one task for the enforcement body that inspected; resent once the platform is back, taken in once under the same request id', async () => {
  const zone = await readyZone(h);
  const uscc = await registerEntity(h, zone);
  supervision.setMode({ mode: 'down' });
  let failureId: string;
  let failed: OutboxRow;
  let id: string;
  try {
    const launched = await (
      await h.as(`gov-${zone}.admin`)
    ).post('/api/processes/supervision-plan', { zoneCode: zone, selection: 'random', seed: 'failure-1' });
    expect(launched.status).toBe(201);
    id = launched.body.id as string;
    await complete(h, `le-${zone}.staff`, id, 'inspectEntity', {
      outcome: 'compliant',
      inspectedOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      findings: '现场设施与承诺一致',
    });
    [failed] = await failedMessage(id, 'supervision');
    expect(failed.attempts).toBe(3);
    failureId = `exchange-failure-${failed.id}`;
    const task = await taskFor(h, `le-${zone}.staff`, failureId, 'resolveFailedExchange');
    expect(task.orgId).toBe(`le-${zone}`);
    // Due in five working days (policy exchangeFailure.resolvePeriod): at least five calendar days ahead.
    expect(Date.parse(String(task.dueAt)) - Date.now()).toBeGreaterThan(5 * 86_400_000 - 3_600_000);
    expect(task.context).toMatchObject({
      channel: 'supervision',
      channelName: '互联网+监管系统',
      requestId: failed.request_id,
      failedMessage: expect.stringMatching(/^现场检查结果.*未能报送互联网\+监管系统：.*503/),
    });
    // One task, for the body that inspected, and nobody else's to handle.
    expect(await failureTasks(id)).toEqual([{ process_id: failureId, org_id: `le-${zone}`, status: 'open' }]);
    expect((await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, { decision: 'resend' })).status).toBe(403);
    expect(supervision.received.some((m) => m.统一社会信用代码 === uscc)).toBe(false);
  } finally {
    supervision.setMode({ mode: 'accept' });
  }
  await complete(h, `le-${zone}.staff`, failureId, 'resolveFailedExchange', { decision: 'resend' });
  const kinds = await deliveredAgain(failureId);
  expect(kinds.filter((k) => k.startsWith('exchange'))).toEqual(['exchangeFailureOpened', 'exchangeResent', 'exchangeDeliveredAgain']);
  const taken = supervision.received.filter((m) => m.统一社会信用代码 === uscc);
  expect(taken).toHaveLength(1);
  expect(taken[0]).toMatchObject({ kind: 'onSiteCheck', requestId: failed.request_id, 检查结果: '合格', 实施机关编码: `le-${zone}` });
  // The task is done, no other opened; the failed message stays FAILED beside the resend that was SENT under its id.
  expect(await failureTasks(id)).toEqual([{ process_id: failureId, org_id: `le-${zone}`, status: 'done' }]);
  const rows = await h.db.query<{ process_id: string; status: string; request_id: string }>(
    `SELECT process_id, status, request_id FROM outbox WHERE request_id = $1 ORDER BY id`,
    [failed.request_id],
  );
  expect(rows.map((r) => r.status)).toEqual(['FAILED', 'SENT']);
  expect(rows[1].process_id).toBe(failureId);
  const metrics = (await h.anonymous('GET', '/metrics')).body as string;
  expect(metrics).toMatch(/collab_zones_exchange_failure_tasks\{channel="supervision",state="done"\} [1-9]/);
});

test('政务服务网 down past the retry policy: its status change becomes one task for the FTZ; resent once it is back, heard once under the same request id', async () => {
  const zone = await readyZone(h);
  const app = application(zone, { licenceItems: [] });
  const applicationNo = `ZW-FAIL-${Date.now()}`;
  gov.setMode({ mode: 'down' });
  let failureId: string;
  let failed: OutboxRow;
  let id: string;
  try {
    // The platform's submissions still come in; only its endpoint for status changes is down.
    const submitted = await gov.submit({ applicationNo, submittedAt: new Date().toISOString(), application: app });
    expect(submitted).toMatchObject({ status: 201, body: { applicationNo, result: 'accepted' } });
    id = (submitted.body as { processId: string }).processId;
    [failed] = await failedMessage(id, 'gov-service');
    expect(failed.attempts).toBe(3);
    failureId = `exchange-failure-${failed.id}`;
    const task = await taskFor(h, 'ftz.staff', failureId, 'resolveFailedExchange');
    expect(task.context).toMatchObject({
      channel: 'gov-service',
      channelName: '政务服务网',
      requestId: failed.request_id,
      sourceProcessId: id,
      failedMessage: expect.stringContaining(
        `办理状态回传（办件编号 ${applicationNo}，状态：待县级政府同意）未能报送政务服务网：政务服务网暂时无法接收（HTTP 503，平台答复：系统维护中）`,
      ),
    });
    expect(await failureTasks(id)).toEqual([{ process_id: failureId, org_id: 'ftz', status: 'open' }]);
    // The county's staff may not handle the FTZ's task.
    expect((await (await h.as(`gov-${zone}.staff`)).post(`/api/tasks/${task.id}/complete`, { decision: 'resend' })).status).toBe(403);
    expect(gov.received.some((m) => m.applicationNo === applicationNo)).toBe(false);
  } finally {
    gov.setMode({ mode: 'accept' });
  }
  await complete(h, 'ftz.staff', failureId, 'resolveFailedExchange', { decision: 'resend' });
  const kinds = await deliveredAgain(failureId);
  expect(kinds.filter((k) => k.startsWith('exchange'))).toEqual(['exchangeFailureOpened', 'exchangeResent', 'exchangeDeliveredAgain']);
  const heard = gov.received.filter((m) => m.applicationNo === applicationNo);
  expect(heard).toHaveLength(1);
  expect(heard[0]).toMatchObject({ status: 'AWAITING_CONSENT', requestId: failed.request_id, uscc: app.uscc });
  expect(await failureTasks(id)).toEqual([{ process_id: failureId, org_id: 'ftz', status: 'done' }]);
  const metrics = (await h.anonymous('GET', '/metrics')).body as string;
  expect(metrics).toMatch(/collab_zones_exchange_failure_tasks\{channel="gov-service",state="done"\} [1-9]/);
});

test('a failure task left undecided past its period: the owner is reminded, then the FTZ and the city get it on their 督办 list; recorded as reported otherwise, it settles', async () => {
  // Seconds instead of working days, for this test only.
  await h.db.query(`INSERT INTO policies (key, scope, value) VALUES ('exchangeFailure.resolvePeriod', 'ftz', $1)`, [
    JSON.stringify({ seconds: 4 }),
  ]);
  try {
    const zone = await readyZone(h);
    const applicationNo = `ZW-LATE-${Date.now()}`;
    gov.setMode({ mode: 'down' });
    let id: string;
    try {
      const submitted = await gov.submit({
        applicationNo,
        submittedAt: new Date().toISOString(),
        application: application(zone, { licenceItems: [] }),
      });
      expect(submitted.status).toBe(201);
      id = (submitted.body as { processId: string }).processId;
      await failedMessage(id, 'gov-service');
    } finally {
      gov.setMode({ mode: 'accept' });
    }
    // The failure process opens its task just after the message is FAILED.
    const [{ process_id: failureId }] = await eventually(
      async () => {
        const tasks = await failureTasks(id);
        return tasks.length ? tasks : undefined;
      },
      20_000,
      'the failure task',
    );
    const task = await taskFor(h, 'ftz.staff', failureId, 'resolveFailedExchange');
    expect(Date.parse(String(task.dueAt)) - Date.now()).toBeLessThan(5_000);
    const kinds = await eventually(
      async () => {
        const k = await timelineKinds(h, failureId);
        return k.includes('escalated') ? k : undefined;
      },
      30_000,
      'the escalation on the failure timeline',
    );
    expect(kinds.filter((k) => k === 'reminderSent' || k === 'escalated')).toEqual(['reminderSent', 'escalated']);
    const notes = await h.db.query<{ org_id: string; kind: string; message: string }>(
      `SELECT org_id, kind, message FROM notifications WHERE process_id = $1 AND kind <> 'task' ORDER BY id`,
      [failureId],
    );
    expect(notes.map((n) => `${n.kind}@${n.org_id}`)).toEqual(['reminder@ftz', 'escalation@ftz', 'escalation@city']);
    expect(notes[2].message).toContain(`办件编号 ${applicationNo}`);
    const oversight = await (await h.as('city.admin')).get('/api/oversight');
    const listed = (oversight.body.items as { processId: string; settled: boolean; overdueTasks: { orgId: string }[] }[]).find(
      (i) => i.processId === failureId,
    );
    expect(listed).toMatchObject({ settled: false, overdueTasks: [{ orgId: 'ftz' }] });

    await complete(h, 'ftz.staff', failureId, 'resolveFailedExchange', {
      decision: 'reportedOtherwise',
      how: '平台恢复前已电话告知申请人并在窗口登记',
    });
    const after = await (await h.as('city.admin')).get('/api/oversight');
    expect((after.body.items as { processId: string; settled: boolean }[]).find((i) => i.processId === failureId)).toMatchObject({
      settled: true,
    });
  } finally {
    await h.db.query(`DELETE FROM policies WHERE key = 'exchangeFailure.resolvePeriod' AND scope = 'ftz'`);
  }
});
