import { startHarness, type Harness } from './support/harness';
import { establish, taskFor } from './support/zone-flow';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ database: 'postgres' });
});
afterAll(() => h?.stop());

test('a launch whose first step outlasts its wait stands without its tasks, and the step lands', async () => {
  const zone = await h.newCounty();
  await establish(h, zone);
  // Each agreement's first write waits 6 s in the records store: longer than the launch waits for it.
  await h.db.exec(`
    CREATE FUNCTION slow_first_step() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(6); RETURN NEW; END $$;
    CREATE TRIGGER slow_first_step BEFORE INSERT ON process_events FOR EACH ROW WHEN (NEW.kind = 'agreementLaunched') EXECUTE FUNCTION slow_first_step();`);
  const launched = await (await h.as('ftz.admin')).post('/api/processes/delegation-agreement', { zoneCode: zone });
  expect(launched.status).toBe(201);
  expect(launched.body.openTasks).toBeUndefined();
  expect(await taskFor(h, 'ftz.staff', launched.body.id, 'draftAgreement')).toMatchObject({ orgId: 'ftz' });
});
