import { periodBounds } from '../domain/statistics';
import type { Queryable } from '../store/db';
import type { Step } from './step';

/** Each zone's report as the step leaves it: offered, reported, returned, accepted. A row is replaced whole. */
export async function writeIndicatorReports(tx: Queryable, step: Step): Promise<void> {
  for (const r of step.indicatorReports ?? []) {
    const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
    await tx.query(
      `INSERT INTO indicator_reports (period, zone_code, period_start, status, edition, figures, note, rounds, reviews, due_at,
         reported_by, reported_at, accepted_by, accepted_at, process_id, offered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (period, zone_code) DO UPDATE SET status = $4, edition = $5, figures = $6, note = $7, rounds = $8, reviews = $9,
         due_at = $10, reported_by = $11, reported_at = $12, accepted_by = $13, accepted_at = $14, process_id = $15
       WHERE indicator_reports.status <> 'ACCEPTED' OR $4 = 'ACCEPTED'`,
      [
        r.period,
        r.zoneCode,
        periodBounds(r.period).from,
        r.status,
        r.edition,
        json(r.figures),
        r.note ?? null,
        // The column keeps its first name, `rounds` (a rename is no additive migration); a step a run
        // scheduled before the count was named `returns` carries it as `rounds`.
        r.returns ?? (r as { rounds?: number }).rounds ?? 0,
        JSON.stringify(r.reviews),
        r.dueAt ?? null,
        json(r.reportedBy),
        r.reportedAt ?? null,
        json(r.acceptedBy),
        r.acceptedAt ?? null,
        step.processId,
        step.at,
      ],
    );
  }
}
