import { addDays } from '../domain/agreements';
import { randomUUID } from 'node:crypto';
import type { Power } from '../domain/powers';
import { applySeeds } from '../seeds/apply';
import { penaltiesDelisted } from '../seeds/catalog';
import {
  agreement,
  agreementContent,
  authority,
  concludeAgreement,
  launchAgreement,
  publishCatalog,
  today,
} from './support/agreement-flow';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { complete, establish, taskFor, timelineKinds } from './support/zone-flow';

// The catalogue process id is one per engine: every test that publishes lives in this file, in sequence.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

const powers = async (query = '') => (await (await h.as('audit.auditor')).get(`/api/powers${query}`)).body;

describe('the power catalogue', () => {
  test('version 1 is seeded as it was published, penalty powers included; the seeded version 2 delists them, and seeding again changes nothing', async () => {
    const v1 = await powers('?version=1');
    expect(v1).toMatchObject({ version: 1, status: 'SUPERSEDED', effectiveDate: '2021-01-01' });
    // Published by its effective day (China time), not at the moment this machine seeded it.
    expect(v1.publishedAt).toBe('2020-12-31T16:00:00.000Z');
    expect(v1.powers.length).toBeGreaterThanOrEqual(15);
    expect(new Set(v1.powers.map((p: Power) => p.kind))).toEqual(new Set(['licensing', 'penalty', 'inspection', 'other']));
    expect(v1.powers.every((p: Power) => p.status === 'listed')).toBe(true);

    // Penalties are imposed under local authority: a new version, never an edit of version 1, delists them.
    const v2 = await powers();
    expect(v2).toMatchObject({ version: 2, status: 'PUBLISHED', effectiveDate: penaltiesDelisted.effectiveDate });
    expect(Date.parse(v2.publishedAt)).toBeLessThanOrEqual(Date.parse(`${penaltiesDelisted.effectiveDate}T00:00:00+08:00`));
    const penaltyCodes = v1.powers.filter((p: Power) => p.kind === 'penalty').map((p: Power) => p.code);
    expect(penaltyCodes).toEqual(['CF-001', 'CF-002', 'CF-003', 'CF-004']);
    expect(v2.powers.map((p: Power) => p.code)).toEqual(v1.powers.map((p: Power) => p.code));
    expect(v2.powers.filter((p: Power) => p.status === 'delisted').map((p: Power) => p.code)).toEqual(penaltyCodes);
    expect(v2.powers.filter((p: Power) => p.kind === 'penalty' && p.status === 'listed')).toEqual([]);
    const diff = (await powers('?version=2&diffFrom=1')).diff;
    // The same version cites the acts in force on its date: the bases revised since version 1 change with it.
    expect(diff).toMatchObject({ delisted: penaltyCodes, added: [] });
    expect([...diff.changed].sort()).toEqual(
      Object.keys(penaltiesDelisted.legalBases)
        .filter((c) => !penaltyCodes.includes(c))
        .sort(),
    );
    const basis = (v: { powers: Power[] }, code: string) => v.powers.find((p) => p.code === code)?.legalBasis;
    expect(basis(v1, 'XK-010')).toBe('《中华人民共和国环境保护法》第四十五条');
    expect(basis(v2, 'XK-010')).toBe('《排污许可管理条例》第二条');

    await applySeeds(h.db);
    expect((await powers()).version).toBe(2);
    expect((await powers('?version=1')).powers).toEqual(v1.powers);
  });

  test('a draft that drops a power is refused: powers are never deleted; staff cannot approve; a return goes back to drafting', async () => {
    await (await h.as('ftz.admin')).post('/api/processes/power-catalog', {});
    const again = await (await h.as('ftz.admin')).post('/api/processes/power-catalog', {});
    expect(again.status).toBe(409);
    const draft = await taskFor(h, 'ftz.staff', 'power-catalog', 'draftCatalog');
    const prefill = (draft.context.prefill as { powers: Power[] }).powers;
    const ftz = await h.as('ftz.staff');
    // The penalty powers come delisted, and stay so: listing one again is refused, at the API and past it.
    expect(prefill.filter((p) => p.kind === 'penalty').map((p) => p.status)).toEqual(['delisted', 'delisted', 'delisted', 'delisted']);
    const relisted = prefill.map((p) => (p.code === 'CF-002' ? { ...p, status: 'listed' as const } : p));
    const penaltyListed = await ftz.post(`/api/tasks/${draft.id}/complete`, { effectiveDate: today(), powers: relisted });
    expect([penaltyListed.status, penaltyListed.body.error.reason]).toEqual([400, 'PENALTY_POWER_LISTED']);
    expect(penaltyListed.body.error.details).toEqual([
      {
        path: `body.powers.${relisted.findIndex((p) => p.code === 'CF-002')}.status`,
        message: 'CF-002: penalties are not entrusted (local enforcement imposes them under its own authority); keep it delisted',
      },
    ]);
    const ftzActor = { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] };
    const past = h.client.workflow.getHandle('power-catalog').executeUpdate('draftCatalog', {
      args: [{ actor: ftzActor, taskId: draft.id, requestId: randomUUID(), payload: { effectiveDate: today(), powers: relisted } }],
    });
    await expect(past).rejects.toMatchObject({
      cause: {
        type: 'PENALTY_POWER_LISTED',
        details: [{ params: { powerCodes: ['CF-002'] }, path: expect.stringMatching(/^body\.powers\.\d+\.status$/) }],
      },
    });
    const dropped = await ftz.post(`/api/tasks/${draft.id}/complete`, { effectiveDate: today(), powers: prefill.slice(1) });
    expect([dropped.status, dropped.body.error.reason, dropped.body.error.params]).toEqual([
      400,
      'POWERS_NEVER_DELETED',
      { powerCodes: [prefill[0].code] },
    ]);
    expect(dropped.body.error.message).toContain(`keep ${prefill[0].code}`);
    const duplicate = await ftz.post(`/api/tasks/${draft.id}/complete`, { effectiveDate: today(), powers: [...prefill, prefill[0]] });
    expect(duplicate.status).toBe(400);

    await complete(h, 'ftz.staff', 'power-catalog', 'draftCatalog', { effectiveDate: today(), powers: prefill });
    const approval = await taskFor(h, 'ftz.admin', 'power-catalog', 'approveCatalog');
    expect((await ftz.post(`/api/tasks/${approval.id}/complete`, { decision: 'approve' })).status).toBe(403);
    await complete(h, 'ftz.admin', 'power-catalog', 'approveCatalog', { decision: 'return', comments: '补充法律依据' });
    const redraft = await taskFor(h, 'ftz.staff', 'power-catalog', 'draftCatalog');
    expect(redraft.context).toMatchObject({ comments: '补充法律依据', basedOnVersion: 2 });
    await complete(h, 'ftz.staff', 'power-catalog', 'draftCatalog', { effectiveDate: today(), powers: prefill });
    const published = await complete(h, 'ftz.admin', 'power-catalog', 'approveCatalog', { decision: 'approve' });
    expect(published).toMatchObject({ stage: 'PUBLISHED', published: { version: 3, revoked: [] } });
    expect(await timelineKinds(h, 'power-catalog')).toEqual([
      'catalogLaunched',
      'catalogDrafted',
      'catalogReturned',
      'catalogDrafted',
      'catalogApproved',
      'catalogPublished',
    ]);
  });

  test('delisting a power revokes it in every agreement that holds it, from the effective date, and flags the agreement', async () => {
    const zone = await h.newCounty();
    await establish(h, zone);
    const holder = await concludeAgreement(h, zone, agreementContent([{ powerCode: 'XK-010' }, { powerCode: 'XK-009' }]));
    const effectiveDate = addDays(today(), 10);
    const before = (await powers()).version;

    const version = await publishCatalog(
      h,
      (current) => [
        ...current.map((p) =>
          p.code === 'XK-010' ? { ...p, status: 'delisted' as const } : p.code === 'XK-001' ? { ...p, verificationDays: 20 } : p,
        ),
        {
          code: 'XK-011',
          name: '大型群众性活动安全许可',
          kind: 'licensing',
          legalBasis: '《大型群众性活动安全管理条例》第十一条',
          commitmentApplicable: false,
          verificationDays: 30,
          status: 'listed',
        },
      ],
      effectiveDate,
    );
    expect(version).toBe(before + 1);

    const latest = await powers(`?diffFrom=${before}`);
    expect(latest.diff).toEqual({ from: before, added: ['XK-011'], delisted: ['XK-010'], relisted: [], changed: ['XK-001'] });
    expect((await powers(`?version=${before}`)).status).toBe('SUPERSEDED');
    expect(latest.powers.find((p: Power) => p.code === 'XK-010').status).toBe('delisted');

    expect((await agreement(h, holder)).items).toEqual([
      { powerCode: 'XK-009', scope: 'decision', revokedOn: null },
      { powerCode: 'XK-010', scope: 'decision', revokedOn: effectiveDate },
    ]);
    expect(await authority(h, zone, 'XK-010', addDays(effectiveDate, -1))).toMatchObject({ inForce: true });
    expect(await authority(h, zone, 'XK-010', effectiveDate)).toMatchObject({
      inForce: false,
      reason: expect.stringContaining('delisted'),
    });
    expect(await authority(h, zone, 'XK-009', effectiveDate)).toMatchObject({ inForce: true });
    const flagged = (await (await h.as('audit.auditor')).get(`/api/processes/${holder}`)).body;
    expect(flagged.data.flags).toEqual([{ catalogVersion: version, effectiveDate, powerCodes: ['XK-010'] }]);
    expect(await timelineKinds(h, holder)).toContain('powersRevoked');

    // A delisted power can no longer be put in an agreement.
    const other = await h.newCounty();
    await establish(h, other);
    const id = await launchAgreement(h, other);
    const task = await taskFor(h, 'ftz.staff', id, 'draftAgreement');
    const refused = await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, agreementContent([{ powerCode: 'XK-010' }]));
    expect([refused.status, refused.body.error.reason]).toEqual([400, 'POWER_DELISTED']);
    expect(refused.body.error.details[0]).toEqual({ path: 'body.items.0.powerCode', message: expect.stringContaining('is delisted') });
  });

  test('the published catalogue is public: read without a token, each power with its legal basis and how the FTZ holds it', async () => {
    const response = await h.anonymous('GET', '/api/public/powers');
    expect(response.status).toBe(200);
    const published = response.body as {
      version: number;
      powers: {
        code: string;
        legalBasis: string;
        holding: { mode: string; modeLabel: string; grantedBy: string; document: string } | null;
        entrustableOnward: boolean;
      }[];
    };
    expect(published.version).toBe((await powers()).version);
    expect(published.powers.find((p) => p.code === 'XK-001')).toMatchObject({
      legalBasis: expect.stringContaining('食品安全法'),
      holding: {
        mode: 'authorised',
        modeLabel: '授权',
        grantedBy: '营口市人民政府',
        document: expect.stringContaining('营政发〔2020〕16号'),
      },
      entrustableOnward: true,
    });
    // Held only by 委托: published as such, and no agreement may entrust it to a zone.
    expect(published.powers.find((p) => p.code === 'XK-007')).toMatchObject({
      holding: { mode: 'entrusted', modeLabel: '委托' },
      entrustableOnward: false,
    });
    const zone = await h.newCounty();
    await establish(h, zone);
    const id = await launchAgreement(h, zone);
    const task = await taskFor(h, 'ftz.staff', id, 'draftAgreement');
    const draft = await (await h.as('ftz.staff')).post(`/api/tasks/${task.id}/complete`, agreementContent([{ powerCode: 'XK-007' }]));
    expect([draft.status, draft.body.error.reason, draft.body.error.details]).toEqual([
      400,
      'POWER_NOT_ENTRUSTABLE',
      [{ path: 'body.items.0.powerCode', message: expect.stringContaining('may not entrust it onward') }],
    ]);
    // The registry routes still need a token.
    expect((await h.anonymous('GET', '/api/powers')).status).toBe(401);
  });

  test('anyone reads the published catalogue in the console, from the login page, without logging in', async () => {
    const browser = await launchBrowser();
    try {
      const page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })).newPage();
      await page.goto(`${h.baseUrl}/`);
      await page.getByTestId('public-catalog-link').click();
      const table = page.getByTestId('public-powers');
      await table.waitFor();
      expect(await page.title()).toContain('对外公布的职权清单');
      const row = (code: string) => table.locator(`tr[data-power="${code}"]`);
      expect(await row('JC-001').innerText()).toContain('（国发〔2021〕7号）');
      expect(await row('XK-001').innerText()).toMatch(/授权 · 营口市人民政府 · .*营政发〔2020〕16号/);
      expect(await row('XK-007').innerText()).toContain('否（片区系受委托行使，不得再委托）');
      // Only what is listed is published: the delisted penalty powers are not there.
      expect(await table.locator('tr[data-power^="CF-"]').count()).toBe(0);
      expect(await page.getByTestId('who').count()).toBe(0);
      await page.getByText('返回登录').click();
      await page.locator('input[name=username]').waitFor();
    } finally {
      await browser.close();
    }
  });

  test('unknown versions are a 404, bad queries a 400', async () => {
    expect((await (await h.as('audit.auditor')).get('/api/powers?version=999')).status).toBe(404);
    expect((await (await h.as('audit.auditor')).get('/api/powers?version=abc')).status).toBe(400);
    expect((await (await h.as('audit.auditor')).get('/api/authority?zone=210881&power=XK-001')).status).toBe(400);
  });
});

test('a catalogue version is drafted from the one in force and published through the console', async () => {
  const browser = await launchBrowser();
  try {
    const before = (await powers()).version;
    const admin = await loginAs(browser, h.baseUrl, 'ftz.admin');
    await admin.click('a[href="#/launch"]');
    await admin.click('[data-testid=launch-power-catalog] button[type=submit]');
    await admin.waitForURL('**/#/processes/power-catalog');

    const staff = await loginAs(browser, h.baseUrl, 'ftz.staff');
    await staff.goto(`${h.baseUrl}/#/inbox`);
    await staff.locator('tr[data-action=draftCatalog] a').first().click();
    // The draft starts from the version in force: every power is there, to keep, change or delist (penalty powers delisted already).
    expect(await staff.locator('input[name="powers.0.code"]').inputValue()).toBe('CF-001');
    expect(await staff.locator('select[name="powers.0.status"]').inputValue()).toBe('delisted');
    expect(await staff.locator('input[name="powers.4.code"]').inputValue()).toBe('JC-001');
    await staff.fill('input[name=effectiveDate]', today());
    await staff.selectOption('select[name="powers.4.status"]', 'delisted');
    await staff.click('form button[type=submit]');
    await staff.waitForURL('**/#/processes/power-catalog');

    await admin.goto(`${h.baseUrl}/#/inbox`);
    await admin.locator('tr[data-action=approveCatalog] a').first().click();
    await admin.selectOption('select[name=decision]', 'approve');
    await admin.click('form button[type=submit]');
    await admin.waitForURL('**/#/processes/power-catalog');
    await admin.getByTestId('stage').filter({ hasText: '已发布' }).waitFor();

    await admin.click('a[href="#/powers"]');
    await admin.getByTestId('catalog-diff').getByText('取消 JC-001').waitFor();
    expect((await powers()).version).toBe(before + 1);
  } finally {
    await browser.close();
  }
});
