import type { Browser, Page } from 'playwright-core';
import { today } from './support/agreement-flow';
import { launchBrowser, loginAs } from './support/browser';
import { eventually, startHarness, type Harness } from './support/harness';
import { establish } from './support/zone-flow';
import { scaled } from './support/time';

/**
 * Reform both ways in the console, by clicking in Chinese as the users who do it: 盖州's body proposes a
 * practice with a document, the FTZ refuses to decline it without reasons then accepts it, 鲅鱼圈's
 * government adopts it, and the city reads it under 盖州 on 改革创新; a demand registered at 鲅鱼圈's
 * window, routed to 盖州市人民政府 and answered there; a training session refused for its date, then recorded.
 */
let h: Harness;
let browser: Browser;
const GAIZHOU = '210881';
const BAYUQUAN = '210804';
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  await establish(h, GAIZHOU);
  await establish(h, BAYUQUAN);
}, scaled(120_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** From the inbox, by clicking: the task of this action on this process. */
async function openTask(page: Page, processId: string, action: string): Promise<void> {
  await page.click('a[href="#/inbox"]');
  const row = page.locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${encodeURIComponent(processId)}"]`) });
  await row.locator('a').first().click();
  await page.getByTestId('task-title').waitFor();
}

async function submitAndWaitForProcess(page: Page): Promise<string> {
  await page.click('form button[type=submit]');
  await page.waitForURL('**/#/processes/**');
  await page.getByTestId('stage').waitFor();
  return decodeURIComponent(page.url().split('#/processes/')[1]);
}

const PDF = Buffer.from('%PDF-1.4\n% 经验材料\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

test('a practice of 盖州 proposed, accepted and adopted in 鲅鱼圈, by clicking; the innovations page shows it under 盖州', async () => {
  const body = await loginAs(browser, h.baseUrl, `zone-${GAIZHOU}.staff`);
  await body.click('a[href="#/launch"]');
  const form = '[data-testid=launch-reform-practice]';
  await body.locator(form).getByText('协同区好经验好做法复制推广').waitFor();
  await body.selectOption(`${form} select[name=zoneCode]`, GAIZHOU);
  await body.fill(`${form} [name=titleZh]`, '项目审批“拿地即开工”');
  const id = await (async () => {
    await body.click(`${form} button[type=submit]`);
    await body.waitForURL('**/#/processes/**');
    await body.getByTestId('stage').waitFor();
    return decodeURIComponent(body.url().split('#/processes/')[1]);
  })();

  await openTask(body, id, 'proposePractice');
  const upload = body.getByTestId('attachment-upload');
  await upload.locator('input[type=file]').setInputFiles({ name: '经验材料.pdf', mimeType: 'application/pdf', buffer: PDF });
  await upload.getByRole('button', { name: '上传' }).click();
  await upload.getByTestId('attachment-message').filter({ hasText: '已上传' }).waitFor();
  await body.fill('[name=practice]', '土地出让前完成方案审查，出让后即核发施工许可');
  await body.fill('[name=where]', '盖州市协同区产业园');
  await body.fill('input[name=startedOn]', '2026-04-01');
  await body.fill('[name=results]', '开工时间平均提前 60 天');
  await submitAndWaitForProcess(body);

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, id, 'evaluatePractice');
  await ftz.getByTestId('practice').getByText('开工时间平均提前 60 天').waitFor();
  // Declined without reasons: refused, in Chinese, and still the task.
  await ftz.selectOption('select[name=decision]', { label: '不实施' });
  await ftz.click('form button[type=submit]');
  await ftz.getByText('不予推广须写明理由').first().waitFor();
  expect(ftz.url()).toContain('#/tasks/');
  await ftz.selectOption('select[name=decision]', { label: '予以采用' });
  await ftz.fill('[name=note]', '具备复制推广条件');
  await submitAndWaitForProcess(ftz);

  const measureCode = await eventually(async () => {
    const [row] = await h.db.query<{ measure_code: string | null }>('SELECT measure_code FROM reform_practices WHERE process_id = $1', [
      id,
    ]);
    return row?.measure_code ?? undefined;
  });
  const government = await loginAs(browser, h.baseUrl, `gov-${BAYUQUAN}.staff`);
  await eventually(async () => {
    const inbox = await (await h.as(`gov-${BAYUQUAN}.staff`)).get(`/api/tasks?processId=pilot-${measureCode}`);
    return inbox.body.items.length ? true : undefined;
  });
  await openTask(government, `pilot-${measureCode}`, 'decidePilot');
  await government.selectOption('select[name=decision]', { label: '实施' });
  await government.fill('input[name=date]', today());
  await government.fill('[name=note]', '在鲅鱼圈区复制实施');
  await submitAndWaitForProcess(government);

  const city = await loginAs(browser, h.baseUrl, 'city.staff');
  await city.click('a[href="#/reform"]');
  const row = city.locator(`[data-testid=innovations] tr[data-zone="${GAIZHOU}"][data-practice="${id}"]`);
  await row.getByText('已采纳推广').waitFor();
  await row
    .getByTestId('adoptions')
    .getByText(/鲅鱼圈.*已实施/)
    .waitFor();
  expect(await row.locator('td').first().textContent()).toContain('盖州');
});

test('a demand registered at a window, routed and answered, by clicking, is in the summary as answered', async () => {
  const window = await loginAs(browser, h.baseUrl, `zone-${BAYUQUAN}.staff`);
  await window.click('a[href="#/launch"]');
  const form = '[data-testid=launch-reform-demand]';
  await window.selectOption(`${form} select[name=zoneCode]`, GAIZHOU);
  await window.fill(`${form} [name=enterpriseName]`, '盖州市果品冷链物流有限公司');
  await window.fill(`${form} [name=contactName]`, '赵敏');
  await window.fill(`${form} [name=phone]`, '13804171111');
  await window.selectOption(`${form} select[name=category]`, { label: '税费' });
  await window.fill(`${form} [name=demand]`, '希望跨区迁移时税务档案随企业实时划转');
  await window.fill(`${form} input[name=receivedOn]`, today());
  await window.click(`${form} button[type=submit]`);
  await window.waitForURL('**/#/processes/**');
  const id = decodeURIComponent(window.url().split('#/processes/')[1]);

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, id, 'routeDemand');
  await ftz.getByTestId('demand').getByText('税费').waitFor();
  await ftz.selectOption('select[name=responsibleOrg]', { label: '盖州市人民政府' });
  await submitAndWaitForProcess(ftz);

  const county = await loginAs(browser, h.baseUrl, `gov-${GAIZHOU}.staff`);
  await openTask(county, id, 'answerDemand');
  await county.selectOption('select[name=outcome]', { label: '纳入改革事项' });
  await county.fill('[name=answer]', '已提请市税务局纳入划转系统改造');
  await submitAndWaitForProcess(county);

  const city = await loginAs(browser, h.baseUrl, 'city.staff');
  await city.click('a[href="#/reform"]');
  await city.selectOption('[data-testid=demands-zone]', GAIZHOU);
  const row = city.locator(`[data-testid=demands] tr[data-demand="${id}"]`);
  await row.getByText('已答复').waitFor();
  await row.getByText('纳入改革事项').waitFor();
  await row.getByText('盖州市人民政府').waitFor();
});

test('a training session: refused for a day after today, in Chinese, then recorded and in the report by organisation', async () => {
  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await ftz.click('a[href="#/reform"]');
  const form = ftz.getByTestId('training-form');
  await form.locator('input[name=heldOn]').fill('2099-01-01');
  await form.locator('input[name=topic]').fill('协同区窗口人员业务培训');
  await form.locator('input[name=hours]').fill('2');
  await form.getByTestId('attendee-0').locator('select[name=orgId]').selectOption({ label: '盖州市人民政府' });
  await form.getByTestId('attendee-0').locator('input[name=count]').fill('8');
  await form.locator('button[type=submit]').click();
  await form.getByRole('alert').getByText('培训日期不能晚于今天').waitFor();
  expect(await h.db.query('SELECT 1 FROM training_sessions')).toEqual([]);

  await form.locator('input[name=heldOn]').fill(today());
  await form.locator('button[type=submit]').click();
  await form.getByRole('status').getByText('培训已登记').waitFor();
  const row = ftz.locator(`[data-testid=training-report] tr[data-org="gov-${GAIZHOU}"]`);
  await row.getByText('协同区窗口人员业务培训').waitFor();
  await row.getByText('8 人次').waitFor();

  // An auditor reads the report and has no form.
  const auditor = await loginAs(browser, h.baseUrl, 'audit.auditor');
  await auditor.click('a[href="#/reform"]');
  await auditor.locator(`[data-testid=training-report] tr[data-org="gov-${GAIZHOU}"]`).waitFor();
  expect(await auditor.getByTestId('training-form').count()).toBe(0);
});
