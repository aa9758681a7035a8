import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { agreementContent, concludeAgreement, launchAgreement } from './support/agreement-flow';
import { launchBrowser } from './support/browser';
import { DEMO_PASSWORD, startHarness, type Harness } from './support/harness';
import { filePenalty, penaltyZone, reportedPenalty } from './support/penalty-flow';
import { application, applied, ENTRUSTED } from './support/registration-flow';
import { scaled } from './support/time';
import { complete, launch, memorandum } from './support/zone-flow';

/**
 * Every page and every task form of the console, in Chinese, as the people who use them: the words a
 * clerk reads (no code, no schema key, no organisation id, no English), and an axe scan at a desk's
 * and a phone's width.
 */
let h: Harness;
let browser: Browser;
let zone: string;
let uscc: string;
let decisionNumber: string;
const processIds: string[] = [];

beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
  // A zone with an agreement in force, an entity, and a task of each kind open somewhere.
  ({ zone, uscc } = await penaltyZone(h));
  processIds.push(`zone-${zone}`, await concludeAgreement(h, zone, agreementContent(ENTRUSTED.map((powerCode) => ({ powerCode })))));
  const reviewed = await reportedPenalty(h, zone, uscc);
  decisionNumber = reviewed.decisionNumber;
  const returned = await reportedPenalty(h, zone, uscc);
  await complete(h, 'ftz.staff', returned.id, 'reviewPenalty', {
    decision: 'return',
    reasons: ['documentsMissing'],
    note: '请补充送达回证',
  });
  const filed = await filePenalty(h, zone, uscc);
  processIds.push(reviewed.id, returned.id, filed.body.id);
  const awaitingConsent = await applied(h, `zone-${zone}.staff`, application(zone));
  const toVerify = await applied(h, `zone-${zone}.staff`, application(zone));
  await complete(h, `gov-${zone}.staff`, toVerify, 'consentRegistration', { decision: 'agree' });
  processIds.push(awaitingConsent, toVerify);
  const drafting = await h.newCounty();
  const reviewing = await h.newCounty();
  processIds.push(await launch(h, drafting), await launch(h, reviewing));
  await complete(h, 'ftz.staff', `zone-${reviewing}`, 'draftMemorandum', memorandum(reviewing));
  processIds.push(await launchAgreement(h, zone));
  const pilot = await (await h.as('ftz.admin')).post('/api/processes/pilot-adoption', { measureCode: 'RM-002' });
  const catalog = await (await h.as('ftz.admin')).post('/api/processes/power-catalog', {});
  processIds.push(pilot.body.id, catalog.body.id);
}, scaled(600_000));
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

/** Logged in through the login form. The axe script is injected, so this context sets the CSP aside. */
async function login(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${h.baseUrl}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('who').waitFor();
  return page;
}

/** Opens a page and waits until it has loaded: no loading line left, and something said. */
async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${h.baseUrl}/#/${path}`);
  await page.waitForFunction(() => {
    const content = document.getElementById('content');
    return (
      !document.querySelector('[data-testid=loading]') &&
      !!content &&
      !content.innerText.includes('加载中') &&
      content.innerText.trim().length > 0
    );
  });
  // A task's form waits for its process; a process page for its timeline.
  if (path.startsWith('tasks/')) await page.locator('form, .badge.done, [data-testid=read-only-task]').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/** What a Chinese reader must not meet, each with its name for the failure message. */
const FORBIDDEN_WORDS: [string, RegExp][] = [
  [
    'raw status code',
    /\b[A-Z]{2,}_[A-Z_]+\b|\b(?:ACTIVE|IN_FORCE|REGISTERED|RUNNING|COMPLETED|PUBLISHED|GRANTED|COMPLIANT|PENDING|RECOGNISED|RETURNED|REPORTED|RECORDED|WITHDRAWN|REFUSED|SUSPENDED|TERMINATED|DRAFTING|SIGNING|OPEN|ADOPTED|DECLINED|SCREENING|EXPIRED|SUPERSEDED|APPROVED|DRAFT)\b/,
  ],
  [
    'raw enum code',
    /\b(?:delisted|listed|recognise|adopt|decline|compliant|nonCompliant|conditionsMet|conditionsByDate|normalRoute|warning|fine|minor|general|serious|acceptance|review|decision|sign|return|approve|agree|refuse|licensing|inspection|penalty|open|done)\b/,
  ],
  ['schema key', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['organisation id', /\b(?:gov|le|tax|zone)-\d{6}\b(?!\.)|\btax-(?:ftz|city)\b/],
  ['English sentence', /[A-Za-z]{3,}[ ,:;]+[A-Za-z]{3,}/],
  ['broken value', /undefined|NaN|\[object Object\]|\bnull\b|Invalid Date/],
];

/** A process's id is its number (流程编号), shown as such; it is not a word to translate. */
const PROCESS_ID = /\b(?:zone|agreement|registration|penalty|pilot)-[^\s·，、：）)]+|\bpower-catalog\b/g;

async function wordsFound(page: Page): Promise<string[]> {
  const text = (await page.locator('#content').innerText()).replace(PROCESS_ID, '#');
  return FORBIDDEN_WORDS.flatMap(([name, pattern]) => {
    const found = pattern.exec(text);
    return found
      ? [`${name}: “${text.slice(Math.max(0, found.index - 20), found.index + found[0].length + 20).replace(/\s+/g, ' ')}”`]
      : [];
  });
}

const PAGES = [
  'inbox',
  // The organisation's every task, for admins and auditors; the others meet its refusal, in words.
  'task-oversight',
  'processes',
  'launch',
  'zones',
  'powers',
  'agreements',
  'entities',
  'penalties',
  'statistics',
  'pilots',
  'supervision',
  'organizations',
];
const detailPages = () => [
  `zones/${zone}`,
  `entities/${uscc}`,
  `penalties/${encodeURIComponent(decisionNumber)}`,
  ...processIds.map((id) => `processes/${encodeURIComponent(id)}`),
];

/**
 * The tasks in this user's inbox, as the inbox links them; for an admin or an auditor those of the
 * 督查 page too, where the tasks they read but do not complete are (their task pages say so).
 */
async function inboxTasks(page: Page, username: string): Promise<string[]> {
  const links: string[] = [];
  for (const list of /\.(admin|auditor)$/.test(username) ? ['inbox', 'task-oversight'] : ['inbox']) {
    await visit(page, list);
    links.push(
      ...(await page
        .locator('tr[data-task] a[href^="#/tasks/"]')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!.slice(2)))),
    );
  }
  return [...new Set(links)];
}

const USERS = () => [
  'ftz.admin',
  'ftz.staff',
  `gov-${zone}.staff`,
  `le-${zone}.staff`,
  `zone-${zone}.staff`,
  'audit.auditor',
  'city.admin',
];

test(
  'every page and every task form, in Chinese, as the FTZ, a county, its enforcement, its zone body, the city and an auditor: words, not codes',
  async () => {
    const problems: string[] = [];
    let tasksSeen = 0;
    for (const username of USERS()) {
      const page = await login(username);
      const tasks = await inboxTasks(page, username);
      tasksSeen += tasks.length;
      for (const path of [...PAGES, ...detailPages(), ...tasks]) {
        await visit(page, path);
        for (const found of await wordsFound(page)) {
          // The registry of organisations has a column for their codes, beside their names.
          if (path === 'organizations' && found.startsWith('organisation id')) continue;
          problems.push(`${username} #/${decodeURIComponent(path)}: ${found}`);
        }
      }
      await page.context().close();
    }
    // The fixture left a task open for every user who has any: the forms were crawled, not just the lists.
    expect(tasksSeen).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  },
  scaled(600_000),
);

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical accessibility violations of the page as it is now. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}) at ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
  return violations;
}

test(
  'an axe scan of every page and task form finds no serious or critical violation, at 1440 px and at 390 px',
  async () => {
    const problems: string[] = [];
    // Every page as the FTZ's admin, who reads them all; each task form as the user it is addressed to.
    const scans: [string, string[]][] = [['ftz.admin', [...PAGES, ...detailPages()]]];
    for (const username of ['ftz.staff', `gov-${zone}.staff`, `le-${zone}.staff`, `zone-${zone}.staff`]) scans.push([username, []]);
    for (const [username, paths] of scans) {
      const page = await login(username);
      const tasks = paths.length ? [] : await inboxTasks(page, username);
      for (const path of [...paths, ...tasks]) {
        for (const [width, height] of [
          [1440, 900],
          [390, 844],
        ]) {
          await page.setViewportSize({ width, height });
          await visit(page, path);
          for (const found of await axeViolations(page)) problems.push(`${username} #/${decodeURIComponent(path)} at ${width}px: ${found}`);
        }
      }
      // The login page too, before anyone is signed in.
      if (username === 'ftz.admin') {
        const anonymous = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', bypassCSP: true });
        const loginPage = await anonymous.newPage();
        await loginPage.goto(`${h.baseUrl}/#/login`);
        await loginPage.locator('input[name=username]').waitFor();
        for (const found of await axeViolations(loginPage)) problems.push(`#/login: ${found}`);
        await anonymous.close();
      }
      await page.context().close();
    }
    expect(problems).toEqual([]);
  },
  scaled(600_000),
);
