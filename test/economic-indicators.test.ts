import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { INDICATORS_TRANSITIONS } from '../domain/economic-indicators';
import { INDICATORS } from '../domain/statistics';
import { eventually, startHarness, type Harness } from './support/harness';
import { complete, establish, expectDeclaredPath, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

let h: Harness;
let zoneA: string;
let zoneB: string;
beforeAll(async () => {
  h = await startHarness();
  zoneA = await h.newCounty();
  zoneB = await h.newCounty();
  await establish(h, zoneA);
  await establish(h, zoneB);
}, scaled(90_000));
afterAll(() => h?.stop());

/** A report as the console sends it: every figure with its value and unit. */
const figures = (values: { entities: number; capital: number; tax: number; trade: number; fdi: number }) => ({
  newMarketEntities: { value: values.entities, unit: '户' },
  registeredCapital: { value: values.capital, unit: '万元' },
  taxRevenue: { value: values.tax, unit: '万元' },
  importExportValue: { value: values.trade, unit: '万元' },
  actualForeignInvestment: { value: values.fdi, unit: '万美元' },
});
const reportA = figures({ entities: 37, capital: 1234.5, tax: 456.78, trade: 7890.12, fdi: 123.45 });
const reportB = figures({ entities: 12, capital: 800, tax: 0.1, trade: 0.2, fdi: 0 });

const launchRound = async (period: string, as = 'ftz.admin') => (await h.as(as)).post('/api/processes/economic-indicators', { period });
const reportOf = async (period: string, zone: string) =>
  (
    (await (await h.as('audit.auditor')).get(`/api/indicators?period=${period}&zone=${zone}`)).body.reports as {
      status: string;
      figures: unknown;
      returns: number;
    }[]
  )[0];

/** The export as bytes, with the caller's token: the harness's client reads JSON and text only. */
async function download(username: string, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const login = await h.anonymous('POST', '/api/auth/login', { username, password: 'demo' });
  const response = await fetch(h.baseUrl + path, { headers: { authorization: `Bearer ${login.body.token}` } });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The cell values of a worksheet, row by row, as plain values. */
function cells(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = (row.values as unknown[]).slice(1);
  });
  return Array.from(rows, (row) => row ?? []);
}

test('a zone body reports the month, the FTZ returns it once and accepts it: the figures are in both views and in the exported spreadsheet', async () => {
  const launched = await launchRound('2026-10');
  expect(launched.status).toBe(201);
  const id = launched.body.id as string;
  expect(id).toBe('indicators-2026-10');
  // The month's round runs once at a time.
  expect((await launchRound('2026-10')).status).toBe(409);

  const task = await taskFor(h, `zone-${zoneA}.staff`, id, 'reportIndicators');
  expect(task.context).toMatchObject({ period: '2026-10', zoneCode: zoneA, prefill: { figures: { taxRevenue: { unit: '万元' } } } });
  expect((task.context.definitions as { code: string; unit: string }[]).map((d) => [d.code, d.unit])).toEqual([
    ['newMarketEntities', '户'],
    ['registeredCapital', '万元'],
    ['taxRevenue', '万元'],
    ['importExportValue', '万元'],
    ['actualForeignInvestment', '万美元'],
  ]);

  // Bad figures: a clear Chinese 400 on the figure's path, and nothing changes.
  const zoneStaff = await h.as(`zone-${zoneA}.staff`);
  const negative = await zoneStaff.post(`/api/tasks/${task.id}/complete?lang=zh`, {
    figures: { ...reportA, taxRevenue: { value: -5, unit: '万元' } },
  });
  expect([negative.status, negative.body.error.reason]).toEqual([400, 'FIGURE_BELOW_MIN']);
  expect(negative.body.error.details).toEqual([{ path: 'body.figures.taxRevenue.value', message: '税收收入：不得为负数' }]);
  const negativeEn = await zoneStaff.post(`/api/tasks/${task.id}/complete`, {
    figures: { ...reportA, taxRevenue: { value: -5, unit: '万元' } },
  });
  expect(negativeEn.body.error.details).toEqual([{ path: 'body.figures.taxRevenue.value', message: 'Tax revenue: cannot be negative' }]);
  // Every cause at once, each on its field with its code.
  const wrongUnit = await zoneStaff.post(`/api/tasks/${task.id}/complete?lang=zh`, {
    figures: { ...reportA, registeredCapital: { value: 12345000, unit: '元' } },
  });
  expect(wrongUnit.status).toBe(400);
  expect(wrongUnit.body.error.details).toEqual([
    expect.objectContaining({
      path: 'body.figures.registeredCapital.value',
      reason: 'FIGURE_ABOVE_MAX',
      message: '新增注册资本：超过10000000万元，请核实是否误填',
    }),
    expect.objectContaining({
      path: 'body.figures.registeredCapital.unit',
      reason: 'FIGURE_UNIT_WRONG',
      message: '新增注册资本：计量单位应为“万元”，不是“元”',
    }),
  ]);
  const { actualForeignInvestment: _missing, ...withoutFdi } = reportA;
  const missing = await zoneStaff.post(`/api/tasks/${task.id}/complete`, { figures: withoutFdi });
  // A figure left out does not fit the schema: INVALID_INPUT naming it, its Chinese as the schema words it, English when asked.
  expect([missing.status, missing.body.error.reason, missing.body.error.params]).toEqual([
    400,
    'INVALID_INPUT',
    { fields: ['body.figures.actualForeignInvestment'] },
  ]);
  expect(missing.body.error.details).toEqual([
    { path: 'body.figures.actualForeignInvestment', message: 'Actual foreign investment: required' },
  ]);
  expect(JSON.stringify(missing.body.error)).not.toMatch(/[\u3400-\u9fff]/);
  const missingZh = await zoneStaff.post(`/api/tasks/${task.id}/complete?lang=zh`, { figures: withoutFdi });
  expect(missingZh.body.error.details).toEqual([{ path: 'body.figures.actualForeignInvestment', message: '必填：未填报该指标' }]);
  const fraction = await zoneStaff.post(`/api/tasks/${task.id}/complete?lang=zh`, {
    figures: { ...reportA, newMarketEntities: { value: 3.5, unit: '户' } },
  });
  expect(fraction.body.error.details).toEqual([{ path: 'body.figures.newMarketEntities.value', message: '新增市场主体：应为整数（户）' }]);
  // Past the API, the workflow refuses the same figures itself, without a trace.
  const past = await h.client.workflow
    .getHandle(id)
    .executeUpdate('reportIndicators', {
      args: [
        {
          actor: { userId: `zone-${zoneA}.staff`, orgId: `zone-${zoneA}`, roles: ['staff'] },
          taskId: task.id,
          requestId: randomUUID(),
          payload: { figures: { ...reportA, taxRevenue: { value: -5, unit: '万元' } } },
        },
      ],
    })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
  expect(past).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((past as WorkflowUpdateFailedError).cause).toMatchObject({
    type: 'FIGURE_BELOW_MIN',
    details: [{ params: { indicator: 'taxRevenue', min: 0, unit: '万元' }, path: 'body.figures.taxRevenue.value' }],
  });
  expect(await reportOf('2026-10', zoneA)).toMatchObject({ status: 'PENDING', figures: null, returns: 0 });
  expect(await timelineKinds(h, id)).toEqual(['indicatorsLaunched']);

  await complete(h, `zone-${zoneA}.staff`, id, 'reportIndicators', {
    figures: { ...reportA, taxRevenue: { value: 999, unit: '万元' } },
    note: '据区税务所快报',
  });
  expect(await reportOf('2026-10', zoneA)).toMatchObject({ status: 'REVIEWING', returns: 0 });
  const returned = await complete(h, 'ftz.staff', id, 'reviewIndicators', {
    decision: 'return',
    reasons: '税收收入与税务部门数据不一致，请核实',
    indicators: ['taxRevenue'],
  });
  expect(returned.zones.find((z: { zoneCode: string }) => z.zoneCode === zoneA)).toMatchObject({ status: 'RETURNED', returns: 1 });
  // Not yet accepted: nothing of it counts.
  const before = (await (await h.as('city.staff')).get('/api/statistics?view=municipal&period=2026-10&source=live')).body;
  expect(before.rows.find((r: { unit: string }) => r.unit === zoneA).indicators.taxRevenue).toBe(0);

  const correction = await taskFor(h, `zone-${zoneA}.staff`, id, 'correctIndicators');
  expect(correction.context).toMatchObject({
    reasons: '税收收入与税务部门数据不一致，请核实',
    indicators: ['taxRevenue'],
    prefill: { figures: { taxRevenue: { value: 999, unit: '万元' } } },
  });
  const unchanged = await zoneStaff.post(`/api/tasks/${correction.id}/complete`, {
    figures: { ...reportA, taxRevenue: { value: 999, unit: '万元' } },
  });
  expect([unchanged.status, unchanged.body.error.reason, unchanged.body.error.message]).toEqual([
    400,
    'INDICATORS_UNCHANGED',
    'a resubmission changes a figure, or says in the note why the figures are right',
  ]);
  expect(unchanged.body.error.details).toEqual([
    { path: 'body.note', message: 'a resubmission changes a figure, or says in the note why the figures are right' },
  ]);
  const unchangedZh = await zoneStaff.post(`/api/tasks/${correction.id}/complete?lang=zh`, {
    figures: { ...reportA, taxRevenue: { value: 999, unit: '万元' } },
  });
  expect(unchangedZh.body.error.message).toBe('重新报送须修改数值，或在备注中说明数值无误的理由');
  await complete(h, `zone-${zoneA}.staff`, id, 'correctIndicators', { figures: reportA, note: '已与税务部门核对' });
  await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'accept' });
  await complete(h, `zone-${zoneB}.staff`, id, 'reportIndicators', { figures: reportB });
  const final = await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'accept', note: '数据完整' });
  expect(final.stage).toBe('COMPLETE');
  expectDeclaredPath(final.path, INDICATORS_TRANSITIONS);
  await h.client.workflow.getHandle(id).result();
  expect(await timelineKinds(h, id)).toEqual([
    'indicatorsLaunched',
    'indicatorsReported',
    'indicatorsReturned',
    'indicatorsResubmitted',
    'indicatorsAccepted',
    'indicatorsReported',
    'indicatorsAccepted',
    'indicatorsComplete',
  ]);
  expect(await reportOf('2026-10', zoneA)).toMatchObject({ status: 'ACCEPTED', returns: 1, figures: reportA });
  // Every ACTIVE zone's report of the month is accepted: nothing is left to launch.
  expect((await launchRound('2026-10')).status).toBe(409);

  // Both views: each county its own figures; the FTZ's row merges them (0.1 + 0.2 is 0.3).
  const municipal = (await (await h.as('city.staff')).get('/api/statistics?view=municipal&period=2026-10')).body;
  const rowA = municipal.rows.find((r: { unit: string }) => r.unit === zoneA);
  expect(rowA.indicators).toMatchObject({
    newMarketEntities: 37,
    registeredCapital: 1234.5,
    taxRevenue: 456.78,
    importExportValue: 7890.12,
    actualForeignInvestment: 123.45,
  });
  expect(municipal.rows.find((r: { unit: string }) => r.unit === zoneB).indicators).toMatchObject({
    newMarketEntities: 12,
    taxRevenue: 0.1,
    importExportValue: 0.2,
  });
  const national = (await (await h.as('ftz.staff')).get('/api/statistics?view=national&period=2026-10')).body;
  expect(national.rows).toHaveLength(1);
  expect(national.rows[0].indicators).toMatchObject({
    newMarketEntities: 49,
    registeredCapital: 2034.5,
    taxRevenue: 456.88,
    importExportValue: 7890.32,
    actualForeignInvestment: 123.45,
  });

  // The month's snapshot freezes them; the export cites it by id and hash, with the API's figures.
  expect((await (await h.as('ftz.admin')).post('/api/statistics/snapshots', { period: '2026-10' })).status).toBe(201);
  const snapshot = (await (await h.as('gov-' + zoneA + '.staff')).get('/api/statistics?view=municipal&period=2026-10')).body;
  expect(snapshot).toMatchObject({
    source: 'snapshot',
    snapshotId: expect.stringMatching(/^statistics-snapshot-2026-10-/),
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
  expect(snapshot.rows).toEqual(municipal.rows);

  const file = await download(`zone-${zoneA}.staff`, '/api/statistics/export?view=municipal&period=2026-10&format=xlsx');
  expect(file.status).toBe(200);
  expect(file.type).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
  const table = cells(book.getWorksheet('统计表')!);
  const labelled = (label: string) => table.find((row) => row[0] === label)?.[1];
  expect(table[0][0]).toBe('营口自贸片区协同发展示范区统计指标（市政府考核口径）');
  expect([labelled('统计期'), labelled('数据来源'), labelled('快照编号'), labelled('快照哈希（SHA-256）')]).toEqual([
    '2026年10月',
    '月度快照',
    snapshot.snapshotId,
    snapshot.hash,
  ]);
  const head = table.findIndex((row) => row[0] === '单位');
  expect(table[head].slice(2)).toEqual(
    expect.arrayContaining(['税收收入（万元）', '实际利用外资（万美元）', '新增市场主体（户）', '市场主体注册登记（户）']),
  );
  for (const row of snapshot.rows as { unit: string; name: string; indicators: Record<string, number> }[]) {
    const line = table.find((r) => r[1] === row.unit)!;
    expect(line[0]).toBe(row.name);
    expect(line.slice(2)).toEqual(INDICATORS.map((name) => row.indicators[name]));
  }
  expect(table.find((r) => r[0] === '合计')!.slice(2)).toEqual(INDICATORS.map((name) => snapshot.total[name]));

  // The national view as CSV: UTF-8 with its mark, the FTZ's one row, the same snapshot.
  const csv = await download('audit.auditor', '/api/statistics/export?view=national&period=2026-10&format=csv');
  expect(csv.type).toContain('text/csv');
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text
    .slice(1)
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
  const nationalSnapshot = (await (await h.as('audit.auditor')).get('/api/statistics?view=national&period=2026-10')).body;
  expect(lines.find((l) => l[0] === '快照哈希（SHA-256）')![1]).toBe(nationalSnapshot.hash);
  const header = lines.find((l) => l[0] === '单位')!;
  expect(header.slice(0, 3)).toEqual(['单位', '代码', '并入的协同区']);
  const ftzLine = lines.find((l) => l[1] === 'ftz')!;
  expect(ftzLine.slice(3).map(Number)).toEqual(INDICATORS.map((name) => nationalSnapshot.rows[0].indicators[name]));
  expect(ftzLine[2].split('、').sort()).toEqual([zoneA, zoneB].sort());

  // The year: the months as published, summed, each month's source in its own sheet.
  const year = (await (await h.as('ftz.staff')).get('/api/statistics?view=national&year=2026')).body;
  expect(year.rows[0].indicators.taxRevenue).toBe(456.88);
  expect(year.months.find((m: { period: string }) => m.period === '2026-10')).toMatchObject({
    source: 'snapshot',
    snapshotId: nationalSnapshot.snapshotId,
    hash: nationalSnapshot.hash,
  });
  const yearFile = await download('ftz.staff', '/api/statistics/export?view=national&year=2026&format=xlsx');
  const yearBook = new ExcelJS.Workbook();
  await yearBook.xlsx.load(yearFile.bytes as unknown as ArrayBuffer);
  const yearTable = cells(yearBook.getWorksheet('统计表')!);
  expect(yearTable.find((r) => r[1] === 'ftz')!.slice(3)).toEqual(INDICATORS.map((name) => year.rows[0].indicators[name]));
  const sources = cells(yearBook.getWorksheet('数据来源')!);
  expect(sources[0]).toEqual(['月份', '数据来源', '快照编号', '快照哈希（SHA-256）', '快照时间']);
  expect(sources.find((r) => r[0] === '2026-10')!.slice(1, 4)).toEqual(['月度快照', nationalSnapshot.snapshotId, nationalSnapshot.hash]);
});

test('each role: only FTZ admins launch, only the zone body reports its own zone, only the FTZ checks; every organisation reads and exports', async () => {
  for (const user of ['ftz.staff', 'city.admin', `gov-${zoneA}.admin`, 'audit.auditor']) {
    expect([user, (await launchRound('2026-08', user)).status]).toEqual([user, 403]);
  }
  const id = (await launchRound('2026-08')).body.id as string;
  const report = await taskFor(h, `zone-${zoneA}.staff`, id, 'reportIndicators');
  for (const user of [`zone-${zoneB}.staff`, `gov-${zoneA}.staff`, 'ftz.staff', 'audit.auditor']) {
    expect([user, (await (await h.as(user)).post(`/api/tasks/${report.id}/complete`, { figures: reportA })).status]).toEqual([user, 403]);
  }
  await complete(h, `zone-${zoneA}.staff`, id, 'reportIndicators', { figures: reportA });
  const review = await taskFor(h, 'ftz.staff', id, 'reviewIndicators');
  for (const user of [`zone-${zoneA}.staff`, 'city.staff', 'audit.auditor']) {
    expect([user, (await (await h.as(user)).post(`/api/tasks/${review.id}/complete`, { decision: 'accept' })).status]).toEqual([user, 403]);
  }
  const noReason = await (await h.as('ftz.staff')).post(`/api/tasks/${review.id}/complete`, { decision: 'return' });
  expect([noReason.status, noReason.body.error.reason, noReason.body.error.details]).toEqual([
    400,
    'INVALID_INPUT',
    [{ path: 'body.reasons', message: 'Reasons: required' }],
  ]);
  const noReasonZh = await (await h.as('ftz.staff')).post(`/api/tasks/${review.id}/complete?lang=zh`, { decision: 'return' });
  expect(noReasonZh.body.error.details).toEqual([{ path: 'body.reasons', message: '必填：请写明退回理由' }]);
  for (const user of ['audit.auditor', `gov-${zoneB}.staff`, `le-${zoneA}.staff`, 'city.admin']) {
    expect([user, (await download(user, '/api/statistics/export?view=municipal&period=2026-08&format=csv')).status]).toEqual([user, 200]);
    expect([user, (await (await h.as(user)).get('/api/indicators?period=2026-08')).status]).toEqual([user, 200]);
  }
  expect((await h.anonymous('GET', '/api/statistics/export?view=municipal&period=2026-08')).status).toBe(401);
  const both = await (await h.as('ftz.staff')).get('/api/statistics/export?period=2026-08&year=2026');
  expect([both.status, both.body.error.reason, both.body.error.details[0].path]).toEqual([400, 'PERIOD_OR_YEAR', 'query.year']);
  const bothZh = await (await h.as('ftz.staff')).get('/api/statistics/export?period=2026-08&year=2026&lang=zh');
  expect(bothZh.body.error.details[0].message).toBe('请选择一个月份（period）或一个年度（year），二者选其一');
  // A month not over yet has no figures to report.
  const future = await launchRound('2099-01');
  expect([future.status, future.body.error.reason, future.body.error.params]).toEqual([409, 'PERIOD_NOT_ENDED', { period: '2099-01' }]);
  const inChinese = await (await h.as('ftz.admin')).post('/api/processes/economic-indicators?lang=zh', { period: '2099-01' });
  expect(inChinese.body.error.message).toBe('2099-01 尚未结束，月度经济指标在次月报送');
});

test('a late report reminds the zone body at half time and escalates to its county government and the FTZ', async () => {
  await h.setPolicy('indicators.reportPeriod', zoneB, { seconds: 2 });
  const id = (await launchRound('2026-07')).body.id as string;
  const escalated = await eventually(
    async () => {
      const rows = await h.db.query<{ org_id: string; kind: string; message: string }>(
        `SELECT org_id, kind, message FROM notifications WHERE process_id = $1 AND kind <> 'task' ORDER BY id`,
        [id],
      );
      return rows.some((r) => r.kind === 'escalation') ? rows : undefined;
    },
    20_000,
    'the escalation',
  );
  expect(escalated.map((r) => [r.org_id, r.kind])).toEqual([
    [`zone-${zoneB}`, 'reminder'],
    [`gov-${zoneB}`, 'escalation'],
    ['ftz', 'escalation'],
  ]);
  expect(escalated[1].message).toContain('已逾期');
  // Zone A's period is the default ten working days: nothing of it is late.
  expect(escalated.some((r) => r.org_id.endsWith(zoneA))).toBe(false);
  // Late is not closed: the zone body still reports, once.
  await complete(h, `zone-${zoneB}.staff`, id, 'reportIndicators', { figures: reportB });
  expect(await reportOf('2026-07', zoneB)).toMatchObject({ status: 'REVIEWING' });
});

test('a report accepted after its month was snapshotted corrects that month in the next snapshot, as the records do', async () => {
  const ftzAdmin = await h.as('ftz.admin');
  // July's round (the test before) awaits the FTZ's check of zone B's report: July is snapshotted without it.
  expect((await ftzAdmin.post('/api/statistics/snapshots', { period: '2026-07' })).status).toBe(201);
  const july = (await ftzAdmin.get('/api/statistics?view=municipal&period=2026-07')).body;
  expect(july.rows.find((r: { unit: string }) => r.unit === zoneB).indicators.newMarketEntities).toBe(0);
  await complete(h, 'ftz.staff', 'indicators-2026-07', 'reviewIndicators', { decision: 'accept' });
  expect((await ftzAdmin.post('/api/statistics/snapshots', { period: '2026-08' })).status).toBe(201);
  const august = (await ftzAdmin.get('/api/statistics?view=national&period=2026-08')).body;
  const correction = august.corrections.find((c: { period: string }) => c.period === '2026-07');
  expect(correction.rows[0].indicators).toMatchObject({
    newMarketEntities: 12,
    registeredCapital: 800,
    taxRevenue: 0.1,
    importExportValue: 0.2,
    actualForeignInvestment: 0,
  });
  // The year sums July as published since: its snapshot and this correction.
  const year = (await ftzAdmin.get('/api/statistics?view=municipal&year=2026')).body;
  expect(year.rows.find((r: { unit: string }) => r.unit === zoneB).indicators).toMatchObject({
    newMarketEntities: 24,
    registeredCapital: 1600,
  });
});

test('a round whose history fills continues as new, its zones, deadlines and returns carried; the records are one chain', async () => {
  await h.db.query(`UPDATE policies SET value = '30' WHERE key = 'workflow.historyEventLimit' AND scope = '*'`);
  try {
    const id = (await launchRound('2026-06')).body.id as string;
    await complete(h, `zone-${zoneA}.staff`, id, 'reportIndicators', { figures: { ...reportA, taxRevenue: { value: 1, unit: '万元' } } });
    for (const tax of [2, 456.78]) {
      await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'return', reasons: `第${tax}次核实` });
      await complete(h, `zone-${zoneA}.staff`, id, 'correctIndicators', {
        figures: { ...reportA, taxRevenue: { value: tax, unit: '万元' } },
      });
    }
    await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'accept' });
    await complete(h, `zone-${zoneB}.staff`, id, 'reportIndicators', { figures: reportB });
    await complete(h, 'ftz.staff', id, 'reviewIndicators', { decision: 'accept' });
    const handle = h.client.workflow.getHandle(id);
    const final = await handle.result();
    expect(final.stage).toBe('COMPLETE');
    const description = await handle.describe();
    expect(description.runId).not.toBe(description.raw.workflowExecutionInfo?.firstRunId);
    expect(await reportOf('2026-06', zoneA)).toMatchObject({ status: 'ACCEPTED', returns: 2, figures: reportA });
    const kinds = await timelineKinds(h, id);
    expect(kinds.filter((k) => k === 'indicatorsReturned')).toHaveLength(2);
    expect(kinds.at(-1)).toBe('indicatorsComplete');
  } finally {
    await h.db.query(`UPDATE policies SET value = '0' WHERE key = 'workflow.historyEventLimit' AND scope = '*'`);
  }
});
