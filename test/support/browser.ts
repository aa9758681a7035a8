import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness';
import { scaled } from './time';

/**
 * How long a click, a navigation or a wait for an element may take: Playwright's 30 s, scaled with
 * the machine's load like every other limit of the suite (test/support/time.ts).
 */
const BROWSER_TIMEOUT = scaled(30_000);

/**
 * Debian's Chromium, headless, with the flags that keep it off a network it cannot reach; every
 * context it opens (`newContext`, or `newPage`'s own) waits up to BROWSER_TIMEOUT.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The browser of a clerk in China: its own controls (a date field's 年/月/日, 选择文件) in Chinese
      // too (Debian's chromium-l10n, scripts/install-prerequisites.sh).
      '--lang=zh-CN',
    ],
    env: { ...process.env, LANGUAGE: 'zh_CN' },
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(BROWSER_TIMEOUT);
    context.setDefaultNavigationTimeout(BROWSER_TIMEOUT);
    return context;
  };
  return browser;
}

/** A fresh browser context (its own storage) logged in through the login page. */
export async function loginAs(browser: Browser, baseUrl: string, username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1100 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.getByTestId('who').waitFor();
  return page;
}
