import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { penaltyZone } from './support/penalty-flow';
import { scaled } from './support/time';

let h: Harness;
let browser: Browser;
let zone: string;
let uscc: string;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  // A zone with one registered entity; a rectification period's day lasts 300 ms here.
  ({ zone, uscc } = await penaltyZone(h, { 'supervision.dayLengthMs': scaled(300) }));
  await h.db.query(
    `INSERT INTO users (id, username, org_id, roles, password_hash) SELECT $1, $1, $2, ARRAY['staff'], password_hash FROM users WHERE id = $3`,
    [`le-${zone}.staff2`, `le-${zone}`, `le-${zone}.staff`],
  );
}, scaled(120_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

async function openTask(page: Page, processId: string, action: string): Promise<void> {
  const row = page.locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${encodeURIComponent(processId)}"]`) });
  for (let attempt = 0; attempt < 60 && !(await row.count()); attempt++) {
    await page.click('a[href="#/inbox"]');
    await page.waitForTimeout(500);
    await page.reload();
  }
  await row.locator('a').first().click();
  await page.getByTestId('task-title').waitFor();
}

test(
  'by clicking in Chinese: the county plans a random inspection, enforcement orders rectification, the re-inspection finds it rectified, and the result is public',
  async () => {
    const county = await loginAs(browser, h.baseUrl, `gov-${zone}.admin`);
    await county.click('a[href="#/launch"]');
    const form = '[data-testid=launch-supervision-plan]';
    await county.locator(form).getByText('事中事后监管检查（双随机、一公开）').waitFor();
    await county.locator(`${form} select[name=zoneCode]`).selectOption(zone);
    await county.locator(`${form} select[name=selection]`).selectOption({ label: '双随机抽查' });
    await county.fill(`${form} input[name=seed]`, 'yk-console-1');
    await county.click(`${form} button[type=submit]`);
    await county.waitForURL('**/#/processes/supervision-*');
    const processId = decodeURIComponent(county.url().split('#/processes/')[1]);
    await county.getByTestId('stage').getByText('检查中').waitFor();
    await county
      .getByTestId('timeline')
      .getByText(/随机种子 yk-console-1/)
      .waitFor();

    const inspector = await loginAs(browser, h.baseUrl, `le-${zone}.staff`);
    await openTask(inspector, processId, 'inspectEntity');
    expect(await inspector.getByTestId('task-title').innerText()).toBe('实施检查并录入检查结果');
    expect(await inspector.getByTestId('inspection-context').innerText()).toContain(uscc);
    expect(await inspector.getByTestId('inspectors').innerText()).toMatch(new RegExp(`le-${zone}\\.staff`));
    await inspector.locator('select[name=outcome]').selectOption({ label: '责令限期整改' });
    await inspector.fill('input[name=inspectedOn]', today());
    await inspector.fill('[name=findings]', '经营场所未悬挂营业执照');
    // No period: the form says so on the field, in Chinese, and sends nothing.
    await inspector.click('form button[type=submit]');
    await inspector.locator('.has-error:has(input[name=rectificationDays])').getByText(/必填/).waitFor();
    await inspector.fill('input[name=rectificationDays]', '2');
    // A date after today: the process refuses it, in Chinese, and nothing is recorded.
    await inspector.fill('input[name=inspectedOn]', '2099-01-01');
    await inspector.click('form button[type=submit]');
    // The refusal names the date field: listed under it by its label.
    await inspector
      .getByTestId('form-error')
      .getByRole('listitem')
      .getByText(/^检查日期：检查日期 2099-01-01 晚于今天/)
      .waitFor();
    expect((await h.db.query<{ status: string }>('SELECT status FROM inspections WHERE process_id = $1', [processId]))[0].status).toBe(
      'DRAWN',
    );
    await inspector.fill('input[name=inspectedOn]', today());
    await inspector.click('form button[type=submit]');
    await inspector.waitForURL('**/#/processes/**');

    // After the period the inspection reopens in the inbox as a re-inspection, with what was ordered.
    await openTask(inspector, processId, 'reinspectEntity');
    expect(await inspector.getByTestId('task-title').innerText()).toBe('整改期满复查');
    await inspector
      .getByTestId('first-findings')
      .getByText(/经营场所未悬挂营业执照/)
      .waitFor();
    await inspector.locator('select[name=outcome]').selectOption({ label: '未发现问题（整改到位）' });
    await inspector.fill('input[name=inspectedOn]', today());
    await inspector.fill('[name=findings]', '已悬挂营业执照，整改到位');
    await inspector.click('form button[type=submit]');
    await inspector.waitForURL('**/#/processes/**');
    await inspector.getByTestId('stage').getByText('已办结并公示').waitFor();

    // The organisations' list, then the public one without logging in.
    await county.click('a[href="#/supervision"]');
    await county.locator(`[data-testid=inspections] tr[data-process="${processId}"][data-status=COMPLIANT]`).waitFor();
    const visitor = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await visitor.goto(`${h.baseUrl}/#/login`);
    await visitor.getByTestId('public-inspections-link').click();
    const row = visitor.locator(`[data-testid=public-inspections] tr[data-uscc="${uscc}"]`).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('未发现问题／整改到位');
    expect(await row.innerText()).toContain('yk-console-1');
    // Inspectors are named by their body in public, never by their accounts.
    expect(await row.innerText()).not.toMatch(/le-\d{6}/);
  },
  scaled(120_000),
);
