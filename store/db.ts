import { PGlite } from '@electric-sql/pglite';
import { Pool, type PoolClient } from 'pg';

/** What a query runs on: the database itself or one transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The records store: embedded PGlite or a real PostgreSQL, one SQL dialect for both. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Whether the records store answers at all (the health check's question). */
export async function reachable(q: Queryable): Promise<boolean> {
  return q.query('SELECT 1').then(
    () => true,
    () => false,
  );
}

export interface DbOptions {
  /** A PostgreSQL connection string; without it the embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; without it PGlite lives in memory. */
  dataDir?: string;
  poolSize?: number;
}

export async function openDb(options: DbOptions): Promise<Db> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir?: string): Promise<Db> {
  const pglite = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
    transaction: (work) =>
      pglite.transaction((tx) => work({ query: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows })),
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    close: () => pglite.close(),
  };
}

/**
 * The name a parameterised statement is prepared under: each connection parses and analyses a named
 * statement once and then only binds and runs it (and, after a few runs, reuses its plan), where an
 * unnamed one is parsed, analysed and planned on every call — the larger part of PostgreSQL's time for
 * the API's one-row reads. Names follow the text, so every connection of the process agrees on them.
 * Bounded: past `MAX_NAMED` texts (SQL built with varying parts) statements go unnamed, so a
 * connection never holds more than that many.
 */
const MAX_NAMED = 500;
const statementNames = new Map<string, string>();
export function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_NAMED) statementNames.set(sql, (name = `cz${statementNames.size}`));
  return name;
}

async function openPostgres(connectionString: string, max: number): Promise<Db> {
  const pool = new Pool({ connectionString, max });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const onClient = (client: Pool | PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      const name = params?.length ? statementName(sql) : undefined;
      return (await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows as T[];
    },
  });
  return {
    kind: 'postgres',
    ...onClient(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(onClient(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
