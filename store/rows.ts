/**
 * Column shapes for parsing rows at the database edge: what PGlite and PostgreSQL (`pg`) each give
 * for a column type, accepted here once so a query module's schema says what the column means.
 */
import { z } from 'zod';
import type { Queryable } from './db';

/** A count or an int8/numeric column: `pg` gives a string, PGlite a number; read as a number. */
export const numberish = z.union([z.number(), z.string()]).transform(Number);
/** A timestamptz (or date) column: both drivers give a Date. */
export const instant = z.date();
/** A jsonb column read as it is; the reader parses what it needs. */
export const json = z.unknown();

/** Every row of `sql`, each parsed by `schema`. */
export async function rowsOf<S extends z.ZodType>(q: Queryable, schema: S, sql: string, params?: unknown[]): Promise<z.infer<S>[]> {
  return (await q.query(sql, params)).map((row) => schema.parse(row));
}

/** The first row of `sql` parsed by `schema`, or null when there is none. */
export async function firstOf<S extends z.ZodType>(q: Queryable, schema: S, sql: string, params?: unknown[]): Promise<z.infer<S> | null> {
  const [row] = await q.query(sql, params);
  return row ? schema.parse(row) : null;
}

/** A bigserial id: `pg` gives a string, PGlite a number; read as its text. */
export const idish = z.union([z.string(), z.number()]).transform(String);
