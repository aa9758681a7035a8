import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  addFigures,
  FTZ_UNIT,
  INDICATORS,
  periodBounds,
  periodOf,
  periodSchema,
  sumIndicators,
  viewOf,
  VIEWS,
  type UnitFigures,
  type View,
} from '../../domain/statistics';
import { computeFigures, listSnapshots, readSnapshot, type Snapshot } from '../../store/statistics';
import type { StatisticsSnapshotArgs, StatisticsSnapshotResult } from '../../workflows/statistics-snapshot';
import { actorOf } from '../auth';
import { conflict } from '../errors';
import { defineRoute, type ApiDeps } from '../route';
import { langSchema, type Lang } from '../schemas';

const indicatorsSchema = z.object(Object.fromEntries(INDICATORS.map((name) => [name, z.number().int()])) as Record<(typeof INDICATORS)[number], z.ZodNumber>);
const rowSchema = z.object({
  unit: z.string(),
  name: z.string(),
  indicators: indicatorsSchema,
  merged: z.array(z.string()).optional(),
  own: indicatorsSchema.optional(),
});
const figuresSchema = z.object({ rows: z.array(rowSchema), total: indicatorsSchema });
const monthSchema = figuresSchema.extend({
  view: z.enum(VIEWS),
  period: z.string(),
  source: z.enum(['snapshot', 'live']),
  takenAt: z.string().nullable(),
  trigger: z.enum(['schedule', 'request']).nullable(),
  corrections: z.array(figuresSchema.extend({ period: z.string() })),
});
const overviewSchema = z.object({
  view: z.enum(VIEWS),
  current: figuresSchema.extend({ period: z.string() }),
  snapshots: z.array(z.object({ period: z.string(), takenAt: z.string(), trigger: z.enum(['schedule', 'request']), corrects: z.array(z.string()) })),
});

/** Rows of a view, each named: a county by its division, the FTZ by its committee. */
async function rowsOf(deps: ApiDeps, view: View, figures: UnitFigures, lang: Lang) {
  const zones = await deps.db.query<{ code: string }>(`SELECT code FROM zones WHERE status <> 'TERMINATED'`);
  const names = await deps.db.query<{ code: string; name_zh: string; name_en: string }>(
    `SELECT code, name_zh, name_en FROM divisions UNION ALL SELECT id, name_zh, name_en FROM organizations WHERE id = $1`,
    [FTZ_UNIT],
  );
  const nameOf = (unit: string) => {
    const found = names.find((n) => n.code === unit);
    return found ? (lang === 'zh' ? found.name_zh : found.name_en) : unit;
  };
  const rows = viewOf(view, figures, zones.map((z) => z.code)).map((row) => ({ ...row, name: nameOf(row.unit) }));
  return { rows, total: sumIndicators(rows.map((row) => row.indicators)) };
}

async function snapshotMonth(deps: ApiDeps, view: View, snapshot: Snapshot, lang: Lang) {
  const corrections = [];
  for (const [period, delta] of Object.entries(snapshot.corrections).sort()) {
    const figures = addFigures({}, delta);
    corrections.push({ period, ...(await rowsOf(deps, view, figures, lang)) });
  }
  return {
    view,
    period: snapshot.period,
    source: 'snapshot' as const,
    takenAt: snapshot.takenAt,
    trigger: snapshot.trigger,
    ...(await rowsOf(deps, view, snapshot.figures, lang)),
    corrections,
  };
}

export const getStatistics = defineRoute({
  method: 'get',
  path: '/api/statistics',
  summary:
    'Indicators per unit and month in the municipal view (a row per zone county, the FTZ own figures apart) or the national view (one FTZ row, the zones merged in). ' +
    'With `period` (YYYY-MM, China time): its stored snapshot, with the corrections to earlier months it published, or the live figures when the month has no snapshot or `source=live`. ' +
    'Without: the live figures of the current month and the list of snapshots.',
  tag: 'Registries',
  query: z.object({
    view: z.enum(VIEWS).default('municipal'),
    period: periodSchema.optional(),
    source: z.enum(['snapshot', 'live']).optional(),
    lang: langSchema,
  }),
  response: z.union([monthSchema, overviewSchema]),
  async handler({ query, deps }) {
    if (!query.period) {
      const period = periodOf(Date.now());
      const snapshots = await listSnapshots(deps.db);
      return {
        view: query.view,
        current: { period, ...(await rowsOf(deps, query.view, await computeFigures(deps.db, period), query.lang)) },
        snapshots: snapshots.map((s) => ({ period: s.period, takenAt: s.takenAt, trigger: s.trigger, corrects: Object.keys(s.corrections).sort() })),
      };
    }
    const snapshot = query.source === 'live' ? undefined : await readSnapshot(deps.db, query.period);
    if (snapshot) return snapshotMonth(deps, query.view, snapshot, query.lang);
    const figures = await computeFigures(deps.db, query.period);
    return {
      view: query.view,
      period: query.period,
      source: 'live' as const,
      takenAt: null,
      trigger: null,
      ...(await rowsOf(deps, query.view, figures, query.lang)),
      corrections: [],
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
    if (Date.parse(periodBounds(body.period).to) > Date.now()) throw conflict(`${body.period} is not over yet: a month is snapshotted once it has ended`);
    const args: StatisticsSnapshotArgs = { period: body.period, trigger: 'request', takenBy: actorOf(user) };
    // The records keep one snapshot per month; the workflow id only needs to be new.
    const workflowId = `statistics-snapshot-${body.period}-${randomBytes(3).toString('hex')}`;
    let result: StatisticsSnapshotResult;
    try {
      result = await deps.client.workflow.execute('statisticsSnapshot', { workflowId, taskQueue: deps.taskQueue, args: [args] });
    } catch (error) {
      if (error instanceof WorkflowFailedError && error.cause instanceof ApplicationFailure && error.cause.type === 'PeriodNotOver') throw conflict(error.cause.message);
      throw error;
    }
    const snapshot = (await readSnapshot(deps.db, body.period))!;
    // Another request (or the schedule) took it first.
    if (!result.created) throw alreadyTaken(snapshot);
    return { period: snapshot.period, takenAt: snapshot.takenAt, trigger: snapshot.trigger, processId: snapshot.processId };
  },
});

const alreadyTaken = (snapshot: Snapshot) =>
  conflict(`the snapshot of ${snapshot.period} was taken at ${snapshot.takenAt} and is never changed; later changes appear as corrections in the next month's`, {
    period: snapshot.period,
    takenAt: snapshot.takenAt,
    figures: snapshot.figures,
  });
