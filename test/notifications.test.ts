import type { Step } from '../activities/step';
import { eventually, startHarness, type Harness } from './support/harness';
import { startSmtpInbox, startWebhookReceiver } from './support/receivers';
import { complete, launch, memorandum, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

/** Loses the reply of the step that writes one county's reminder once, after it committed. */
const faults = {
  county: '',
  thrown: 0,
  afterCommit(step: Step) {
    if (
      faults.county &&
      step.notifications.some((n) => n.kind === 'reminder' && n.orgId === `gov-${faults.county}`) &&
      faults.thrown === 0
    ) {
      faults.thrown++;
      throw new Error('injected: the worker lost the reply after the reminder committed');
    }
  },
};

let h: Harness;
let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  smtp = await startSmtpInbox();
  webhook = await startWebhookReceiver();
  h = await startHarness({ faults, delivery: { smtp: { url: smtp.url, from: '协同区通知 <noreply@collab-zones.test>' } } });
  // Retries in a test's time: 0.2 s doubling to 1 s, four attempts.
  await h.db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [
    JSON.stringify({ initialIntervalMs: 200, maximumIntervalMs: 1000, maximumAttempts: 4 }),
  ]);
}, scaled(60_000));
afterAll(async () => {
  await h?.stop();
  await smtp?.close();
  await webhook?.close();
});

const mailsTo = (address: string, label: string) => smtp.mails.filter((mail) => mail.to.includes(address) && mail.subject.includes(label));
const postsTo = (path: string, label: string) =>
  webhook.posts.filter((post) => post.path === path && JSON.stringify(post.body).includes(label));

async function configure(org: string, channels: { email?: string | null; webhook?: string | null }) {
  const response = await (await h.as(`${org}.admin`)).post('/api/notification-channels', channels);
  expect(response.status).toBe(200);
  return response.body;
}

describe('a deadline reminder', () => {
  test('reaches the notification centre, the SMTP inbox and the webhook exactly once, across a worker stop, a lost reply and a webhook outage', async () => {
    const county = await h.newCounty({ signingPeriod: { seconds: 10 } });
    const gov = `gov-${county}`;
    const address = `office@${county}.gov.test`;
    await configure(gov, { email: address, webhook: webhook.url(`/robot/${county}`) });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    // The review task reaches the government by every channel too.
    await eventually(async () => (mailsTo(address, '新待办').length ? true : undefined), 10_000, 'the new task by e-mail');

    // The worker goes away before the reminder is due and comes back after; meanwhile the robot is down.
    faults.county = county;
    webhook.state.failNext = 1;
    const { deadlines } = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    await h.stopWorker();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(deadlines[0].reminderAt) - Date.now()) + 500));
    await h.startWorker();

    await eventually(
      async () =>
        mailsTo(address, '到期提醒').length && postsTo(`/robot/${county}`, '到期提醒').some((p) => p.accepted) ? true : undefined,
      20_000,
      'the reminder delivered',
    );
    expect(faults.thrown).toBe(1);
    // Settle: a late duplicate would arrive within the retry policy's reach.
    await new Promise((resolve) => setTimeout(resolve, scaled(2500)));

    const mails = mailsTo(address, '到期提醒');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe('【营口自贸片区协同发展示范区】到期提醒：协同区设立');
    expect(mails[0].text).toContain(`流程：${id}`);
    const posts = postsTo(`/robot/${county}`, '到期提醒');
    // The first post met the outage, the retry got through: one message accepted, both with one key.
    expect(posts.map((p) => p.accepted)).toEqual([false, true]);
    expect(new Set(posts.map((p) => p.idempotencyKey)).size).toBe(1);
    expect(posts[1].body).toEqual({
      msgtype: 'text',
      text: { content: expect.stringContaining('【营口自贸片区协同发展示范区】到期提醒：协同区设立') },
    });
    expect(mails[0].idempotencyKey).toBe(posts[0].idempotencyKey.replace(/webhook$/, 'email'));

    const centre = (await (await h.as(`${gov}.staff`)).get('/api/notifications')).body;
    const reminders = centre.items.filter((n: { kind: string; processId: string }) => n.kind === 'reminder' && n.processId === id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ kindLabel: '到期提醒', processTitle: '协同区设立', readAt: null });
    expect(reminders[0].deliveries).toEqual([
      expect.objectContaining({ channel: 'email', status: 'SENT', attempts: 1 }),
      expect.objectContaining({ channel: 'webhook', status: 'SENT', attempts: 2, lastError: null }),
    ]);
    expect(centre.unread).toBe(centre.items.filter((n: { readAt: string | null }) => !n.readAt).length);
    // The step was written once: one reminder row, one outbox message per channel.
    const rows = await h.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.process_id = $1 AND n.kind = 'reminder' AND n.org_id = $2`,
      [id, gov],
    );
    expect(Number(rows[0].n)).toBe(2);

    const metrics = (await h.anonymous('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/collab_zones_outbox_messages\{channel="webhook",status="SENT"\} \d+/);
  });
});

describe('the notification centre', () => {
  test('marks a notification read for its organisation only; bad requests change nothing', async () => {
    const county = await h.newCounty({ signingPeriod: { seconds: 600 } });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const gov = await h.as(`gov-${county}.staff`);
    const before = (await gov.get('/api/notifications')).body;
    const task = before.items.find((n: { kind: string; processId: string }) => n.kind === 'task' && n.processId === id);
    expect(task).toMatchObject({ kindLabel: '新待办', message: '审阅并签署备忘录', readAt: null, deliveries: [] });

    expect((await (await h.as('ftz.staff')).post(`/api/notifications/${task.id}/read`)).status).toBe(403);
    expect((await (await h.as('audit.auditor')).post(`/api/notifications/${task.id}/read`)).status).toBe(403);
    expect((await gov.post('/api/notifications/99999999/read')).status).toBe(404);
    expect((await gov.post('/api/notifications/abc/read')).status).toBe(400);
    expect((await gov.get('/api/notifications')).body.unread).toBe(before.unread);

    const read = await gov.post(`/api/notifications/${task.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: task.id, readBy: `gov-${county}.staff`, readAt: expect.any(String) });
    const after = (await gov.get('/api/notifications')).body;
    expect(after.unread).toBe(before.unread - 1);
    expect((await gov.get('/api/notifications?unread=true')).body.items.map((n: { id: string }) => n.id)).not.toContain(task.id);
    // Another organisation's list is not the caller's to read; the city's admin reads any.
    expect((await gov.get('/api/notifications?org=ftz')).status).toBe(403);
    expect((await (await h.as('city.admin')).get(`/api/notifications?org=gov-${county}`)).status).toBe(200);
  });

  test("channels are set by the organisation's admin; a wrong address is a 400 that changes nothing; a robot that is gone fails at once, visibly", async () => {
    const county = await h.newCounty({ signingPeriod: { seconds: 600 } });
    const gov = `gov-${county}`;
    const admin = await h.as(`${gov}.admin`);
    for (const bad of [
      { webhook: 'ftp://robot.example/x' },
      { webhook: 'http://robot.example/x' },
      { email: 'not-an-address' },
      {},
      { email: 'a@b.test', sms: '1' },
    ]) {
      const response = await admin.post('/api/notification-channels', bad);
      expect([JSON.stringify(bad), response.status]).toEqual([JSON.stringify(bad), 400]);
      expect(response.body.error.message).toBeTruthy();
    }
    expect((await (await h.as(`${gov}.staff`)).post('/api/notification-channels', { email: 'x@y.test' })).status).toBe(403);
    expect((await (await h.as('audit.auditor')).post('/api/notification-channels', { email: 'x@y.test' })).status).toBe(403);
    expect((await admin.get('/api/notification-channels')).body.items).toEqual([]);

    await configure(gov, { webhook: webhook.url(`/gone/${county}`) });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    const failed = await eventually(
      async () => {
        const items = (await (await h.as(`${gov}.staff`)).get('/api/notifications')).body.items;
        const delivery = items.find((n: { processId: string }) => n.processId === id)?.deliveries[0];
        return delivery?.status === 'FAILED' ? delivery : undefined;
      },
      15_000,
      'the delivery failed',
    );
    expect(failed).toMatchObject({ channel: 'webhook', attempts: 1, lastError: expect.stringContaining('404') });
    expect((await admin.get('/api/notification-channels')).body.items).toEqual([
      expect.objectContaining({ channel: 'webhook', failed: 1, sent: 0 }),
    ]);
    // Turned off: the next task goes to the console only.
    expect((await configure(gov, { webhook: null })).items).toEqual([expect.objectContaining({ channel: 'webhook', enabled: false })]);
  });
});

describe('an escalation', () => {
  test("lands on the city's 督办 list with what is overdue, and is settled once the city decides", async () => {
    const county = await h.newCounty({ signingPeriod: { seconds: 3 } });
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
    await taskFor(h, 'city.admin', id, 'decideOverdueMemorandum');
    const city = await h.as('city.staff');
    const item = (await city.get('/api/oversight')).body.items.find((i: { processId: string }) => i.processId === id);
    expect(item).toMatchObject({ processTitle: '协同区设立', settled: false });
    expect(item.overdueTasks.map((t: { orgId: string; title: string }) => [t.orgId, t.title]).sort()).toEqual(
      [
        ['ftz', '审阅并签署备忘录'],
        [`gov-${county}`, '审阅并签署备忘录'],
      ].sort(),
    );
    const centre = (await city.get('/api/notifications')).body.items;
    expect(centre.filter((n: { kind: string; processId: string }) => n.kind === 'escalation' && n.processId === id)).toHaveLength(1);

    // The escalation is the city's: the county's own list does not have it, and it may not read the city's.
    expect(
      (await (await h.as(`gov-${county}.staff`)).get('/api/oversight')).body.items.map((i: { processId: string }) => i.processId),
    ).not.toContain(id);
    expect((await (await h.as(`gov-${county}.staff`)).get('/api/oversight?org=city')).status).toBe(403);

    await complete(h, 'city.admin', id, 'decideOverdueMemorandum', { decision: 'withdraw', reason: '县政府未按期签署' });
    const settled = await eventually(async () => {
      const found = (await city.get('/api/oversight')).body.items.find((i: { processId: string }) => i.processId === id);
      return found?.settled ? found : undefined;
    });
    expect(settled.overdueTasks).toEqual([]);
  });
});
