import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { screenshot } from './support/screenshots';
import { addDays } from '../domain/agreements';
import { today } from './support/agreement-flow';
import { startHarness, type Harness } from './support/harness';
import { approval, establish, launchInput, memorandum, taskFor } from './support/zone-flow';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** Opens the inbox and the task of this action on the process. */
async function openTask(page: Page, processId: string, action: string): Promise<void> {
  await page.goto(`${h.baseUrl}/#/inbox`);
  const row = page.locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${processId}"]`) });
  await row.locator('a').first().click();
  await page.getByTestId('task-title').waitFor();
}

async function submitAndWaitForProcess(page: Page, processId: string): Promise<void> {
  await page.click('form button[type=submit]');
  await page.waitForURL(`**/#/processes/${processId}`);
  await page.getByTestId('stage').waitFor();
}

test('a zone is established through the console alone, by the right staff of each organisation', async () => {
  const county = await h.newCounty();
  const processId = `zone-${county}`;
  const gov = `gov-${county}.staff`;

  // The city launches from the launch form, choosing the county from a list.
  const city = await loginAs(browser, h.baseUrl, 'city.admin');
  await city.click('a[href="#/launch"]');
  await city.selectOption('[data-testid=launch-zone-establishment] select[name=countyCode]', county);
  // Not of the first batch: the city's approval is entered.
  await city.fill('[data-testid=launch-zone-establishment] input[name="approval.documentNumber"]', approval(county).documentNumber);
  await city.fill('[data-testid=launch-zone-establishment] input[name="approval.approvedOn"]', approval(county).approvedOn);
  await city.click('[data-testid=launch-zone-establishment] button[type=submit]');
  await city.waitForURL(`**/#/processes/${processId}`);
  await city.getByTestId('stage').filter({ hasText: '起草备忘录' }).waitFor();

  // The government's staff see no task of the FTZ's.
  const government = await loginAs(browser, h.baseUrl, gov);
  await government.getByText('没有待办事项').waitFor();
  expect(await government.locator(`a[href="#/processes/${processId}"]`).count()).toBe(0);

  // The FTZ drafts; a bad field shows its error on the field, and nothing is submitted.
  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await ftz.locator(`tr[data-action=draftMemorandum]`).first().waitFor();
  await screenshot(ftz, 'inbox', 'inbox');
  await openTask(ftz, processId, 'draftMemorandum');
  await ftz.getByRole('checkbox', { name: /测试一街道/ }).check();
  await ftz.fill('input[name="boundary.areaKm2"]', '-5');
  await ftz.fill('textarea[name="boundary.description"]', '营口自贸片区协同区四至范围');
  await ftz.fill('textarea[name=scope]', '产业协同、政务服务');
  await ftz.fill('textarea[name="duties.ftz"]', '委托职权');
  await ftz.fill('textarea[name="duties.county"]', '属地监管');
  await ftz.fill('textarea[name=statisticsRule]', '两种口径');
  await ftz.fill('textarea[name=meetingMechanism]', '季度联席会议');
  await ftz.fill('input[name=effectiveDate]', '2027-01-01');
  await ftz.click('form button[type=submit]');
  await ftz.locator('.has-error input[name="boundary.areaKm2"]').waitFor();
  expect(await ftz.locator('.field-error').count()).toBe(1);
  expect((await h.client.workflow.getHandle(processId).query<{ memoranda: unknown[] }>('state')).memoranda).toEqual([]);
  await ftz.fill('input[name="boundary.areaKm2"]', '12.5');
  expect(await ftz.locator('.field-error').count()).toBe(0);
  await screenshot(ftz, 'task-form', 'task-form');
  await submitAndWaitForProcess(ftz, processId);

  // Staff review but never sign: their form offers 退回修改 only.
  await openTask(government, processId, 'reviewMemorandum');
  await government.getByTestId('memorandum').getByText('季度联席会议').waitFor();
  expect(await government.locator('select[name=decision] option[value=return]').count()).toBe(1);
  expect(await government.locator('select[name=decision] option[value=sign]').count()).toBe(0);

  // Each side's leader signs, from the organisation's inbox, seeing the version signed beside the form.
  const governmentLeader = await loginAs(browser, h.baseUrl, `gov-${county}.leader`);
  await openTask(governmentLeader, processId, 'reviewMemorandum');
  await governmentLeader.getByTestId('memorandum').getByText('季度联席会议').waitFor();
  await governmentLeader.selectOption('select[name=decision]', 'sign');
  await submitAndWaitForProcess(governmentLeader, processId);
  const ftzLeader = await loginAs(browser, h.baseUrl, 'ftz.leader');
  await openTask(ftzLeader, processId, 'reviewMemorandum');
  await ftzLeader.selectOption('select[name=decision]', 'sign');
  await submitAndWaitForProcess(ftzLeader, processId);

  // Back on the task just done: it shows as done, with no form to submit again.
  await ftzLeader.goBack();
  await ftzLeader.locator('.badge.done').waitFor();
  expect(await ftzLeader.locator('form').count()).toBe(0);

  // The government names the management body: the zone is ACTIVE.
  await openTask(government, processId, 'nameManagementBody');
  await government.fill('input[name=name]', '协同区管理委员会');
  await government.fill('input[name=head]', '李明');
  await government.fill('input[name=contact]', '0417-7654321');
  await government.fill('input[name=address]', '协同区行政中心');
  await submitAndWaitForProcess(government, processId);
  await government.getByTestId('stage').filter({ hasText: '运行中' }).waitFor();
  await government.locator('[data-stage=ACTIVE][data-state=current]').waitFor();
  for (const stage of ['DRAFTING', 'SIGNING', 'AWAITING_BODY']) {
    expect(await government.locator(`[data-stage=${stage}]`).getAttribute('data-state')).toBe('visited');
  }
  expect(await government.locator('[data-stage=WITHDRAWN]').getAttribute('data-state')).toBe('not-visited');
  await government.getByTestId('timeline').getByText('确定管理机构“协同区管理委员会”，协同区生效').waitFor();
  await screenshot(government, 'process', 'process');

  // The signed memorandum is listed with its 文号; 打印 opens its PDF, served to this user's session.
  // Beside it, the organisations whose keys sign the PDF; the city's approval is listed before it.
  const documents = government.getByTestId('documents');
  const signedMemorandum = documents.locator('li').filter({ hasText: /营自贸发〔\d{4}〕\d+号/ });
  await signedMemorandum.waitFor();
  expect(await signedMemorandum.getByTestId('signed-by').textContent()).toMatch(/^电子签名：自贸区营口片区管委会、.+/);
  await documents
    .locator('li')
    .filter({ hasText: approval(county).documentNumber })
    .getByText('电子签名：营口市人民政府')
    .waitFor();
  const print = signedMemorandum.getByRole('link', { name: '打印' });
  expect(await print.getAttribute('target')).toBe('_blank');
  const printed = await government.request.get(h.baseUrl + (await print.getAttribute('href')));
  expect(printed.status()).toBe(200);
  expect(printed.headers()['content-type']).toBe('application/pdf');
  expect((await printed.body()).subarray(0, 5).toString()).toBe('%PDF-');
  // Signed by the parties: a standard PDF signature (PAdES: /ByteRange over a CMS SignedData).
  expect((await printed.body()).includes('/SubFilter /ETSI.CAdES.detached')).toBe(true);

  await city.click('a[href="#/zones"]');
  await city.locator(`tr[data-zone="${county}"]`).getByText('运行中').waitFor();
  // The zone's page names its management body and its head (masked for the city: personal data).
  await city.locator(`tr[data-zone="${county}"] a`).first().click();
  const body = city.getByTestId('zone-body');
  await body.getByText('协同区管理委员会').waitFor();
  await body.getByRole('rowheader', { name: '负责人' }).waitFor();
});

test('P2 by clicking: a catalogue version adding a power is launched, drafted from the version in force, approved and published', async () => {
  const admin = await loginAs(browser, h.baseUrl, 'ftz.admin');
  await admin.click('a[href="#/launch"]');
  await admin.click('[data-testid=launch-power-catalog] button[type=submit]');
  await admin.waitForURL('**/#/processes/power-catalog');
  await admin.getByTestId('stage').waitFor();

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, 'power-catalog', 'draftCatalog');
  // The draft starts from the version in force: its powers are there, each with its words.
  expect(await ftz.inputValue('[name="powers.0.code"]')).toMatch(/^[A-Z]{2}-\d{3}$/);
  const count = await ftz.locator('[data-array=powers] > .array-item').count();
  await ftz.fill('input[name=effectiveDate]', today());
  await ftz.click('[data-add=powers]');
  const added = `powers.${count}`;
  await ftz.fill(`[name="${added}.code"]`, 'XK-090');
  await ftz.fill(`[name="${added}.name"]`, '控制台测试许可');
  await ftz.selectOption(`select[name="${added}.kind"]`, { label: '许可' });
  await ftz.fill(`[name="${added}.legalBasis"]`, '《中华人民共和国行政许可法》第十二条');
  await ftz.check(`input[name="${added}.commitmentApplicable"]`);
  await ftz.fill(`[name="${added}.verificationDays"]`, '30');
  await ftz.selectOption(`select[name="${added}.status"]`, { label: '列入' });
  await submitAndWaitForProcess(ftz, 'power-catalog');

  await openTask(admin, 'power-catalog', 'approveCatalog');
  await admin.selectOption('select[name=decision]', { label: '批准发布' });
  await submitAndWaitForProcess(admin, 'power-catalog');
  await admin.click('a[href="#/powers"]');
  await admin.getByText('控制台测试许可').waitFor();
});

test('the language switch translates the console and is remembered', async () => {
  const page = await loginAs(browser, h.baseUrl, 'audit.auditor');
  await page.getByText('待办', { exact: true }).waitFor();
  await page.getByTestId('language').click();
  await page.getByText('Inbox', { exact: true }).waitFor();
  await page.reload();
  await page.getByText('Inbox', { exact: true }).waitFor();
  await page.getByText('No tasks').waitFor();
  expect(await page.evaluate('document.documentElement.lang')).toBe('en');
});

test("an admin's 待办 holds only the admin's tasks; 督查 shows the staff's task as 仅查看, waiting for the staff, who complete it", async () => {
  const county = await h.newCounty();
  await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
  const staffTask = await taskFor(h, 'ftz.staff', `zone-${county}`, 'draftMemorandum');
  expect(staffTask.mayComplete).toBe(true);
  // Not the admin's to do: the admin's inbox leaves it out, the oversight view lists it as not theirs.
  const ftzAdmin = await h.as('ftz.admin');
  expect((await ftzAdmin.get(`/api/tasks?processId=zone-${county}`)).body.items).toEqual([]);
  const overseen = (await ftzAdmin.get(`/api/tasks?view=oversight&processId=zone-${county}`)).body.items;
  expect(overseen.map((task: { id: string; mayComplete: boolean }) => [task.id, task.mayComplete])).toEqual([[staffTask.id, false]]);
  expect((await ftzAdmin.post(`/api/tasks/${staffTask.id}/complete`, memorandum(county))).status).toBe(403);

  const admin = await loginAs(browser, h.baseUrl, 'ftz.admin');
  await admin.goto(`${h.baseUrl}/#/inbox`);
  // Once the list has come (its count on the tab), nothing in it is marked 仅查看, and the staff's task is not there.
  await admin
    .getByTestId('tab-open')
    .filter({ hasText: /（\d+）/ })
    .waitFor();
  expect(await admin.locator('#content').getByText('仅查看').count()).toBe(0);
  expect(await admin.locator(`tr[data-task="${staffTask.id}"]`).count()).toBe(0);
  await admin.getByRole('navigation').getByRole('link', { name: '督查' }).click();
  const row = admin.getByTestId('task-oversight').locator(`tr[data-task="${staffTask.id}"]`);
  await row.getByText('仅查看').waitFor();
  expect(await row.getByTestId('waits-for').innerText()).toBe('待自贸区营口片区管委会经办人员办理');
  await row.locator('a[href^="#/tasks/"]').click();
  // The note says whom it waits for, not a general rule about staff.
  await admin.getByTestId('read-only-task').filter({ hasText: '待自贸区营口片区管委会经办人员办理；您可以查看，不能办理。' }).waitFor();
  // Neither the form nor the upload: nothing offered that the API would refuse.
  expect(await admin.locator('form button[type=submit]').count()).toBe(0);
  // On a phone the menu folds away and still holds 督查; the page keeps its badge.
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.getByRole('button', { name: '菜单' }).click();
  await admin.getByRole('navigation').getByRole('link', { name: '督查' }).click();
  await row.getByText('仅查看').waitFor();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // The staff are offered the form, in their 待办; 督查 is not in their menu.
  const staff = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(staff, `zone-${county}`, 'draftMemorandum');
  await staff.getByRole('button', { name: '提交' }).waitFor();
  await staff.getByRole('button', { name: '上传' }).waitFor();
  expect(await staff.getByTestId('read-only-task').count()).toBe(0);
  expect(await staff.getByRole('navigation').getByRole('link', { name: '督查' }).count()).toBe(0);
  // Typed by hand, 督查 is a page of its own that says why, with a way back and nothing to filter or retry.
  await staff.goto(`${h.baseUrl}/#/task-oversight`);
  const refused = staff.getByTestId('page-forbidden');
  await refused.getByRole('heading', { name: '无权查看' }).waitFor();
  expect(await refused.getByTestId('forbidden-reason').innerText()).toContain('管理员或审计人员');
  await refused.getByRole('link', { name: '返回待办' }).waitFor();
  expect(await staff.locator('.filters, [data-testid=load-error]').count()).toBe(0);
  expect(await refused.getByRole('button', { name: '重试' }).count()).toBe(0);
});

test('a refused completion shows the reason in words', async () => {
  const county = await h.newCounty();
  await (await h.as('city.admin')).post('/api/processes/zone-establishment', launchInput(county));
  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, `zone-${county}`, 'draftMemorandum');
  // Meanwhile a colleague completes the same task.
  const task = (await (await h.as('ftz.staff')).get(`/api/tasks?processId=zone-${county}`)).body.items[0];
  await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, memorandum(county));
  await ftz.getByRole('checkbox', { name: /测试一街道/ }).check();
  await ftz.fill('input[name="boundary.areaKm2"]', '3');
  await ftz.fill('textarea[name="boundary.description"]', 'y');
  await ftz.fill('textarea[name=scope]', 'y');
  await ftz.fill('textarea[name="duties.ftz"]', 'y');
  await ftz.fill('textarea[name="duties.county"]', 'y');
  await ftz.fill('textarea[name=statisticsRule]', 'y');
  await ftz.fill('textarea[name=meetingMechanism]', 'y');
  await ftz.fill('input[name=effectiveDate]', '2027-01-01');
  await ftz.click('form button[type=submit]');
  // In Chinese, as the console asks for it: no English sentence of the server's.
  await ftz.getByTestId('form-error').getByText('该事项已不在待办状态').waitFor();
  expect(await ftz.getByTestId('form-error').innerText()).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
});

test('a delegation agreement is negotiated through the console: items chosen from the catalogue, signed, announced, IN FORCE', async () => {
  const zone = await h.newCounty();
  await establish(h, zone);
  const admin = await loginAs(browser, h.baseUrl, 'ftz.admin');
  await admin.click('a[href="#/launch"]');
  await admin.selectOption('[data-testid=launch-delegation-agreement] select[name=zoneCode]', zone);
  await admin.click('[data-testid=launch-delegation-agreement] button[type=submit]');
  await admin.waitForURL('**/#/processes/agreement-*');
  const processId = decodeURIComponent(admin.url().split('#/processes/')[1]);

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, processId, 'draftAgreement');
  await ftz.selectOption('select[name="items.0.powerCode"]', 'XK-001');
  await ftz.selectOption('select[name="items.0.scope"]', 'decision');
  await ftz.click('[data-add=items]');
  await ftz.selectOption('select[name="items.1.powerCode"]', 'JC-001');
  await ftz.selectOption('select[name="items.1.scope"]', 'review');
  await ftz.fill('input[name="term.startDate"]', today());
  await ftz.fill('input[name="term.endDate"]', addDays(today(), 700));
  await ftz.fill('textarea[name=rights]', '以自贸片区名义受理并决定');
  await ftz.fill('textarea[name=duties]', '按月报送办理情况');
  await ftz.fill('textarea[name=liability]', '超越委托范围的后果自负');
  await ftz.check('input[name=noSubEntrustment]');
  await submitAndWaitForProcess(ftz, processId);

  const government = await loginAs(browser, h.baseUrl, `gov-${zone}.staff`);
  await openTask(government, processId, 'reviewAgreement');
  await government.getByTestId('memorandum').getByText('按月报送办理情况').waitFor();
  // The items in words: the power by code and name, the scope as a word.
  await government
    .getByTestId('memorandum')
    .getByText(/^职权：XK-001 .+；范围：决定$/)
    .waitFor();
  expect(await government.getByTestId('memorandum').innerText()).not.toMatch(/委托事项 · 0|decision|true/);
  const governmentLeader = await loginAs(browser, h.baseUrl, `gov-${zone}.leader`);
  await openTask(governmentLeader, processId, 'reviewAgreement');
  await governmentLeader.selectOption('select[name=decision]', 'sign');
  await submitAndWaitForProcess(governmentLeader, processId);
  const ftzLeader = await loginAs(browser, h.baseUrl, 'ftz.leader');
  await openTask(ftzLeader, processId, 'reviewAgreement');
  await ftzLeader.selectOption('select[name=decision]', 'sign');
  await submitAndWaitForProcess(ftzLeader, processId);
  await openTask(ftz, processId, 'announceAgreement');
  await ftz.fill('input[name=announcementRef]', '营自贸委〔2026〕1号');
  await ftz.fill('input[name=announcedOn]', today());
  await submitAndWaitForProcess(ftz, processId);
  await ftz.getByTestId('stage').filter({ hasText: '生效中' }).waitFor();

  await ftz.click('a[href="#/agreements"]');
  const row = ftz.locator(`tr[data-agreement="${processId}"]`);
  await row.getByText('生效中').waitFor();
  await row.getByText('JC-001 审查').waitFor();
});

test('the process page offers exactly the actions the process accepts now: 暂停 while active, 恢复 once suspended', async () => {
  const county = await h.newCounty();
  const id = await establish(h, county);
  const city = await loginAs(browser, h.baseUrl, 'city.admin');
  const ftz = await loginAs(browser, h.baseUrl, 'ftz.admin');
  const actions = (page: Page) => page.locator('.card', { has: page.locator('h3', { hasText: '可发起的操作' }) }).locator('button');
  const offered = async (page: Page, stage: string): Promise<string[]> => {
    await page.goto(`${h.baseUrl}/#/processes/${id}`);
    await page.getByTestId('stage').filter({ hasText: stage }).waitFor();
    return (await actions(page).allTextContents()).sort();
  };

  // Active: the city may suspend, not resume (ending it is the two parties' business); the FTZ may amend or propose to end it.
  expect(await offered(city, '运行中')).toEqual(['暂停协同区']);
  expect(await offered(ftz, '运行中')).toEqual(['提议修订备忘录', '提议终止协同区'].sort());

  // Suspended by clicking: now resume is offered and suspension is not; an amendment is refused, so not offered.
  await city.getByRole('button', { name: '暂停协同区' }).click();
  await city.fill('[name=reason]', '年度检查整改');
  await city.click('form button[type=submit]');
  await city.getByTestId('stage').filter({ hasText: '暂停' }).waitFor();
  expect(await offered(city, '暂停')).toEqual(['恢复协同区']);
  expect(await offered(ftz, '暂停')).toEqual(['提议终止协同区']);

  // What the page offers is what the process says it accepts (the API asks it), and the refused action is refused.
  const view = (await (await h.as('city.admin')).get(`/api/processes/${id}`)).body;
  expect(view.acceptedActions).toEqual(['resumeZone', 'proposeTermination']);
  const refused = await (await h.as('ftz.admin')).post(`/api/processes/${id}/actions/proposeAmendment`, { reason: '调整范围' });
  expect(refused.status).toBe(409);
  await city.context().close();
  await ftz.context().close();
});
