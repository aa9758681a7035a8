import type { Browser, Page } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { penaltyRecord, penaltyZone, reportDocument, reportedPenalty } from './support/penalty-flow';
import { application, applied, readyZone } from './support/registration-flow';
import { entity as registeredIn } from './support/statistics-fixtures';
import { complete, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
let browser: Browser;
/** A zone where a company registered through P3, and one with an entity its enforcement penalises under its own authority. */
let registrationZone: string;
let penalty: { zone: string; uscc: string };
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  const [zone, withPenalties] = await Promise.all([readyZone(h), penaltyZone(h)]);
  registrationZone = zone;
  penalty = withPenalties;
  const id = await applied(h, `zone-${zone}.staff`, application(zone));
  await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
}, scaled(120_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** The figures of one table row, indicator by indicator, as the page shows them. */
async function rowFigures(page: Page, table: string, unit: string): Promise<Record<string, number>> {
  const cells = page.locator(`[data-testid="${table}"] tr[data-unit="${unit}"] [data-indicator]`);
  const pairs = await cells.evaluateAll((all) => all.map((cell) => [cell.getAttribute('data-indicator'), Number(cell.textContent)]));
  return Object.fromEntries(pairs) as Record<string, number>;
}

test('a penalty returned once and then recognised: the list, its returns, held times and credit publication', async () => {
  const { id, decisionNumber } = await reportedPenalty(h, penalty.zone, penalty.uscc);
  await complete(h, 'ftz.staff', id, 'reviewPenalty', { decision: 'return', reasons: ['documentsMissing'], note: '请补正送达回证' });
  const correction = await taskFor(h, `zone-${penalty.zone}.staff`, id, 'correctPenalty');
  await complete(h, `zone-${penalty.zone}.staff`, id, 'correctPenalty', {
    ...(correction.context.prefill as object),
    documents: [reportDocument('decision', '行政处罚决定书'), reportDocument('delivery', '送达回证')],
  });
  await complete(h, 'ftz.leader', id, 'reviewPenalty', { decision: 'recognise', note: '补正后予以认可' });
  const record = await penaltyRecord(h, decisionNumber);
  const credit = record.creditRecords.find((c: { id: string }) => c.id === record.creditRecordId);

  const page = await loginAs(browser, h.baseUrl, 'city.staff');
  await page.click('a[href="#/penalties"]');
  // Filtering by status keeps it; filtering by another zone drops it.
  await page.selectOption('[data-testid=penalty-status]', 'RECOGNISED');
  const row = page.locator(`tr[data-penalty="${decisionNumber}"]`);
  await row.getByText('已认可').waitFor();
  await page.selectOption('[data-testid=penalty-zone]', registrationZone);
  await row.waitFor({ state: 'detached' });
  await page.selectOption('[data-testid=penalty-zone]', penalty.zone);
  // The last column counts the returns for correction: named so, beside the reviews numbered 1 and 2.
  await page.getByTestId('penalties').getByRole('columnheader', { name: '退回补正次数' }).waitFor();
  await expect(row.locator('td').last().textContent()).resolves.toBe('1');
  await row.getByRole('link', { name: decisionNumber }).click();

  const card = page.getByTestId('penalty');
  await card.getByText('已认可').waitFor();
  await page.locator('tr[data-round="1"]').getByText('材料不全').waitFor();
  await page.locator('tr[data-round="1"]').getByText('请补正送达回证').waitFor();
  await page.locator('tr[data-round="2"]').getByText('予以认可', { exact: true }).waitFor();
  await page.locator('tr[data-round="2"]').getByText('ftz.leader').waitFor();
  await card.getByText('罚款 50,000 元').waitFor();
  await page.getByTestId('held-times').getByText('协同区').waitFor();
  const published = page.locator(`[data-credit="${record.creditRecordId}"][data-own=true]`);
  await published.getByText('公示中').waitFor();
  await published.getByText(`${credit.publicationFrom} – ${credit.publicationUntil}`).waitFor();

  // The same page in English.
  await page.click('[data-testid=language]');
  await page.locator('tr[data-round="1"]').getByText('Documents missing').waitFor();
  await published.getByText('Published').waitFor();
  await page.click('[data-testid=language]');

  // Links to the process and to the entity.
  await page.getByTestId('penalty-process').click();
  await page.waitForURL(`**/#/processes/${encodeURIComponent(id)}`);
  await page.getByTestId('stage').waitFor();
  await page.goBack();
  await page.getByTestId('penalty-entity').click();
  await page.getByTestId('entity').getByText(penalty.uscc).waitFor();
});

test('statistics: the national row is the sum of the municipal rows; a snapshot is taken once and carries corrections', async () => {
  const admin = await h.as('ftz.admin');
  expect((await admin.post('/api/statistics/snapshots', { period: '2025-02' })).status).toBe(201);
  // A registration of February that arrives after its snapshot: corrected in the next one.
  await registeredIn(h.db, registrationZone, '2025-02-15T10:00:00+08:00');

  const page = await loginAs(browser, h.baseUrl, 'ftz.admin');
  await page.click('a[href="#/statistics"]');
  const table = page.getByTestId('statistics');
  await table.locator(`tr[data-unit="${registrationZone}"]`).waitFor();
  await table.locator(`tr[data-unit="${penalty.zone}"]`).waitFor();
  const units = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')!).filter((u) => u !== 'total'));
  const municipal = await Promise.all(units.map((unit) => rowFigures(page, 'statistics', unit)));
  expect(municipal.reduce((n, row) => n + row.registrations, 0)).toBeGreaterThan(0);

  await page.click('[data-testid=view-national]');
  await table.locator('tr[data-unit="ftz"]').getByText(registrationZone).waitFor();
  await expect(table.locator('tbody tr').count()).resolves.toBe(2);
  const national = await rowFigures(page, 'statistics', 'ftz');
  for (const [name, value] of Object.entries(national))
    expect([name, value]).toEqual([name, municipal.reduce((n, row) => n + row[name], 0)]);

  // March is taken by the button; asked again, the refusal is shown.
  await page.click('[data-testid=view-municipal]');
  await page.fill('[data-testid=snapshot-period]', '2025-03');
  await page.click('[data-testid=take-snapshot]');
  await page.getByTestId('snapshot-result').getByText('已生成 2025-03 快照').waitFor();
  await page.click('[data-testid=take-snapshot]');
  await page.locator('[data-testid=snapshot-result].error').getByText('不再更改').waitFor();

  await page.selectOption('[data-testid=statistics-month]', '2025-03');
  await page.getByTestId('statistics-source').getByText('快照生成于').waitFor();
  await page.getByTestId('correction-2025-02').waitFor();
  expect((await rowFigures(page, 'correction-2025-02', registrationZone)).registrations).toBe(1);
});

test('pilots: the matrix shows which zone adopted a measure and which has yet to decide', async () => {
  // A measure code of this file's own: pilot process ids are unique on the run's shared engine.
  const measureCode = `RM-7${penalty.zone.slice(4)}`;
  const listing = { titleZh: '跨区域通办', titleEn: 'Cross-zone services', grantedBy: '辽宁省人民政府', grantedOn: '2024-06-01' };
  const launched = await (await h.as('ftz.admin')).post('/api/processes/pilot-adoption', { measureCode, listing });
  expect(launched.status).toBe(201);
  await complete(h, `gov-${registrationZone}.staff`, launched.body.id, 'decidePilot', {
    decision: 'adopt',
    date: '2026-05-01',
    note: '自5月起实施',
  });

  const page = await loginAs(browser, h.baseUrl, 'audit.auditor');
  await page.click('a[href="#/pilots"]');
  const row = page.locator(`tr[data-measure="${measureCode}"]`);
  await row.getByText('跨区域通办').waitFor();
  await row.locator(`td[data-zone="${registrationZone}"][data-status=ADOPTED]`).getByText('2026-05-01').waitFor();
  await row.locator(`td[data-zone="${penalty.zone}"][data-status=PENDING]`).getByText('待决定').waitFor();
});
