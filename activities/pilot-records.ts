import type { Queryable } from '../store/db';
import type { Step } from './step';

/** A measure listed at launch, and each zone's decision: offered as PENDING, then decided once. */
export async function writePilot(tx: Queryable, step: Step): Promise<void> {
  const m = step.measure;
  if (m) {
    await tx.query(
      `INSERT INTO reform_measures (code, title_zh, title_en, granted_by, granted_on, summary, listed_by, listed_at, origin_zone_code, practice_process_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING`,
      [
        m.code,
        m.titleZh,
        m.titleEn,
        m.grantedBy,
        m.grantedOn,
        m.summary ?? null,
        JSON.stringify(m.listedBy),
        step.at,
        m.origin?.zoneCode ?? null,
        m.origin?.practiceProcessId ?? null,
      ],
    );
  }
  for (const d of step.pilotDecisions ?? []) {
    await tx.query(
      `INSERT INTO pilot_decisions (measure_code, zone_code, status, decided_on, note, decided_by, process_id, offered_at, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (measure_code, zone_code) DO UPDATE SET status = $3, decided_on = $4, note = $5, decided_by = $6,
         process_id = $7, decided_at = $9`,
      [
        d.measureCode,
        d.zoneCode,
        d.status,
        d.decidedOn ?? null,
        d.note ?? null,
        d.decidedBy ? JSON.stringify(d.decidedBy) : null,
        step.processId,
        step.at,
        d.status === 'PENDING' ? null : step.at,
      ],
    );
  }
}
