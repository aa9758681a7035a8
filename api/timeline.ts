import { chinaDate } from '../domain/calendar';
import type { Lang } from './schemas';

type Data = Record<string, unknown>;
type Template = (data: Data) => string;

/** One sentence per event kind, in Chinese and English. */
const templates: Record<string, { zh: Template; en: Template }> = {
  launched: {
    zh: (d) => `发起设立${d.zoneName}，备忘录签署期限 ${d.dueAt}`,
    en: (d) => `Launched the establishment of ${d.zoneName}; memorandum due ${d.dueAt}`,
  },
  memorandumDrafted: {
    zh: (d) => `${d.amendment ? '起草修订' : '起草'}备忘录第 ${d.version} 版`,
    en: (d) => `Drafted ${d.amendment ? 'amended ' : ''}memorandum version ${d.version}`,
  },
  memorandumReturned: {
    zh: (d) => `退回备忘录第 ${d.version} 版，意见：${d.comments}`,
    en: (d) => `Returned memorandum version ${d.version}: ${d.comments}`,
  },
  signaturesVoided: {
    zh: (d) => `第 ${d.version} 版已有签署作废（${(d.orgIds as string[]).join('、')}）`,
    en: (d) => `Signatures on version ${d.version} voided (${(d.orgIds as string[]).join(', ')})`,
  },
  memorandumSigned: { zh: (d) => `签署备忘录第 ${d.version} 版`, en: (d) => `Signed memorandum version ${d.version}` },
  zoneRecorded: {
    zh: (d) => `双方签署完成，${d.zoneName}登记入册（待设管理机构）`,
    en: (d) => `Both signed; ${d.zoneName} recorded in the zone registry (management body pending)`,
  },
  bodyNamed: {
    zh: (d) => `确定管理机构“${d.name}”，协同区生效`,
    en: (d) => `Named the management body "${d.name}"; the zone is active`,
  },
  reminderSent: { zh: (d) => `提醒：备忘录将于 ${d.dueAt} 到期`, en: (d) => `Reminder: memorandum due ${d.dueAt}` },
  escalated: { zh: (d) => `备忘录逾期（${d.dueAt}），提请市政府处理`, en: (d) => `Memorandum overdue (${d.dueAt}); escalated to the city` },
  escalationAnswered: { zh: (d) => `市政府决定继续等待：${d.reason}`, en: (d) => `The city decided to keep waiting: ${d.reason}` },
  withdrawn: { zh: (d) => `撤回设立申请：${d.reason}`, en: (d) => `Withdrew the establishment: ${d.reason}` },
  amendmentProposed: { zh: (d) => `提议修订备忘录：${d.reason}`, en: (d) => `Proposed an amendment: ${d.reason}` },
  amendmentInForce: { zh: (d) => `修订后的备忘录第 ${d.version} 版生效`, en: (d) => `Amended memorandum version ${d.version} in force` },
  suspended: { zh: (d) => `暂停协同区：${d.reason}`, en: (d) => `Suspended the zone: ${d.reason}` },
  resumed: { zh: () => `恢复协同区`, en: () => `Resumed the zone` },
  terminationProposed: { zh: (d) => `提议终止协同区：${d.reason}`, en: (d) => `Proposed termination: ${d.reason}` },
  terminationRefused: { zh: () => `拒绝终止协同区`, en: () => `Refused termination` },
  terminated: { zh: (d) => `双方同意，协同区终止：${d.reason}`, en: (d) => `Terminated by mutual consent: ${d.reason}` },
};

/** Deadlines read as the day they fall on in China, not as UTC instants. */
function localDates(data: Data): Data {
  return typeof data.dueAt === 'string' ? { ...data, dueAt: chinaDate(new Date(data.dueAt)) } : data;
}

export function summarize(kind: string, data: Data, lang: Lang): string {
  const template = templates[kind];
  return template ? template[lang](localDates(data)) : kind;
}
