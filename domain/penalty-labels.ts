/**
 * The FTZ's reasons for returning a penalty and their labels, apart from domain/penalties.ts so that
 * the console can import them without bundling zod.
 */
export const RETURN_REASONS = [
  'factsUnclear',
  'legalBasisWrong',
  'powerNotEntrusted',
  'penaltyInconsistent',
  'gradeWrong',
  'datesWrong',
  'documentsMissing',
  'other',
] as const;

export const RETURN_REASON_LABELS: Record<(typeof RETURN_REASONS)[number], { zh: string; en: string }> = {
  factsUnclear: { zh: '违法事实不清', en: 'Facts unclear' },
  legalBasisWrong: { zh: '法律依据有误', en: 'Legal basis wrong' },
  powerNotEntrusted: { zh: '职权依据不符', en: 'Power does not match' },
  penaltyInconsistent: { zh: '处罚内容不一致', en: 'Penalty inconsistent' },
  gradeWrong: { zh: '失信等级有误', en: 'Grade wrong' },
  datesWrong: { zh: '日期有误', en: 'Dates wrong' },
  documentsMissing: { zh: '材料不全', en: 'Documents missing' },
  other: { zh: '其他', en: 'Other' },
};
