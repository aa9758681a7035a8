import type { Db } from './db';

export interface InspectionFilter {
  zone?: string;
  entity?: string;
  process?: string;
  /** Only what has been published (一公开): a result recorded. */
  publishedOnly?: boolean;
}

export interface InspectionRow {
  id: string;
  processId: string;
  zoneCode: string;
  zoneName: string | null;
  uscc: string;
  entityName: string;
  grade: string;
  signals: string[];
  inspectors: string[];
  conflict: string | null;
  enforcementOrg: string;
  enforcementName: string | null;
  status: string;
  selection: string;
  seed: string;
  planTitle: string;
  inspectedOn: string | null;
  findings: string | null;
  rectifyBy: string | null;
  reinspectedOn: string | null;
  reinspectionFindings: string | null;
  penaltyCaseId: string | null;
  drawnAt: string;
  concludedAt: string | null;
  publishedAt: string | null;
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Inspections with their plan's selection and seed, newest draw first. */
export async function listInspections(db: Db, filter: InspectionFilter): Promise<InspectionRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT i.*, ${day('i.inspected_on')} AS inspected_day, ${day('i.rectify_by')} AS rectify_day, ${day('i.reinspected_on')} AS reinspected_day,
       p.selection, p.seed, p.title AS plan_title, z.name AS zone_name, o.name_zh AS enforcement_name
     FROM inspections i JOIN inspection_plans p ON p.process_id = i.process_id
     LEFT JOIN zones z ON z.code = i.zone_code LEFT JOIN organizations o ON o.id = i.enforcement_org
     WHERE ($1::text IS NULL OR i.zone_code = $1) AND ($2::text IS NULL OR i.uscc = $2) AND ($3::text IS NULL OR i.process_id = $3)
       AND (NOT $4 OR i.published_at IS NOT NULL)
     ORDER BY i.drawn_at DESC, i.id LIMIT 500`,
    [filter.zone ?? null, filter.entity ?? null, filter.process ?? null, Boolean(filter.publishedOnly)],
  );
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  return rows.map((r) => ({
    id: r.id as string,
    processId: r.process_id as string,
    zoneCode: r.zone_code as string,
    zoneName: (r.zone_name as string | null) ?? null,
    uscc: r.uscc as string,
    entityName: r.entity_name as string,
    grade: r.grade as string,
    signals: r.signals as string[],
    inspectors: r.inspectors as string[],
    conflict: (r.conflict as string | null) ?? null,
    enforcementOrg: r.enforcement_org as string,
    enforcementName: (r.enforcement_name as string | null) ?? null,
    status: r.status as string,
    selection: r.selection as string,
    seed: r.seed as string,
    planTitle: r.plan_title as string,
    inspectedOn: (r.inspected_day as string | null) ?? null,
    findings: (r.findings as string | null) ?? null,
    rectifyBy: (r.rectify_day as string | null) ?? null,
    reinspectedOn: (r.reinspected_day as string | null) ?? null,
    reinspectionFindings: (r.reinspection_findings as string | null) ?? null,
    penaltyCaseId: (r.penalty_case_id as string | null) ?? null,
    drawnAt: iso(r.drawn_at)!,
    concludedAt: iso(r.concluded_at),
    publishedAt: iso(r.published_at),
  }));
}
