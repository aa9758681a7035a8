/**
 * The zone's area and the city's approval, by clicking in Chinese: the approval pre-filled for the first
 * batch and asked for otherwise, townships and parks picked from the division data (never typed codes),
 * the zone page showing the area signed.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { complete, body as zoneBody } from './support/zone-flow';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

const LAUNCH = '[data-testid=launch-zone-establishment]';

async function openTask(page: Page, processId: string, action: string): Promise<void> {
  await page.goto(`${h.baseUrl}/#/inbox`);
  await page
    .locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${processId}"]`) })
    .locator('a')
    .first()
    .click();
  await page.getByTestId('task-title').waitFor();
}

test('the city launches: 盖州市 comes with the policy as its approval; another county is refused until its approval is entered', async () => {
  const county = await h.newCounty();
  const city = await loginAs(browser, h.baseUrl, 'city.admin');
  await city.click('a[href="#/launch"]');
  await city.locator(LAUNCH).getByText('批复文号').waitFor();

  // The first batch: the policy itself, filled in on choosing the county.
  await city.selectOption(`${LAUNCH} select[name=countyCode]`, { label: '盖州市 (210881)' });
  expect(await city.inputValue(`${LAUNCH} input[name="approval.documentNumber"]`)).toBe('营政发〔2020〕16号');
  expect(await city.inputValue(`${LAUNCH} input[name="approval.approvedOn"]`)).toBe('2020-11-10');

  // Another county: the pre-fill goes, and a launch without the approval is refused with the reason.
  await city.selectOption(`${LAUNCH} select[name=countyCode]`, county);
  expect(await city.inputValue(`${LAUNCH} input[name="approval.documentNumber"]`)).toBe('');
  await city.click(`${LAUNCH} button[type=submit]`);
  const refusal = city.locator(LAUNCH).getByTestId('form-error');
  await refusal
    .locator('p')
    .getByText(/须录入市政府批复/)
    .waitFor();
  await refusal
    .locator('li')
    .getByText(/不在营政发〔2020〕16号确定的首批协同区之列/)
    .waitFor();
  expect(
    await h.client.workflow
      .getHandle(`zone-${county}`)
      .describe()
      .catch(() => null),
  ).toBeNull();

  await city.fill(`${LAUNCH} input[name="approval.documentNumber"]`, '营政〔2026〕31号');
  await city.fill(`${LAUNCH} input[name="approval.approvedOn"]`, '2026-10-15');
  await city.click(`${LAUNCH} button[type=submit]`);
  await city.waitForURL(`**/#/processes/zone-${county}`);
  const state = await h.client.workflow.getHandle(`zone-${county}`).query<{ approval: unknown }>('state');
  expect(state.approval).toEqual({ documentNumber: '营政〔2026〕31号', approvedOn: '2026-10-15' });
});

test("the FTZ draws 盖州's zone by ticking townships and a park by name; the zone page shows the area; a residence picks its township from its county's", async () => {
  const city = await loginAs(browser, h.baseUrl, 'city.admin');
  await city.click('a[href="#/launch"]');
  await city.selectOption(`${LAUNCH} select[name=countyCode]`, { label: '盖州市 (210881)' });
  await city.click(`${LAUNCH} button[type=submit]`);
  await city.waitForURL('**/#/processes/zone-210881');

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, 'zone-210881', 'draftMemorandum');
  // Only 盖州's own units are offered: no 鲅鱼圈 street among them.
  await ftz.getByRole('checkbox', { name: '鼓楼街道（210881001）' }).check();
  await ftz.getByRole('checkbox', { name: '归州街道（210881008）' }).check();
  await ftz.getByRole('checkbox', { name: /盖州市示范产业园（演示）【演示数据】/ }).check();
  expect(await ftz.getByRole('checkbox', { name: /红海街道/ }).count()).toBe(0);
  await ftz.fill('input[name="boundary.areaKm2"]', '18.6');
  await ftz.fill('textarea[name="boundary.description"]', '鼓楼、归州两街道及示范产业园');
  await ftz.fill('textarea[name=scope]', '产业协同、政务服务');
  await ftz.fill('textarea[name="duties.ftz"]', '委托职权');
  await ftz.fill('textarea[name="duties.county"]', '属地监管');
  await ftz.fill('textarea[name=statisticsRule]', '两种口径');
  await ftz.fill('textarea[name=meetingMechanism]', '季度联席会议');
  await ftz.fill('input[name=effectiveDate]', '2027-01-01');
  await ftz.click('form button[type=submit]');
  await ftz.waitForURL('**/#/processes/zone-210881');

  await complete(h, 'gov-210881.leader', 'zone-210881', 'reviewMemorandum', { decision: 'sign' });
  await complete(h, 'ftz.leader', 'zone-210881', 'reviewMemorandum', { decision: 'sign' });
  await complete(h, 'gov-210881.staff', 'zone-210881', 'nameManagementBody', zoneBody);

  await ftz.goto(`${h.baseUrl}/#/zones/210881`);
  const area = ftz.getByTestId('zone-area');
  await area.getByTestId('area-townships').getByText('鼓楼街道（210881001）、归州街道（210881008）').waitFor();
  await area.getByText(/盖州市示范产业园（演示）【演示数据】/).waitFor();
  await area
    .getByTestId('zone-approval')
    .getByText(/营政发〔2020〕16号/)
    .waitFor();

  // A window's application: the township list follows the county chosen.
  const window = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await window.click('a[href="#/launch"]');
  const form = '[data-testid=launch-entity-registration]';
  await window.selectOption(`${form} select[name="residence.divisionCode"]`, '210804');
  const bayuquan = await window.locator(`${form} select[name="residence.townshipCode"] option`).allTextContents();
  expect(bayuquan).toContain('红海街道（210804001）');
  expect(bayuquan.some((label) => label.includes('鼓楼街道'))).toBe(false);
  await window.selectOption(`${form} select[name="residence.divisionCode"]`, '210881');
  await window.selectOption(`${form} select[name="residence.townshipCode"]`, { label: '鼓楼街道（210881001）' });
  expect(await window.inputValue(`${form} select[name="residence.townshipCode"]`)).toBe('210881001');
  await window.selectOption(`${form} select[name="residence.parkId"]`, { label: '盖州市示范产业园（演示）【演示数据】' });
});
