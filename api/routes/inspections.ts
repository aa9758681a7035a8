import { z } from 'zod';
import { COUNTY_CODE } from '../../domain/names';
import { maskPersonalData } from '../../domain/personal-data';
import { INSPECTION_STATUS_LABELS, SELECTION_LABELS, type InspectionStatus, type Selection } from '../../domain/supervision';
import { listInspections } from '../../store/inspections';
import { defineRoute } from '../route';
import { langSchema } from '../schemas';

const filters = {
  zone: z.string().regex(COUNTY_CODE, '应为协同区所在县（市、区）的区划代码').optional(),
  entity: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '应为18位统一社会信用代码')
    .optional(),
};

const inspectionSchema = z.object({
  id: z.string(),
  processId: z.string(),
  zoneCode: z.string(),
  zoneName: z.string().nullable(),
  uscc: z.string(),
  entityName: z.string(),
  grade: z.string(),
  signals: z.array(z.string()),
  inspectors: z.array(z.string()),
  conflict: z.string().nullable(),
  enforcementOrg: z.string(),
  enforcementName: z.string().nullable(),
  status: z.string(),
  selection: z.string(),
  seed: z.string(),
  planTitle: z.string(),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  rectifyBy: z.string().nullable(),
  reinspectedOn: z.string().nullable(),
  reinspectionFindings: z.string().nullable(),
  penaltyCaseId: z.string().nullable(),
  drawnAt: z.string(),
  concludedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

/** Every inspection with its plan, seed, inspectors, findings and where it stands; for signed-in readers. */
export const listInspectionsRoute = defineRoute({
  method: 'get',
  path: '/api/inspections',
  summary:
    'Inspections of the supervision plans (事中事后监管): entity, credit grade, risk signals, inspectors drawn, seed, findings, outcome; by zone, entity or plan',
  tag: 'Registries',
  query: z.object({ ...filters, process: z.string().max(200).optional() }),
  response: z.object({ items: z.array(inspectionSchema) }),
  async handler({ query, deps }) {
    return { items: await listInspections(deps.db, query) };
  },
});

/**
 * 一公开: the results as published, without a token — who was inspected (an entity, not a person), by
 * which enforcement body, how it was chosen (the seed lets anyone redraw it), when, and the outcome.
 * Findings and inspectors stay inside: free text may name people, and inspectors are named by their
 * body. What remains passes the personal-data masks all the same (domain/personal-data.ts).
 */
export const listPublicInspections = defineRoute({
  method: 'get',
  path: '/api/public/inspections',
  summary:
    'The published results of supervision inspections (双随机、一公开), for everyone: entity, enforcement body, selection and seed, dates and outcome',
  tag: 'Registries',
  public: true,
  query: z.object({ ...filters, lang: langSchema }),
  response: z.object({
    items: z.array(
      z.object({
        uscc: z.string(),
        entityName: z.string(),
        zoneCode: z.string(),
        zoneName: z.string().nullable(),
        enforcementName: z.string().nullable(),
        selection: z.string(),
        selectionLabel: z.string(),
        seed: z.string(),
        planId: z.string(),
        inspectedOn: z.string().nullable(),
        status: z.string(),
        outcomeLabel: z.string(),
        rectifyBy: z.string().nullable(),
        reinspectedOn: z.string().nullable(),
        publishedAt: z.string(),
      }),
    ),
  }),
  async handler({ query, deps }) {
    const rows = await listInspections(deps.db, { zone: query.zone, entity: query.entity, publishedOnly: true });
    return {
      items: maskPersonalData(
        rows.map((r) => ({
          uscc: r.uscc,
          entityName: r.entityName,
          zoneCode: r.zoneCode,
          zoneName: r.zoneName,
          enforcementName: r.enforcementName,
          selection: r.selection,
          selectionLabel: SELECTION_LABELS[r.selection as Selection]?.[query.lang] ?? r.selection,
          seed: r.seed,
          planId: r.processId,
          inspectedOn: r.inspectedOn,
          status: r.status,
          outcomeLabel: INSPECTION_STATUS_LABELS[r.status as InspectionStatus]?.[query.lang] ?? r.status,
          rectifyBy: r.rectifyBy,
          reinspectedOn: r.reinspectedOn,
          publishedAt: r.publishedAt!,
        })),
      ),
    };
  },
});
