/**
 * A zone is the area its memorandum draws ("具体设定区域以…签署协同发展备忘录为准"), not its county; the
 * city's approval (批复) comes before the memorandum, the first batch's being the policy itself.
 * 盖州市 (210881) is the policy's own case: a real county with the real township data.
 */
import { addDays } from '../domain/agreements';
import { today } from './support/agreement-flow';
import { startHarness, type Harness } from './support/harness';
import { application, apply, applied, entity, readyZone, registration } from './support/registration-flow';
import { approval, area, complete, launch, memorandum, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

const GAIZHOU = '210881';
/** 鼓楼街道 and 西城街道 are drawn into the 盖州 zone by default; 东城街道 and 太阳升街道 are not. */
const GULOU = '210881001';
const XICHENG = '210881002';
const DONGCHENG = '210881003';
const TAIYANGSHENG = '210881004';

let h: Harness;
let zoneProcess: string;
beforeAll(async () => {
  h = await startHarness();
  await readyZone(h, GAIZHOU);
  zoneProcess = `zone-${GAIZHOU}`;
}, scaled(180_000));
afterAll(() => h?.stop());

const gaizhouApp = (townshipCode: string, name: string) =>
  application(GAIZHOU, { name, residence: { divisionCode: GAIZHOU, townshipCode, address: `营口市盖州市${name}住所1号` } });

const containing = async (township: string, on?: string) =>
  (await (await h.as('ftz.staff')).get(`/api/zones/containing?township=${township}${on ? `&on=${on}` : ''}`)).body;

/** Both sides sign an amendment drawing `townshipCodes`, effective `effectiveDate`. */
async function amend(townshipCodes: string[], effectiveDate: string, reason: string): Promise<void> {
  const proposed = await (await h.as(`gov-${GAIZHOU}.admin`)).post(`/api/processes/${zoneProcess}/actions/proposeAmendment`, { reason });
  expect(proposed.status).toBe(200);
  await complete(
    h,
    'ftz.staff',
    zoneProcess,
    'draftMemorandum',
    memorandum(GAIZHOU, { boundary: area(GAIZHOU, { townshipCodes }), effectiveDate }),
  );
  await complete(h, 'ftz.leader', zoneProcess, 'reviewMemorandum', { decision: 'sign' });
  const signed = await complete(h, `gov-${GAIZHOU}.leader`, zoneProcess, 'reviewMemorandum', { decision: 'sign' });
  expect(signed.stage).toBe('ACTIVE');
}

describe('division data', () => {
  test('the 2023 统计用区划代码: 70 township units of Yingkou, each under its county, the edition and its source named', async () => {
    const user = await h.as('gov-210881.staff');
    const counties = (await user.get('/api/divisions')).body.items.filter((d: { level: string }) => d.level === 'county');
    expect(counties).toHaveLength(6);
    let total = 0;
    for (const county of counties as { code: string }[]) {
      const { body } = await user.get(`/api/divisions?county=${county.code}`);
      expect(
        body.items.every(
          (t: { parentCode: string; level: string; code: string }) =>
            t.parentCode === county.code && t.level === 'township' && t.code.startsWith(county.code),
        ),
      ).toBe(true);
      total += body.items.length;
    }
    expect(total).toBe(70);
    const gaizhou = (await user.get(`/api/divisions?county=${GAIZHOU}`)).body;
    expect(gaizhou.items.find((t: { code: string }) => t.code === GULOU)).toMatchObject({
      nameZh: '鼓楼街道',
      edition: '统计用区划代码2023',
    });
    expect(gaizhou.editions).toEqual([
      expect.objectContaining({ edition: '统计用区划代码2023', asOf: '2023-06-30', source: expect.stringContaining('统计用区划代码') }),
    ]);
    // The FTZ's own core is such a unit too, in 西市区.
    expect((await user.get('/api/divisions?county=210803')).body.items.map((t: { nameZh: string }) => t.nameZh)).toContain(
      '辽宁自贸区营口片区',
    );
    const parks = (await user.get(`/api/parks?county=${GAIZHOU}`)).body;
    expect(parks.length).toBeGreaterThan(0);
    expect(parks.every((p: { demo: boolean; source: string }) => p.demo && p.source.includes('演示'))).toBe(true);
  });
});

describe('the city approval before the memorandum', () => {
  test('a county outside the first batch is not launched without the approval; with it, the approval is recorded', async () => {
    const county = await h.newCounty();
    const city = await h.as('city.admin');
    const refused = await city.post('/api/processes/zone-establishment', { countyCode: county });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ reason: 'APPROVAL_NEEDED', params: { countyCode: county } });
    expect(refused.body.error.message).toMatch(/^a county outside the first batch needs the city’s approval/);
    const inChinese = await city.post('/api/processes/zone-establishment?lang=zh', { countyCode: county });
    expect(inChinese.body.error.message).toMatch(/^须录入市政府批复：.+不在营政发〔2020〕16号确定的首批协同区之列/);
    expect(inChinese.body.error.details).toEqual([{ path: 'body.approval', message: expect.stringContaining('首批协同区') }]);
    // Nothing was started: the county is still free to launch.
    expect(
      await h.client.workflow
        .getHandle(`zone-${county}`)
        .describe()
        .catch(() => null),
    ).toBeNull();
    const future = await city.post('/api/processes/zone-establishment', {
      countyCode: county,
      approval: { documentNumber: '营政〔2026〕9号', approvedOn: addDays(today(), 3) },
    });
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ reason: 'DATED_AFTER_TODAY', params: { field: 'body.approval.approvedOn', today: today() } });
    expect(future.body.error.details).toEqual([
      { path: 'body.approval.approvedOn', message: expect.stringContaining('cannot be after today') },
    ]);

    const id = await launch(h, county);
    const process = (await (await h.as('audit.auditor')).get(`/api/processes/${id}`)).body;
    expect(process.data.approval).toEqual(approval(county));
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline?lang=zh`)).body as {
      kind: string;
      summary: string;
    }[];
    expect(timeline.find((e) => e.kind === 'launched')?.summary).toContain(`市政府批复 ${approval(county).documentNumber}`);
  });

  test('盖州市, of the first batch, is approved by the policy itself: 营政发〔2020〕16号, filled in at launch', async () => {
    const zone = (await (await h.as('city.staff')).get(`/api/zones/${GAIZHOU}`)).body;
    expect(zone.approval).toEqual({ documentNumber: '营政发〔2020〕16号', approvedOn: '2020-11-10' });
  });
});

describe('the memorandum draws the zone', () => {
  test("the area is drawn from the county's own townships and parks, never another county's or an empty one", async () => {
    const county = await h.newCounty();
    const id = await launch(h, county);
    const draft = await taskFor(h, 'ftz.staff', id, 'draftMemorandum');
    const ftz = await h.as('ftz.staff');
    const foreign = await ftz.post(
      `/api/tasks/${draft.id}/complete?lang=zh`,
      memorandum(county, { boundary: area(county, { townshipCodes: [`${county}001`, DONGCHENG] }) }),
    );
    expect([foreign.status, foreign.body.error.reason]).toEqual([400, 'TOWNSHIP_NOT_OF_COUNTY']);
    expect(foreign.body.error.details).toEqual([
      { path: 'body.boundary.townshipCodes.1', message: `${DONGCHENG} 不是本县（市、区）${county} 的乡镇（街道）` },
    ]);
    const empty = await ftz.post(`/api/tasks/${draft.id}/complete`, memorandum(county, { boundary: area(county, { townshipCodes: [] }) }));
    expect(empty.status).toBe(400);
    expect(empty.body.error.details[0].path).toBe('body.boundary.townshipCodes');
    const withPark = await ftz.post(
      `/api/tasks/${draft.id}/complete`,
      memorandum(county, { boundary: area(county, { townshipCodes: [], parkIds: [`P-${county}-01`] }) }),
    );
    expect(withPark.status).toBe(200);
  });

  test('GET /api/zones/{code} shows the area signed, its townships named', async () => {
    const zone = (await (await h.as('le-210881.staff')).get(`/api/zones/${GAIZHOU}`)).body;
    expect(zone.area).toMatchObject({ memorandumVersion: 1, effectiveFrom: expect.any(String), areaKm2: 12.5 });
    expect(zone.area.townships.map((t: { nameZh: string }) => t.nameZh)).toEqual(['鼓楼街道', '西城街道']);
  });

  test('a residence in 盖州市 outside the signed area is refused at screening with that reason; one inside is registered', async () => {
    const outside = gaizhouApp(DONGCHENG, '营口东城测试贸易有限公司');
    const refusedId = await applied(h, 'ftz.staff', outside);
    const refused = await registration(h, refusedId, (r) => r.stage === 'REFUSED');
    expect(refused.refusals.map((r) => r.code)).toEqual(['residence-outside-zone-area']);
    expect(refused.refusals[0].message).toContain('东城街道（210881003）不在营口自贸片区盖州市协同发展示范区备忘录第 1 版所划区域');

    const inside = gaizhouApp(GULOU, '营口鼓楼测试贸易有限公司');
    const id = await applied(h, 'ftz.staff', inside);
    await complete(h, `gov-${GAIZHOU}.staff`, id, 'consentRegistration', { decision: 'agree' });
    expect(await entity(h, inside.uscc!)).toMatchObject({ status: 'REGISTERED', zoneCode: GAIZHOU, residence: { townshipCode: GULOU } });
  });

  test('a residence whose township is unknown or of another county is a 400 in Chinese, and starts nothing', async () => {
    const unknown = gaizhouApp('210881999', '营口未知乡镇测试有限公司');
    const first = await apply(h, 'ftz.staff', unknown);
    expect(first.status).toBe(400);
    expect(first.body.error).toMatchObject({ reason: 'TOWNSHIP_UNKNOWN', params: { townshipCode: '210881999' } });
    expect(first.body.error.details).toEqual([
      { path: 'body.residence.townshipCode', message: 'township 210881999 is not in the division data' },
    ]);
    const elsewhere = gaizhouApp('210804001', '营口跨县测试有限公司');
    const second = await apply(h, 'ftz.staff', elsewhere);
    expect(second.status).toBe(400);
    expect(second.body.error.params).toEqual({ townshipCode: '210804001', countyCode: GAIZHOU, ofCountyCode: '210804' });
    const inChinese = await (await h.as('ftz.staff')).post('/api/processes/entity-registration?lang=zh', elsewhere);
    expect(inChinese.body.error.details).toEqual([
      { path: 'body.residence.townshipCode', message: '乡镇（街道）210804001 属于鲅鱼圈区，不属于所填的盖州市' },
    ]);
    const parkElsewhere = application(GAIZHOU, {
      residence: { divisionCode: GAIZHOU, townshipCode: GULOU, parkId: 'P-210804-01', address: '某路1号' },
    });
    expect((await apply(h, 'ftz.staff', parkElsewhere)).body.error.details[0].path).toBe('body.residence.parkId');
    for (const app of [unknown, elsewhere, parkElsewhere]) {
      expect(
        await h.client.workflow
          .getHandle(`registration-${app.uscc}`)
          .describe()
          .catch(() => null),
      ).toBeNull();
    }
  });

  test('an amendment moving a township in changes membership from its date; entities registered stay registered', async () => {
    const day = today();
    const yesterday = addDays(day, -1);
    const tomorrow = addDays(day, 1);
    // Registered in 西城街道 while it is drawn in.
    const early = gaizhouApp(XICHENG, '营口西城早登记测试有限公司');
    const earlyId = await applied(h, 'ftz.staff', early);
    await complete(h, `gov-${GAIZHOU}.staff`, earlyId, 'consentRegistration', { decision: 'agree' });
    expect((await containing(DONGCHENG)).zone).toBeNull();
    expect((await containing(XICHENG, day)).zone).toMatchObject({ code: GAIZHOU, memorandumVersion: 1 });

    // From today: 东城街道 in, 西城街道 out.
    await amend([GULOU, DONGCHENG], day, '东城街道划入，西城街道划出');
    expect((await containing(DONGCHENG, yesterday)).zone).toBeNull();
    expect((await containing(DONGCHENG, day)).zone).toMatchObject({ code: GAIZHOU, memorandumVersion: 2, areaFrom: day });
    // Before the zone was signed (today) no area applied at all.
    expect((await containing(XICHENG, yesterday)).reason).toContain('尚未适用');
    const out = await containing(XICHENG, day);
    expect(out.zone).toBeNull();
    expect(out.reason).toContain('西城街道不在营口自贸片区盖州市协同发展示范区备忘录第 2 版所划区域内');

    const movedIn = gaizhouApp(DONGCHENG, '营口东城新登记测试有限公司');
    const inId = await applied(h, 'ftz.staff', movedIn);
    await complete(h, `gov-${GAIZHOU}.staff`, inId, 'consentRegistration', { decision: 'agree' });
    expect((await entity(h, movedIn.uscc!)).status).toBe('REGISTERED');
    const movedOut = await registration(
      h,
      await applied(h, 'ftz.staff', gaizhouApp(XICHENG, '营口西城晚申请测试有限公司')),
      (r) => r.stage === 'REFUSED',
    );
    expect(movedOut.refusals.map((r) => r.code)).toEqual(['residence-outside-zone-area']);
    expect((await entity(h, early.uscc!)).status).toBe('REGISTERED');

    // From tomorrow: 太阳升街道 in as well; today it is still outside.
    await amend([GULOU, DONGCHENG, TAIYANGSHENG], tomorrow, '太阳升街道划入');
    expect((await containing(TAIYANGSHENG, day)).zone).toBeNull();
    expect((await containing(TAIYANGSHENG, tomorrow)).zone).toMatchObject({ code: GAIZHOU, memorandumVersion: 3, areaFrom: tomorrow });
    const early3 = await registration(
      h,
      await applied(h, 'ftz.staff', gaizhouApp(TAIYANGSHENG, '营口太阳升测试有限公司')),
      (r) => r.stage === 'REFUSED',
    );
    expect(early3.refusals[0].message).toContain('第 2 版');
    const zone = (await (await h.as('audit.auditor')).get(`/api/zones/${GAIZHOU}`)).body;
    expect(zone.area.memorandumVersion).toBe(2);
    expect(
      zone.areaVersions.map((v: { memorandumVersion: number; effectiveFrom: string }) => [v.memorandumVersion, v.effectiveFrom]),
    ).toEqual([
      [1, expect.any(String)],
      [2, day],
      [3, tomorrow],
    ]);
  });

  test('a township of a county with no zone is in none, and an unknown township is a 400', async () => {
    expect(await containing('210882003')).toMatchObject({ zone: null, reason: '210882 没有协同区' });
    const unknown = await (await h.as('ftz.staff')).get('/api/zones/containing?township=210881999');
    expect([unknown.status, unknown.body.error.reason, unknown.body.error.params]).toEqual([
      400,
      'TOWNSHIP_UNKNOWN',
      { townshipCode: '210881999' },
    ]);
    expect(unknown.body.error.details).toEqual([{ path: 'query.township', message: 'township 210881999 is not in the division data' }]);
    const unknownZh = await (await h.as('ftz.staff')).get('/api/zones/containing?township=210881999&lang=zh');
    expect(unknownZh.body.error.message).toBe('乡镇（街道）代码 210881999 不在区划数据中');
  });
});
