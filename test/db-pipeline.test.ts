import { isBlindWrite, type Db } from '../store/db';
import { openTestDb } from './support/harness';

/**
 * Transactions on PostgreSQL send their blind writes without waiting for each answer (store/db.ts):
 * what the records writer commits must still be all or nothing, a read must see the writes before
 * it, and a failure must be the statement that failed, not the aborted transaction it left behind.
 */
let db: Db;

beforeAll(async () => {
  db = await openTestDb('postgres');
  await db.query('CREATE TABLE pipelined (id integer PRIMARY KEY, note text NOT NULL)');
});

afterAll(async () => {
  await db?.close();
});

beforeEach(async () => {
  await db.query('DELETE FROM pipelined');
});

const notes = async () =>
  (await db.query<{ id: number; note: string }>('SELECT id, note FROM pipelined ORDER BY id')).map((r) => `${r.id}:${r.note}`);

test('which statements go without waiting: writes whose rows nobody reads', () => {
  expect(isBlindWrite('INSERT INTO tasks (id) VALUES ($1)')).toBe(true);
  expect(isBlindWrite(`\n  UPDATE tasks SET status = $2\n  WHERE id = $1`)).toBe(true);
  expect(isBlindWrite('delete from login_failures where key = $1')).toBe(true);
  expect(isBlindWrite('INSERT INTO documents (number) VALUES ($1) RETURNING seq')).toBe(false);
  expect(isBlindWrite(`UPDATE agreement_items i SET revoked_on = $2\n RETURNING i.agreement_id`)).toBe(false);
  expect(isBlindWrite('WITH step AS (SELECT 1) INSERT INTO idempotency_keys (key) VALUES ($1)')).toBe(false);
  expect(isBlindWrite('SELECT 1')).toBe(false);
  expect(isBlindWrite('LOCK TABLE catalog_versions IN EXCLUSIVE MODE')).toBe(false);
});

test('the writes of a transaction are seen by its reads, in order, and committed together', async () => {
  const seen = await db.transaction(async (tx) => {
    await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [1, 'a']);
    await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [2, 'b']);
    await tx.query('UPDATE pipelined SET note = $2 WHERE id = $1', [1, 'a2']);
    return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pipelined WHERE note = $1', ['a2']))[0].n;
  });
  expect(seen).toBe(1);
  expect(await notes()).toEqual(['1:a2', '2:b']);
});

test('a write that fails rolls the whole transaction back and is the error thrown, though more was sent after it', async () => {
  let ranOn = false;
  const failure = await db
    .transaction(async (tx) => {
      await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [1, 'first']);
      await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [1, 'the same key again']);
      await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [3, 'after the failure']);
      ranOn = true;
      return 'done';
    })
    .then(
      () => undefined,
      (error: unknown) => error as { code?: string },
    );
  expect(ranOn).toBe(true);
  // unique_violation (23505), not the aborted transaction (25P02) of the statements after it.
  expect(failure?.code).toBe('23505');
  expect(await notes()).toEqual([]);
});

test('a read after a failed write throws the write’s failure', async () => {
  let readFailure: { code?: string } | undefined;
  await db
    .transaction(async (tx) => {
      await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [7, 'x']);
      await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [7, 'y']);
      try {
        await tx.query('SELECT id FROM pipelined WHERE id = $1', [7]);
      } catch (error) {
        readFailure = error as { code?: string };
        throw error;
      }
    })
    .catch(() => undefined);
  expect(readFailure?.code).toBe('23505');
  expect(await notes()).toEqual([]);
});

test('the work’s own refusal after its writes leaves nothing behind, and the pool goes on', async () => {
  await expect(
    db.transaction(async (tx) => {
      await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [5, 'refused']);
      throw new Error('refused by the work');
    }),
  ).rejects.toThrow('refused by the work');
  expect(await notes()).toEqual([]);
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [6, 'next']);
  });
  expect(await notes()).toEqual(['6:next']);
});

test('reads made at once on one connection each answer their own query, a failing one its own error', async () => {
  await db.query('INSERT INTO pipelined (id, note) VALUES (1, $1), (2, $2), (3, $3)', ['one', 'two', 'three']);
  const answers = await db.together((q) =>
    Promise.all(
      [3, 1, 2, 1].map(async (id) => (await q.query<{ note: string }>('SELECT note FROM pipelined WHERE id = $1', [id]))[0].note),
    ),
  );
  expect(answers).toEqual(['three', 'one', 'two', 'one']);
  const failure = await db
    .together((q) =>
      Promise.all([
        q.query('SELECT note FROM pipelined WHERE id = $1', [1]),
        q.query('SELECT no_such_column FROM pipelined WHERE id = $1', [1]),
        q.query('SELECT note FROM pipelined WHERE id = $1', [2]),
      ]),
    )
    .catch((error: unknown) => error as { code?: string });
  // undefined_column (42703); the connection goes back to the pool and answers the next caller.
  expect((failure as { code?: string }).code).toBe('42703');
  expect(await db.together((q) => q.query<{ n: number }>('SELECT count(*)::int AS n FROM pipelined'))).toEqual([{ n: 3 }]);
});
