import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

const MIGRATIONS_DIR = join(__dirname, 'migrations');

/** Applies the plain SQL migrations not yet applied, in file-name order, each in its own transaction. */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
  const pending = migrationNames().filter((name) => !applied.has(name));
  for (const name of pending) {
    const sql = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
    await db.transaction(async (tx) => {
      // Two processes starting together: the second waits here, then finds the migration applied.
      await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (done.length) return;
      for (const statement of splitStatements(sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
    });
  }
  return pending;
}

const migrationNames = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort();

/**
 * The migrations a store still lacks, without applying them: the processes of a cluster refuse to
 * start on a store that `npm run setup` has not brought up to their code's version.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const applied = await db.query<{ name: string }>('SELECT name FROM schema_migrations').catch((error: unknown) => {
    // A store never set up has no ledger yet (undefined_table); any other failure is the caller's to see.
    if ((error as { code?: string }).code === '42P01') return [];
    throw error;
  });
  const names = new Set(applied.map((row) => row.name));
  return migrationNames().filter((name) => !names.has(name));
}

/** Migrations are plain statements separated by semicolons at line ends (no function bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/** Refuses to go on with a store `npm run setup` has not brought up to this code's version. */
export async function requireMigrated(db: Db): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length) throw new Error(`the records store lacks migrations ${pending.join(', ')}: run npm run setup first`);
}
