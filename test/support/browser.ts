import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness';

/** Debian's Chromium, headless, with the flags that keep it off a network it cannot reach. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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
