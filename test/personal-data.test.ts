import { execFileSync } from 'node:child_process';
import { resolveTemporalCli } from '../platform/engine/temporal-cli';
import { startHarness, type Harness } from './support/harness';
import { body, establish } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.stop());

interface JsonPayload {
  metadata: Record<string, string>;
  data?: string;
}

/**
 * Every payload of a history as the CLI prints it, but search attributes (codecs never see them) and
 * patch markers (the SDK's core writes the patch's name there itself).
 */
const UNCODED = ['searchAttributes', 'markerRecordedEventAttributes'];
function payloadsOf(node: unknown, found: JsonPayload[] = [], key = ''): JsonPayload[] {
  if (UNCODED.includes(key) || !node || typeof node !== 'object') return found;
  const value = node as Record<string, unknown>;
  if (value.metadata && typeof value.metadata === 'object' && 'encoding' in (value.metadata as object)) {
    found.push(value as unknown as JsonPayload);
    return found;
  }
  for (const [k, child] of Object.entries(value)) payloadsOf(child, found, k);
  return found;
}

const decoded = (base64: string | undefined) => Buffer.from(base64 ?? '', 'base64').toString('utf8');

test('the history as the engine stores it holds no plaintext of the management body’s head and contact; the API shows them to its readers', async () => {
  const county = await h.newCounty();
  const id = await establish(h, county);

  const cli = (await resolveTemporalCli()).path!;
  const raw = execFileSync(cli, [
    'workflow',
    'show',
    '--address',
    process.env.TEST_TEMPORAL_ADDRESS!,
    '-n',
    h.namespace,
    '-w',
    id,
    '-o',
    'json',
  ]).toString();
  const payloads = payloadsOf(JSON.parse(raw));
  expect(payloads.length).toBeGreaterThan(10);
  // Every payload is sealed: its encoding says so, and neither its bytes nor the file hold the fields.
  expect(payloads.filter((p) => decoded(p.metadata.encoding) !== 'binary/encrypted')).toEqual([]);
  for (const secret of [body.head, body.contact]) {
    expect(raw).not.toContain(secret);
    expect(payloads.some((p) => decoded(p.data).includes(secret))).toBe(false);
  }

  const read = await (await h.as(`gov-${county}.staff`)).get(`/api/processes/${id}`);
  expect(read.status).toBe(200);
  expect(read.body.data.body).toMatchObject({ head: body.head, contact: body.contact });
  // An organisation with no part in the process reads none of it (api/access.ts).
  expect((await (await h.as('tax-ftz.staff')).get(`/api/processes/${id}`)).status).toBe(403);
});
