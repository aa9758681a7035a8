import { z } from 'zod';
import { defineAction } from './actions';
import { powerCodeSchema } from './powers';
import { refusal, type Refusal } from './refusals';
import { builtOnFirstUse, isoDate, text } from './schemas';
import { withStageNamesNow } from './stage-names';
import { reviewSchema } from './zone-establishment';

export const agreementInputSchema = builtOnFirstUse(() =>
  z.object({ zoneCode: z.string().regex(/^\d{6}$/, 'a zone (county) division code') }).strict(),
);
export type AgreementInput = z.infer<typeof agreementInputSchema>;

export const SCOPES = ['acceptance', 'review', 'decision'] as const;

export const agreementContentSchema = builtOnFirstUse(() =>
  z
    .object({
      items: z
        .array(z.object({ powerCode: powerCodeSchema, scope: z.enum(SCOPES) }).strict())
        .min(1)
        .max(200)
        .refine((items) => new Set(items.map((i) => i.powerCode)).size === items.length, 'each power once'),
      term: z
        .object({ startDate: isoDate, endDate: isoDate })
        .strict()
        .refine((term) => term.startDate <= term.endDate, { message: 'the term ends before it starts', path: ['endDate'] }),
      rights: text(4000),
      duties: text(4000),
      liability: text(4000),
      /** The clause that the zone may not entrust the powers further (不得再委托). */
      noSubEntrustment: z.literal(true),
    })
    .strict(),
);
export type AgreementContent = z.infer<typeof agreementContentSchema>;

export const renewalDecisionSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('renew'), newEndDate: isoDate }).strict(),
    z.object({ decision: z.literal('letExpire'), note: z.string().trim().max(2000).optional() }).strict(),
  ]),
);

export const announcementSchema = builtOnFirstUse(() => z.object({ announcementRef: text(200), announcedOn: isoDate }).strict());

export const agreementActions = {
  draftAgreement: defineAction({
    name: 'draftAgreement',
    schema: agreementContentSchema,
    role: 'staff',
    title: { zh: '起草委托协议', en: 'Draft the delegation agreement' },
  }),
  reviewAgreement: defineAction({
    name: 'reviewAgreement',
    schema: reviewSchema,
    role: 'staff',
    signs: ['sign'],
    title: { zh: '审阅并签署委托协议', en: 'Review and sign the agreement' },
  }),
  announceAgreement: defineAction({
    name: 'announceAgreement',
    schema: announcementSchema,
    role: 'staff',
    title: { zh: '公告委托协议', en: 'Announce the agreement' },
  }),
  decideRenewal: defineAction({
    name: 'decideRenewal',
    schema: renewalDecisionSchema,
    role: 'admin',
    title: { zh: '委托协议即将到期：续签或到期终止', en: 'Agreement expiring: renew or let expire' },
  }),
  terminateAgreement: defineAction({
    name: 'terminateAgreement',
    schema: builtOnFirstUse(() => z.object({ reason: text(2000) }).strict()),
    role: 'admin',
    title: { zh: '提前终止委托协议', en: 'Terminate the agreement early' },
  }),
};

export const AGREEMENT_STAGES = [
  'PREPARING',
  'DRAFTING',
  'SIGNING',
  'SIGNED',
  'PENDING_START',
  'IN_FORCE',
  'RENEWAL_DRAFTING',
  'RENEWAL_SIGNING',
  'EXPIRED',
  'TERMINATED',
] as const;
export type AgreementStage = (typeof AGREEMENT_STAGES)[number];
export const FINAL_AGREEMENT_STAGES: readonly AgreementStage[] = ['EXPIRED', 'TERMINATED'];

export const AGREEMENT_STAGE_LABELS: Record<AgreementStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  DRAFTING: { zh: '起草', en: 'Drafting' },
  SIGNING: { zh: '审阅签署', en: 'Signing' },
  SIGNED: { zh: '已签署待公告', en: 'Signed, awaiting announcement' },
  PENDING_START: { zh: '待生效', en: 'Pending start' },
  IN_FORCE: { zh: '生效中', en: 'In force' },
  RENEWAL_DRAFTING: { zh: '续签起草', en: 'Drafting a renewal' },
  RENEWAL_SIGNING: { zh: '续签签署', en: 'Signing a renewal' },
  EXPIRED: { zh: '已到期', en: 'Expired' },
  TERMINATED: { zh: '已终止', en: 'Terminated' },
};

export const AGREEMENT_TRANSITIONS: readonly [AgreementStage, AgreementStage][] = [
  ['PREPARING', 'DRAFTING'],
  ['DRAFTING', 'SIGNING'],
  ['SIGNING', 'DRAFTING'],
  ['SIGNING', 'SIGNED'],
  ['SIGNED', 'PENDING_START'],
  ['SIGNED', 'IN_FORCE'],
  ['PENDING_START', 'IN_FORCE'],
  ['IN_FORCE', 'RENEWAL_SIGNING'],
  ['RENEWAL_SIGNING', 'RENEWAL_DRAFTING'],
  ['RENEWAL_DRAFTING', 'RENEWAL_SIGNING'],
  ['RENEWAL_SIGNING', 'IN_FORCE'],
  ['IN_FORCE', 'EXPIRED'],
  ['RENEWAL_SIGNING', 'EXPIRED'],
  ['RENEWAL_DRAFTING', 'EXPIRED'],
  ['PENDING_START', 'TERMINATED'],
  ['IN_FORCE', 'TERMINATED'],
  ['RENEWAL_DRAFTING', 'TERMINATED'],
  ['RENEWAL_SIGNING', 'TERMINATED'],
  // The zone's end ends an agreement at any stage.
  ['PREPARING', 'TERMINATED'],
  ['DRAFTING', 'TERMINATED'],
  ['SIGNING', 'TERMINATED'],
  ['SIGNED', 'TERMINATED'],
];

/**
 * An agreement process's state as a continued run reads it. Runs before the names of now wrote the
 * stage `SIGNED` as `ANNOUNCING`; a state written since comes back as it was.
 */
export function agreementStateNow<S extends { stage: AgreementStage; path: AgreementStage[] }>(continued: S): S {
  return withStageNamesNow('delegation-agreement', continued);
}

/**
 * An agreement is in force from its announcement, which must have happened: dated neither after
 * today, nor before the agreement was concluded, nor after the announcement period allows.
 * Dates are days in China, `YYYY-MM-DD`. The refusal names the announcement's date field.
 */
export function announcementRefusal(
  announcedOn: string,
  facts: { today: string; concludedOn: string; announceBy: string },
): Refusal | null {
  const path = 'body.announcedOn';
  if (announcedOn > facts.today) return refusal('ANNOUNCED_AFTER_TODAY', { announcedOn, today: facts.today }, path);
  if (announcedOn < facts.concludedOn) return refusal('ANNOUNCED_BEFORE_SIGNING', { announcedOn, concludedOn: facts.concludedOn }, path);
  if (announcedOn > facts.announceBy) return refusal('ANNOUNCED_TOO_LATE', { announcedOn, announceBy: facts.announceBy }, path);
  return null;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A term is within the policy's limit when it ends before the same day `maxYears` later. */
export function termWithinLimit(term: { startDate: string; endDate: string }, maxYears: number): boolean {
  const start = new Date(`${term.startDate}T00:00:00Z`);
  const limit = new Date(Date.UTC(start.getUTCFullYear() + maxYears, start.getUTCMonth(), start.getUTCDate()));
  return Date.parse(`${term.endDate}T00:00:00Z`) < limit.getTime();
}
