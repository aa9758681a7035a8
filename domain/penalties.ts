/**
 * P4: a penalty decision local enforcement imposed under an entrusted power, reported (抄报) by the
 * zone, recognised (认可) or returned for correction (补正) by the FTZ, then applied (适用) to the
 * entity's credit: published for a period by grade, repairable after a minimum period.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { COUNTY_CODE } from './names';
import { RETURN_REASON_LABELS, RETURN_REASONS } from './penalty-labels';
import { powerCodeSchema } from './powers';
import { builtOnFirstUse, isoDate, text } from './schemas';
import { usccProblem } from './uscc';

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

/** The facts of a decision the zone may correct; the decision number is the case's key and stays. */
export const decisionFactsSchema = builtOnFirstUse(() =>
  z
    .object({
      uscc: usccSchema,
      violation: text(2000),
      legalBasis: text(1000),
      powerCode: powerCodeSchema,
      penalty: penaltySchema,
      grade: z.enum(GRADES),
      decidedOn: isoDate,
      deliveredOn: isoDate,
    })
    .strict()
    .refine((d) => d.deliveredOn >= d.decidedOn, { message: 'delivered before it was decided', path: ['deliveredOn'] }),
);
export type DecisionFacts = z.infer<typeof decisionFactsSchema>;

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
      /** The penalty case a revocation opened (P3), which this report handles. */
      caseId: text(100).optional(),
    })
    .strict(),
);
export type PenaltyInput = z.infer<typeof penaltyInputSchema>;

export { RETURN_REASONS, RETURN_REASON_LABELS };

export const reviewPenaltySchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('recognise'), note: z.string().trim().max(2000).optional() }).strict(),
    z
      .object({
        decision: z.literal('return'),
        reasons: z.array(z.enum(RETURN_REASONS)).min(1).max(RETURN_REASONS.length),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
  ]),
);
export type PenaltyReview = z.infer<typeof reviewPenaltySchema>;

export const correctionSchema = decisionFactsSchema;

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
    role: 'staff',
    title: { zh: '审核处罚结果：认可或退回补正', en: 'Review the penalty: recognise or return' },
  }),
  correctPenalty: defineAction({
    name: 'correctPenalty',
    schema: correctionSchema,
    role: 'staff',
    title: { zh: '补正处罚结果并重新报送', en: 'Correct the penalty and resubmit' },
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
    title: { zh: '申请信用修复', en: 'Request credit repair' },
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
  'PUBLISHED',
  'REPAIRED',
  'PUBLICATION_ENDED',
  'WITHDRAWN',
  'REFUSED',
] as const;
export type PenaltyStage = (typeof PENALTY_STAGES)[number];
export const FINAL_PENALTY_STAGES: readonly PenaltyStage[] = ['REPAIRED', 'PUBLICATION_ENDED', 'WITHDRAWN', 'REFUSED'];
/** Stages in which the decision may still be withdrawn. */
export const LIVE_PENALTY_STAGES: readonly PenaltyStage[] = ['REPORTING', 'REVIEWING', 'CORRECTING', 'PUBLISHED'];

export const PENALTY_STAGE_LABELS: Record<PenaltyStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  REPORTING: { zh: '待抄报', en: 'To report' },
  REVIEWING: { zh: '片区审核', en: 'Under FTZ review' },
  CORRECTING: { zh: '退回补正', en: 'Returned for correction' },
  PUBLISHED: { zh: '已认可，公示中', en: 'Recognised, published' },
  REPAIRED: { zh: '信用已修复', en: 'Credit repaired' },
  PUBLICATION_ENDED: { zh: '公示期满', en: 'Publication ended' },
  WITHDRAWN: { zh: '已撤回', en: 'Withdrawn' },
  REFUSED: { zh: '不予登记', en: 'Refused' },
};

export const PENALTY_TRANSITIONS: readonly [PenaltyStage, PenaltyStage][] = [
  ['PREPARING', 'REPORTING'],
  ['PREPARING', 'REFUSED'],
  ['REPORTING', 'REVIEWING'],
  ['REVIEWING', 'CORRECTING'],
  ['CORRECTING', 'REVIEWING'],
  ['REVIEWING', 'PUBLISHED'],
  ['PUBLISHED', 'REPAIRED'],
  ['PUBLISHED', 'PUBLICATION_ENDED'],
  ['REPORTING', 'WITHDRAWN'],
  ['REVIEWING', 'WITHDRAWN'],
  ['CORRECTING', 'WITHDRAWN'],
  ['PUBLISHED', 'WITHDRAWN'],
];

/**
 * How a recognised penalty is published, per grade (policy `penalty.publication`): for how many
 * months, after how many the entity may ask for repair, and whether it bars commitment mode (P3).
 */
export const publicationTermSchema = builtOnFirstUse(() =>
  z
    .object({
      months: z.number().int().min(1).max(36),
      repairAfterMonths: z.number().int().min(0).max(36),
      barsCommitment: z.boolean(),
    })
    .strict()
    .refine((term) => term.repairAfterMonths <= term.months, 'repair cannot come after the publication ends'),
);
export type PublicationTerm = z.infer<typeof publicationTermSchema>;

/** DOMAIN.md P4: minor up to 3 months, general 3 to 12, serious 12 to 36. */
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
        if (months < min || months > max) ctx.addIssue({ code: 'custom', path: [grade, 'months'], message: `a ${grade} penalty is published ${min} to ${max} months` });
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

/** The publication of a penalty recognised on `from`: its last day and the first day repair may be asked. */
export function publicationPeriod(from: string, term: PublicationTerm): { until: string; repairEligibleFrom: string; endsOn: string } {
  const endsOn = addMonths(from, term.months);
  const last = new Date(Date.parse(`${endsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { until: last, repairEligibleFrom: addMonths(from, term.repairAfterMonths), endsOn };
}

/** The fields a correction changed; none means a resubmission without changes. */
export function changedFields(before: DecisionFacts, after: DecisionFacts): string[] {
  return (Object.keys(after) as (keyof DecisionFacts)[]).filter((key) => canonical(before[key]) !== canonical(after[key]));
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
