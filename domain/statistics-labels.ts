/**
 * The statistics' indicator names and labels, apart from domain/statistics.ts so that the console can
 * import them without bundling zod.
 */
/** Figures the records give: counted from the workflows' own records. */
export const RECORD_INDICATORS = [
  'registrations',
  'licencesOnCommitment',
  'verificationsOnTime',
  'verificationsLate',
  'revocations',
  'penaltiesReported',
  'penaltiesRecognised',
  'penaltiesReturned',
  'correctionRounds',
  'taxTransfers',
] as const;

/** Figures each zone's body reports monthly and the FTZ accepts (domain/economic-indicators.ts). */
export const ECONOMIC_INDICATORS = [
  'newMarketEntities',
  'registeredCapital',
  'taxRevenue',
  'importExportValue',
  'actualForeignInvestment',
] as const;
export type EconomicIndicator = (typeof ECONOMIC_INDICATORS)[number];

export const INDICATORS = [...RECORD_INDICATORS, ...ECONOMIC_INDICATORS] as const;
export type Indicator = (typeof INDICATORS)[number];

export const INDICATOR_LABELS: Record<Indicator, { zh: string; en: string }> = {
  registrations: { zh: '市场主体注册登记', en: 'Registrations' },
  licencesOnCommitment: { zh: '告知承诺许可', en: 'Licences on commitment' },
  verificationsOnTime: { zh: '按期核查', en: 'Verifications on time' },
  verificationsLate: { zh: '逾期核查', en: 'Verifications late' },
  revocations: { zh: '撤销许可', en: 'Revocations' },
  penaltiesReported: { zh: '处罚抄报', en: 'Penalties reported' },
  penaltiesRecognised: { zh: '处罚认可', en: 'Penalties recognised' },
  penaltiesReturned: { zh: '退回补正', en: 'Penalties returned' },
  correctionRounds: { zh: '补正轮次', en: 'Correction rounds' },
  taxTransfers: { zh: '税务划转', en: 'Tax transfers' },
  // Units are the definitions' (seeds/economic-indicators.ts); the labels name the figure only.
  newMarketEntities: { zh: '新增市场主体', en: 'New market entities' },
  registeredCapital: { zh: '新增注册资本', en: 'New registered capital' },
  taxRevenue: { zh: '税收收入', en: 'Tax revenue' },
  importExportValue: { zh: '进出口总额', en: 'Import and export value' },
  actualForeignInvestment: { zh: '实际利用外资', en: 'Actual foreign investment' },
};

/** The two views the policy names (统计指标共享). */
export const VIEW_LABELS: Record<'municipal' | 'national', { zh: string; en: string }> = {
  municipal: { zh: '市政府考核口径', en: 'Municipal assessment' },
  national: { zh: '国家、省及海关总署考核口径', en: 'National, provincial and customs assessment' },
};

/** What each record-derived figure counts in; the reported ones take their unit from their definition. */
export const RECORD_UNITS: Record<(typeof RECORD_INDICATORS)[number], string> = {
  registrations: '户',
  licencesOnCommitment: '件',
  verificationsOnTime: '件',
  verificationsLate: '件',
  revocations: '件',
  penaltiesReported: '件',
  penaltiesRecognised: '件',
  penaltiesReturned: '件',
  correctionRounds: '次',
  taxTransfers: '户',
};
