import type { IndicatorDefinition } from '../domain/economic-indicators';
import type { Db } from '../store/db';
import { readPolicy } from '../store/policy';
import { notRetryable } from './records';

export interface IndicatorsPreparation {
  edition: string;
  definitions: IndicatorDefinition[];
  /** ACTIVE zones whose report of the month is not accepted yet: every one the first time. */
  zones: { code: string; name: string }[];
  historyEventLimit: number;
}

/** What a month's round of economic indicators needs before it offers the zones their tasks. */
export function createIndicatorActivities(db: Db) {
  return {
    async prepareIndicators(input: { period: string }): Promise<IndicatorsPreparation> {
      // The edition in force on the month's first day: a month is reported by the rules of its own time.
      const monthStart = `${input.period}-01`;
      const [edition] = await db.query<{ edition: string; definitions: IndicatorDefinition[] }>(
        `SELECT edition, definitions FROM indicator_editions WHERE effective_from <= $1 ORDER BY effective_from DESC LIMIT 1`,
        [monthStart],
      );
      if (!edition) throw notRetryable(`no edition of the indicator definitions is in force on ${monthStart}`, 'NoIndicatorDefinitions');
      const zones = await db.query<{ code: string; name: string }>(
        `SELECT z.code, z.name FROM zones z
         WHERE z.status = 'ACTIVE' AND NOT EXISTS (
           SELECT 1 FROM indicator_reports r WHERE r.period = $1 AND r.zone_code = z.code AND r.status = 'ACCEPTED')
         ORDER BY z.code`,
        [input.period],
      );
      return {
        edition: edition.edition,
        definitions: edition.definitions,
        zones,
        historyEventLimit: Number(await readPolicy(db, 'workflow.historyEventLimit', '*')),
      };
    },
  };
}
