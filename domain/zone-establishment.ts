import { z } from 'zod';
import { defineAction } from './actions';
import { builtOnFirstUse, isoDate, text } from './schemas';
import { COUNTY_CODE } from './names';
import { approvalSchema, zoneAreaSchema } from './zone-area';

/** Process input: the smallest is `{countyCode}`. */
export const zoneEstablishmentInputSchema = builtOnFirstUse(() =>
  z
    .object({
      countyCode: z.string().regex(COUNTY_CODE, 'a Yingkou county division code, 2108xx'),
      /** The city's approval (批复); the first batch's is the policy itself, filled in when left out. */
      approval: approvalSchema.optional(),
    })
    .strict(),
);
export type ZoneEstablishmentInput = z.infer<typeof zoneEstablishmentInputSchema>;

export const memorandumContentSchema = builtOnFirstUse(() =>
  z
    .object({
      /** The zone's area: townships and/or parks of the county (checked against the division data at the API). */
      boundary: zoneAreaSchema,
      scope: text(4000),
      duties: z.object({ ftz: text(4000), county: text(4000) }).strict(),
      statisticsRule: text(2000),
      meetingMechanism: text(2000),
      effectiveDate: isoDate,
    })
    .strict(),
);
export type MemorandumContent = z.infer<typeof memorandumContentSchema>;

/**
 * What the workflow parses: memoranda drafted before areas were drawn name no township or park, and
 * replay parses them again. The API offers and checks `memorandumContentSchema`, the only way in.
 */
const recordedMemorandumSchema = builtOnFirstUse(() =>
  memorandumContentSchema.unwrap().extend({
    boundary: z
      .object({
        townshipCodes: z.array(z.string()).optional(),
        parkIds: z.array(z.string()).optional(),
        areaKm2: z.number().positive().max(10_000),
        description: text(2000),
        geojson: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
  }),
);
/** A memorandum as the zone process holds it: drafted before areas were drawn, it names no township or park. */
export type RecordedMemorandumContent = z.infer<typeof recordedMemorandumSchema>;

export const reviewSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('sign') }).strict(),
    z.object({ decision: z.literal('return'), comments: text(4000) }).strict(),
  ]),
);
export type Review = z.infer<typeof reviewSchema>;

export const managementBodySchema = builtOnFirstUse(() =>
  z.object({ name: text(200), head: text(100), contact: text(100), address: text(400) }).strict(),
);
export type ManagementBody = z.infer<typeof managementBodySchema>;

const reasonSchema = builtOnFirstUse(() => z.object({ reason: text(2000) }).strict());
const noteSchema = builtOnFirstUse(() => z.object({ note: z.string().trim().max(2000).optional() }).strict());

export const overdueDecisionSchema = builtOnFirstUse(() =>
  z.object({ decision: z.enum(['withdraw', 'keepWaiting']), reason: text(2000) }).strict(),
);

export const terminationConsentSchema = builtOnFirstUse(() =>
  z.object({ decision: z.enum(['agree', 'refuse']), note: z.string().trim().max(2000).optional() }).strict(),
);

/** Human steps of the zone workflow; each is an Update of the same name. */
export const zoneActions = {
  draftMemorandum: defineAction({
    name: 'draftMemorandum',
    schema: memorandumContentSchema,
    recordedSchema: recordedMemorandumSchema,
    role: 'staff',
    title: { zh: '起草协同发展备忘录', en: 'Draft the memorandum' },
  }),
  reviewMemorandum: defineAction({
    name: 'reviewMemorandum',
    schema: reviewSchema,
    role: 'staff',
    signs: ['sign'],
    title: { zh: '审阅并签署备忘录', en: 'Review and sign the memorandum' },
  }),
  nameManagementBody: defineAction({
    name: 'nameManagementBody',
    schema: managementBodySchema,
    role: 'staff',
    title: { zh: '确定协同区管理机构', en: 'Name the zone management body' },
  }),
  decideOverdueMemorandum: defineAction({
    name: 'decideOverdueMemorandum',
    schema: overdueDecisionSchema,
    role: 'admin',
    title: { zh: '备忘录签署逾期：撤回或继续等待', en: 'Memorandum overdue: withdraw or keep waiting' },
  }),
  proposeAmendment: defineAction({
    name: 'proposeAmendment',
    schema: reasonSchema,
    role: 'admin',
    title: { zh: '提议修订备忘录', en: 'Propose an amendment' },
  }),
  suspendZone: defineAction({
    name: 'suspendZone',
    schema: reasonSchema,
    role: 'admin',
    title: { zh: '暂停协同区', en: 'Suspend the zone' },
  }),
  resumeZone: defineAction({
    name: 'resumeZone',
    schema: noteSchema,
    role: 'admin',
    title: { zh: '恢复协同区', en: 'Resume the zone' },
  }),
  proposeTermination: defineAction({
    name: 'proposeTermination',
    schema: reasonSchema,
    role: 'admin',
    title: { zh: '提议终止协同区', en: 'Propose termination' },
  }),
  consentTermination: defineAction({
    name: 'consentTermination',
    schema: terminationConsentSchema,
    role: 'admin',
    title: { zh: '同意或拒绝终止协同区', en: 'Agree to or refuse termination' },
  }),
};
export type ZoneActionName = keyof typeof zoneActions;

export const ZONE_STAGES = [
  'PREPARING',
  'DRAFTING',
  'SIGNING',
  'AWAITING_BODY',
  'ACTIVE',
  'AMENDMENT_DRAFTING',
  'AMENDMENT_SIGNING',
  'SUSPENDED',
  'TERMINATION_PROPOSED',
  'TERMINATED',
  'WITHDRAWN',
] as const;
export type ZoneStage = (typeof ZONE_STAGES)[number];
export const FINAL_ZONE_STAGES: readonly ZoneStage[] = ['TERMINATED', 'WITHDRAWN'];

export const ZONE_STAGE_LABELS: Record<ZoneStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  DRAFTING: { zh: '起草备忘录', en: 'Drafting' },
  SIGNING: { zh: '审阅签署', en: 'Signing' },
  AWAITING_BODY: { zh: '待设管理机构', en: 'Awaiting the body' },
  ACTIVE: { zh: '运行中', en: 'Active' },
  AMENDMENT_DRAFTING: { zh: '起草修订', en: 'Drafting an amendment' },
  AMENDMENT_SIGNING: { zh: '签署修订', en: 'Signing an amendment' },
  SUSPENDED: { zh: '暂停', en: 'Suspended' },
  TERMINATION_PROPOSED: { zh: '提议终止', en: 'Termination proposed' },
  TERMINATED: { zh: '已终止', en: 'Terminated' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
};

/** Every move the workflow can make between stages: the process diagram is drawn from these. */
export const ZONE_TRANSITIONS: readonly [ZoneStage, ZoneStage][] = [
  ['PREPARING', 'DRAFTING'],
  ['DRAFTING', 'SIGNING'],
  ['SIGNING', 'DRAFTING'],
  ['SIGNING', 'AWAITING_BODY'],
  ['DRAFTING', 'WITHDRAWN'],
  ['SIGNING', 'WITHDRAWN'],
  ['AWAITING_BODY', 'ACTIVE'],
  ['ACTIVE', 'AMENDMENT_DRAFTING'],
  ['AMENDMENT_DRAFTING', 'AMENDMENT_SIGNING'],
  ['AMENDMENT_SIGNING', 'AMENDMENT_DRAFTING'],
  ['AMENDMENT_SIGNING', 'ACTIVE'],
  ['ACTIVE', 'SUSPENDED'],
  ['SUSPENDED', 'ACTIVE'],
  ['ACTIVE', 'TERMINATION_PROPOSED'],
  ['SUSPENDED', 'TERMINATION_PROPOSED'],
  ['TERMINATION_PROPOSED', 'ACTIVE'],
  ['TERMINATION_PROPOSED', 'SUSPENDED'],
  ['TERMINATION_PROPOSED', 'TERMINATED'],
];
