import type { Queryable } from '../store/db';
import type { Step } from './step';

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** A practice's row as the step leaves it; the measure code, reserved on acceptance, is never cleared. */
export async function writePractice(tx: Queryable, step: Step): Promise<void> {
  const p = step.practice!;
  await tx.query(
    `INSERT INTO reform_practices (process_id, zone_code, title, practice, place, started_on, results, status, reasons, note, measure_code,
       due_at, launched_by, launched_at, proposed_by, proposed_at, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (process_id) DO UPDATE SET practice = $4, place = $5, started_on = $6, results = $7, status = $8, reasons = $9, note = $10,
       measure_code = COALESCE(reform_practices.measure_code, $11), due_at = $12, proposed_by = $15, proposed_at = $16, decided_by = $17, decided_at = $18`,
    [
      step.processId,
      p.zoneCode,
      p.title,
      p.practice ?? null,
      p.where ?? null,
      p.startedOn ?? null,
      p.results ?? null,
      p.status,
      p.reasons ?? null,
      p.note ?? null,
      p.measureCode ?? null,
      p.dueAt ?? null,
      json(p.launchedBy),
      p.launchedAt,
      json(p.proposedBy),
      p.proposedAt ?? null,
      json(p.decidedBy),
      p.decidedAt ?? null,
    ],
  );
}

/** A demand's row as the step leaves it. */
export async function writeDemand(tx: Queryable, step: Step): Promise<void> {
  const d = step.demand!;
  await tx.query(
    `INSERT INTO reform_demands (process_id, zone_code, enterprise_name, uscc, category, demand, received_on, window_org, status,
       responsible_org, outcome, answer, due_at, registered_at, routed_at, answered_at, answered_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (process_id) DO UPDATE SET status = $9, responsible_org = $10, outcome = $11, answer = $12, due_at = $13,
       routed_at = $15, answered_at = $16, answered_by = $17`,
    [
      step.processId,
      d.zoneCode,
      d.enterpriseName,
      d.uscc ?? null,
      d.category,
      d.demand,
      d.receivedOn,
      d.windowOrg,
      d.status,
      d.responsibleOrg ?? null,
      d.outcome ?? null,
      d.answer ?? null,
      d.dueAt ?? null,
      d.registeredAt,
      d.routedAt ?? null,
      d.answeredAt ?? null,
      json(d.answeredBy),
    ],
  );
}
