import { openTestDb } from '../test/support/harness';
import { statementName, type Db } from './db';

test('a statement is named by its text: the same text the same name, another text another', () => {
  const text = `SELECT $1::int AS n -- ${Math.random()}`;
  expect(statementName(text)).toBe(statementName(text));
  expect(statementName(`${text} `)).not.toBe(statementName(text));
});

describe('named statements on PostgreSQL', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('postgres');
    await db.exec('CREATE TABLE named_t (id int PRIMARY KEY, v text)');
  });
  afterAll(() => db?.close());

  test('run again and again on every connection and in transactions, they answer as unnamed ones do', async () => {
    const insert = 'INSERT INTO named_t (id, v) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v RETURNING id, v';
    // More at once than the pool has connections: each connection prepares it once, then only binds it.
    const rows = await Promise.all(Array.from({ length: 40 }, (_, i) => db.query<{ id: number; v: string }>(insert, [i, `v${i}`])));
    expect(rows.map(([row]) => row)).toEqual(Array.from({ length: 40 }, (_, i) => ({ id: i, v: `v${i}` })));
    const inTransaction = await db.transaction(async (tx) => {
      await tx.query(insert, [1, 'changed']);
      return tx.query<{ v: string }>('SELECT v FROM named_t WHERE id = $1', [1]);
    });
    expect(inTransaction).toEqual([{ v: 'changed' }]);
    expect(await db.query('SELECT v FROM named_t WHERE id = $1', [1])).toEqual([{ v: 'changed' }]);
  });

  test('a named statement that fails (a bad value, a rolled-back transaction) leaves it usable', async () => {
    const read = 'SELECT v FROM named_t WHERE id = $1';
    await expect(db.query(read, ['not a number'])).rejects.toThrow(/invalid input syntax/);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(read, [2]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await Promise.all(Array.from({ length: 20 }, () => db.query(read, [2])))).toEqual(Array(20).fill([{ v: 'v2' }]));
  });
});
