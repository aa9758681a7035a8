import { mayAnswerDemands } from '../domain/reform';
import type { Db } from '../store/db';
import { readPolicy } from '../store/policy';
import { notRetryable } from './records';

/** What the reform processes read before they act: the zone, a measure code, the organisation routed to. */
export function createReformActivities(db: Db) {
  return {
    async prepareReform(input: { zoneCode: string }): Promise<{ zoneName: string; historyEventLimit: number }> {
      const [zone] = await db.query<{ name: string }>('SELECT name FROM zones WHERE code = $1', [input.zoneCode]);
      if (!zone) throw notRetryable(`${input.zoneCode} is not a zone`, 'UnknownZone');
      return { zoneName: zone.name, historyEventLimit: Number(await readPolicy(db, 'workflow.historyEventLimit', input.zoneCode)) };
    },

    /**
     * The P6 measure code an accepted practice becomes: the next free RM-nnn, reserved on the practice's
     * row, so a retry (or a replayed acceptance) gets the same code and two practices never share one.
     */
    async reserveMeasureCode(input: { processId: string }): Promise<string> {
      const [held] = await db.query<{ measure_code: string | null }>('SELECT measure_code FROM reform_practices WHERE process_id = $1', [
        input.processId,
      ]);
      if (!held) throw notRetryable(`practice ${input.processId} is not recorded`, 'UnknownPractice');
      if (held.measure_code) return held.measure_code;
      const [next] = await db.query<{ n: number }>(
        `SELECT COALESCE(MAX(substring(code FROM 4)::int), 0) + 1 AS n FROM (
           SELECT code FROM reform_measures WHERE code ~ '^RM-\\d{3}$'
           UNION ALL SELECT measure_code FROM reform_practices WHERE measure_code ~ '^RM-\\d{3}$') AS codes`,
      );
      if (Number(next.n) > 999) throw notRetryable('no reform measure code is left (RM-999 is taken)', 'NoMeasureCode');
      const code = `RM-${String(next.n).padStart(3, '0')}`;
      // Another practice taking the same code at the same moment fails on the unique index: the retry takes the next.
      await db.query('UPDATE reform_practices SET measure_code = $2 WHERE process_id = $1 AND measure_code IS NULL', [
        input.processId,
        code,
      ]);
      const [kept] = await db.query<{ measure_code: string }>('SELECT measure_code FROM reform_practices WHERE process_id = $1', [
        input.processId,
      ]);
      return kept.measure_code;
    },

    /** The organisation a demand is routed to, if it may answer one: its name, else null. */
    async demandAnswerer(input: { orgId: string }): Promise<{ nameZh: string } | null> {
      const [org] = await db.query<{ id: string; kind: string; active: boolean; name_zh: string }>(
        'SELECT id, kind, active, name_zh FROM organizations WHERE id = $1',
        [input.orgId],
      );
      return org && mayAnswerDemands(org) ? { nameZh: org.name_zh } : null;
    },
  };
}
