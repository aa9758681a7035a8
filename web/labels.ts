/** Labels of the registries' states and codes, both languages; indicator and reason labels come from the domain. */
import { RETURN_REASON_LABELS } from '../domain/penalty-labels';
import { INDICATOR_LABELS, type Indicator } from '../domain/statistics-labels';
import type { Lang } from './i18n';

type Labels = Record<string, [string, string]>;

const PENALTY_STATUS: Labels = {
  RECORDED: ['待抄报', 'Recorded'],
  REPORTED: ['已抄报待审核', 'Reported'],
  RETURNED: ['退回补正', 'Returned'],
  RECOGNISED: ['已认可', 'Recognised'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
};
const CREDIT_STATUS: Labels = {
  ACTIVE: ['公示中', 'Published'],
  REPAIRED: ['已修复', 'Repaired'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
  ENDED: ['公示期满', 'Publication ended'],
};
const GRADE: Labels = { minor: ['轻微', 'Minor'], general: ['一般', 'General'], serious: ['严重', 'Serious'] };
const CREDIT_KIND: Labels = { penalty: ['行政处罚', 'Penalty'], 'commitment-breach': ['违反告知承诺', 'Commitment breached'] };
const PENALTY_KIND: Labels = { warning: ['警告', 'Warning'], fine: ['罚款', 'Fine'], licenceRevocation: ['吊销许可证', 'Licence revoked'], other: ['其他', 'Other'] };
const OUTCOME: Labels = { returned: ['退回补正', 'Returned'], recognised: ['予以认可', 'Recognised'] };
const PILOT_STATUS: Labels = { ADOPTED: ['已实施', 'Adopted'], DECLINED: ['不实施', 'Declined'], PENDING: ['待决定', 'Pending'] };

const pick = (labels: Labels, lang: Lang, value: string) => labels[value]?.[lang === 'zh' ? 0 : 1] ?? value;

export const PENALTY_STATUSES = Object.keys(PENALTY_STATUS);
export const penaltyStatusLabel = (lang: Lang, status: string) => pick(PENALTY_STATUS, lang, status);
export const creditStatusLabel = (lang: Lang, status: string) => pick(CREDIT_STATUS, lang, status);
export const gradeLabel = (lang: Lang, grade: string | null) => (grade ? pick(GRADE, lang, grade) : '—');
export const creditKindLabel = (lang: Lang, kind: string) => pick(CREDIT_KIND, lang, kind);
export const outcomeLabel = (lang: Lang, outcome: string) => pick(OUTCOME, lang, outcome);
export const pilotStatusLabel = (lang: Lang, status: string) => pick(PILOT_STATUS, lang, status);
export const indicatorLabel = (lang: Lang, name: Indicator) => INDICATOR_LABELS[name][lang];
export const reasonLabel = (lang: Lang, code: string) => RETURN_REASON_LABELS[code as keyof typeof RETURN_REASON_LABELS]?.[lang] ?? code;

/** A penalty as decided (domain/penalties.ts penaltySchema): its kind, then the amount, licence or description. */
export function penaltyLabel(lang: Lang, penalty: Record<string, unknown>): string {
  const kind = pick(PENALTY_KIND, lang, String(penalty.kind));
  if (typeof penalty.amountYuan === 'number') {
    const amount = penalty.amountYuan.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
    return lang === 'zh' ? `${kind} ${amount} 元` : `${kind} ¥${amount}`;
  }
  const detail = penalty.licence ?? penalty.description;
  return typeof detail === 'string' ? `${kind}${lang === 'zh' ? '：' : ': '}${detail}` : kind;
}
