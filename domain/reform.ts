/**
 * Reform that flows up from the zones (三(一) "深入挖掘协同发展示范区在改革创新方面的好经验、好做法", 五(二),
 * 五(三)): a zone's good practice proposed to the FTZ, evaluated, and — accepted — offered to the other
 * zones through the P6 adoption process; enterprises' reform demands (诉求) registered at a window,
 * routed, answered and summarised upward; training sessions for zone staff.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { COUNTY_CODE } from './names';
import { builtOnFirstUse, isoDate, text } from './schemas';
import { usccSchema } from './penalties';

const zoneCode = z.string().regex(COUNTY_CODE, 'a zone (county) division code');

// ---------------------------------------------------------------------------------------------------
// Good practice (好经验、好做法): proposed by a zone, evaluated by the FTZ, replicated through P6.

/** The launch: which zone proposes, and what the practice is called; the substance comes with the proposal task. */
export const practiceInputSchema = builtOnFirstUse(() =>
  z
    .object({
      zoneCode,
      titleZh: text(200),
    })
    .strict(),
);
export type PracticeInput = z.infer<typeof practiceInputSchema>;

/** What, where, with which results: the proposal the FTZ evaluates (documents are attached to the same task). */
export const practiceProposalSchema = builtOnFirstUse(() =>
  z
    .object({
      /** What the practice is: the problem, the new way, who does what. */
      practice: text(4000),
      /** Where it runs: the park, township or window, and since when. */
      where: text(1000),
      startedOn: isoDate,
      /** What it achieved, with figures where there are any. */
      results: text(4000),
    })
    .strict(),
);
export type PracticeProposal = z.infer<typeof practiceProposalSchema>;

export const PRACTICE_DECISIONS = ['accept', 'decline'] as const;
/** The FTZ's evaluation: accepted for replication in the other zones, or declined with its reasons. */
export const practiceEvaluationSchema = builtOnFirstUse(() =>
  z
    .object({
      decision: z.enum(PRACTICE_DECISIONS),
      /** Why not: required when declined, so the zone knows what to improve. */
      reasons: z.string().trim().max(2000).optional(),
      /** The measure's English title when replicated; the Chinese title is the practice's. */
      titleEn: z.string().trim().max(200).optional(),
      note: z.string().trim().max(2000).optional(),
    })
    .strict()
    .superRefine((value, ctx) => {
      if (value.decision === 'decline' && !value.reasons)
        ctx.addIssue({ code: 'custom', path: ['reasons'], message: '不予推广须写明理由' });
    }),
);
export type PracticeEvaluation = z.infer<typeof practiceEvaluationSchema>;

export const practiceActions = {
  proposePractice: defineAction({
    name: 'proposePractice',
    schema: practiceProposalSchema,
    role: 'staff',
    title: { zh: '报送好经验好做法', en: 'Propose a good practice' },
  }),
  evaluatePractice: defineAction({
    name: 'evaluatePractice',
    schema: practiceEvaluationSchema,
    role: 'staff',
    title: { zh: '评估协同区好经验好做法', en: "Evaluate a zone's good practice" },
  }),
};

export const PRACTICE_STAGES = ['PROPOSING', 'EVALUATING', 'ACCEPTED', 'DECLINED'] as const;
export type PracticeStage = (typeof PRACTICE_STAGES)[number];
export const PRACTICE_STAGE_LABELS: Record<PracticeStage, { zh: string; en: string }> = {
  PROPOSING: { zh: '协同区报送中', en: 'Zone proposing' },
  EVALUATING: { zh: '自贸区评估中', en: 'FTZ evaluating' },
  ACCEPTED: { zh: '已采纳并复制推广', en: 'Accepted for replication' },
  DECLINED: { zh: '不予推广', en: 'Declined' },
};
export const PRACTICE_TRANSITIONS: readonly [PracticeStage, PracticeStage][] = [
  ['PROPOSING', 'EVALUATING'],
  ['EVALUATING', 'ACCEPTED'],
  ['EVALUATING', 'DECLINED'],
];

/** The P6 measure an accepted practice becomes: its title, and who it came from as the grantor. */
export function measureFromPractice(title: { zh: string; en?: string }, zoneName: string, acceptedOn: string, summary: string) {
  return {
    titleZh: title.zh,
    titleEn: title.en || title.zh,
    grantedBy: `${zoneName}（协同区好经验好做法）`,
    grantedOn: acceptedOn,
    summary: summary.slice(0, 2000),
  };
}

// ---------------------------------------------------------------------------------------------------
// Enterprises' reform demands (企业改革诉求).

export const DEMAND_CATEGORIES = ['registration', 'licensing', 'tax', 'supervision', 'policy', 'other'] as const;
export const DEMAND_CATEGORY_LABELS: Record<(typeof DEMAND_CATEGORIES)[number], { zh: string; en: string }> = {
  registration: { zh: '登记注册', en: 'Registration' },
  licensing: { zh: '审批许可', en: 'Licensing' },
  tax: { zh: '税费', en: 'Tax' },
  supervision: { zh: '监管执法', en: 'Supervision' },
  policy: { zh: '政策支持', en: 'Policy' },
  other: { zh: '其他', en: 'Other' },
};

/** A demand as a window registers it. The contact's name and phone are personal data (domain/personal-data.ts). */
export const demandInputSchema = builtOnFirstUse(() =>
  z
    .object({
      zoneCode,
      enterpriseName: text(200),
      uscc: usccSchema.optional(),
      contactName: text(50),
      phone: z.string().regex(/^[0-9+\-() ]{5,20}$/, 'a telephone number'),
      category: z.enum(DEMAND_CATEGORIES),
      demand: text(4000),
      receivedOn: isoDate,
    })
    .strict(),
);
export type DemandInput = z.infer<typeof demandInputSchema>;

/** The FTZ routes a demand to the organisation responsible for it. */
export const demandRoutingSchema = builtOnFirstUse(() =>
  z
    .object({
      responsibleOrg: text(50),
      note: z.string().trim().max(1000).optional(),
    })
    .strict(),
);
export type DemandRouting = z.infer<typeof demandRoutingSchema>;

export const DEMAND_OUTCOMES = ['resolved', 'adopted', 'explained'] as const;
/** The responsible organisation's answer: solved, taken up as a reform, or explained why not. */
export const demandAnswerSchema = builtOnFirstUse(() =>
  z
    .object({
      outcome: z.enum(DEMAND_OUTCOMES),
      answer: text(4000),
    })
    .strict(),
);
export type DemandAnswer = z.infer<typeof demandAnswerSchema>;

export const demandActions = {
  routeDemand: defineAction({
    name: 'routeDemand',
    schema: demandRoutingSchema,
    role: 'staff',
    title: { zh: '分办企业改革诉求', en: "Route an enterprise's reform demand" },
  }),
  answerDemand: defineAction({
    name: 'answerDemand',
    schema: demandAnswerSchema,
    role: 'staff',
    title: { zh: '答复企业改革诉求', en: "Answer an enterprise's reform demand" },
  }),
};

export const DEMAND_STAGES = ['ROUTING', 'ANSWERING', 'ANSWERED'] as const;
export type DemandStage = (typeof DEMAND_STAGES)[number];
export const DEMAND_STAGE_LABELS: Record<DemandStage, { zh: string; en: string }> = {
  ROUTING: { zh: '待分办', en: 'Routing' },
  ANSWERING: { zh: '办理中', en: 'Being answered' },
  ANSWERED: { zh: '已答复', en: 'Answered' },
};
export const DEMAND_TRANSITIONS: readonly [DemandStage, DemandStage][] = [
  ['ROUTING', 'ANSWERING'],
  ['ANSWERING', 'ANSWERED'],
];

/** Organisations a demand may be routed to: any that acts, not the auditors who only read. */
export const mayAnswerDemands = (org: { id: string; kind: string; active: boolean }) =>
  org.active && org.kind !== 'audit' && !org.id.startsWith('audit');

// ---------------------------------------------------------------------------------------------------
// Training (业务培训) for zone staff.

export const trainingSessionSchema = builtOnFirstUse(() =>
  z
    .object({
      heldOn: isoDate,
      topic: text(200),
      place: z.string().trim().max(200).optional(),
      hours: z.number().positive().max(200),
      attendees: z
        .array(
          z
            .object({
              orgId: text(50),
              count: z.number().int().min(1).max(10_000),
              /** Named attendees, if recorded: personal data, masked for readers outside the session. */
              people: z
                .array(z.object({ personName: text(50) }).strict())
                .max(500)
                .optional(),
            })
            .strict(),
        )
        .min(1)
        .max(100)
        .refine((list) => new Set(list.map((a) => a.orgId)).size === list.length, 'each organisation once'),
    })
    .strict(),
);
