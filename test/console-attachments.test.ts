import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { launchBrowser, loginAs } from './support/browser';
import { startHarness, type Harness } from './support/harness';
import { launch, taskFor } from './support/zone-flow';

/** By clicking, in Chinese: the FTZ's staff attach a map to their draft, see it listed, and open it; a page posing as a PDF is refused in words. */
let h: Harness;
let browser: Browser;
beforeAll(async () => {
  [h, browser] = await Promise.all([startHarness(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await h?.stop();
});

const MAP = Buffer.from('%PDF-1.4\n% 协同区四至图\n%%EOF\n');

test('a file is uploaded to a task, listed on the task and the process, and opened as a download', async () => {
  const county = await h.newCounty();
  const processId = await launch(h, county);
  const task = await taskFor(h, 'ftz.staff', processId, 'draftMemorandum');
  const ftz = await loginAs(browser, h.baseUrl, 'ftz.staff');
  await ftz.goto(`${h.baseUrl}/#/tasks/${encodeURIComponent(task.id)}`);
  const form = ftz.getByTestId('attachment-upload');
  await form.getByText('附件').waitFor();

  // An HTML page named .pdf: refused, with the reason in Chinese.
  await form
    .locator('input[type=file]')
    .setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><body>x</body></html>') });
  await form.getByRole('button', { name: '上传' }).click();
  await form.getByTestId('attachment-message').filter({ hasText: '文件内容不是声明的类型' }).waitFor();

  await form.locator('input[type=file]').setInputFiles({ name: '协同区四至图.pdf', mimeType: 'application/pdf', buffer: MAP });
  await form.locator('select[name=purpose]').selectOption('map');
  await form.getByRole('button', { name: '上传' }).click();
  await form.getByTestId('attachment-message').filter({ hasText: '已上传' }).waitFor();
  const sha256 = createHash('sha256').update(MAP).digest('hex');
  await ftz.locator(`[data-testid=attachments] li[data-sha256="${sha256}"]`).getByText('地图').waitFor();

  // The county's government sees it on the process page and opens it: a download, the same bytes.
  const government = await loginAs(browser, h.baseUrl, `gov-${county}.staff`);
  await government.goto(`${h.baseUrl}/#/processes/${processId}`);
  const link = government.locator(`[data-testid=attachments] li[data-sha256="${sha256}"] a`);
  await link.getByText('协同区四至图.pdf').waitFor();
  const [download] = await Promise.all([government.waitForEvent('download'), link.click()]);
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path!).equals(MAP)).toBe(true);
});
