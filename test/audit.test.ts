import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Step } from '../activities/step';
import { exportBundle, serializeBundle } from '../audit/bundle';
import { signingKey } from '../audit/signing';
import { verifyBundle } from '../audit/verify';
import { agreementContent, launchAgreement } from './support/agreement-flow';
import { eventually, startHarness, type Harness } from './support/harness';
import { body, establish, launch, taskFor } from './support/zone-flow';
import { scaled } from './support/time';

/**
 * What an auditor gets: one timeline across runs with decisions in words, the engine's own notes
 * (deadlines, retries, continue-as-new, refusals, the end), search, and a signed bundle that verifies
 * offline — and fails to once anything in it is changed.
 */
const faults = {
  county: '',
  thrown: 0,
  /** The step that records the zone fails once after its commit: a retry the timeline must show. */
  afterCommit(step: Step) {
    if (step.zone?.status === 'ACTIVE_PENDING_BODY' && step.zone.code === faults.county && faults.thrown++ === 0) {
      throw new Error('injected: the reply was lost after the commit');
    }
  },
};

let h: Harness;
let county: string;
let zoneId: string;
let agreementId: string;
let exported: string;
let token: string;

const execFileAsync = promisify(execFile);
const sameKind = (kind: string) => (entry: { kind: string }) => entry.kind === kind;

beforeAll(async () => {
  h = await startHarness({ faults });
  county = await h.newCounty({ historyEventLimit: 40 });
  faults.county = county;
  zoneId = await establish(h, county);
  const city = await h.as('city.admin');
  await city.post(`/api/processes/${zoneId}/actions/suspendZone`, { reason: '例行检查' });
  await city.post(`/api/processes/${zoneId}/actions/resumeZone`, {});
  agreementId = await launchAgreement(h, county);
  token = (await h.anonymous('POST', '/api/auth/login', { username: 'audit.auditor', password: 'demo' })).body.token;
  const response = await fetch(`${h.baseUrl}/api/processes/${zoneId}/export`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-disposition')).toContain(`${zoneId}.audit.json`);
  exported = await response.text();
}, scaled(60_000));
afterAll(() => h?.stop());

describe('the timeline', () => {
  test('reads across runs: deadlines, decisions with their payload in words, a retried step, continue-as-new', async () => {
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${zoneId}/timeline`)).body as any[];
    // Read from the engine's history (the launch's local activity, recorded in the launch's own workflow task).
    const deadlineSet = timeline.find((e) => e.kind === 'deadlineSet');
    expect(deadlineSet).toMatchObject({ kind: 'deadlineSet', source: 'engine' });
    expect(deadlineSet.summary).toMatch(/^设定备忘录签署期限：30 个工作日，截止 \d{4}年\d{1,2}月\d{1,2}日/);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort());

    const signed = timeline.filter(sameKind('memorandumSigned'));
    expect(signed.map((e) => [e.actor.orgId, e.decision.title, e.decision.payload])).toEqual([
      [`gov-${county}`, '审阅并签署备忘录', '决定：签署'],
      ['ftz', '审阅并签署备忘录', '决定：签署'],
    ]);
    const named = timeline.find(sameKind('bodyNamed'));
    expect(named.decision.payload).toBe(`名称：${body.name}；负责人：${body.head}；联系方式：${body.contact}；地址：${body.address}`);
    expect(timeline.find(sameKind('launched')).decision).toMatchObject({
      action: 'launch',
      payload: expect.stringMatching(new RegExp(`^县（市、区）代码：${county}；批复文号：.+；批复日期：\\d{4}-\\d{2}-\\d{2}$`)),
    });
    expect(timeline.find(sameKind('suspended')).decision.payload).toBe('理由：例行检查');

    const retried = timeline.find(sameKind('activityRetried'));
    expect(retried.summary).toBe('写入记录第 2 次执行（上次失败：injected: the reply was lost after the commit）');
    // The records were written once: one zoneRecorded, though its step ran twice.
    expect(timeline.filter(sameKind('zoneRecorded'))).toHaveLength(1);

    // Entries come from several runs, each join naming the run the process went on in.
    const joins = timeline.filter(sameKind('continuedAsNew'));
    expect(joins.length).toBeGreaterThanOrEqual(1);
    const runs = new Set(timeline.map((e) => e.runId));
    expect(runs.size).toBeGreaterThanOrEqual(2);
    for (const join of joins) expect(runs.has(join.runId)).toBe(true);

    const english = (await (await h.as('audit.auditor')).get(`/api/processes/${zoneId}/timeline?lang=en`)).body as any[];
    expect(english.find((e) => e.kind === 'deadlineSet').summary).toMatch(
      /^Deadline set for signing the memorandum: 30 working days, due \d{4}-\d{2}-\d{2}/,
    );
    expect(english.find(sameKind('memorandumSigned')).decision.payload).toBe('Decision: sign');
  });

  test('shows a decision the workflow refused, and an operator ending the process', async () => {
    const draft = await taskFor(h, 'ftz.staff', agreementId, 'draftAgreement');
    const actor = { userId: 'ftz.staff', orgId: 'ftz', roles: ['staff'] };
    // Past the API's own check: the workflow reads the records before it decides, and refuses.
    const refused = await h.client.workflow
      .getHandle(agreementId)
      .executeUpdate('draftAgreement', {
        args: [{ actor, taskId: draft.id, requestId: randomUUID(), payload: agreementContent([{ powerCode: 'XK-999' }]) }],
      })
      .catch((error: Error) => error);
    expect(refused).toMatchObject({ cause: { message: expect.stringContaining('XK-999') } });
    await h.client.workflow.getHandle(agreementId).terminate('核查用，终止');

    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${agreementId}/timeline`)).body as any[];
    const refusal = timeline.find(sameKind('decisionRefused'));
    expect(refusal.actor).toEqual({ userId: 'ftz.staff', orgId: 'ftz' });
    expect(refusal.summary).toMatch(/^「起草委托协议」未被接受：.*XK-999/);
    expect(refusal.decision.payload).toContain('委托职权：XK-999（决定）');
    expect(timeline.at(-1)).toMatchObject({ kind: 'processEnded', source: 'engine' });
    expect(timeline.at(-1).summary).toMatch(/^流程被终止.*：核查用，终止$/);
  });
});

describe('search', () => {
  const ids = async (query: string, username = 'audit.auditor') => {
    const response = await (await h.as(username)).get(`/api/processes?${query}`);
    expect(response.status).toBe(200);
    return (response.body.items as { id: string }[]).map((item) => item.id);
  };

  test('by type, stage, zone, awaited organisation, overdue, start date and free text', async () => {
    await eventually(async () => ((await ids(`zone=${county}&status=RUNNING`)).includes(zoneId) ? true : undefined));
    expect(await ids(`zone=${county}&type=zone-establishment&stage=ACTIVE`)).toEqual([zoneId]);
    expect(await ids(`zone=${county}&type=zone-establishment&stage=DRAFTING`)).toEqual([]);
    expect(await ids(`zone=${county}&type=delegation-agreement`)).toEqual([agreementId]);
    // Free text finds the zone's name and the words of its timeline.
    expect(await ids(`q=${encodeURIComponent(`测试县${county.slice(4)}`)}`)).toContain(zoneId);
    expect(await ids(`q=${encodeURIComponent('例行检查')}&zone=${county}`)).toEqual([zoneId]);
    expect(await ids(`q=${encodeURIComponent('无此字样')}`)).toEqual([]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await ids(`zone=${county}&type=zone-establishment&startedFrom=${today}&startedTo=${today}`)).toEqual([zoneId]);
    expect(await ids(`zone=${county}&startedTo=2020-12-31`)).toEqual([]);
    expect(await ids('entity=91210800MA0QC2WX1D')).toEqual([]);

    // An open task past its due date makes its process overdue: a memorandum not drafted within its period.
    const second = await h.newCounty({ signingPeriod: { seconds: 2 } });
    const other = await launch(h, second);
    expect(
      await eventually(async () => ((await ids(`overdue=true&zone=${second}`)).length ? ids(`overdue=true&zone=${second}`) : undefined)),
    ).toEqual([other]);
    expect(await ids(`overdue=true&zone=${county}`)).toEqual([]);
    expect(await ids(`overdue=false&zone=${second}`)).toEqual([]);
  });

  test('bad criteria are a 400 naming them', async () => {
    const response = await (await h.as('audit.auditor')).get("/api/processes?entity=123&startedFrom=yesterday&stage=A'B");
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'query.entity',
      'query.stage',
      'query.startedFrom',
    ]);
  });
});

describe('export and verification', () => {
  test('the bundle holds every run, the timeline, the code version and a chain over every event; it verifies', async () => {
    const bundle = JSON.parse(exported);
    expect(bundle.runs.length).toBeGreaterThanOrEqual(2);
    const events = bundle.runs.flatMap((run: { history: { events: unknown[] } }) => run.history.events);
    expect(bundle.chain.links).toHaveLength(events.length);
    expect(bundle.timeline.map((e: { kind: string }) => e.kind)).toContain('bodyNamed');
    expect(bundle.codeVersion).toMatch(/^collab-zones@\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    // The histories are raw: the management body's head is sealed in them, readable only in the timeline.
    // Every payload opened as it is stored (base64 of its bytes): none holds the head's name in clear.
    const stored = JSON.stringify(bundle.runs);
    const payloadTexts = [...stored.matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)].map(([, data]) =>
      Buffer.from(data, 'base64').toString('utf8'),
    );
    expect(payloadTexts.length).toBeGreaterThan(10);
    expect(payloadTexts.filter((text) => text.includes(body.head))).toEqual([]);
    expect(stored).not.toContain(body.head);
    expect(exported).toBe(serializeBundle(bundle));

    const verified = await (await h.as('audit.auditor')).post('/api/audit/verify', exported);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ processId: zoneId, chain: 'ok', signature: 'ok', replay: 'ok', failures: {} });
    expect(verified.body.codeVersion).toBe(bundle.codeVersion);
    expect((await (await h.as('audit.auditor')).post('/api/audit/verify', { format: 'something else' })).status).toBe(400);
  });

  test('a changed event, a reordering, a truncation, one byte anywhere, or another key: each fails', async () => {
    const deps = { trustedKeys: [h.audit.signingKey.publicKey], code: h.audit.workflowCode, codecs: [h.codec] };
    const edited = (change: (bundle: any) => void) => {
      const bundle = JSON.parse(exported);
      change(bundle);
      return serializeBundle(bundle);
    };
    const firstRun = (bundle: any) => bundle.runs[0].history.events;
    const cases: [string, string, Partial<Record<'chain' | 'signature' | 'replay', string>>][] = [
      ['an event changed', edited((b) => (firstRun(b)[4].eventTime = '2020-01-01T00:00:00Z')), { chain: 'broken', signature: 'bad' }],
      [
        'two events swapped',
        edited((b) => firstRun(b).splice(5, 2, firstRun(b)[6], firstRun(b)[5])),
        { chain: 'broken', signature: 'bad', replay: 'failed' },
      ],
      ['the last events of a run cut off', edited((b) => firstRun(b).splice(-4)), { chain: 'broken', signature: 'bad' }],
      [
        'the last run cut off, the chain cut to match',
        edited((b) => {
          const [last] = b.runs.splice(-1);
          b.chain.links.splice(-last.history.events.length);
          b.chain.head = b.chain.links.at(-1);
        }),
        { chain: 'ok', signature: 'bad' },
      ],
      ['a whole run dropped', edited((b) => b.runs.splice(1, 1)), { chain: 'broken', signature: 'bad' }],
      ['one byte of a sealed payload', flipByteOf(exported, '"data": "', 10), { chain: 'broken', signature: 'bad', replay: 'failed' }],
      ['one byte of the timeline', flipByteOf(exported, '"summary": "', 0), { chain: 'ok', signature: 'bad', replay: 'ok' }],
      ['one byte of a link', flipByteOf(exported, '"links": [\n      "', 3), { chain: 'broken', signature: 'bad' }],
      ['one byte of layout', exported.replace('{\n  "chain"', '{\n   "chain"'), { chain: 'ok', signature: 'bad', replay: 'ok' }],
    ];
    for (const [what, text, expected] of cases) {
      const result = await verifyBundle(text, deps);
      expect([what, { chain: result.chain, signature: result.signature, replay: result.replay }]).toEqual([
        what,
        expect.objectContaining(expected),
      ]);
      for (const check of Object.keys(expected) as ('chain' | 'signature' | 'replay')[]) {
        if (expected[check] !== 'ok') expect([what, result.failures[check]]).toEqual([what, expect.any(String)]);
      }
    }
    // Signed again by someone else's key, consistently: the signature holds, but the key is not trusted.
    const intruder = signingKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const bundle = JSON.parse(exported);
    const resigned = exportBundle({ ...bundle, timeline: [] }, intruder);
    const result = await verifyBundle(resigned, deps);
    expect(result.signature).toBe('bad');
    expect(result.failures.signature).toContain('not a key this verifier trusts');
  });

  test('npm run audit:verify checks a bundle offline with the deployment’s keys, and fails a changed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    const publicKey = (await (await h.as('audit.auditor')).get('/api/audit/public-key')).body;
    writeFileSync(join(dir, 'key.pem'), publicKey.pem);
    writeFileSync(join(dir, 'good.json'), exported);
    writeFileSync(join(dir, 'bad.json'), flipByteOf(exported, '"summary": "', 2));
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dir,
      PAYLOAD_KEY: process.env.TEST_PAYLOAD_KEY,
      WORKFLOW_BUNDLE: process.env.TEST_WORKFLOW_BUNDLE,
    };
    const run = (file: string) =>
      execFileAsync(
        process.execPath,
        ['--import', 'tsx', 'scripts/audit-verify.ts', join(dir, file), '--public-key', join(dir, 'key.pem')],
        { cwd: join(__dirname, '..'), env },
      ).then(
        ({ stdout }) => ({ code: 0, result: JSON.parse(stdout) }),
        (error: { code: number; stdout: string }) => ({ code: error.code, result: JSON.parse(error.stdout) }),
      );
    const [good, bad] = await Promise.all([run('good.json'), run('bad.json')]);
    expect(good).toMatchObject({ code: 0, result: { chain: 'ok', signature: 'ok', replay: 'ok' } });
    expect(bad).toMatchObject({ code: 1, result: { chain: 'ok', signature: 'bad', replay: 'ok' } });
  });

  test('the raw history route gives every run, sealed', async () => {
    const history = (await (await h.as('audit.auditor')).get(`/api/processes/${zoneId}/history`)).body;
    expect(history.runs.map((run: { runId: string }) => run.runId)).toEqual(
      JSON.parse(exported).runs.map((run: { runId: string }) => run.runId),
    );
    expect(JSON.stringify(history)).toContain(Buffer.from('binary/encrypted').toString('base64'));
  });
});

/** The text with one character changed, `offset` characters after the first `marker`. */
function flipByteOf(text: string, marker: string, offset: number): string {
  const at = text.indexOf(marker) + marker.length + offset;
  expect(at).toBeGreaterThan(marker.length);
  const replacement = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + replacement + text.slice(at + 1);
}
