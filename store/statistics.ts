import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical';
import type { Actor } from '../domain/identity';
import { ECONOMIC_INDICATORS, type EconomicIndicator } from '../domain/statistics-labels';
import {
  addFigures,
  figuresDelta,
  INDICATORS,
  periodBounds,
  roundFigure,
  unitOf,
  zeroIndicators,
  type Indicator,
  type Indicators,
  type UnitFigures,
} from '../domain/statistics';
import { z } from 'zod';
import type { Db, Queryable } from './db';
import { rowsOf } from './rows';

/**
 * Each indicator: the records it counts, grouped by zone code, for events in [$1, $2). A penalty
 * counts as recognised in the month of its recognition unless it was withdrawn since: a withdrawal
 * therefore corrects the recognition's month. Correction rounds are the returns a penalty recognised
 * in the month went through.
 */
/**
 * Each economic indicator: the figures the zones reported for the month, once the FTZ accepted them.
 * A report accepted after its month was snapshotted corrects that month in the next snapshot.
 */
const REPORTED = Object.fromEntries(
  ECONOMIC_INDICATORS.map((code) => [
    code,
    {
      sql: `SELECT zone_code, sum((figures -> '${code}' ->> 'value')::numeric) AS n FROM indicator_reports
            WHERE status = 'ACCEPTED' AND period_start >= $1 AND period_start < $2 GROUP BY zone_code`,
    },
  ]),
) as Record<EconomicIndicator, { sql: string }>;

const COUNTS: Record<Indicator, { sql: string; needsPenalties?: boolean }> = {
  ...REPORTED,
  registrations: {
    sql: `SELECT zone_code, count(*) AS n FROM entities WHERE registered_at >= $1 AND registered_at < $2 GROUP BY zone_code`,
  },
  licencesOnCommitment: {
    sql: `SELECT zone_code, count(*) AS n FROM licences WHERE granted_at >= $1 AND granted_at < $2 GROUP BY zone_code`,
  },
  verificationsOnTime: {
    sql: `SELECT zone_code, count(*) AS n FROM licences WHERE verified_at >= $1 AND verified_at < $2 AND verified_on_time GROUP BY zone_code`,
  },
  verificationsLate: {
    sql: `SELECT zone_code, count(*) AS n FROM licences WHERE verified_at >= $1 AND verified_at < $2 AND NOT verified_on_time GROUP BY zone_code`,
  },
  revocations: { sql: `SELECT zone_code, count(*) AS n FROM licences WHERE revoked_at >= $1 AND revoked_at < $2 GROUP BY zone_code` },
  taxTransfers: {
    sql: `SELECT e.zone_code, count(*) AS n FROM tax_registrations t JOIN entities e ON e.uscc = t.uscc
          WHERE t.transfer_status = 'CONFIRMED' AND t.confirmed_at >= $1 AND t.confirmed_at < $2 GROUP BY e.zone_code`,
  },
  penaltiesReported: {
    needsPenalties: true,
    sql: `SELECT zone_code, count(*) AS n FROM penalties WHERE reported_at >= $1 AND reported_at < $2 GROUP BY zone_code`,
  },
  penaltiesRecognised: {
    needsPenalties: true,
    sql: `SELECT zone_code, count(*) AS n FROM penalties
          WHERE recognised_at >= $1 AND recognised_at < $2 AND withdrawn_at IS NULL GROUP BY zone_code`,
  },
  penaltiesReturned: {
    needsPenalties: true,
    sql: `SELECT p.zone_code, count(*) AS n FROM penalty_reviews r JOIN penalties p ON p.decision_number = r.decision_number
          WHERE r.outcome = 'returned' AND r.reviewed_at >= $1 AND r.reviewed_at < $2 GROUP BY p.zone_code`,
  },
  correctionRounds: {
    needsPenalties: true,
    sql: `SELECT p.zone_code, count(r.*) AS n FROM penalties p JOIN penalty_reviews r ON r.decision_number = p.decision_number
          WHERE r.outcome = 'returned' AND p.recognised_at >= $1 AND p.recognised_at < $2 AND p.withdrawn_at IS NULL
          GROUP BY p.zone_code`,
  },
};

/** The penalty registry arrives with P4; until its tables exist its indicators are zero. */
async function hasPenaltyRecords(q: Queryable): Promise<boolean> {
  const [row] = await q.query<{ ready: boolean }>(
    `SELECT to_regclass('penalties') IS NOT NULL AND to_regclass('penalty_reviews') IS NOT NULL AS ready`,
  );
  return row.ready;
}

/** Every indicator of a month, per unit, as the records stand now. */
export async function computeFigures(q: Queryable, period: string): Promise<UnitFigures> {
  const { from, to } = periodBounds(period);
  const penalties = await hasPenaltyRecords(q);
  const figures: UnitFigures = {};
  for (const name of INDICATORS) {
    const count = COUNTS[name];
    if (count.needsPenalties && !penalties) continue;
    for (const row of await q.query<{ zone_code: string; n: string | number }>(count.sql, [from, to])) {
      const unit = unitOf(row.zone_code);
      figures[unit] ??= zeroIndicators();
      figures[unit][name] = roundFigure(figures[unit][name] + Number(row.n));
    }
  }
  return figures;
}

export interface Snapshot {
  period: string;
  figures: UnitFigures;
  corrections: Record<string, Record<string, Partial<Indicators>>>;
  trigger: 'schedule' | 'request';
  takenBy: Actor | null;
  processId: string;
  takenAt: string;
}

interface SnapshotRow {
  period: string;
  figures: UnitFigures;
  corrections: Snapshot['corrections'];
  trigger: Snapshot['trigger'];
  taken_by: Actor | null;
  process_id: string;
  taken_at: Date | string;
}

const toSnapshot = (r: SnapshotRow): Snapshot => ({
  period: r.period,
  figures: r.figures,
  corrections: r.corrections,
  trigger: r.trigger,
  takenBy: r.taken_by,
  processId: r.process_id,
  takenAt: new Date(r.taken_at).toISOString(),
});

export async function readSnapshot(q: Queryable, period: string): Promise<Snapshot | undefined> {
  const [row] = await q.query<SnapshotRow>('SELECT * FROM statistics_snapshots WHERE period = $1', [period]);
  return row && toSnapshot(row);
}

export async function listSnapshots(q: Queryable): Promise<Snapshot[]> {
  return (await q.query<SnapshotRow>('SELECT * FROM statistics_snapshots ORDER BY period DESC')).map(toSnapshot);
}

/**
 * Takes the month's snapshot once: the figures as known now, and for each earlier month already
 * snapshotted, what moved since it was published (its snapshot plus every correction published
 * for it since) — so the published figures of a month, summed, always equal the records. A
 * snapshot that exists is returned as it is, never recomputed.
 */
export async function takeSnapshot(
  db: Db,
  input: { period: string; trigger: Snapshot['trigger']; takenBy: Actor | null; processId: string; takenAt: string },
): Promise<{ created: boolean; snapshot: Snapshot }> {
  return db.transaction(async (tx) => {
    // Snapshots one at a time: each one's corrections build on every one before it.
    await tx.query('LOCK TABLE statistics_snapshots IN EXCLUSIVE MODE');
    const existing = await readSnapshot(tx, input.period);
    if (existing) return { created: false, snapshot: existing };
    const figures = await computeFigures(tx, input.period);
    const all = await listSnapshots(tx);
    const earlier = all.filter((s) => s.period < input.period);
    const corrections: Snapshot['corrections'] = {};
    for (const published of earlier) {
      const since = all.map((s) => s.corrections[published.period]).filter((c) => c !== undefined);
      const delta = figuresDelta(await computeFigures(tx, published.period), addFigures(published.figures, ...since));
      if (Object.keys(delta).length) corrections[published.period] = delta;
    }
    const snapshot: Snapshot = { ...input, figures, corrections };
    await tx.query(
      `INSERT INTO statistics_snapshots (period, figures, corrections, trigger, taken_by, process_id, taken_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        snapshot.period,
        JSON.stringify(figures),
        JSON.stringify(corrections),
        snapshot.trigger,
        snapshot.takenBy && JSON.stringify(snapshot.takenBy),
        snapshot.processId,
        snapshot.takenAt,
      ],
    );
    return { created: true, snapshot };
  });
}

/**
 * A snapshot's fingerprint for submission: the SHA-256 of its canonical JSON (keys sorted). A snapshot
 * is never changed, so the hash a file names can be checked against the records at any later time.
 */
export function snapshotHash(snapshot: Snapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot)).digest('hex');
}

/** The figures a month has been published with: its snapshot plus every correction published for it since. */
export function publishedFigures(snapshot: Snapshot, all: Snapshot[]): UnitFigures {
  return addFigures(snapshot.figures, ...all.map((s) => s.corrections[snapshot.period]).filter((c) => c !== undefined));
}

/** The zones statistics still attribute figures to: every zone not terminated. */
export async function countedZoneCodes(q: Queryable): Promise<string[]> {
  return (await rowsOf(q, z.object({ code: z.string() }), `SELECT code FROM zones WHERE status <> 'TERMINATED'`)).map((row) => row.code);
}

/** The names of the statistics' units: every division, and the organisation that stands for the FTZ. */
export function unitNames(q: Queryable, ftzUnit: string): Promise<{ code: string; name_zh: string; name_en: string }[]> {
  return rowsOf(
    q,
    z.object({ code: z.string(), name_zh: z.string(), name_en: z.string() }),
    `SELECT code, name_zh, name_en FROM divisions UNION ALL SELECT id, name_zh, name_en FROM organizations WHERE id = $1`,
    [ftzUnit],
  );
}
