import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { establish } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
let browser: Browser;
let zone: string;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  zone = await h.newCounty();
  await establish(h, zone);
}, scaled(90_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

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

const fill = async (page: Page, values: Record<string, number>) => {
  for (const [code, value] of Object.entries(values)) await page.fill(`input[name="figures.${code}.value"]`, String(value));
};

test('by clicking in Chinese: the FTZ launches the month, the zone body reports, the FTZ returns it, the zone corrects, the FTZ accepts; the statistics page shows and exports it', async () => {
  const id = 'indicators-2026-09';
  const admin = await loginAs(browser, h.baseUrl, 'ftz.admin');
  await admin.click('a[href="#/launch"]');
  const form = '[data-testid=launch-economic-indicators]';
  await admin.locator(form).getByText('月度经济指标报送').waitFor();
  await admin.fill(`${form} input[name=period]`, '2026-09');
  await admin.click(`${form} button[type=submit]`);
  await admin.waitForURL(`**/#/processes/${id}`);
  await admin.getByTestId('stage').getByText('各协同区报送中').waitFor();

  const body = await loginAs(browser, h.baseUrl, `zone-${zone}.staff`);
  await openTask(body, id, 'reportIndicators');
  expect(await body.getByTestId('task-title').innerText()).toBe('报送月度经济指标');
  await body.getByTestId('indicator-definitions').getByText('税收收入（万元）').waitFor();
  // The units come filled in from the definitions; a negative figure is refused, in Chinese, on its field.
  expect(await body.inputValue('input[name="figures.actualForeignInvestment.unit"]')).toBe('万美元');
  await fill(body, {
    newMarketEntities: 21,
    registeredCapital: 3500.5,
    taxRevenue: -8,
    importExportValue: 1200,
    actualForeignInvestment: 55.5,
  });
  await body.click('form button[type=submit]');
  const refusal = body.getByTestId('form-error');
  await refusal.getByText('税收收入：不得为负数').first().waitFor();
  expect((await (await h.as('audit.auditor')).get(`/api/indicators?period=2026-09&zone=${zone}`)).body.reports[0]).toMatchObject({
    status: 'PENDING',
    figures: null,
  });
  await fill(body, { taxRevenue: 980 });
  await submitAndWaitForProcess(body);

  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await openTask(ftz, id, 'reviewIndicators');
  expect(await ftz.locator('[data-testid=reported-figures] tr[data-indicator=taxRevenue]').innerText()).toContain('980 万元');
  await ftz.selectOption('select[name=decision]', { label: '退回修改' });
  await ftz.fill('[name=reasons]', '税收收入与税务部门快报数不符，请核实');
  await ftz.locator('fieldset[data-field=indicators] label.check', { hasText: '税收收入' }).locator('input').check();
  await submitAndWaitForProcess(ftz);

  await openTask(body, id, 'correctIndicators');
  await body.getByTestId('returned-with').getByText('税收收入与税务部门快报数不符，请核实（存疑的指标：税收收入）').waitFor();
  // The figures come back as reported, to correct the one in doubt.
  expect(await body.inputValue('input[name="figures.registeredCapital.value"]')).toBe('3500.5');
  await fill(body, { taxRevenue: 890.25 });
  await body.fill('[name=note]', '已按区税务所数据更正');
  await submitAndWaitForProcess(body);

  await openTask(ftz, id, 'reviewIndicators');
  await ftz.selectOption('select[name=decision]', { label: '予以采用' });
  await submitAndWaitForProcess(ftz);
  await ftz.getByTestId('stage').getByText('已全部采用').waitFor();
  // The process page reads in Chinese: no raw code or schema key on it, its timeline included.
  await ftz.waitForLoadState('networkidle');
  const raw = /\b(ACCEPTED|RETURNED|REVIEWING|PENDING|undefined|NaN)\b|\b[a-z]+[A-Z][A-Za-z]*\b/;
  expect(raw.exec(await ftz.locator('#content').innerText())?.[0]).toBeUndefined();

  // The month's snapshot, taken from the statistics page; then the month's figures and their export.
  await admin.click('a[href="#/statistics"]');
  await admin.fill('[data-testid=snapshot-period]', '2026-09');
  await admin.click('[data-testid=take-snapshot]');
  await admin.getByTestId('snapshot-result').getByText('已生成 2026-09 快照').waitFor();
  await admin.selectOption('[data-testid=statistics-month]', '2026-09');
  await admin.getByTestId('statistics-source').getByText('快照编号').waitFor();
  const cell = admin.locator(`[data-testid=statistics] tr[data-unit="${zone}"] td[data-indicator=taxRevenue]`);
  expect(await cell.innerText()).toBe('890.25');
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('[data-testid=export-month-xlsx]')]);
  expect(download.suggestedFilename()).toBe('统计指标-市政府考核口径-2026-09.xlsx');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path())!);
  const sheet = book.getWorksheet('统计表')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const api = (await (await h.as('ftz.admin')).get('/api/statistics?view=municipal&period=2026-09')).body;
  expect(rows.find((r) => r[0] === '快照编号')![1]).toBe(api.snapshotId);
  const header = rows.find((r) => r[0] === '单位')!;
  const line = rows.find((r) => r[1] === zone)!;
  expect(line[header.indexOf('税收收入（万元）')]).toBe(890.25);
  expect(line[header.indexOf('实际利用外资（万美元）')]).toBe(
    api.rows.find((r: { unit: string }) => r.unit === zone).indicators.actualForeignInvestment,
  );
});
