/**
 * P3: registering a company in the FTZ on the notification-commitment basis (告知承诺制), its tax
 * registration and transfer, and the verification of each commitment by local enforcement.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import type { AuthorityCause } from './authority';
import { COUNTY_CODE } from './names';
import { powerCodeSchema } from './powers';
import { builtOnFirstUse, isoDate, text } from './schemas';
import { fullUsccProblem, usccProblem } from './uscc';
import { PARK_ID, TOWNSHIP_CODE } from './zone-area';

const USCC_PROBLEMS = {
  length: 'a USCC has 18 characters',
  character: 'a USCC uses only 0-9 and A-Y without I, O, S, V, Z',
  check: 'the check character (GB 32100-2015) does not match: a character is wrong',
  organisationCode: 'positions 9–17 are not a valid organisation code (GB 11714 check character): a character is wrong',
} as const;

/** A USCC to look up: GB 32100 (entities registered before codes carried a checked organisation code stay reachable). */
export const usccSchema = z.string().superRefine((code, ctx) => {
  const problem = usccProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: USCC_PROBLEMS[problem] });
});

/** The USCC an application names: GB 32100 and the GB 11714 organisation code at positions 9–17. */
const applicationUsccSchema = z.string().superRefine((code, ctx) => {
  const problem = fullUsccProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: USCC_PROBLEMS[problem] });
});

/** A resident identity card number: 17 digits and a digit or X. */
const idNumber = z.string().regex(/^\d{17}[\dX]$/, 'an 18-character ID number');

/** A licence item on commitment (met now, or by a date), or by the normal route (许可事项现场核查). */
const licenceItemSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('variant', [
    z.object({ powerCode: powerCodeSchema, commitment: text(4000), variant: z.literal('conditionsMet') }).strict(),
    z
      .object({ powerCode: powerCodeSchema, commitment: text(4000), variant: z.literal('conditionsByDate'), conditionsDue: isoDate })
      .strict(),
    z.object({ powerCode: powerCodeSchema, variant: z.literal('normalRoute'), note: z.string().trim().max(2000).optional() }).strict(),
  ]),
);
export type LicenceItem = z.infer<typeof licenceItemSchema>;
export type CommitmentItem = Exclude<LicenceItem, { variant: 'normalRoute' }>;

export const applicationSchema = builtOnFirstUse(() =>
  z
    .object({
      name: text(200),
      uscc: applicationUsccSchema.optional(),
      legalRepresentative: z.object({ name: text(100), idNumber, phone: z.string().regex(/^[\d-]{7,20}$/, 'a telephone number') }).strict(),
      // The township (and park, if any) decide whether the residence is in the zone's area, not the county alone.
      residence: z
        .object({
          divisionCode: z.string().regex(COUNTY_CODE, 'a county of Yingkou'),
          townshipCode: z.string().regex(TOWNSHIP_CODE, 'a township (乡镇/街道) code of the division data, 9 digits'),
          parkId: z.string().regex(PARK_ID, 'a park of the division data').optional(),
          address: text(400),
        })
        .strict(),
      businessAddresses: z
        .array(
          z
            .object({
              divisionCode: z
                .string()
                .regex(/^\d{6}$/)
                .optional(),
              address: text(400),
            })
            .strict(),
        )
        .min(1)
        .max(20),
      businessScope: text(2000),
      licenceItems: z
        .array(licenceItemSchema)
        .max(20)
        .refine((items) => new Set(items.map((i) => i.powerCode)).size === items.length, 'each licence item once'),
    })
    .strict(),
);
export type Application = z.infer<typeof applicationSchema>;

/** The legal representative as the registry shows it: name, and identifiers masked. */
export function maskedRepresentative(rep: Application['legalRepresentative']) {
  return {
    name: rep.name,
    idNumber: `${rep.idNumber.slice(0, 4)}**********${rep.idNumber.slice(-4)}`,
    phone: `${rep.phone.slice(0, 3)}****${rep.phone.slice(-4)}`,
  };
}

/** Why an application is refused; each carries its own reason in words. */
export const REFUSAL_CODES = [
  'residence-not-in-active-zone',
  'residence-outside-zone-area',
  'negative-list-prohibited',
  'negative-list-restricted',
  'commitment-barred',
  'not-a-commitment-item',
  'power-not-listed',
  'power-not-in-force',
  'consent-refused',
  'zone-terminated',
] as const;
/**
 * The facts each registration refusal names (ids, codes, dates and the records' own names), so that it
 * reads in either language (api/registration-refusal-words.ts). Absent in refusals recorded before, and
 * in the workflow's own before patch `registration-refusal-facts`, which are read from their message.
 */
export interface RegistrationRefusalFacts {
  'residence-not-in-active-zone': { countyCode: string; zoneStatus: string | null };
  'residence-outside-zone-area': {
    townshipCode: string;
    townshipName: string | null;
    parkId: string | null;
    zoneName: string;
    memorandumVersion: number | null;
    effectiveFrom: string | null;
  };
  'negative-list-prohibited': { list: string; entryCode: string; entryTitle: string };
  'not-a-commitment-item': { powerCode: string; listed: boolean };
  'power-not-listed': { powerCode: string };
  'power-not-in-force': { powerCode: string; powerName: string; zoneCode: string; date: string; cause: AuthorityCause };
  'consent-refused': { orgId: string; reason: string };
  /** `reason`: the zone's termination's, when the zone ended before consent. */
  'zone-terminated': { countyCode: string; terminatedOn: string | null; reason?: string };
}
type RefusalCode = (typeof REFUSAL_CODES)[number];
export type Refusal = {
  [C in RefusalCode]: { code: C; message: string; facts?: C extends keyof RegistrationRefusalFacts ? RegistrationRefusalFacts[C] : never };
}[RefusalCode];

/** One entry of the market access negative list (市场准入负面清单). */
export interface NegativeListItem {
  /** The entry's number in its edition (事项编码 where the source gives it). */
  code: string;
  kind: 'prohibited' | 'restricted';
  title: string;
  keywords: string[];
  /** For a restricted entry: the catalogue power whose licence it requires, taken by the normal route. */
  powerCode?: string | null;
}

/** Why a licence item goes by the normal route instead of on commitment. */
export type NormalRouteReason = 'chosen' | 'negative-list-restricted' | 'commitment-barred';

/** A licence item the FTZ window handles by the normal route: application review, on-site check, decision. */
export interface NormalRouteItem {
  powerCode: string;
  powerName: string;
  reason: NormalRouteReason;
  /** In words: the negative-list entry, the credit record, or the applicant's choice. */
  because: string;
}

/** The entries a business scope touches: any keyword found in its text. */
export function negativeListHits(scope: string, list: NegativeListItem[]): NegativeListItem[] {
  return list.filter((item) => item.keywords.some((keyword) => scope.includes(keyword)));
}

export const consentSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('agree') }).strict(),
    z.object({ decision: z.literal('refuse'), reason: text(2000) }).strict(),
  ]),
);

export const taxStepSchema = builtOnFirstUse(() =>
  z.object({ reference: text(200), note: z.string().trim().max(2000).optional() }).strict(),
);

export const verificationSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('result', [
    z.object({ result: z.literal('compliant'), note: z.string().trim().max(2000).optional() }).strict(),
    z.object({ result: z.literal('nonCompliant'), findings: text(4000) }).strict(),
  ]),
);
export type Verification = z.infer<typeof verificationSchema>;

export const licenceReviewSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), note: z.string().trim().max(2000).optional() }).strict(),
    z.object({ decision: z.literal('refuse'), reason: text(2000) }).strict(),
  ]),
);
export const onSiteCheckSchema = builtOnFirstUse(() =>
  z.object({ result: z.enum(['meets', 'fails']), findings: text(4000), checkedOn: isoDate }).strict(),
);
export const licenceDecisionSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z
      .object({ decision: z.literal('grant'), licenceNumber: text(100), validFrom: isoDate, validUntil: isoDate })
      .strict()
      .refine((d) => d.validUntil > d.validFrom, { message: 'a licence is valid until a day after it starts', path: ['validUntil'] }),
    z.object({ decision: z.literal('refuse'), reason: text(2000) }).strict(),
  ]),
);

export const registrationActions = {
  consentRegistration: defineAction({
    name: 'consentRegistration',
    schema: consentSchema,
    role: 'staff',
    title: { zh: '县级政府同意企业在片区登记', en: 'Consent to the registration' },
  }),
  requestTaxTransfer: defineAction({
    name: 'requestTaxTransfer',
    schema: taxStepSchema,
    role: 'staff',
    title: { zh: '申请税务划转', en: 'Request the tax transfer' },
  }),
  approveTaxTransfer: defineAction({
    name: 'approveTaxTransfer',
    schema: taxStepSchema,
    role: 'staff',
    title: { zh: '审批税务划转', en: 'Approve the tax transfer' },
  }),
  confirmTaxTransfer: defineAction({
    name: 'confirmTaxTransfer',
    schema: taxStepSchema,
    role: 'staff',
    title: { zh: '确认税务划入', en: 'Confirm the tax transfer' },
  }),
  verifyCommitment: defineAction({
    name: 'verifyCommitment',
    schema: verificationSchema,
    role: 'staff',
    title: { zh: '告知承诺核查', en: 'Verify the commitment' },
  }),
  recheckCommitment: defineAction({
    name: 'recheckCommitment',
    schema: verificationSchema,
    role: 'staff',
    title: { zh: '整改后复查', en: 'Re-check after rectification' },
  }),
  reviewLicenceApplication: defineAction({
    name: 'reviewLicenceApplication',
    schema: licenceReviewSchema,
    role: 'staff',
    title: { zh: '许可申请审查（一般程序）', en: 'Review the licence application (normal route)' },
  }),
  checkOnSite: defineAction({
    name: 'checkOnSite',
    schema: onSiteCheckSchema,
    role: 'staff',
    title: { zh: '许可事项现场核查', en: 'On-site check of the licence application' },
  }),
  decideLicence: defineAction({
    name: 'decideLicence',
    schema: licenceDecisionSchema,
    role: 'staff',
    title: { zh: '作出许可决定', en: 'Decide the licence' },
  }),
};

export const REGISTRATION_STAGES = ['SCREENING', 'AWAITING_CONSENT', 'SUPERVISING', 'COMPLETED', 'REFUSED'] as const;
export type RegistrationStage = (typeof REGISTRATION_STAGES)[number];
export const FINAL_REGISTRATION_STAGES: readonly RegistrationStage[] = ['COMPLETED', 'REFUSED'];

export const REGISTRATION_STAGE_LABELS: Record<RegistrationStage, { zh: string; en: string }> = {
  SCREENING: { zh: '审查申请', en: 'Screening' },
  AWAITING_CONSENT: { zh: '待县级政府同意', en: 'Awaiting consent' },
  SUPERVISING: { zh: '已登记，税务划转、承诺核查与许可办理中', en: 'Registered: tax transfer, verification and licences' },
  COMPLETED: { zh: '办结', en: 'Completed' },
  REFUSED: { zh: '不予登记', en: 'Refused' },
};

export const REGISTRATION_TRANSITIONS: readonly [RegistrationStage, RegistrationStage][] = [
  ['SCREENING', 'AWAITING_CONSENT'],
  ['SCREENING', 'REFUSED'],
  ['AWAITING_CONSENT', 'SUPERVISING'],
  ['AWAITING_CONSENT', 'REFUSED'],
  ['SUPERVISING', 'COMPLETED'],
];

/** A licence by the normal route, from application to the window's decision. */
export type NormalLicenceStatus = 'UNDER_REVIEW' | 'ON_SITE_CHECK' | 'AWAITING_DECISION' | 'GRANTED' | 'REFUSED';
