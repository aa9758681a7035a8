/**
 * P5 economic indicators (各类统计指标): each ACTIVE zone's management body reports a month's figures —
 * new market entities, registered capital, tax revenue, import and export value, actual foreign
 * investment —, the FTZ checks them and accepts them or returns them with reasons. What each figure
 * means, its unit and its checks are data (seeds/economic-indicators.ts, kept in the records); the
 * rules here only read them. Pure: workflows, activities, the API and the console share it.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { refusal, type Refusal, type RefusalCode, type RefusalParams } from './refusals';
import { builtOnFirstUse, text } from './schemas';
import { withReturnsNamed } from './stage-names';
import { ECONOMIC_INDICATORS, type EconomicIndicator } from './statistics-labels';
import { periodSchema } from './statistics';

export { ECONOMIC_INDICATORS, type EconomicIndicator };

/** One indicator's definition as the statistics office words it, with its unit and checks. */
export interface IndicatorDefinition {
  code: EconomicIndicator;
  nameZh: string;
  nameEn: string;
  /** The one unit the figure is reported in: 户, 万元, 万美元. */
  unit: string;
  /** 统计口径: what the figure counts, in the statistics office's words. */
  definitionZh: string;
  /** Digits after the decimal point the figure may carry (0: a whole number). */
  decimals: number;
  /** The smallest figure accepted (0: never negative). */
  min: number;
  /** The largest figure accepted for one zone and month: beyond it a typing slip is likelier than the figure. */
  max: number;
}

/** A set of definitions in force from a date; a change is a new edition, never an edit. */
export interface DefinitionEdition {
  edition: string;
  effectiveFrom: string;
  source: string;
  definitions: IndicatorDefinition[];
}

/** A reported figure: its value and the unit the reporter read it in. */
const figureSchema = z.object(
  {
    value: z.number({ error: (issue) => (issue.input === undefined ? '必填：请填写数值' : '应为数字') }),
    unit: z
      .string({ error: (issue) => (issue.input === undefined ? '必填：请填写计量单位' : '应为文字') })
      .trim()
      .min(1, '必填：请填写计量单位')
      .max(10, '计量单位过长'),
  },
  { error: (issue) => (issue.input === undefined ? '必填：未填报该指标' : '应为数值和计量单位') },
);
export type Figure = z.infer<typeof figureSchema>;
export type Figures = Record<EconomicIndicator, Figure>;

const figuresSchema = () =>
  z.object(Object.fromEntries(ECONOMIC_INDICATORS.map((code) => [code, figureSchema])) as Record<EconomicIndicator, typeof figureSchema>, {
    error: (issue) => (issue.input === undefined ? '必填：请填报各项指标' : '应为各项指标的数值'),
  });

/** A report or a resubmission: every figure, and a note. */
export const indicatorReportSchema = builtOnFirstUse(() =>
  z.object({ figures: figuresSchema().strict(), note: z.string().trim().max(2000).optional() }).strict(),
);
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;

/** The FTZ's check: accepted, or returned with the reasons (and, if it says so, the figures in doubt). */
export const indicatorReviewSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('accept'), note: z.string().trim().max(2000).optional() }).strict(),
    z
      .object({
        decision: z.literal('return'),
        reasons: z.string({ error: '必填：请写明退回理由' }).trim().min(1, '必填：请写明退回理由').max(2000),
        indicators: z.array(z.enum(ECONOMIC_INDICATORS)).max(ECONOMIC_INDICATORS.length).optional(),
      })
      .strict(),
  ]),
);
export type IndicatorReview = z.infer<typeof indicatorReviewSchema>;

export const indicatorsInputSchema = builtOnFirstUse(() => z.object({ period: periodSchema }).strict());
export type IndicatorsInput = z.infer<typeof indicatorsInputSchema>;

/** One round per month: a second launch while it runs is refused; launched again later, it offers the zones that became ACTIVE since. */
export const indicatorsProcessId = (period: string) => `indicators-${period}`;

export const indicatorActions = {
  reportIndicators: defineAction({
    name: 'reportIndicators',
    schema: indicatorReportSchema,
    role: 'staff',
    title: { zh: '报送月度经济指标', en: "Report the month's economic indicators" },
  }),
  reviewIndicators: defineAction({
    name: 'reviewIndicators',
    schema: indicatorReviewSchema,
    role: 'staff',
    title: { zh: '审核月度经济指标：予以采用或退回修改', en: 'Check the indicators: accept them, or return them with reasons' },
  }),
  correctIndicators: defineAction({
    name: 'correctIndicators',
    schema: indicatorReportSchema,
    role: 'staff',
    title: { zh: '修改月度经济指标并重新报送', en: 'Correct the indicators and resubmit' },
  }),
};

export const INDICATORS_STAGES = ['PREPARING', 'COLLECTING', 'COMPLETE'] as const;
export type IndicatorsStage = (typeof INDICATORS_STAGES)[number];
export const INDICATORS_STAGE_LABELS: Record<IndicatorsStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  COLLECTING: { zh: '各协同区报送中', en: 'Zones reporting' },
  COMPLETE: { zh: '已全部采用', en: 'All accepted' },
};
export const INDICATORS_TRANSITIONS: readonly [IndicatorsStage, IndicatorsStage][] = [
  ['PREPARING', 'COLLECTING'],
  ['PREPARING', 'COMPLETE'],
  ['COLLECTING', 'COMPLETE'],
];

/** Where one zone's report stands in the round. */
export type ZoneReportStatus = 'PENDING' | 'REVIEWING' | 'RETURNED' | 'ACCEPTED';

/**
 * A round's state as a continued run reads it. Runs before the count was named `returns` counted each
 * zone's returns for correction as `rounds`; a state written since comes back as it was.
 */
export function indicatorsStateNow<Z extends { returns: number }, S extends { zones: Z[] }>(continued: S): S {
  return { ...continued, zones: continued.zones.map(withReturnsNamed) };
}

/**
 * A figure's problem: its catalogued refusal (on the API's path, `body.figures.taxRevenue.value`), and
 * its path in the payload and its Chinese, as the API's check has long shown them.
 */
export interface FigureProblem {
  path: string;
  message: string;
  refusal: Refusal;
}

/** Digits after the decimal point, as the number is written (1e-7 counts as 7). */
function decimalsOf(value: number): number {
  const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent));
}

/**
 * Each figure against its definition: there, in its unit, a finite number within its range and
 * precision. Each problem a catalogued refusal on the figure's path, worded when answered.
 */
export function checkFigures(
  definitions: IndicatorDefinition[],
  figures: Partial<Record<string, Partial<Figure>>> | undefined,
): FigureProblem[] {
  const problems: FigureProblem[] = [];
  const problem = <C extends RefusalCode>(path: string, message: string, code: C, params: RefusalParams[C]) =>
    problems.push({ path, message, refusal: refusal(code, params, `body.${path}`) });
  for (const d of definitions) {
    const figure = figures?.[d.code];
    const at = (field: string) => `figures.${d.code}.${field}`;
    const indicator = d.code;
    if (figure?.value === undefined || figure.value === null) {
      problem(at('value'), `${d.nameZh}：必填，请填写本月数值（${d.unit}）`, 'FIGURE_MISSING', { indicator, unit: d.unit });
      continue;
    }
    const value = figure.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problem(at('value'), `${d.nameZh}：应为数字（${d.unit}）`, 'FIGURE_NOT_A_NUMBER', { indicator, unit: d.unit });
    } else if (value < d.min) {
      problem(at('value'), d.min === 0 ? `${d.nameZh}：不得为负数` : `${d.nameZh}：不得小于${d.min}${d.unit}`, 'FIGURE_BELOW_MIN', {
        indicator,
        min: d.min,
        unit: d.unit,
      });
    } else if (value > d.max) {
      problem(at('value'), `${d.nameZh}：超过${d.max}${d.unit}，请核实是否误填`, 'FIGURE_ABOVE_MAX', {
        indicator,
        max: d.max,
        unit: d.unit,
      });
    } else if (decimalsOf(value) > d.decimals) {
      problem(
        at('value'),
        d.decimals === 0 ? `${d.nameZh}：应为整数（${d.unit}）` : `${d.nameZh}：最多保留${d.decimals}位小数（${d.unit}）`,
        'FIGURE_TOO_PRECISE',
        { indicator, decimals: d.decimals, unit: d.unit },
      );
    }
    const unit = typeof figure.unit === 'string' ? figure.unit.trim() : '';
    if (unit !== d.unit) {
      problem(
        at('unit'),
        unit ? `${d.nameZh}：计量单位应为“${d.unit}”，不是“${unit}”` : `${d.nameZh}：必填，计量单位为“${d.unit}”`,
        'FIGURE_UNIT_WRONG',
        { indicator, unit: d.unit, given: unit },
      );
    }
  }
  const known = new Set<string>(definitions.map((d) => d.code));
  for (const code of Object.keys(figures ?? {}).filter((code) => !known.has(code))) {
    problem(`figures.${code}`, `${code}：不是本月需报送的指标`, 'FIGURE_NOT_ASKED', { indicator: code });
  }
  return problems;
}

/** What a report's figures add to the statistics: each value, in its definition's unit. */
export function figureValues(figures: Figures): Record<EconomicIndicator, number> {
  return Object.fromEntries(ECONOMIC_INDICATORS.map((code) => [code, figures[code].value])) as Record<EconomicIndicator, number>;
}

/** The form a zone starts from: each figure's unit filled in, values as last reported (if any). */
export function reportPrefill(
  definitions: IndicatorDefinition[],
  last?: Figures,
): { figures: Record<string, { value?: number; unit: string }> } {
  return {
    figures: Object.fromEntries(
      definitions.map((d) => [d.code, { ...(last?.[d.code] ? { value: last[d.code].value } : {}), unit: d.unit }]),
    ),
  };
}

/** Definitions as a task's context carries them: enough for the API, the console and the workflow to check the same way. */
export const definitionsSchema = builtOnFirstUse(() =>
  z.array(
    z.object({
      code: z.enum(ECONOMIC_INDICATORS),
      nameZh: text(100),
      nameEn: text(100),
      unit: text(10),
      definitionZh: text(1000),
      decimals: z.number().int().min(0).max(6),
      min: z.number(),
      max: z.number(),
    }),
  ),
);
