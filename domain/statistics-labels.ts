/**
 * The statistics' indicator names and labels, apart from domain/statistics.ts so that the console can
 * import them without bundling zod.
 */
export const INDICATORS = [
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
};
