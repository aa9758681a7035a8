import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../platform/root';
import { collect, discriminator, flatten, variants, type Schema, type Values } from '../web/components/schema-values';
import { launchBrowser } from './support/browser';
import { formPayloads, forms } from './support/form-samples';

/**
 * The console's form renderer as a clerk meets it: every action's and launch's schema rendered by
 * SchemaForm in Chromium (zh-CN), valid payloads typed and picked into it field by field, the submit
 * button pressed. What the form sends must be exactly the payload; a wrong field must show a Chinese
 * message on that field and send nothing.
 */

/** The renderer alone, mounted on a blank page: `mountForm(schema)` shows a form, what it sends lands in `submitted`. */
const LAB = `
import { h, render } from 'preact';
import { SchemaForm } from './SchemaForm';
window.mountForm = (schema) => {
  const root = document.getElementById('root');
  render(null, root);
  window.submitted = [];
  render(h(SchemaForm, { schema, submit: async (payload) => { window.submitted.push(payload); } }), root);
};
`;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  const bundle = await build({
    stdin: { contents: LAB, resolveDir: join(ROOT, 'web', 'components'), loader: 'tsx' },
    bundle: true,
    write: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  browser = await launchBrowser();
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  // Served from an origin of its own (never fetched: the route answers), so the console's code may keep its language in localStorage.
  const html = `<!doctype html><html lang="zh-CN"><body><div id="root"></div><script>${bundle.outputFiles[0].text}</script></body></html>`;
  await page.route('http://form-lab.invalid/', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('http://form-lab.invalid/');
});
afterAll(() => browser?.close());

async function mount(schema: Schema): Promise<void> {
  await page.evaluate((s) => (window as unknown as { mountForm(s: unknown): void }).mountForm(s), schema as unknown);
  await page.locator('form button[type=submit]').waitFor();
}

/**
 * Enters flat form values as a user would: a list gets the entries it needs by 添加, a union's choice is
 * picked before the fields it brings appear, so rounds go on until no new field shows up.
 */
async function enter(values: Values): Promise<void> {
  const done = new Set<string>();
  for (let round = 0; round < 20; round++) {
    let acted = false;
    for (const add of await page.locator('form [data-add]').all()) {
      const path = (await add.getAttribute('data-add'))!;
      const wanted = values[`${path}.#`];
      const items = page.locator(`form [data-array="${path}"] > .array-item`);
      if (typeof wanted !== 'number') continue;
      for (let count = await items.count(); count < wanted; count++, acted = true) await add.click();
      // A list starts with one blank entry: an empty list in the payload removes it.
      for (let count = await items.count(); count > wanted; count--, acted = true) await items.last().locator(':scope > button').click();
    }
    for (const field of await page.locator('form [name]').all()) {
      const [name, type, tag, option] = await field.evaluate((e: Element) => [
        e.getAttribute('name')!,
        e.getAttribute('type') ?? '',
        e.tagName,
        (e as HTMLInputElement).value,
      ]);
      const key = type === 'checkbox' ? `${name}=${option}` : name;
      if (done.has(key)) continue;
      done.add(key);
      acted = true;
      const value = values[name];
      if (value === undefined) continue;
      if (tag === 'SELECT') await field.selectOption(String(value));
      else if (type === 'checkbox' && (Array.isArray(value) ? value.includes(option) : value === true)) await field.check();
      else if (type !== 'checkbox') await field.fill(String(value));
    }
    if (!acted) return;
  }
  throw new Error('the form kept showing new fields');
}

async function submitted(): Promise<unknown[]> {
  await page.locator('form button[type=submit]').click();
  // The form either sends (then its button is enabled again) or marks its fields: both settle at once.
  await page.waitForFunction(
    () => (window as unknown as { submitted: unknown[] }).submitted.length > 0 || document.querySelector('[data-testid=form-invalid]'),
  );
  return page.evaluate(() => (window as unknown as { submitted: unknown[] }).submitted);
}

/** A value the API refuses for a leaf field, by what the field is; none when only emptiness is wrong. */
function wrongValueFor(field: Schema): string | undefined {
  if (field.type === 'number' || field.type === 'integer') return field.minimum !== undefined ? String(field.minimum - 1) : undefined;
  if (field.pattern && !field.pattern.startsWith('^\\d{4}-')) return '格式不对!';
  if (field.minLength && field.minLength > 1) return '短';
  return undefined;
}

/** The schema of the field at a form path, following the variant its values chose. */
function fieldAt(schema: Schema, values: Values, path: string): Schema | undefined {
  let here: Schema | undefined = schema;
  let at = '';
  for (const part of path.split('.')) {
    const options: Schema[] | undefined = here && variants(here);
    if (options) {
      const key: string = discriminator(options) ?? '';
      here =
        part === key
          ? { enum: options.map((o: Schema) => String(o.properties![key].const)) }
          : options.find((o: Schema) => o.properties?.[key]?.const === values[at ? `${at}.${key}` : key]);
      if (part === key) return here;
    }
    here = /^\d+$/.test(part) ? here?.items : here?.properties?.[part];
    at = at ? `${at}.${part}` : part;
  }
  return here;
}

/** Up to `n` fields of a payload's values, spread over the form: each typed or picked, none a list of picks. */
function someLeaves(schema: Schema, values: Values, n: number): [string, Schema][] {
  const leaves = Object.entries(values)
    .filter(([path, value]) => !path.endsWith('#') && (typeof value === 'string' || typeof value === 'number'))
    .map(([path]) => [path, fieldAt(schema, values, path)] as [string, Schema | undefined])
    .filter((leaf): leaf is [string, Schema] => Boolean(leaf[1]) && leaf[1]!.const === undefined);
  const step = Math.max(1, Math.ceil(leaves.length / n));
  return leaves.filter((_, i) => i % step === 0);
}

describe.each(forms)('the form of %s, in the browser', (_name, zodSchema) => {
  const { schema, payloads } = formPayloads(zodSchema);

  test('each valid payload typed and picked into it is sent exactly, with no message', async () => {
    for (const payload of payloads) {
      await mount(schema);
      await enter(flatten(payload, schema));
      expect(await submitted()).toEqual([payload]);
      expect(await page.locator('form [data-error-for]').count()).toBe(0);
    }
  });

  test('a field emptied or given a wrong value: refused on that field in Chinese, sending nothing, exactly when the API would refuse', async () => {
    // Every field of the fullest payload may be emptied or spoilt: the API's own schema says which of those it refuses.
    const values = flatten(payloads[0], schema);
    const leaves = someLeaves(schema, values, 4);
    // A form with nothing to type or pick (a launch that needs no input) has nothing to refuse.
    if (leaves.length === 0) expect(values).toEqual({});
    for (const [path, field] of leaves) {
      for (const wrong of ['', wrongValueFor(field)].filter((v) => v !== undefined)) {
        const changed = { ...values, [path]: wrong };
        await mount(schema);
        await enter(changed);
        const sent = await submitted();
        // The oracle is the API's schema, not the form's: what it accepts is sent as entered, what it refuses is not sent.
        const payload = collect(schema, changed, '');
        if (zodSchema.safeParse(payload).success) {
          expect([path, wrong, sent]).toEqual([path, wrong, [payload]]);
          continue;
        }
        expect([path, wrong, sent]).toEqual([path, wrong, []]);
        const message = (await page.locator(`form [data-error-for="${path}"]`).textContent()) ?? '';
        expect([path, wrong, message]).toEqual([path, wrong, expect.stringMatching(/[\u4e00-\u9fff]/)]);
      }
    }
  });
});
