import type { Browser } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { complete, launch, memorandum, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
}, scaled(60_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

test('a county clerk sees the unread count, reads a new task in the notification centre and follows it to the process', async () => {
  const county = await h.newCounty({ signingPeriod: { seconds: 600 } });
  const id = await launch(h, county);
  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  await taskFor(h, `gov-${county}.staff`, id, 'reviewMemorandum');

  const page = await loginAs(browser, h.baseUrl, `gov-${county}.staff`);
  const count = page.getByTestId('bell-count');
  await count.waitFor();
  const before = Number(await count.textContent());
  expect(before).toBeGreaterThanOrEqual(1);
  await page.getByTestId('bell').click();
  await page.getByTestId('unread-count').getByText(`${before} 条未读`).waitFor();
  const row = page.locator(`[data-testid=notifications] tr[data-kind=task]`).filter({ hasText: '审阅并签署备忘录' });
  await row.getByText('新待办').waitFor();
  await row.getByRole('button', { name: '标为已读' }).click();
  await row.getByText('已读').waitFor();
  await page
    .getByTestId('unread-count')
    .getByText(`${before - 1} 条未读`)
    .waitFor();
  // The header's count follows at once.
  if (before > 1)
    await page
      .getByTestId('bell-count')
      .getByText(String(before - 1))
      .waitFor();
  else await page.getByTestId('bell-count').waitFor({ state: 'detached' });

  await row.getByRole('link', { name: '协同区设立' }).click();
  await page.waitForURL(`**/#/processes/${encodeURIComponent(id)}`);
});

test('an admin sets the e-mail and robot channels; a wrong address is refused on its field, in Chinese, and nothing is saved', async () => {
  const county = await h.newCounty();
  const page = await loginAs(browser, h.baseUrl, `gov-${county}.admin`);
  await page.getByTestId('bell').click();
  const form = page.getByTestId('channels');
  await form.locator('input[name=email]').fill('不是邮箱');
  await form.getByRole('button', { name: '保存通知渠道' }).click();
  await form
    .getByRole('alert')
    .getByText(/提交的内容有 \d+ 处不符合要求/)
    .waitFor();
  expect((await (await h.as(`gov-${county}.admin`)).get('/api/notification-channels')).body.items).toEqual([]);

  await form.locator('input[name=email]').fill(`office@${county}.gov.test`);
  await form.locator('input[name=webhook]').fill('https://oapi.dingtalk.com/robot/send?access_token=abc');
  await form.getByRole('button', { name: '保存通知渠道' }).click();
  await form.getByText('通知渠道已保存').waitFor();
  const saved = (await (await h.as(`gov-${county}.admin`)).get('/api/notification-channels')).body.items;
  expect(saved.map((c: { channel: string; target: string }) => [c.channel, c.target])).toEqual([
    ['email', `office@${county}.gov.test`],
    ['webhook', 'https://oapi.dingtalk.com/robot/send?access_token=abc'],
  ]);
  // A clerk sees the centre, not the channels.
  const clerk = await loginAs(browser, h.baseUrl, `gov-${county}.staff`);
  await clerk.getByTestId('bell').click();
  await clerk.getByTestId('unread-count').waitFor();
  expect(await clerk.getByTestId('channels').count()).toBe(0);
});

test('the city sees an escalated memorandum on its 督办 list, with who is overdue, and opens it', async () => {
  const county = await h.newCounty({ signingPeriod: { seconds: 3 } });
  const id = await launch(h, county);
  await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  await taskFor(h, 'city.admin', id, 'decideOverdueMemorandum');

  const page = await loginAs(browser, h.baseUrl, 'city.staff');
  await page.getByRole('link', { name: '督办' }).click();
  const row = page.locator(`[data-testid=oversight] tr[data-process="${id}"]`);
  await row.getByText('待督办').waitFor();
  await row.getByText('审阅并签署备忘录').first().waitFor();
  expect(await row.textContent()).toContain('协同区设立');
  await row.getByRole('link', { name: '协同区设立' }).click();
  await page.waitForURL(`**/#/processes/${encodeURIComponent(id)}`);
});
