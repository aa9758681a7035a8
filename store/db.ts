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
  /**
   * Reads on one connection, without a transaction: those `work` makes at once (`Promise.all`) go to
   * PostgreSQL together and come back in one round trip instead of one each. Each still sees what
   * was committed when it runs, as on the pool.
   */
  together<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
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
    // In this process: no round trips to save.
    together: (work) => work({ query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows }),
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

/**
 * A write whose rows nobody reads: INSERT, UPDATE or DELETE without RETURNING. Inside a transaction
 * on PostgreSQL it is sent at once and not waited for (see `openPostgres`).
 */
const BLIND_WRITE = /^\s*(INSERT|UPDATE|DELETE)\b(?![\s\S]*\bRETURNING\b)/i;

export function isBlindWrite(sql: string): boolean {
  return BLIND_WRITE.test(sql);
}

/**
 * PostgreSQL through a pool of pipelining connections. Outside a transaction every query waits for
 * its answer as before. Inside one, a blind write (`isBlindWrite`) is sent and the work goes on at
 * once; the statements reach the server in the order they were made (one connection), so a read
 * after a write sees it, and the writes of a step travel together with the next read or the COMMIT
 * instead of a round trip each (a step of the records writer made ten). BEGIN travels with the first
 * statement. Nothing is committed unless every statement succeeded: a failed write aborts the
 * transaction in the server (what follows it fails, the COMMIT is answered as a ROLLBACK), and the
 * transaction throws the first failure in the order the statements were made, as it did when each
 * was awaited.
 */
async function openPostgres(connectionString: string, max: number): Promise<Db> {
  const pool = new Pool({ connectionString, max, pipeline: true });
  // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const run = async <T>(client: Pool | PoolClient, sql: string, params?: unknown[]): Promise<T[]> => {
    const name = params?.length ? statementName(sql) : undefined;
    return (await client.query(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows as T[];
  };
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    transaction: async (work) => {
      const client = await pool.connect();
      // Sent, not yet answered, in the order they were made; each failure is also seen here.
      const unanswered: Promise<unknown>[] = [];
      const send = (sent: Promise<unknown>) => {
        sent.catch(() => undefined);
        unanswered.push(sent);
      };
      const firstFailure = async () => {
        const answers = await Promise.allSettled(unanswered.splice(0));
        const failed = answers.find((answer) => answer.status === 'rejected');
        if (failed) throw failed.reason;
      };
      const tx: Queryable = {
        query: async <T>(sql: string, params?: unknown[]) => {
          const sent = run<T>(client, sql, params);
          if (isBlindWrite(sql)) {
            send(sent);
            return [];
          }
          try {
            return await sent;
          } catch (error) {
            // A write before it that failed is the cause; this one only found the transaction aborted.
            await firstFailure();
            throw error;
          }
        },
      };
      try {
        send(client.query('BEGIN'));
        const result = await work(tx);
        const committed = client.query('COMMIT');
        committed.catch(() => undefined);
        await firstFailure();
        await committed;
        return result;
      } catch (error) {
        await firstFailure().catch(() => undefined);
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    together: async (work) => {
      const client = await pool.connect();
      const sent: Promise<unknown>[] = [];
      try {
        return await work({
          query: <T>(sql: string, params?: unknown[]) => {
            const rows = run<T>(client, sql, params);
            sent.push(rows.catch(() => undefined));
            return rows;
          },
        });
      } finally {
        // Back to the pool only once every read it carries is answered (one may fail before the others).
        await Promise.all(sent);
        client.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
