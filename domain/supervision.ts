/**
 * Supervision during and after operation (事中事后监管, 四(三)1): the FTZ or a county plans inspections
 * of the entities registered through the FTZ in a zone, 双随机、一公开 — entities and inspectors drawn at
 * random from a recorded seed, the results published — or targeted at entities with risk signals. Each
 * inspection is a task for the county's enforcement (`le-<code>`), ending compliant, in a rectification
 * order with a period (then inspected again), or in a penalty case. Pure: workflows, activities, the
 * API and the console share it.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { builtOnFirstUse } from './schemas';
import { COUNTY_CODE } from './names';

/**
 * Credit grades for supervision (信用风险分类), from the entity's ACTIVE credit records: none → A; a minor
 * penalty → B; a general penalty or a breached commitment → C; a serious penalty → D.
 */
export const CREDIT_GRADES = ['A', 'B', 'C', 'D'] as const;
export type CreditGrade = (typeof CREDIT_GRADES)[number];
export const CREDIT_GRADE_LABELS: Record<CreditGrade, { zh: string; en: string }> = {
  A: { zh: 'A类（无不良信用记录）', en: 'A (no adverse record)' },
  B: { zh: 'B类（轻微失信）', en: 'B (minor)' },
  C: { zh: 'C类（一般失信）', en: 'C (general)' },
  D: { zh: 'D类（严重失信）', en: 'D (serious)' },
};

/** The credit facts a grade is read from: ACTIVE credit records only (a repaired or ended one no longer counts). */
export interface CreditFact {
  kind: 'commitment-breach' | 'penalty';
  grade?: 'minor' | 'general' | 'serious' | null;
}

export function creditGradeOf(records: readonly CreditFact[]): CreditGrade {
  if (records.some((r) => r.kind === 'penalty' && r.grade === 'serious')) return 'D';
  if (records.some((r) => r.kind === 'commitment-breach' || (r.kind === 'penalty' && r.grade === 'general'))) return 'C';
  if (records.some((r) => r.kind === 'penalty')) return 'B';
  return 'A';
}

/**
 * Share of each grade's entities a random plan draws (credit-based supervision: worse records, more
 * checks). Source: 国务院《关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》(国发〔2019〕5号),
 * “对信用较好、风险较低的市场主体，可合理降低抽查比例和频次…对违法失信、风险较高的市场主体，适当提高抽查比例和频次”;
 * the figures themselves are a county's annual 抽查计划's to set: these are defaults, the policy
 * `supervision.selectionRatios` (seeds/policies.ts) carries them and a county may override them.
 */
export const DEFAULT_SELECTION_RATIOS: Record<CreditGrade, number> = { A: 0.05, B: 0.1, C: 0.3, D: 1 };

/** Risk signals that put an entity into a targeted plan. */
export const RISK_SIGNALS = ['revokedCommitment', 'recognisedPenalty', 'overdueVerification'] as const;
export type RiskSignal = (typeof RISK_SIGNALS)[number];
export const RISK_SIGNAL_LABELS: Record<RiskSignal, { zh: string; en: string }> = {
  revokedCommitment: { zh: '告知承诺被撤销', en: 'Commitment revoked' },
  recognisedPenalty: { zh: '行政处罚已认可', en: 'Penalty recognised' },
  overdueVerification: { zh: '承诺核查逾期', en: 'Verification overdue' },
};

export const SELECTIONS = ['random', 'targeted'] as const;

/**
 * The 监管事项 an inspection plan reports to 互联网+监管 under: not a power of the catalogue (a plan
 * inspects whatever an entity does), so the product's own codes, one per way of choosing.
 */
export const INSPECTION_MATTERS: Record<(typeof SELECTIONS)[number], { code: string; name: string }> = {
  random: { code: 'JG-SSJ', name: '双随机、一公开监管抽查' },
  targeted: { code: 'JG-ZD', name: '重点监管检查（风险信号）' },
};
export type Selection = (typeof SELECTIONS)[number];
export const SELECTION_LABELS: Record<Selection, { zh: string; en: string }> = {
  random: { zh: '双随机抽查', en: 'Random inspection' },
  targeted: { zh: '重点检查（风险信号）', en: 'Targeted inspection (risk signals)' },
};

/** A plan as launched: the zone, random or targeted, and optionally the seed (else the process draws one and records it). */
export const supervisionInputSchema = builtOnFirstUse(() =>
  z
    .object({
      zoneCode: z.string({ error: '必填：请选择协同区' }).regex(COUNTY_CODE, '应为协同区所在县（市、区）的区划代码'),
      selection: z.enum(SELECTIONS, { error: '请选择检查方式：双随机抽查或重点检查' }),
      seed: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,64}$/, '随机种子应为1至64位字母、数字或连字符')
        .optional(),
      planName: z.string().trim().min(1, '计划名称不能为空').max(200, '计划名称不超过200字').optional(),
    })
    .strict(),
);
export type SupervisionInput = z.infer<typeof supervisionInputSchema>;

export const supervisionProcessId = (zoneCode: string, nonce: string) => `supervision-${zoneCode}-${nonce}`;

/** A calendar day, YYYY-MM-DD (not z.iso.date(): the workflow sandbox replaces Date). */
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const findings = z.string({ error: '必填：请填写检查情况' }).trim().min(1, '必填：请填写检查情况').max(4000, '检查情况不超过4000字');
const inspectedOn = z.string({ error: '必填：请填写检查日期' }).regex(DAY, '检查日期应为“年-月-日”（YYYY-MM-DD）');
const caseReason = z.string({ error: '必填：请写明立案理由' }).trim().min(1, '必填：请写明立案理由').max(2000, '立案理由不超过2000字');

/** An inspection's result: compliant, a rectification order with its period in days, or a penalty case opened. */
export const inspectionResultSchema = builtOnFirstUse(() =>
  z.discriminatedUnion(
    'outcome',
    [
      z.object({ outcome: z.literal('compliant'), inspectedOn, findings }).strict(),
      z
        .object({
          outcome: z.literal('rectify'),
          inspectedOn,
          findings,
          rectificationDays: z
            .number({ error: '必填：请填写整改期限（天）' })
            .int('整改期限应为整数天')
            .min(1, '整改期限至少1天')
            .max(365, '整改期限不超过365天'),
        })
        .strict(),
      z.object({ outcome: z.literal('penaltyCase'), inspectedOn, findings, caseReason }).strict(),
    ],
    { error: '请选择检查结果：未发现问题、责令整改或立案查处' },
  ),
);
export type InspectionResult = z.infer<typeof inspectionResultSchema>;

/** The re-inspection after the rectification period: rectified, or a penalty case opened. */
export const reinspectionResultSchema = builtOnFirstUse(() =>
  z.discriminatedUnion(
    'outcome',
    [
      z.object({ outcome: z.literal('compliant'), inspectedOn, findings }).strict(),
      z.object({ outcome: z.literal('penaltyCase'), inspectedOn, findings, caseReason }).strict(),
    ],
    { error: '请选择复查结果：整改到位或立案查处' },
  ),
);
export type ReinspectionResult = z.infer<typeof reinspectionResultSchema>;

export const supervisionActions = {
  inspectEntity: defineAction({
    name: 'inspectEntity',
    schema: inspectionResultSchema,
    role: 'staff',
    title: { zh: '实施检查并录入检查结果', en: 'Inspect the entity and record the result' },
  }),
  reinspectEntity: defineAction({
    name: 'reinspectEntity',
    schema: reinspectionResultSchema,
    role: 'staff',
    title: { zh: '整改期满复查', en: 'Re-inspect after the rectification period' },
  }),
};

/** Where one inspection stands; each but DRAWN is published (公开). */
export const INSPECTION_STATUSES = ['DRAWN', 'RECTIFYING', 'REINSPECTING', 'COMPLIANT', 'PENALTY_CASE'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, { zh: string; en: string }> = {
  DRAWN: { zh: '待检查', en: 'To inspect' },
  RECTIFYING: { zh: '责令整改中', en: 'Rectifying' },
  REINSPECTING: { zh: '整改期满待复查', en: 'Awaiting re-inspection' },
  COMPLIANT: { zh: '未发现问题／整改到位', en: 'Compliant' },
  PENALTY_CASE: { zh: '已立案查处', en: 'Penalty case opened' },
};

export const SUPERVISION_STAGES = ['PREPARING', 'INSPECTING', 'CONCLUDED'] as const;
export type SupervisionStage = (typeof SUPERVISION_STAGES)[number];
export const SUPERVISION_STAGE_LABELS: Record<SupervisionStage, { zh: string; en: string }> = {
  PREPARING: { zh: '抽取', en: 'Drawing' },
  INSPECTING: { zh: '检查中', en: 'Inspecting' },
  CONCLUDED: { zh: '已办结并公示', en: 'Concluded and published' },
};
export const SUPERVISION_TRANSITIONS: readonly [SupervisionStage, SupervisionStage][] = [
  ['PREPARING', 'INSPECTING'],
  ['PREPARING', 'CONCLUDED'],
  ['INSPECTING', 'CONCLUDED'],
];
