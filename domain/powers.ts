import { z } from 'zod';
import { defineAction } from './actions';
import { builtOnFirstUse, isoDate, text } from './schemas';

/**
 * Kinds of power. `penalty` is kept for the versions that listed penalty powers and for their codes,
 * which every later version keeps, delisted: penalties are not entrusted (see `listedPenaltyPowers`).
 */
export const POWER_KINDS = ['licensing', 'penalty', 'inspection', 'other'] as const;
export const POWER_KIND_LABELS = {
  licensing: { zh: '许可', en: 'Licensing' },
  penalty: { zh: '处罚', en: 'Penalty' },
  inspection: { zh: '检查', en: 'Inspection' },
  other: { zh: '其他', en: 'Other' },
} as const;

/** How the FTZ itself holds a power: 下放 (devolved by the province), 授权 (conferred by law or the city), 委托 (entrusted). */
export const HOLDING_MODES = ['devolved', 'authorised', 'entrusted'] as const;
export const HOLDING_MODE_LABELS = {
  devolved: { zh: '下放', en: 'Devolved' },
  authorised: { zh: '授权', en: 'Authorised' },
  entrusted: { zh: '委托', en: 'Entrusted' },
} as const;

export interface PowerHolding {
  powerCode: string;
  mode: (typeof HOLDING_MODES)[number];
  /** 赋予机关: the organ that devolved, authorised or entrusted it. */
  grantedBy: string;
  document: string;
  validFrom: string;
}

/**
 * A power the FTZ holds only by 委托 is not its own to entrust: a zone may not receive it. A power whose
 * holding is not recorded yet is not refused (the public list shows its holding as unknown).
 */
export function entrustableOnward(holding: Pick<PowerHolding, 'mode'> | undefined): boolean {
  return holding?.mode !== 'entrusted';
}

/** A power code: two letters of its kind and three digits, e.g. XK-001. */
export const powerCodeSchema = z.string().regex(/^[A-Z]{2}-\d{3}$/, 'a power code such as XK-001');

export const powerSchema = builtOnFirstUse(() =>
  z
    .object({
      code: powerCodeSchema,
      name: text(200),
      kind: z.enum(POWER_KINDS),
      legalBasis: text(1000),
      commitmentApplicable: z.boolean(),
      /** Working days local enforcement has to verify a commitment made under this power. */
      verificationDays: z.number().int().min(1).max(250),
      /** Powers are never deleted: a new version delists them. */
      status: z.enum(['listed', 'delisted']),
    })
    .strict(),
);
export type Power = z.infer<typeof powerSchema>;

export const catalogDraftSchema = builtOnFirstUse(() =>
  z
    .object({
      effectiveDate: isoDate,
      note: z.string().trim().max(2000).optional(),
      powers: z
        .array(powerSchema)
        .min(1)
        .max(500)
        .refine((powers) => new Set(powers.map((p) => p.code)).size === powers.length, 'each power code once'),
    })
    .strict(),
);
export type CatalogDraft = z.infer<typeof catalogDraftSchema>;

export const approvalSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }).strict(),
    z.object({ decision: z.literal('return'), comments: text(4000) }).strict(),
  ]),
);

/**
 * Positions of the penalty powers a draft lists. Local enforcement imposes penalties under its own
 * authority (四(三)1): the FTZ entrusts none, so a draft keeps them only delisted.
 */
export function listedPenaltyPowers(powers: Pick<Power, 'kind' | 'status'>[]): number[] {
  return powers.flatMap((p, index) => (p.kind === 'penalty' && p.status === 'listed' ? [index] : []));
}

/** What a new draft must keep of the version in force: every code, listed or delisted. */
export function missingCodes(previous: Pick<Power, 'code'>[], draft: Pick<Power, 'code'>[]): string[] {
  const drafted = new Set(draft.map((p) => p.code));
  return previous.map((p) => p.code).filter((code) => !drafted.has(code));
}

/** Codes listed in the previous version and delisted (or listed no more) in the new one. */
export function delistedCodes(previous: Power[], next: Power[]): string[] {
  const listedNow = new Set(next.filter((p) => p.status === 'listed').map((p) => p.code));
  return previous.filter((p) => p.status === 'listed' && !listedNow.has(p.code)).map((p) => p.code);
}

export interface CatalogDiff {
  added: string[];
  delisted: string[];
  relisted: string[];
  changed: string[];
}

/** What changed from one catalogue version to another. */
export function diffCatalogs(from: Power[], to: Power[]): CatalogDiff {
  const before = new Map(from.map((p) => [p.code, p]));
  const diff: CatalogDiff = { added: [], delisted: [], relisted: [], changed: [] };
  for (const power of to) {
    const old = before.get(power.code);
    if (!old) diff.added.push(power.code);
    else if (old.status === 'listed' && power.status === 'delisted') diff.delisted.push(power.code);
    else if (old.status === 'delisted' && power.status === 'listed') diff.relisted.push(power.code);
    else if (JSON.stringify({ ...old, status: '' }) !== JSON.stringify({ ...power, status: '' })) diff.changed.push(power.code);
  }
  return diff;
}

export const catalogActions = {
  draftCatalog: defineAction({
    name: 'draftCatalog',
    schema: catalogDraftSchema,
    role: 'staff',
    title: { zh: '起草职权清单', en: 'Draft the power catalogue' },
  }),
  approveCatalog: defineAction({
    name: 'approveCatalog',
    schema: approvalSchema,
    role: 'admin',
    title: { zh: '审批职权清单', en: 'Approve the power catalogue' },
  }),
};

export const CATALOG_STAGES = ['PREPARING', 'DRAFTING', 'APPROVAL', 'PUBLISHED'] as const;
export type CatalogStage = (typeof CATALOG_STAGES)[number];
export const CATALOG_STAGE_LABELS: Record<CatalogStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  DRAFTING: { zh: '起草', en: 'Drafting' },
  APPROVAL: { zh: '审批', en: 'Approval' },
  PUBLISHED: { zh: '已发布', en: 'Published' },
};
export const CATALOG_TRANSITIONS: readonly [CatalogStage, CatalogStage][] = [
  ['PREPARING', 'DRAFTING'],
  ['DRAFTING', 'APPROVAL'],
  ['APPROVAL', 'DRAFTING'],
  ['APPROVAL', 'PUBLISHED'],
];
