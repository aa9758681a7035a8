import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where a run's screenshots land: SCREENSHOT_DIR, else the run's folder. */
const shots = process.env.SCREENSHOT_DIR ?? join(process.env.TEST_RUN_DIR ?? '.', 'screenshots');

/**
 * The page as it shows now, top first, saved as `<name>.png`. With UPDATE_SCREENSHOTS=1 a shot the
 * README shows (`readmeName`) also replaces its file in docs/screenshots, so the README is refreshed
 * by running the tests that click to these states, never by hand.
 */
export async function screenshot(page: Page, name: string, readmeName?: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  const file = join(shots, `${name}.png`);
  // Not fullPage: its resizing of the viewport makes Chromium drop the next click.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: file });
  expect(statSync(file).size).toBeGreaterThan(10_000);
  if (readmeName && process.env.UPDATE_SCREENSHOTS === '1')
    copyFileSync(file, join(__dirname, '..', '..', 'docs', 'screenshots', `${readmeName}.png`));
}
