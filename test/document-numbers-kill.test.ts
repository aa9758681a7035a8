import { startEntry, type Child } from './support/child-process';
import { eventually, startHarness, type Harness } from './support/harness';
import { penaltyZone, reportedPenalty } from './support/penalty-flow';
import { scaled } from './support/time';
import { taskFor } from './support/zone-flow';

/**
 * 文号 across a worker killed outright: the worker runs in a process of its own (as `npm run worker`
 * starts it) and gets SIGKILL while recognitions are being numbered — no shutdown, no reply for
 * the steps it held. A new worker process takes the work up; the FTZ's numbers still run 1, 2, 3 …
 * without a gap or a repeat, and each recognition has exactly one.
 */
const RECOGNITIONS = 8;
let h: Harness;
const children: Child[] = [];
beforeAll(async () => {
  // PostgreSQL: the worker processes share the records store with the test's API.
  h = await startHarness({ database: 'postgres' });
});
afterAll(async () => {
  for (const child of children) child.signal('SIGKILL');
  await h?.stop();
});

async function workerProcess(): Promise<Child> {
  const [{ name }] = await h.db.query<{ name: string }>('SELECT current_database() AS name');
  const child = startEntry('worker/main.ts', {
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS!,
    TEMPORAL_NAMESPACE: h.namespace,
    DATABASE_URL: process.env.TEST_POSTGRES_URL!.replace(/\/postgres$/, `/${name}`),
    DATABASE_POOL_SIZE: '4',
    TASK_QUEUE: h.taskQueue,
    PAYLOAD_KEY: process.env.TEST_PAYLOAD_KEY!,
    WORKFLOW_BUNDLE: process.env.TEST_WORKFLOW_BUNDLE!,
    LOG_LEVEL: 'info',
  });
  children.push(child);
  await child.waitFor((line) => line.msg === 'worker polling', 'a worker polling', scaled(120_000));
  return child;
}

const numbered = async (ids: string[]) =>
  h.db.query<{ seq: number; process_id: string }>(
    `SELECT seq, process_id FROM documents WHERE org_id = 'ftz' AND kind = 'recognition' AND process_id = ANY($1)`,
    [ids],
  );

test(
  'a worker process killed with SIGKILL mid-issuing leaves the 文号 sequence without gap or repeat',
  async () => {
    const { zone, uscc } = await penaltyZone(h);
    const penalties: string[] = [];
    for (let i = 0; i < RECOGNITIONS; i++) penalties.push((await reportedPenalty(h, zone, uscc)).id);
    const reviews = await Promise.all(penalties.map((id) => taskFor(h, 'ftz.staff', id, 'reviewPenalty')));

    // Each recognition's numbering takes a quarter of a second inside its transaction (this test's own
    // database), so the kill lands while they are being numbered however fast a step's writes travel.
    await h.db.exec(`
      CREATE FUNCTION slow_recognition() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.25); RETURN NEW; END $$;
      CREATE TRIGGER slow_recognition BEFORE INSERT ON documents FOR EACH ROW WHEN (NEW.kind = 'recognition') EXECUTE FUNCTION slow_recognition();`);

    // From here the work is the worker process's alone.
    await h.stopWorker();
    const doomed = await workerProcess();
    const leader = await h.as('ftz.leader');
    const sent = reviews.map((task) => leader.post(`/api/tasks/${task.id}/complete`, { decision: 'recognise' }));

    // Killed once some recognitions have their numbers and before all have.
    const atKill = (
      await eventually(
        async () => {
          const rows = await numbered(penalties);
          return rows.length > 0 ? rows : undefined;
        },
        60_000,
        'the first recognition numbered',
      )
    ).length;
    doomed.signal('SIGKILL');
    expect(await doomed.exited).toBeNull();
    expect(atKill).toBeLessThan(RECOGNITIONS);

    // A new worker process takes over what the dead one held (its activities time out and are retried).
    await workerProcess();
    const answers = await Promise.all(sent);
    // A completion the API gave up on while no worker answered (503) is sent again, as its user would.
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 200) continue;
      await eventually(
        async () => {
          const again = await leader.post(`/api/tasks/${reviews[i].id}/complete`, { decision: 'recognise' });
          // 200: recognised now; 404/409: the first one got through after all.
          return [200, 404, 409].includes(again.status) || undefined;
        },
        60_000,
        `the recognition of ${penalties[i]}`,
      );
    }
    const rows = await eventually(
      async () => {
        const found = await numbered(penalties);
        return found.length >= RECOGNITIONS ? found : undefined;
      },
      120_000,
      'every recognition numbered',
    );

    // One number each; the FTZ's whole sequence (its memorandum first) runs 1 … n.
    expect(rows).toHaveLength(RECOGNITIONS);
    expect(new Set(rows.map((r) => r.process_id)).size).toBe(RECOGNITIONS);
    const all = await h.db.query<{ seq: number }>(`SELECT seq FROM documents WHERE org_id = 'ftz' AND NOT recorded ORDER BY year, seq`);
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
    const [{ last }] = await h.db.query<{ last: number }>(`SELECT last FROM document_counters WHERE org_id = 'ftz'`);
    expect(last).toBe(all.length);
  },
  scaled(300_000),
);
