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
const PENALTY_KIND: Labels = {
  warning: ['警告', 'Warning'],
  fine: ['罚款', 'Fine'],
  licenceRevocation: ['吊销许可证', 'Licence revoked'],
  other: ['其他', 'Other'],
};
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

/** Statuses of processes and registries: one table, as the codes do not collide in meaning. */
const STATUS: Labels = {
  RUNNING: ['办理中', 'Running'],
  COMPLETED: ['已办结', 'Completed'],
  TERMINATED: ['已终止', 'Terminated'],
  CANCELED: ['已取消', 'Cancelled'],
  CANCELLED: ['已取消', 'Cancelled'],
  FAILED: ['异常终止', 'Failed'],
  TIMED_OUT: ['已超时', 'Timed out'],
  CONTINUED_AS_NEW: ['续办中', 'Continued'],
  ACTIVE_PENDING_BODY: ['待确定管理机构', 'Awaiting its body'],
  ACTIVE: ['运行中', 'Active'],
  SUSPENDED: ['已暂停', 'Suspended'],
  NEGOTIATING: ['协商中', 'Negotiating'],
  SIGNED: ['已签署', 'Signed'],
  IN_FORCE: ['生效中', 'In force'],
  EXPIRED: ['已到期', 'Expired'],
  PUBLISHED: ['现行有效', 'Published'],
  SUPERSEDED: ['已被新版本替代', 'Superseded'],
  REGISTERED: ['已登记', 'Registered'],
  DEREGISTERED: ['已注销', 'Deregistered'],
  GRANTED: ['已许可', 'Granted'],
  GRANTED_PENDING: ['已许可（待具备条件）', 'Granted, conditions pending'],
  REVOKED: ['已撤销', 'Revoked'],
  PENDING: ['待核查', 'Pending'],
  COMPLIANT: ['符合承诺', 'Compliant'],
  RECTIFYING: ['限期整改中', 'Rectifying'],
  NONE: ['未划转', 'Not transferred'],
  REQUESTED: ['已申请划转', 'Transfer requested'],
  APPROVED: ['已同意划转', 'Transfer approved'],
  CONFIRMED: ['已完成划转', 'Transfer confirmed'],
  OPEN: ['待立案', 'Open'],
  LINKED: ['已关联处罚', 'Linked'],
  CLOSED: ['已结案', 'Closed'],
  draft: ['草稿', 'Draft'],
  returned: ['已退回', 'Returned'],
  signed: ['已签署', 'Signed'],
  superseded: ['已被替代', 'Superseded'],
  void: ['已作废', 'Void'],
  listed: ['列入', 'Listed'],
  delisted: ['已取消', 'Delisted'],
  open: ['待办理', 'Open'],
  done: ['已办结', 'Done'],
  cancelled: ['已取消', 'Cancelled'],
};
const ORG_KIND: Labels = {
  city: ['市政府', 'City'],
  ftz: ['自贸片区', 'FTZ'],
  government: ['县（市、区）政府', 'County government'],
  enforcement: ['执法机关', 'Enforcement'],
  tax: ['税务机关', 'Tax office'],
  audit: ['审计', 'Audit'],
  zone: ['协同区管理机构', 'Zone body'],
};
const POWER_KIND: Labels = {
  licensing: ['许可', 'Licensing'],
  penalty: ['处罚', 'Penalty'],
  inspection: ['检查', 'Inspection'],
  other: ['其他', 'Other'],
};

export const statusLabel = (lang: Lang, status: string) => pick(STATUS, lang, status);
export const processStatusLabel = statusLabel;
export const orgKindLabel = (lang: Lang, kind: string) => pick(ORG_KIND, lang, kind);
export const powerKindLabel = (lang: Lang, kind: string) => pick(POWER_KIND, lang, kind);
