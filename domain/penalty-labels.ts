/**
 * The FTZ's reasons for returning a penalty report and their labels, apart from domain/penalties.ts so
 * that the console can import them without bundling zod.
 *
 * The FTZ recognises what local enforcement decided (予以认可并适用): it returns a report only for its
 * formal defects, never to re-judge the case.
 */
export const RETURN_REASONS = ['documentsMissing', 'entityMismatch', 'documentsNonstandard', 'duplicateReport'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Reasons returns gave before the FTZ stopped re-judging cases: kept in recorded histories and reviews, given no more. */
export const RETIRED_RETURN_REASONS = [
  'factsUnclear',
  'legalBasisWrong',
  'powerNotEntrusted',
  'penaltyInconsistent',
  'gradeWrong',
  'datesWrong',
  'other',
] as const;

export const RETURN_REASON_LABELS: Record<ReturnReason | (typeof RETIRED_RETURN_REASONS)[number], { zh: string; en: string }> = {
  documentsMissing: { zh: '材料不全', en: 'Documents missing' },
  entityMismatch: { zh: '主体信息不符', en: 'Entity details do not match' },
  documentsNonstandard: { zh: '文书不规范', en: 'Documents not in due form' },
  duplicateReport: { zh: '重复抄报', en: 'Reported twice' },
  factsUnclear: { zh: '违法事实不清', en: 'Facts unclear' },
  legalBasisWrong: { zh: '法律依据有误', en: 'Legal basis wrong' },
  powerNotEntrusted: { zh: '职权依据不符', en: 'Power does not match' },
  penaltyInconsistent: { zh: '处罚内容不一致', en: 'Penalty inconsistent' },
  gradeWrong: { zh: '失信行为严重程度有误', en: 'Severity wrong' },
  datesWrong: { zh: '日期有误', en: 'Dates wrong' },
  other: { zh: '其他', en: 'Other' },
};
