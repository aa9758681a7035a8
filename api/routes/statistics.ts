import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { INDICATORS, periodBounds, periodOf, periodSchema, VIEWS } from '../../domain/statistics';
import { ECONOMIC_INDICATORS } from '../../domain/statistics-labels';
import { computeFigures, listSnapshots, readSnapshot, type Snapshot } from '../../store/statistics';
import { monthFigures, rowsOf, yearFigures, yearHasBegun } from '../statistics-figures';
import type { StatisticsSnapshotArgs, StatisticsSnapshotResult } from '../../workflows/statistics-snapshot';
import { actorOf } from '../auth';
import { refused } from '../errors';
import { defineRoute } from '../route';
import { langSchema } from '../schemas';

/** Counts are whole; reported amounts (万元, 万美元) carry decimals. */
export const indicatorsSchema = z.object(
  Object.fromEntries(
    INDICATORS.map((name) => [name, (ECONOMIC_INDICATORS as readonly string[]).includes(name) ? z.number() : z.number().int()]),
  ) as Record<(typeof INDICATORS)[number], z.ZodNumber>,
);
const rowSchema = z.object({
  unit: z.string(),
  name: z.string(),
  indicators: indicatorsSchema,
  merged: z.array(z.string()).optional(),
  own: indicatorsSchema.optional(),
});
const figuresSchema = z.object({ rows: z.array(rowSchema), total: indicatorsSchema });
const sourceShape = {
  source: z.enum(['snapshot', 'live']),
  /** The snapshot's id (the process that took it) and SHA-256, as an exported file cites them; null when live. */
  snapshotId: z.string().nullable(),
  hash: z.string().nullable(),
  takenAt: z.string().nullable(),
  trigger: z.enum(['schedule', 'request']).nullable(),
};
const monthSchema = figuresSchema.extend({
  view: z.enum(VIEWS),
  period: z.string(),
  ...sourceShape,
  corrections: z.array(figuresSchema.extend({ period: z.string() })),
});
const yearSchema = figuresSchema.extend({
  view: z.enum(VIEWS),
  year: z.number().int(),
  months: z.array(z.object({ period: z.string(), ...sourceShape })),
});
const overviewSchema = z.object({
  view: z.enum(VIEWS),
  current: figuresSchema.extend({ period: z.string() }),
  snapshots: z.array(
    z.object({ period: z.string(), takenAt: z.string(), trigger: z.enum(['schedule', 'request']), corrects: z.array(z.string()) }),
  ),
});

/** A year of this century, as a query gives it. */
export const yearQuery = z.coerce.number().int().min(2000).max(2099);

export const getStatistics = defineRoute({
  method: 'get',
  path: '/api/statistics',
  summary:
    'Indicators per unit and month in the municipal view (a row per zone county, the FTZ own figures apart) or the national view (one FTZ row, the zones merged in). ' +
    'With `period` (YYYY-MM, China time): its stored snapshot, with the corrections to earlier months it published, or the live figures when the month has no snapshot or `source=live`. ' +
    "With `year`: each month of the year up to now as published (its snapshot and the corrections published for it since, or live), summed, with each month's source. " +
    'Without: the live figures of the current month and the list of snapshots. A snapshot is cited by its id and SHA-256 (`snapshotId`, `hash`).',
  tag: 'Registries',
  query: z.object({
    view: z.enum(VIEWS).default('municipal'),
    period: periodSchema.optional(),
    year: yearQuery.optional(),
    source: z.enum(['snapshot', 'live']).optional(),
    lang: langSchema,
  }),
  response: z.union([monthSchema, yearSchema, overviewSchema]),
  async handler({ query, deps }) {
    if (query.period && query.year) throw refused('PERIOD_OR_YEAR', {}, 'query.year');
    if (query.year !== undefined) {
      if (!yearHasBegun(query.year)) throw refused('YEAR_NOT_BEGUN', { year: query.year }, 'query.year');
      return yearFigures(deps, query.view, query.year, query.lang);
    }
    if (query.period) return monthFigures(deps, query.view, query.period, query.lang, query.source === 'live');
    const period = periodOf(Date.now());
    const snapshots = await listSnapshots(deps.db);
    return {
      view: query.view,
      current: { period, ...(await rowsOf(deps, query.view, await computeFigures(deps.db, period), query.lang)) },
      snapshots: snapshots.map((s) => ({
        period: s.period,
        takenAt: s.takenAt,
        trigger: s.trigger,
        corrects: Object.keys(s.corrections).sort(),
      })),
    };
  },
});

export const takeStatisticsSnapshot = defineRoute({
  method: 'post',
  path: '/api/statistics/snapshots',
  summary:
    "Takes a month's snapshot now (FTZ or city admins), as the monthly schedule would: 201 with it; 409 when the month already has one (returned unchanged in details) or is not over",
  tag: 'Registries',
  body: z.object({ period: periodSchema }).strict(),
  status: 201,
  response: z.object({ period: z.string(), takenAt: z.string(), trigger: z.enum(['schedule', 'request']), processId: z.string() }),
  async handler({ body, user, deps }) {
    const stored = await readSnapshot(deps.db, body.period);
    if (stored) throw alreadyTaken(stored);
    if (Date.parse(periodBounds(body.period).to) > Date.now()) throw refused('PERIOD_NOT_OVER', { period: body.period }, 'body.period');
    const args: StatisticsSnapshotArgs = { period: body.period, trigger: 'request', takenBy: actorOf(user) };
    // The records keep one snapshot per month; the workflow id only needs to be new.
    const workflowId = `statistics-snapshot-${body.period}-${randomBytes(3).toString('hex')}`;
    let result: StatisticsSnapshotResult;
    try {
      result = await deps.client.workflow.execute('statisticsSnapshot', { workflowId, taskQueue: deps.taskQueue, args: [args] });
    } catch (error) {
      if (error instanceof WorkflowFailedError && error.cause instanceof ApplicationFailure && error.cause.type === 'PeriodNotOver')
        throw refused('PERIOD_NOT_OVER', { period: body.period }, 'body.period');
      throw error;
    }
    const snapshot = (await readSnapshot(deps.db, body.period))!;
    // Another request (or the schedule) took it first.
    if (!result.created) throw alreadyTaken(snapshot);
    return { period: snapshot.period, takenAt: snapshot.takenAt, trigger: snapshot.trigger, processId: snapshot.processId };
  },
});

/** The month's snapshot is taken once and never changed: the refusal answers it unchanged in details. */
const alreadyTaken = (snapshot: Snapshot) =>
  refused('SNAPSHOT_TAKEN', { period: snapshot.period, takenAt: snapshot.takenAt }, undefined, {
    period: snapshot.period,
    takenAt: snapshot.takenAt,
    figures: snapshot.figures,
  });
