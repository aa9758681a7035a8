import type { Browser, Page } from 'playwright-core';
import { today } from './support/agreement-flow';
import { launchBrowser, loginAs } from './support/browser';
import { screenshot } from './support/screenshots';
import { eventually, startHarness, type Harness } from './support/harness';
import { newDecisionNumber, penaltyRecord, penaltyZone } from './support/penalty-flow';
import { newUscc } from './support/registration-flow';
import { complete, establish, launch, launchInput, memorandum, taskFor } from './support/zone-flow';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** The README's shots among these: what a refusal, a return and a phone look like. */
const README_SHOTS: Record<string, string> = {
  'p4-refused-1440': 'refused-on-field',
  'p4-return-1440': 'return-with-reasons',
  'forbidden-1440': 'forbidden',
  'mobile-processes-390': 'phone',
};

/** The page as a desk (1440 px) and a phone (390 px) show it; then back to the tests' own size. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}`, README_SHOTS[`${name}-${width}`]);
  }
  await page.setViewportSize({ width: 1280, height: 1100 });
}

/** From the inbox, by clicking: the task of this action on this process. */
async function openTask(page: Page, processId: string, action: string): Promise<void> {
  await page.click('a[href="#/inbox"]');
  const row = page.locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${encodeURIComponent(processId)}"]`) });
  await row.locator('a').first().click();
  await page.getByTestId('task-title').waitFor();
}

async function submitAndWaitForProcess(page: Page): Promise<void> {
  await page.click('form button[type=submit]');
  await page.waitForURL('**/#/processes/**');
  await page.getByTestId('stage').waitFor();
}

/** Ticks reason codes by their labels, whatever codes the form offers; returns the labels ticked. */
async function tickReasons(page: Page, count: number): Promise<string[]> {
  const boxes = page.locator('fieldset[data-field=reasons] label.check');
  expect(await boxes.count()).toBeGreaterThan(count);
  const labels: string[] = [];
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).locator('input').check();
    labels.push((await boxes.nth(i).innerText()).trim());
  }
  return labels;
}

test('P4 by clicking: filed by the enforcement, reported, returned twice with reasons, corrected seeing them, recognised', async () => {
  const { zone, uscc } = await penaltyZone(h);
  const decisionNumber = newDecisionNumber();
  const processId = `penalty-${decisionNumber}`;
  const form = '[data-testid=launch-penalty-report]';

  const enforcement = await loginAs(browser, h.baseUrl, `le-${zone}.staff`);
  await enforcement.click('a[href="#/launch"]');
  await enforcement.locator(form).waitFor();
  // Nothing filled: every required field says so in Chinese, and nothing is sent.
  await enforcement.click(`${form} button[type=submit]`);
  await enforcement.locator(`${form} [data-error-for=decisionNumber]`).filter({ hasText: '此项必填' }).waitFor();
  await enforcement.locator(`${form} [data-error-for="decision.penalty.kind"]`).filter({ hasText: '请选择' }).waitFor();
  await enforcement.locator(`${form} [data-testid=form-invalid]`).waitFor();
  expect(await enforcement.locator(`${form} label`, { hasText: 'decisionNumber' }).count()).toBe(0);

  await enforcement.selectOption(`${form} select[name=zoneCode]`, zone);
  await enforcement.fill(`${form} input[name=decisionNumber]`, decisionNumber);
  // An entity not registered: the server refuses, and the console says why.
  await enforcement.fill(`${form} input[name="decision.uscc"]`, newUscc());
  await enforcement.fill(`${form} [name="decision.violation"]`, '未取得食品经营许可从事食品经营活动');
  await enforcement.fill(`${form} [name="decision.legalBasis"]`, '《中华人民共和国食品安全法》第一百二十二条');
  // The power exercised, where the form still asks for it.
  const power = enforcement.locator(`${form} select[name="decision.powerCode"]`);
  if (await power.count()) await power.selectOption('CF-001');
  await enforcement.selectOption(`${form} select[name="decision.penalty.kind"]`, { label: '罚款' });
  await enforcement.fill(`${form} input[name="decision.penalty.amountYuan"]`, '0');
  await enforcement.selectOption(`${form} select[name="decision.grade"]`, { label: '一般' });
  await enforcement.fill(`${form} input[name="decision.decidedOn"]`, today());
  await enforcement.fill(`${form} input[name="decision.deliveredOn"]`, today());
  await enforcement.click(`${form} button[type=submit]`);
  await enforcement.locator(`${form} [data-error-for="decision.penalty.amountYuan"]`).filter({ hasText: '须大于 0' }).waitFor();
  await enforcement.fill(`${form} input[name="decision.penalty.amountYuan"]`, '50000');
  await enforcement.click(`${form} button[type=submit]`);
  await enforcement.locator(`${form} [data-testid=form-error]`).waitFor();
  // The server's refusal, in Chinese, on the field it names.
  await enforcement.locator(`${form} [data-error-for="decision.uscc"]`).filter({ hasText: '未在自贸片区登记' }).waitFor();
  expect(await enforcement.locator(`${form} [data-testid=form-error]`).innerText()).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  await screenshots(enforcement, 'p4-refused');
  await enforcement.fill(`${form} input[name="decision.uscc"]`, uscc);
  await enforcement.click(`${form} button[type=submit]`);
  await enforcement.waitForURL(`**/#/processes/${encodeURIComponent(processId)}`);
  await enforcement.getByTestId('stage').waitFor();

  // The zone body reports it, seeing the decision in words.
  const body = await loginAs(browser, h.baseUrl, `zone-${zone}.staff`);
  await openTask(body, processId, 'reportPenalty');
  await body.getByTestId('decision').getByText('罚款 50,000 元').waitFor();
  await body.getByTestId('sent-by').getByText(`le-${zone}.staff`).waitFor();
  await submitAndWaitForProcess(body);

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  for (const round of [1, 2]) {
    await openTask(ftz, processId, 'reviewPenalty');
    await ftz.getByTestId('decision').getByText(uscc).waitFor();
    await ftz.selectOption('select[name=decision]', 'return');
    // Returning with no reason ticked: refused in the browser.
    await ftz.click('form button[type=submit]');
    await ftz.locator('[data-error-for=reasons]').waitFor();
    const reasons = await tickReasons(ftz, round);
    await ftz.fill('[name=note]', `第${round}轮：请补正`);
    if (round === 1) await screenshots(ftz, 'p4-return');
    await submitAndWaitForProcess(ftz);

    // The zone corrects, with the FTZ's reasons beside a form prefilled with the decision.
    await openTask(body, processId, 'correctPenalty');
    const shown = body.getByTestId('return-reasons');
    for (const label of reasons) await shown.getByText(label, { exact: true }).waitFor();
    await shown.getByText(`第${round}轮：请补正`).waitFor();
    expect(await body.inputValue('[name="legalBasis"]')).toBe('《中华人民共和国食品安全法》第一百二十二条');
    // What the zone may correct: the report's transcription where the form has one, else the facts.
    const entityName = body.locator('[name=entityName], [name="report.entityName"]').first();
    if (await entityName.count()) await entityName.fill(`营口协同区测试商贸有限公司（第${round}次补正）`);
    else await body.fill('[name=violation]', `未取得食品经营许可从事食品经营活动（第${round}次补正）`);
    if (round === 1) await screenshots(body, 'p4-correct');
    await submitAndWaitForProcess(body);
  }

  // Staff return reports; the recognition is the FTZ's signed letter, its leader's to give.
  await openTask(ftz, processId, 'reviewPenalty');
  expect(await ftz.locator('select[name=decision] option[value=recognise]').count()).toBe(0);
  const ftzLeader = await loginAs(browser, h.baseUrl, 'ftz.leader');
  await openTask(ftzLeader, processId, 'reviewPenalty');
  await ftzLeader.getByTestId('earlier-rounds').locator('li').nth(1).waitFor();
  await ftzLeader.selectOption('select[name=decision]', 'recognise');
  await submitAndWaitForProcess(ftzLeader);
  await ftzLeader.getByTestId('stage').filter({ hasText: '认可' }).waitFor();
  const record = await penaltyRecord(h, decisionNumber);
  expect(record.status).toBe('RECOGNISED');
  expect(record.returns).toBe(2);
  expect(
    record.reviews.filter((r: { outcome: string }) => r.outcome === 'returned').map((r: { reasons: string[] }) => r.reasons.length),
  ).toEqual([1, 2]);
});

test('P6 by clicking: a seeded measure is offered without a listing; the county adopts it seeing the measure', async () => {
  const zone = await h.newCounty();
  await establish(h, zone);
  const form = '[data-testid=launch-pilot-adoption]';
  const admin = await loginAs(browser, h.baseUrl, 'ftz.admin');
  await admin.click('a[href="#/launch"]');
  await admin.fill(`${form} input[name=measureCode]`, 'RM-002');
  // The listing is for new measures: left empty, it is not sent.
  await admin.locator(`${form} fieldset[data-field=listing]`).getByText('可不填').waitFor();
  await admin.click(`${form} button[type=submit]`);
  await admin.waitForURL('**/#/processes/pilot-RM-002');
  await admin.getByTestId('stage').waitFor();

  const government = await loginAs(browser, h.baseUrl, `gov-${zone}.staff`);
  await openTask(government, 'pilot-RM-002', 'decidePilot');
  await government.getByTestId('measure-title').getByText('RM-002').waitFor();
  await government.selectOption('select[name=decision]', { label: '实施' });
  await government.fill('input[name=date]', today());
  await government.fill('[name=note]', '本县自下月起实施');
  await screenshots(government, 'p6-decide');
  await submitAndWaitForProcess(government);
  const pilots = (await (await h.as('audit.auditor')).get(`/api/pilots?measure=RM-002&zone=${zone}`)).body;
  expect(pilots.measures[0].zones.find((z: { zoneCode: string }) => z.zoneCode === zone).status).toBe('ADOPTED');
});

test('a memorandum returned with comments is redrafted from the returned version, the comments beside it', async () => {
  const county = await h.newCounty();
  const processId = await launch(h, county);
  await complete(h, 'ftz.staff', processId, 'draftMemorandum', memorandum(county));
  const government = await loginAs(browser, h.baseUrl, `gov-${county}.staff`);
  await openTask(government, processId, 'reviewMemorandum');
  await government.getByTestId('memorandum').getByText('每季度召开一次联席会议').waitFor();
  await government.selectOption('select[name=decision]', { label: '退回修改' });
  await government.fill('[name=comments]', '请补充统计口径的说明');
  await submitAndWaitForProcess(government);

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, processId, 'draftMemorandum');
  await ftz.getByTestId('returned-with').getByText('请补充统计口径的说明').waitFor();
  expect(await ftz.inputValue('[name=scope]')).toBe(memorandum(county).scope);
  expect(await ftz.inputValue('[name="boundary.areaKm2"]')).toBe('12.5');
  await screenshots(ftz, 'memorandum-redraft');
  await ftz.fill('[name=statisticsRule]', '市级考核归属县，国家级考核并入片区，按月报送');
  await submitAndWaitForProcess(ftz);
  await openTask(government, processId, 'reviewMemorandum');
  await government.getByTestId('changed-fields').getByText('统计规则').waitFor();
});

test('the zone body’s staff log in as soon as the zone is ACTIVE, without a restart', async () => {
  const zone = await h.newCounty();
  await establish(h, zone);
  const page = await loginAs(browser, h.baseUrl, `zone-${zone}.staff`);
  await page.getByTestId('who').getByText(`zone-${zone}.staff`).waitFor();
  await page.getByText('没有待办事项').waitFor();
});

test('an unknown address is a 404 page with a way back; a task of another organisation is a 403 page', async () => {
  const page = await loginAs(browser, h.baseUrl, 'audit.auditor');
  await page.goto(`${h.baseUrl}/#/no-such-page`);
  await page.getByTestId('page-notFound').getByText('页面不存在').waitFor();
  await page.getByTestId('page-notFound').getByText('返回待办').click();
  await page.waitForURL('**/#/inbox');
  await page.goto(`${h.baseUrl}/#/processes/no-such-process`);
  await page.getByTestId('page-notFound').waitFor();

  // The FTZ's drafting task, opened by a county government's staff.
  const county = await h.newCounty();
  await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
  const task = await taskFor(h, 'ftz.staff', `zone-${county}`, 'draftMemorandum');
  const government = await loginAs(browser, h.baseUrl, `gov-${county}.staff`);
  await government.goto(`${h.baseUrl}/#/tasks/${task.id}`);
  await government.getByTestId('page-forbidden').getByRole('heading', { name: '无权查看' }).waitFor();
  await screenshots(government, 'forbidden');
});

// Every page and task form in words, and the axe scan: test/console-crawl.test.ts.

test('offline, a page says the server cannot be reached and offers to retry', async () => {
  const page = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await page.context().setOffline(true);
  await page.getByTestId('offline').waitFor();
  await page.click('a[href="#/processes"]');
  await page.getByTestId('load-error').getByText('无法连接服务器').waitFor();
  expect(await page.locator('body').innerText()).not.toContain('TypeError');
  await page.context().setOffline(false);
  await page.getByTestId('load-error').getByRole('button', { name: '重试' }).click();
  await page.getByTestId('processes').waitFor();
});

test('at 390 px the menu folds behind a button and 退出 is on screen, and logs out on the server', async () => {
  const page = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await page.setViewportSize({ width: 390, height: 844 });
  const logout = page.getByTestId('logout');
  expect(await logout.isVisible()).toBe(true);
  const box = await logout.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await page.getByRole('button', { name: '菜单' }).click();
  const nav = page.locator('#main-menu a', { hasText: '流程' }).first();
  const item = await nav.boundingBox();
  // A menu entry is one line, not a character per line.
  expect(item!.height).toBeLessThan(60);
  await nav.click();
  await page.waitForURL('**/#/processes');
  await page.getByRole('search').waitFor();
  await screenshots(page, 'mobile-processes');

  // The session is a cookie no script of the page can read; 退出 ends it on the server too.
  expect(await page.evaluate(() => document.cookie)).not.toContain('cz_session');
  expect(JSON.stringify(await page.evaluate(() => ({ ...localStorage })))).not.toMatch(/eyJ/);
  const token = (await page.context().cookies()).find((cookie) => cookie.name === 'cz_session' && cookie.httpOnly)?.value;
  expect((await h.anonymous('GET', '/api/me', undefined, token!)).status).toBe(200);
  await page.getByTestId('logout').click();
  await page.waitForURL('**/#/login');
  await eventually(
    async () => ((await h.anonymous('GET', '/api/me', undefined, token!)).status === 401 ? true : undefined),
    10_000,
    'the token to be revoked',
  );
});
