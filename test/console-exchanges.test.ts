/**
 * The outside systems' failures as people meet them in the console, in Chinese: the FTZ's clerk opens
 * a failed status change to 政务服务网 from the inbox, reads what failed and why, and once the platform
 * is back sends it again (平台已恢复，重新报送); an organisation's admin sets its 统一社会信用代码 on the
 * 机构 page, a wrong one refused on its field and nothing saved.
 */
import type { Browser, Page } from 'playwright-core';
import { startGovServiceSimulator, type GovServiceSimulator } from '../integrations/gov-service/simulator';
import { newSecret } from '../integrations/signing';
import { issueUscc } from '../domain/uscc';
import { launchBrowser, loginAs } from './support/browser';
import { eventually, startHarness, type Harness } from './support/harness';
import { application, readyZone } from './support/registration-flow';
import { scaled } from './support/time';

const govSecret = newSecret();
let gov: GovServiceSimulator;
let h: Harness;
let browser: Browser;

beforeAll(async () => {
  gov = await startGovServiceSimulator({ secret: govSecret });
  [h, browser] = await Promise.all([
    startHarness({ delivery: { govServiceUrl: gov.url }, systemClients: { 'gov-service': govSecret } }),
    launchBrowser(),
  ]);
  gov.setApiUrl(h.baseUrl);
  await h.db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [
    JSON.stringify({ initialIntervalMs: 200, maximumIntervalMs: 500, maximumAttempts: 3 }),
  ]);
}, scaled(120_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
  await gov?.close();
});

/** The inbox's row of a task of `action` on the process, reloading while the task is on its way. */
async function inboxRow(page: Page, processId: string, action: string) {
  const row = page.locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${encodeURIComponent(processId)}"]`) });
  for (let attempt = 0; attempt < 60 && !(await row.count()); attempt++) {
    await page.click('a[href="#/inbox"]');
    await page.waitForTimeout(500);
    await page.reload();
  }
  return row;
}

test(
  'by clicking in Chinese: the FTZ clerk opens a failed status change to 政务服务网 from the inbox, reads what failed and why, sends it again once the platform is back, and the task leaves the inbox',
  async () => {
    const zone = await readyZone(h);
    const app = application(zone, { licenceItems: [] });
    const applicationNo = `ZW-UI-${Date.now()}`;
    gov.setMode({ mode: 'down' });
    let failureId: string;
    let requestId: string;
    let page: Page;
    try {
      const submitted = await gov.submit({ applicationNo, submittedAt: new Date().toISOString(), application: app });
      expect(submitted.status).toBe(201);
      const id = (submitted.body as { processId: string }).processId;
      const [failed] = await eventually(
        async () => {
          const rows = await h.db.query<{ id: string; request_id: string }>(
            `SELECT id::text, request_id FROM outbox WHERE process_id = $1 AND channel = 'gov-service' AND status = 'FAILED'`,
            [id],
          );
          return rows.length ? rows : undefined;
        },
        60_000,
        'the status change FAILED after the retry policy',
      );
      failureId = `exchange-failure-${failed.id}`;
      requestId = failed.request_id;

      page = await loginAs(browser, h.baseUrl, 'ftz.staff');
      const row = await inboxRow(page, failureId, 'resolveFailedExchange');
      await row.getByRole('link', { name: '处理报送失败的外部系统报文' }).click();
      expect(await page.getByTestId('task-title').innerText()).toBe('处理报送失败的外部系统报文');
      // What failed and why, in Chinese: the system, the message (its 办件编号 and status in words), the platform's answer.
      const facts = page.getByTestId('failed-exchange');
      await facts.getByText('政务服务网', { exact: true }).waitFor();
      const said = await facts.innerText();
      expect(said).toContain(`办理状态回传（办件编号 ${applicationNo}，状态：待县级政府同意）未能报送政务服务网`);
      expect(said).toContain('暂时无法接收（HTTP 503，平台答复：系统维护中），按重试策略多次重试后仍未成功');
      expect(said).not.toMatch(/unavailable|AWAITING_CONSENT/);
    } finally {
      gov.setMode({ mode: 'accept' });
    }
    expect(gov.received.some((m) => m.applicationNo === applicationNo)).toBe(false);

    // The platform is back: 平台已恢复，重新报送.
    await page.locator('select[name=decision]').selectOption({ label: '平台已恢复，重新报送' });
    await page.click('form button[type=submit]');
    await page.waitForURL(`**/#/processes/${encodeURIComponent(failureId)}`);
    await page
      .getByTestId('stage')
      .getByText(/重新报送/)
      .waitFor();
    const heard = await eventually(
      async () => gov.received.find((m) => m.applicationNo === applicationNo),
      20_000,
      'the status change heard by 政务服务网',
    );
    expect(heard).toMatchObject({ requestId, status: 'AWAITING_CONSENT' });

    // The task has left the inbox: among the done ones, not among the open ones.
    const failureRow = page.locator('tr[data-action=resolveFailedExchange]', {
      has: page.locator(`a[href="#/processes/${encodeURIComponent(failureId)}"]`),
    });
    await page.click('a[href="#/inbox"]');
    await page.getByTestId('tab-done').click();
    await failureRow.getByText('已办结').waitFor();
    await page.getByTestId('tab-open').click();
    await failureRow.waitFor({ state: 'detached' });
    await page.locator('[data-testid=inbox], main p.muted').first().waitFor();
    expect(await failureRow.count()).toBe(0);
    expect(gov.received.filter((m) => m.applicationNo === applicationNo)).toHaveLength(1);
  },
  scaled(240_000),
);

test('by clicking in Chinese: an organisation admin sets its 统一社会信用代码 on the 机构 page; a wrong one is refused on its field and nothing is saved', async () => {
  const county = await h.newCounty();
  const orgId = `gov-${county}`;
  const stored = async () => (await h.db.query<{ uscc: string | null }>('SELECT uscc FROM organizations WHERE id = $1', [orgId]))[0].uscc;
  const before = await stored();
  const page = await loginAs(browser, h.baseUrl, `${orgId}.admin`);
  await page.click('a[href="#/organizations"]');
  const form = page.getByTestId('org-uscc');
  await form.getByText('设置本机关统一社会信用代码').waitFor();

  // One character off (the check character): refused on the field, in Chinese, and nothing saved.
  const good = issueUscc(`11ab${county}`);
  const wrong = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
  await form.locator('input[name=uscc]').fill(wrong);
  await form.getByRole('button', { name: '保存统一社会信用代码' }).click();
  const fieldError = form.locator('label:has(input[name=uscc]) .error');
  await fieldError.waitFor();
  expect(await fieldError.innerText()).toMatch(/校验位/);
  expect(await form.getByRole('alert').innerText()).toMatch(/[\u4e00-\u9fff]/);
  expect(await stored()).toBe(before);

  await form.locator('input[name=uscc]').fill(good);
  await form.getByRole('button', { name: '保存统一社会信用代码' }).click();
  await form.getByRole('status').getByText('统一社会信用代码已保存').waitFor();
  expect(await stored()).toBe(good);
  await page.locator(`tr[data-org="${orgId}"]`).getByText(good).waitFor();
});
