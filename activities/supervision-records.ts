import type { Queryable } from '../store/db';
import type { Step } from './step';

/**
 * An inspection plan and its inspections as the step leaves them. A row is replaced whole; a result
 * recorded is published (一公开) and marked for the 互联网+监管 port, which sends what awaits it.
 */
export async function writeInspections(tx: Queryable, step: Step): Promise<void> {
  const plan = step.inspectionPlan;
  if (plan) {
    await tx.query(
      `INSERT INTO inspection_plans (process_id, zone_code, selection, title, seed, algorithm, population, ratios, facts, launched_by, drawn_at, status, concluded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (process_id) DO UPDATE SET status = $12, concluded_at = $13`,
      [
        step.processId,
        plan.zoneCode,
        plan.selection,
        plan.title,
        plan.seed,
        plan.algorithm,
        JSON.stringify(plan.population),
        JSON.stringify(plan.ratios),
        JSON.stringify(plan.facts),
        JSON.stringify(plan.launchedBy),
        plan.drawnAt,
        plan.status,
        plan.concludedAt ?? null,
      ],
    );
  }
  for (const i of step.inspections ?? []) {
    await tx.query(
      `INSERT INTO inspections (id, process_id, zone_code, uscc, entity_name, grade, signals, inspectors, conflict, enforcement_org, status,
         inspected_on, findings, rectify_by, reinspected_on, reinspection_findings, penalty_case_id, concluded_at, published_at,
         drawn_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (id) DO UPDATE SET status = $11, inspected_on = $12, findings = $13, rectify_by = $14, reinspected_on = $15,
         reinspection_findings = $16, penalty_case_id = $17, concluded_at = $18, published_at = $19, updated_at = $21`,
      [
        i.id,
        step.processId,
        i.zoneCode,
        i.uscc,
        i.entityName,
        i.grade,
        i.signals,
        i.inspectors,
        i.conflict ?? null,
        i.enforcementOrg,
        i.status,
        i.inspectedOn ?? null,
        i.findings ?? null,
        i.rectifyBy ?? null,
        i.reinspectedOn ?? null,
        i.reinspectionFindings ?? null,
        i.penaltyCaseId ?? null,
        i.concludedAt ?? null,
        i.publishedAt ?? null,
        i.drawnAt,
        step.at,
      ],
    );
  }
}
