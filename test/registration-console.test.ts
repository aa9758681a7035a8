import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { newUscc, readyZone } from './support/registration-flow';

let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

async function submitTask(page: Page, processId: string, action: string, fill: () => Promise<void>): Promise<void> {
  await page.goto(`${h.baseUrl}/#/inbox`);
  await page
    .locator(`tr[data-action=${action}]`, { has: page.locator(`a[href="#/processes/${processId}"]`) })
    .locator('a')
    .first()
    .click();
  await page.getByTestId('task-title').waitFor();
  await fill();
  await page.click('form button[type=submit]');
  await page.waitForURL(`**/#/processes/${processId}`);
}

test('a zone window registers a company through the console; the county consents; the registry shows it', async () => {
  const zone = await readyZone(h);
  const uscc = newUscc();
  const form = '[data-testid=launch-entity-registration]';
  const window = await loginAs(browser, h.baseUrl, `zone-${zone}.staff`);
  await window.click('a[href="#/launch"]');
  await window.fill(`${form} input[name=name]`, '营口协同区控制台测试有限公司');
  await window.fill(`${form} input[name=uscc]`, uscc);
  await window.fill(`${form} input[name="legalRepresentative.name"]`, '赵敏');
  await window.fill(`${form} input[name="legalRepresentative.idNumber"]`, '210881199001011234');
  await window.fill(`${form} input[name="legalRepresentative.phone"]`, '13804170000');
  await window.selectOption(`${form} select[name="residence.divisionCode"]`, zone);
  // The township is picked from the county's own, by name.
  await window.selectOption(`${form} select[name="residence.townshipCode"]`, { label: `${zone.slice(4)}测试一街道（${zone}001）` });
  await window.fill(`${form} [name="residence.address"]`, '协同区创业路1号');
  await window.fill(`${form} [name="businessAddresses.0.address"]`, '协同区商贸街2号');
  await window.fill(`${form} [name=businessScope]`, '食品销售');
  // Each list starts with one entry.
  await window.selectOption(`${form} select[name="licenceItems.0.variant"]`, 'conditionsMet');
  await window.selectOption(`${form} select[name="licenceItems.0.powerCode"]`, 'XK-001');
  await window.fill(`${form} [name="licenceItems.0.commitment"]`, '本企业承诺已具备食品经营条件');
  await window.click(`${form} button[type=submit]`);
  const processId = `registration-${uscc}`;
  await window.waitForURL(`**/#/processes/${processId}`);
  await window.getByTestId('stage').filter({ hasText: '待县级政府同意' }).waitFor();

  const government = await loginAs(browser, h.baseUrl, `gov-${zone}.staff`);
  await submitTask(government, processId, 'consentRegistration', async () => {
    // The company and the licence it commits to, beside the decision.
    await government.getByTestId('application').getByText('食品销售').waitFor();
    await government
      .getByTestId('application')
      .getByText(/XK-001/)
      .waitFor();
    await government.selectOption('select[name=decision]', 'agree');
  });
  await government.getByTestId('stage').filter({ hasText: '已登记' }).waitFor();

  await government.click('a[href="#/entities"]');
  await government.click(`tr[data-entity="${uscc}"] a`);
  const card = government.getByTestId('entity');
  await card.getByText('营口协同区控制台测试有限公司').waitFor();
  await card.getByText('协同区商贸街2号').waitFor();
  await government.locator(`tr[data-licence="${uscc}/XK-001"]`).getByText('待核查').waitFor();

  // The county's enforcement verifies the commitment from its inbox.
  const enforcement = await loginAs(browser, h.baseUrl, `le-${zone}.staff`);
  await submitTask(enforcement, processId, 'verifyCommitment', async () => {
    await enforcement.selectOption('select[name=result]', { label: '符合承诺' });
  });
  await enforcement.click('a[href="#/entities"]');
  await enforcement.click(`tr[data-entity="${uscc}"] a`);
  await enforcement.locator(`tr[data-licence="${uscc}/XK-001"]`).getByText('符合承诺').waitFor();
});

test('a registration refused at screening: the window that launched it sees the process and why, in Chinese', async () => {
  const zone = await readyZone(h);
  const elsewhere = await h.newCounty();
  const form = '[data-testid=launch-entity-registration]';
  const window = await loginAs(browser, h.baseUrl, `zone-${zone}.staff`);
  await window.click('a[href="#/launch"]');
  await window.fill(`${form} input[name=name]`, '营口异地住所测试有限公司');
  await window.fill(`${form} input[name="legalRepresentative.name"]`, '钱进');
  await window.fill(`${form} input[name="legalRepresentative.idNumber"]`, '210881199001011234');
  await window.fill(`${form} input[name="legalRepresentative.phone"]`, '13804170001');
  // The residence in a county that is no zone: accepted at the window, refused at screening.
  await window.selectOption(`${form} select[name="residence.divisionCode"]`, elsewhere);
  await window.selectOption(`${form} select[name="residence.townshipCode"]`, `${elsewhere}001`);
  await window.fill(`${form} [name="residence.address"]`, '测试县创业路9号');
  await window.fill(`${form} [name="businessAddresses.0.address"]`, '测试县商贸街9号');
  await window.fill(`${form} [name=businessScope]`, '食品销售');
  await window.selectOption(`${form} select[name="licenceItems.0.variant"]`, 'conditionsMet');
  await window.selectOption(`${form} select[name="licenceItems.0.powerCode"]`, 'XK-001');
  await window.fill(`${form} [name="licenceItems.0.commitment"]`, '本企业承诺已具备食品经营条件');
  await window.click(`${form} button[type=submit]`);
  await window.waitForURL('**/#/processes/registration-*');
  // Its own application: no 403 page, the stage and the reasons in words.
  await window.getByTestId('stage').filter({ hasText: '不予登记' }).waitFor();
  const refused = window.getByTestId('timeline').getByText(/不予登记：/);
  await refused.waitFor();
  expect(await refused.innerText()).toContain(`住所所在的`);
  expect(await refused.innerText()).toContain('不是协同区');
  expect(await refused.innerText()).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  expect(await window.locator('[data-testid=page-forbidden]').count()).toBe(0);
  // The process's own view words each recorded refusal for its reader (the record keeps its English).
  const id = decodeURIComponent(window.url().split('#/processes/')[1]);
  const staff = await h.as(`zone-${zone}.staff`);
  const [zh] = (await staff.get(`/api/processes/${encodeURIComponent(id)}?lang=zh`)).body.data.refusals;
  expect(zh.words).toContain('不是协同区');
  const [en] = (await staff.get(`/api/processes/${encodeURIComponent(id)}?lang=en`)).body.data.refusals;
  expect(en.words).not.toMatch(/[\u3400-\u9fff]/);
});
