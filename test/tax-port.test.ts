import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';
import { createTaxAdapter } from '../integrations/tax/adapter';
import { taxTransferAnswerSchema, type TaxTransferRequest } from '../integrations/tax/messages';
import { startTaxSimulator, type TaxSimulator } from '../integrations/tax/simulator';
import { eventually, startHarness, type Harness } from './support/harness';
import { application, applied, entity, newUscc, readyZone } from './support/registration-flow';
import { complete, taskFor, timelineKinds } from './support/zone-flow';
import { scaled } from './support/time';

let sim: TaxSimulator;
beforeAll(async () => {
  sim = await startTaxSimulator();
});
afterAll(() => sim?.close());

const request = (overrides: Partial<TaxTransferRequest> = {}): TaxTransferRequest => ({
  requestId: `registration-x:run:${Math.random()}/x0/tax`,
  uscc: newUscc(),
  entityName: '营口测试贸易有限公司',
  fromOffice: 'tax-ftz',
  viaOffice: 'tax-city',
  toOffice: 'tax-210881',
  divisionCode: '210881',
  registeredAt: new Date().toISOString(),
  processId: 'registration-x',
  ...overrides,
});

describe('the tax port contract: the adapter against the simulator', () => {
  const adapter = () => createTaxAdapter(sim.url);

  test('accepted, with a reference; the same request again is the same answer and no second transfer', async () => {
    sim.setMode({ mode: 'accept' });
    const message = request();
    const first = await adapter().requestTransfer(message);
    expect(taxTransferAnswerSchema.parse(first)).toMatchObject({
      result: 'accepted',
      requestId: message.requestId,
      reference: expect.stringMatching(/^营税迁〔\d{4}〕\d+号$/),
    });
    expect(await adapter().requestTransfer(message)).toEqual(first);
    expect(sim.received.filter((r) => r.requestId === message.requestId)).toHaveLength(1);
  });

  test('refused with the reason, as an answer and not a fault', async () => {
    sim.setMode({ mode: 'refuse', reason: '纳税人存在未结清税款' });
    expect(await adapter().requestTransfer(request())).toMatchObject({ result: 'refused', reason: '纳税人存在未结清税款' });
  });

  test('down: an error to retry, not a refusal', async () => {
    sim.setMode({ mode: 'down' });
    const failure = await adapter()
      .requestTransfer(request())
      .catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ message: expect.stringMatching(/^tax system unavailable: 503 /) });
  });

  test('the contract is published as JSON Schema from the same zod schemas', async () => {
    const h = await import('../integrations/contracts');
    const document = h.contractsDocument();
    const tax = document.ports.find((p) => p.name === 'tax-transfer')!;
    expect(tax.request).toMatchObject({ method: 'POST', path: '/transfers' });
    expect((tax.request.body as { required: string[] }).required).toEqual(
      expect.arrayContaining(['requestId', 'uscc', 'toOffice', 'divisionCode']),
    );
    expect(JSON.stringify(tax.answers[200])).toContain('refused');
  });

  test('a message outside the contract is refused by the simulator (400) and never by the adapter sent', async () => {
    sim.setMode({ mode: 'accept' });
    const response = await fetch(`${sim.url}/transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...request(), uscc: 'not-a-code' }),
    });
    expect(response.status).toBe(400);
    const refused = await adapter()
      .requestTransfer(request({ toOffice: 'somewhere' }))
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZodError);
    expect((refused as ZodError).issues.map((i) => i.path.join('.'))).toEqual(['toOffice']);
    expect(sim.received.some((r) => r.toOffice === 'somewhere')).toBe(false);
  });
});

describe("a registration's 划转 through the tax system", () => {
  let h: Harness;
  let zone: string;
  beforeAll(async () => {
    h = await startHarness({ delivery: { taxSystemUrl: sim.url } });
    await h.db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [
      JSON.stringify({ initialIntervalMs: 200, maximumIntervalMs: 500, maximumAttempts: 3 }),
    ]);
    zone = await readyZone(h);
  }, scaled(120_000));
  afterAll(() => h?.stop());

  const taxTasks = (id: string) =>
    h.db.query<{ action: string; org_id: string; context: Record<string, unknown> }>(
      `SELECT action, org_id, context FROM tasks WHERE process_id = $1 AND action IN ('requestTaxTransfer', 'approveTaxTransfer', 'confirmTaxTransfer')`,
      [id],
    );
  async function registered(): Promise<{ id: string; uscc: string }> {
    const app = application(zone);
    const id = await applied(h, 'ftz.staff', app);
    await complete(h, `gov-${zone}.staff`, id, 'consentRegistration', { decision: 'agree' });
    return { id, uscc: app.uscc! };
  }

  test('completes with no human task while the simulator accepts, sent once', async () => {
    sim.setMode({ mode: 'accept' });
    const { id, uscc } = await registered();
    const tax = await eventually(
      async () => {
        const t = (await entity(h, uscc)).tax;
        return t?.transferStatus === 'CONFIRMED' ? t : undefined;
      },
      20_000,
      'the transfer confirmed',
    );
    expect(tax.transferTo).toBe(`tax-${zone}`);
    expect((await entity(h, uscc)).taxOffice).toBe(`tax-${zone}`);
    expect(await taxTasks(id)).toEqual([]);
    expect(sim.received.filter((r) => r.uscc === uscc)).toEqual([
      expect.objectContaining({ processId: id, toOffice: `tax-${zone}`, divisionCode: zone }),
    ]);
    const kinds = await timelineKinds(h, id);
    expect(kinds.filter((k) => k.startsWith('taxTransfer'))).toEqual(['taxTransferSent', 'taxTransferred']);
    const timeline = (await (await h.as('audit.auditor')).get(`/api/processes/${id}/timeline`)).body;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('messageSent');
    const metrics = (await h.anonymous('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/collab_zones_outbox_messages\{channel="tax",status="SENT"\} [1-9]/);
    const published = await h.anonymous('GET', '/contracts.json');
    expect(published.body.ports.map((p: { name: string }) => p.name)).toContain('tax-transfer');
  });

  test("a refusal becomes one task for the FTZ tax office, with the system's reason", async () => {
    sim.setMode({ mode: 'refuse', reason: '纳税人存在未办结涉税事项' });
    const { id, uscc } = await registered();
    const task = await taskFor(h, 'tax-ftz.staff', id, 'requestTaxTransfer');
    expect(task.context).toMatchObject({ systemSaid: '纳税人存在未办结涉税事项', uscc });
    expect(await taxTasks(id)).toHaveLength(1);
    expect(await entity(h, uscc)).toMatchObject({ taxOffice: 'tax-ftz', tax: { transferStatus: 'NONE' } });
    expect((await timelineKinds(h, id)).filter((k) => k.startsWith('taxTransfer'))).toEqual([
      'taxTransferSent',
      'taxTransferRefusedBySystem',
    ]);
  });

  test('a system down beyond the retry policy becomes one task, and the message is FAILED after its attempts', async () => {
    sim.setMode({ mode: 'down' });
    const before = sim.attempts();
    const { id } = await registered();
    const task = await taskFor(h, 'tax-ftz.staff', id, 'requestTaxTransfer');
    expect(String(task.context.systemSaid)).toContain('503');
    expect(await taxTasks(id)).toHaveLength(1);
    const [row] = await h.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM outbox WHERE process_id = $1 AND channel = 'tax'`,
      [id],
    );
    expect(row).toEqual({ status: 'FAILED', attempts: 3 });
    expect(sim.attempts() - before).toBe(3);
    expect((await timelineKinds(h, id)).filter((k) => k.startsWith('taxTransfer'))).toEqual(['taxTransferSent', 'taxTransferUndelivered']);
    sim.setMode({ mode: 'accept' });
  });
});
