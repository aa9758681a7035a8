/**
 * Records histories of real runs into test/replay-corpus/, which CI replays against the current
 * workflow code. Run it when a workflow gains a path worth keeping; commit what it writes.
 * Old recordings are kept: they are the histories that code changes must still replay.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { resolveTemporalCli } from './engine/temporal-cli';
import globalSetup from '../test/global-setup';
import globalTeardown from '../test/global-teardown';
import { startHarness, type Harness } from '../test/support/harness';
import { complete, establish, launch, memorandum, taskFor } from '../test/support/zone-flow';

const CORPUS = join(__dirname, '..', 'test', 'replay-corpus');

const scenarios: Record<string, (h: Harness) => Promise<string>> = {
  async 'zone-established'(h) {
    return establish(h, await h.newCounty());
  },
  async 'zone-returned-then-signed'(h) {
    const county = await h.newCounty();
    const id = await launch(h, county);
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum());
    await complete(h, `gov-${county}.staff`, id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, 'ftz.staff', id, 'reviewMemorandum', { decision: 'return', comments: '面积需核实' });
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum());
    await complete(h, 'ftz.staff', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.staff`, id, 'reviewMemorandum', { decision: 'sign' });
    return id;
  },
  async 'zone-overdue-withdrawn'(h) {
    const county = await h.newCounty({ signingPeriod: { seconds: 2 } });
    const id = await launch(h, county);
    await taskFor(h, 'city.admin', id, 'decideOverdueMemorandum');
    await complete(h, 'city.admin', id, 'decideOverdueMemorandum', { decision: 'withdraw', reason: '逾期' });
    return id;
  },
  async 'zone-amended-suspended-terminated'(h) {
    const county = await h.newCounty({ historyEventLimit: 40 });
    const id = await establish(h, county);
    const city = await h.as('city.admin');
    const ftzAdmin = await h.as('ftz.admin');
    await (await h.as(`gov-${county}.admin`)).post(`/api/processes/${id}/actions/proposeAmendment`, { reason: '扩区' });
    await complete(h, 'ftz.staff', id, 'draftMemorandum', memorandum());
    await complete(h, 'ftz.staff', id, 'reviewMemorandum', { decision: 'sign' });
    await complete(h, `gov-${county}.staff`, id, 'reviewMemorandum', { decision: 'sign' });
    await city.post(`/api/processes/${id}/actions/suspendZone`, { reason: '检查' });
    await city.post(`/api/processes/${id}/actions/resumeZone`, {});
    await ftzAdmin.post(`/api/processes/${id}/actions/proposeTermination`, { reason: '协商一致' });
    await complete(h, `gov-${county}.admin`, id, 'consentTermination', { decision: 'agree' });
    await h.client.workflow.getHandle(id).result();
    return id;
  },
};

async function main(): Promise<void> {
  await globalSetup();
  const h = await startHarness();
  const cli = (await resolveTemporalCli()).path!;
  const address = process.env.TEST_TEMPORAL_ADDRESS!;
  try {
    const folder = join(CORPUS, 'zone-establishment');
    mkdirSync(folder, { recursive: true });
    for (const [name, run] of Object.entries(scenarios)) {
      const id = await run(h);
      const runIds: string[] = [];
      for await (const execution of h.client.workflow.list({ query: `WorkflowId = '${id}'` })) runIds.push(execution.runId);
      for (const [index, runId] of runIds.reverse().entries()) {
        // The CLI's JSON is the format replay reads (the SDK's historyToJSON trips over two protobufjs copies).
        const history = JSON.parse(
          execFileSync(cli, ['workflow', 'show', '--address', address, '-w', id, '-r', runId, '-o', 'json']).toString(),
        ) as { events: unknown[] };
        // Replay needs the workflow id too: task ids and step keys are derived from it.
        const file = join(folder, `${name}.run${index + 1}.json`);
        writeFileSync(file, JSON.stringify({ workflowId: id, history }));
        console.log(`recorded ${file} (${history.events.length} events)`);
      }
    }
  } finally {
    await h.stop();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
