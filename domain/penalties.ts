/**
 * P4: a penalty decision local enforcement imposed under its own (属地) authority, reported (抄报) by
 * the zone, recognised (认可) by the FTZ — or returned (补正) for a formal defect of the report, which the
 * zone completes — then applied (适用) to the entity's credit: published from the decision date for a
 * period by severity, repairable after a minimum period.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { COUNTY_CODE } from './names';
import { RETIRED_RETURN_REASONS, RETURN_REASON_LABELS, RETURN_REASONS } from './penalty-labels';
import { powerCodeSchema } from './powers';
import { builtOnFirstUse, isoDate, text } from './schemas';
import { withReturnsNamed, withStageNamesNow } from './stage-names';
import { usccProblem } from './uscc';

/** 失信行为严重程度 (轻微 / 一般 / 严重), which sets how long the penalty is published. */
export const GRADES = ['minor', 'general', 'serious'] as const;
export type Grade = (typeof GRADES)[number];

export const usccSchema = z.string().refine((code) => usccProblem(code) === null, 'a unified social credit code (GB 32100-2015)');

export const penaltySchema = builtOnFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('warning') }).strict(),
    z.object({ kind: z.literal('fine'), amountYuan: z.number().positive().max(1e10) }).strict(),
    z.object({ kind: z.literal('licenceRevocation'), licence: text(200) }).strict(),
    z.object({ kind: z.literal('other'), description: text(1000) }).strict(),
  ]),
);

const factFields = () => ({
  uscc: usccSchema,
  violation: text(2000),
  legalBasis: text(1000),
  penalty: penaltySchema,
  grade: z.enum(GRADES),
  decidedOn: isoDate,
  deliveredOn: isoDate,
});

/**
 * The facts of a delivered decision, as local enforcement files them. Only the enforcement body changes
 * them, by a new decision: the report of the old one is withdrawn and the new one filed. No entrusted
 * power is named: penalties are imposed under local authority (四(三)1).
 */
export const decisionFactsSchema = builtOnFirstUse(() =>
  z
    .object(factFields())
    .strict()
    .refine((d) => d.deliveredOn >= d.decidedOn, { message: 'delivered before it was decided', path: ['deliveredOn'] }),
);
/** Decisions filed before penalties left the power catalogue name the entrusted power they were checked against. */
export type DecisionFacts = z.infer<typeof decisionFactsSchema> & { powerCode?: string };
/** The facts a correction may repeat but never change, the decision number first. */
export const DECISION_FACT_FIELDS = [
  'decisionNumber',
  'uscc',
  'violation',
  'legalBasis',
  'powerCode',
  'penalty',
  'grade',
  'decidedOn',
  'deliveredOn',
] as const;

/** A document of the report: the decision itself, its proof of delivery, or another; by its SHA-256. */
export const reportDocumentSchema = builtOnFirstUse(() =>
  z
    .object({
      kind: z.enum(['decision', 'delivery', 'other']),
      title: text(200),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the document, 64 lowercase hex digits'),
    })
    .strict(),
);

/** What the report adds to the decision and the zone body may complete: its documents and transcription. */
const reportFields = () => ({
  /** 当事人名称 as the decision writes it. */
  entityName: text(200).optional(),
  documents: z.array(reportDocumentSchema).max(20).optional(),
});
export const reportSchema = builtOnFirstUse(() => z.object(reportFields()).strict());
export type PenaltyReportDetails = z.infer<typeof reportSchema>;

export const penaltyInputSchema = builtOnFirstUse(() =>
  z
    .object({
      /** The zone (county) whose enforcement decided it: only `le-<zoneCode>` files it. */
      zoneCode: z.string().regex(COUNTY_CODE, 'a zone (county) division code'),
      // It names the process and appears in URLs and engine searches: letters, digits and the brackets of 文号.
      decisionNumber: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .regex(/^[\p{L}\p{N}_.〔〕（）()[\]-]+$/u, 'letters, digits, brackets 〔〕（）()[] and . _ - only'),
      decision: decisionFactsSchema,
      report: reportSchema.optional(),
      /** The penalty case a revocation opened (P3), which this report handles. */
      caseId: text(100).optional(),
      /** The decision this one changes: its report was withdrawn by the enforcement body as changed. */
      replaces: text(100).optional(),
    })
    .strict(),
);
export type PenaltyInput = z.infer<typeof penaltyInputSchema>;

export { RETIRED_RETURN_REASONS, RETURN_REASONS, RETURN_REASON_LABELS };

const reviewSchemaOf = (reasons: readonly [string, ...string[]]) =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('recognise'), note: z.string().trim().max(2000).optional() }).strict(),
    z
      .object({
        decision: z.literal('return'),
        reasons: z.array(z.enum(reasons)).min(1).max(reasons.length),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
  ]);
/** A review: recognition, or a return naming the report's formal defects only. */
export const reviewPenaltySchema = builtOnFirstUse(() => reviewSchemaOf(RETURN_REASONS));
/** What recorded reviews hold: returns before the FTZ stopped re-judging cases gave other reasons. */
export const recordedReviewSchema = builtOnFirstUse(() => reviewSchemaOf([...RETURN_REASONS, ...RETIRED_RETURN_REASONS]));
export type PenaltyReview = z.infer<typeof recordedReviewSchema>;

/**
 * A correction completes the report. The decision's facts come prefilled and may be sent back as they
 * are; a changed one is refused naming the field, since only the enforcement body changes its decision.
 * (Corrections recorded before, when the zone resubmitted the facts themselves, parse here too.)
 */
export const correctionSchema = builtOnFirstUse(() =>
  z
    .object({
      ...reportFields(),
      decisionNumber: z.string().max(100).optional(),
      uscc: usccSchema.optional(),
      violation: text(2000).optional(),
      legalBasis: text(1000).optional(),
      powerCode: powerCodeSchema.optional(),
      penalty: penaltySchema.optional(),
      grade: z.enum(GRADES).optional(),
      decidedOn: isoDate.optional(),
      deliveredOn: isoDate.optional(),
    })
    .strict()
    .refine((d) => !d.decidedOn || !d.deliveredOn || d.deliveredOn >= d.decidedOn, {
      message: 'delivered before it was decided',
      path: ['deliveredOn'],
    }),
);
export type Correction = z.infer<typeof correctionSchema>;

export const penaltyActions = {
  reportPenalty: defineAction({
    name: 'reportPenalty',
    schema: builtOnFirstUse(() => z.object({ note: z.string().trim().max(2000).optional() }).strict()),
    role: 'staff',
    title: { zh: '抄报行政处罚结果', en: 'Report the penalty decision' },
  }),
  reviewPenalty: defineAction({
    name: 'reviewPenalty',
    schema: reviewPenaltySchema,
    recordedSchema: recordedReviewSchema,
    role: 'staff',
    // The recognition letter (认可函) is the FTZ's signed act.
    signs: ['recognise'],
    title: { zh: '审核处罚结果：予以认可或退回补正', en: 'Review the report: recognise, or return it for a formal defect' },
  }),
  correctPenalty: defineAction({
    name: 'correctPenalty',
    schema: correctionSchema,
    role: 'staff',
    title: { zh: '补正抄报材料并重新报送', en: 'Complete the report and resubmit' },
  }),
  withdrawPenalty: defineAction({
    name: 'withdrawPenalty',
    schema: builtOnFirstUse(() => z.object({ cause: z.enum(['revoked', 'changed']), reason: text(2000) }).strict()),
    role: 'staff',
    title: { zh: '处罚决定撤销或变更：撤回', en: 'Decision revoked or changed: withdraw' },
  }),
  requestCreditRepair: defineAction({
    name: 'requestCreditRepair',
    schema: builtOnFirstUse(() => z.object({ rectification: text(4000) }).strict()),
    role: 'staff',
    title: { zh: '代当事人申请信用修复', en: "Request credit repair on the entity's behalf" },
  }),
  decideCreditRepair: defineAction({
    name: 'decideCreditRepair',
    schema: builtOnFirstUse(() =>
      z.discriminatedUnion('decision', [
        z.object({ decision: z.literal('grant'), note: z.string().trim().max(2000).optional() }).strict(),
        z.object({ decision: z.literal('refuse'), reason: text(2000) }).strict(),
      ]),
    ),
    role: 'staff',
    title: { zh: '决定信用修复申请', en: 'Decide the credit repair request' },
  }),
};

export const PENALTY_STAGES = [
  'PREPARING',
  'REPORTING',
  'REVIEWING',
  'CORRECTING',
  'RECOGNISED',
  'REPAIRED',
  'PUBLICATION_ENDED',
  'WITHDRAWN',
  'REFUSED',
] as const;
export type PenaltyStage = (typeof PENALTY_STAGES)[number];
export const FINAL_PENALTY_STAGES: readonly PenaltyStage[] = ['REPAIRED', 'PUBLICATION_ENDED', 'WITHDRAWN', 'REFUSED'];
/** Stages in which the decision may still be withdrawn. */
export const LIVE_PENALTY_STAGES: readonly PenaltyStage[] = ['REPORTING', 'REVIEWING', 'CORRECTING', 'RECOGNISED'];

export const PENALTY_STAGE_LABELS: Record<PenaltyStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  REPORTING: { zh: '待抄报', en: 'To report' },
  REVIEWING: { zh: '片区审核', en: 'Under FTZ review' },
  CORRECTING: { zh: '退回补正', en: 'Returned for correction' },
  RECOGNISED: { zh: '已认可，公示中', en: 'Recognised, published' },
  REPAIRED: { zh: '信用已修复', en: 'Credit repaired' },
  PUBLICATION_ENDED: { zh: '公示期满', en: 'Publication ended' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
  REFUSED: { zh: '不予受理', en: 'Not accepted' },
};

export const PENALTY_TRANSITIONS: readonly [PenaltyStage, PenaltyStage][] = [
  ['PREPARING', 'REPORTING'],
  ['PREPARING', 'REFUSED'],
  ['REPORTING', 'REVIEWING'],
  ['REVIEWING', 'CORRECTING'],
  ['CORRECTING', 'REVIEWING'],
  ['REVIEWING', 'RECOGNISED'],
  ['RECOGNISED', 'REPAIRED'],
  ['RECOGNISED', 'PUBLICATION_ENDED'],
  ['REPORTING', 'WITHDRAWN'],
  ['REVIEWING', 'WITHDRAWN'],
  ['CORRECTING', 'WITHDRAWN'],
  ['RECOGNISED', 'WITHDRAWN'],
];

/**
 * A penalty process's state as a continued run reads it. Runs before the names of now wrote the stage
 * `RECOGNISED` as `PUBLISHED` and counted the returns for correction as `rounds`, in the state and in
 * the register row it keeps; a state written since comes back as it was.
 */
export function penaltyStateNow<S extends { stage: PenaltyStage; path: PenaltyStage[]; returns: number; record?: { returns: number } }>(
  continued: S,
): S {
  const state = withReturnsNamed(continued);
  return { ...withStageNamesNow('penalty-report', state), ...(state.record && { record: withReturnsNamed(state.record) }) };
}

/**
 * How a recognised penalty is published, per severity (policy `penalty.publication`): for how many
 * months from the decision date, and after how many the entity may ask for repair. Every recognised
 * penalty bars the commitment route (P3) while published; `barsCommitment` is read only by reports
 * filed before that rule, whose policy data still carries it.
 */
export const publicationTermSchema = builtOnFirstUse(() =>
  z
    .object({
      months: z.number().int().min(1).max(36),
      repairAfterMonths: z.number().int().min(0).max(36),
      barsCommitment: z.boolean().optional(),
    })
    .strict()
    .refine((term) => term.repairAfterMonths <= term.months, 'repair cannot come after the publication ends'),
);
export type PublicationTerm = z.infer<typeof publicationTermSchema>;

/** The national rule on publishing penalties (from the decision date): minor up to 3 months, general 3 to 12, serious 12 to 36. */
export const PUBLICATION_MONTHS: Record<Grade, [min: number, max: number]> = {
  minor: [1, 3],
  general: [3, 12],
  serious: [12, 36],
};

export const publicationPolicySchema = builtOnFirstUse(() =>
  z
    .object({ minor: publicationTermSchema, general: publicationTermSchema, serious: publicationTermSchema })
    .strict()
    .superRefine((policy, ctx) => {
      for (const grade of GRADES) {
        const [min, max] = PUBLICATION_MONTHS[grade];
        const { months } = policy[grade];
        if (months < min || months > max)
          ctx.addIssue({ code: 'custom', path: [grade, 'months'], message: `a ${grade} penalty is published ${min} to ${max} months` });
      }
    }),
);
export type PublicationPolicy = z.infer<typeof publicationPolicySchema>;

/** The date `months` calendar months after `date`, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The publication of a penalty counted from `from` (its decision date): its last day and the first day repair may be asked. */
export function publicationPeriod(from: string, term: PublicationTerm): { until: string; repairEligibleFrom: string; endsOn: string } {
  const endsOn = addMonths(from, term.months);
  const last = new Date(Date.parse(`${endsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { until: last, repairEligibleFrom: addMonths(from, term.repairAfterMonths), endsOn };
}

/** The fields a correction changed; none means a resubmission without changes. */
export function changedFields<T extends object>(before: T, after: T): string[] {
  return (Object.keys(after) as (keyof T)[]).filter((key) => canonical(before[key]) !== canonical(after[key])).map(String);
}

/** The decision's facts a correction sent changed: each one is refused by its name. */
export function changedFacts(decision: DecisionFacts & { decisionNumber: string }, correction: Correction): string[] {
  return DECISION_FACT_FIELDS.filter(
    (field) => correction[field] !== undefined && canonical(correction[field]) !== canonical(decision[field]),
  );
}

/** What a correction completes of the report: the report's fields it sent, over the report as it stands. */
export function completedReport(report: PenaltyReportDetails, correction: Correction): PenaltyReportDetails {
  const next = { ...report };
  if (correction.entityName !== undefined) next.entityName = correction.entityName;
  if (correction.documents !== undefined) next.documents = correction.documents;
  return next;
}

function canonical(value: unknown): string {
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${key}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
