import { z } from 'zod';

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Not z.iso.date(): inside the workflow sandbox it rejects every string (its Date is replaced there). */
/** A day that exists: 2026-02-31 fits the pattern, and the records store refuses it. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date, YYYY-MM-DD')
  // zod runs a refinement after a failed pattern too: anything that parses to no instant is refused here as well.
  .refine(
    (day) => {
      const instant = Date.parse(`${day}T00:00:00Z`);
      return !Number.isNaN(instant) && new Date(instant).toISOString().startsWith(day);
    },
    // Only a day of the right form is asked whether it exists: one wrong value, one message.
    { message: 'a date that exists', when: (payload) => payload.issues.length === 0 },
  );

/**
 * A schema built when it is first used. Every workflow a worker caches evaluates the domain modules
 * for itself (the SDK's reusable V8 context shares the context, not the module cache), and a built
 * schema weighs kilobytes (a memorandum's 32 KB): built at import, each waiting workflow carried
 * the schemas of every process, though most never parse a payload (docs/BENCHMARKS.md, memory).
 */
export const builtOnFirstUse = <T extends z.ZodType>(build: () => T) => z.lazy(build);
