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
  reminderSent: { zh: (d) => `提醒：办理期限 ${d.dueAt}`, en: (d) => `Reminder: due ${d.dueAt}` },
  escalated: { zh: (d) => `已逾期（${d.dueAt}），提请 ${d.to} 处理`, en: (d) => `Overdue (${d.dueAt}); escalated to ${d.to}` },
  escalationAnswered: { zh: (d) => `市政府决定继续等待：${d.reason}`, en: (d) => `The city decided to keep waiting: ${d.reason}` },
  withdrawn: { zh: (d) => `撤回设立申请：${d.reason}`, en: (d) => `Withdrew the establishment: ${d.reason}` },
  amendmentProposed: { zh: (d) => `提议修订备忘录：${d.reason}`, en: (d) => `Proposed an amendment: ${d.reason}` },
  amendmentInForce: { zh: (d) => `修订后的备忘录第 ${d.version} 版生效`, en: (d) => `Amended memorandum version ${d.version} in force` },
  suspended: { zh: (d) => `暂停协同区：${d.reason}`, en: (d) => `Suspended the zone: ${d.reason}` },
  resumed: { zh: () => `恢复协同区`, en: () => `Resumed the zone` },
  terminationProposed: { zh: (d) => `提议终止协同区：${d.reason}`, en: (d) => `Proposed termination: ${d.reason}` },
  terminationRefused: { zh: () => `拒绝终止协同区`, en: () => `Refused termination` },
  catalogLaunched: { zh: (d) => `发起职权清单修订（基于第 ${d.basedOnVersion ?? '—'} 版）`, en: (d) => `Started a catalogue version (based on version ${d.basedOnVersion ?? '—'})` },
  catalogDrafted: { zh: (d) => `起草职权清单（${d.powers} 项，${d.effectiveDate} 生效）`, en: (d) => `Drafted the catalogue (${d.powers} powers, effective ${d.effectiveDate})` },
  catalogReturned: { zh: (d) => `退回职权清单：${d.comments}`, en: (d) => `Returned the catalogue: ${d.comments}` },
  catalogApproved: { zh: () => `批准职权清单`, en: () => `Approved the catalogue` },
  catalogPublished: { zh: (d) => `发布职权清单第 ${d.version} 版，撤销 ${d.revoked} 份协议中的取消事项`, en: (d) => `Published catalogue version ${d.version}; delisted powers revoked in ${d.revoked} agreements` },
  agreementLaunched: { zh: (d) => `发起与${d.zoneName}的委托协议`, en: (d) => `Started a delegation agreement with ${d.zoneName}` },
  agreementDrafted: { zh: (d) => `起草${d.renewal ? '续签' : ''}委托协议第 ${d.version} 版（${d.items} 项职权）`, en: (d) => `Drafted ${d.renewal ? 'renewal ' : ''}agreement version ${d.version} (${d.items} powers)` },
  agreementReturned: { zh: (d) => `退回委托协议第 ${d.version} 版，意见：${d.comments}`, en: (d) => `Returned agreement version ${d.version}: ${d.comments}` },
  agreementSigned: { zh: (d) => `签署委托协议第 ${d.version} 版`, en: (d) => `Signed agreement version ${d.version}` },
  agreementConcluded: { zh: (d) => `双方签署完成，应于 ${d.announceBy} 前公告`, en: (d) => `Both signed; to be announced by ${d.announceBy}` },
  agreementAnnounced: { zh: (d) => `公告（${d.ref}，${d.on}）`, en: (d) => `Announced (${d.ref}, ${d.on})` },
  agreementInForce: { zh: (d) => `委托协议自 ${d.startDate} 起生效`, en: (d) => `In force from ${d.startDate}` },
  renewalReminder: { zh: (d) => `委托协议将于 ${d.endDate} 到期，请决定是否续签`, en: (d) => `Ends ${d.endDate}: renew or let it expire` },
  renewalProposed: { zh: (d) => `提议续签至 ${d.endDate}（第 ${d.version} 版）`, en: (d) => `Proposed renewal to ${d.endDate} (version ${d.version})` },
  renewalDeclined: { zh: () => `决定不续签`, en: () => `Decided not to renew` },
  agreementRenewed: { zh: (d) => `续签生效，期限至 ${d.endDate}`, en: (d) => `Renewed until ${d.endDate}` },
  agreementExpired: { zh: (d) => `委托协议于 ${d.endDate} 到期`, en: (d) => `Expired at the end of ${d.endDate}` },
  agreementTerminated: { zh: (d) => `提前终止委托协议（${d.on}）：${d.reason}`, en: (d) => `Terminated early (${d.on}): ${d.reason}` },
  powersRevoked: { zh: (d) => `职权清单第 ${d.catalogVersion} 版取消 ${(d.powerCodes as string[]).join('、')}，自 ${d.effectiveDate} 起不再委托`, en: (d) => `Catalogue version ${d.catalogVersion} delisted ${(d.powerCodes as string[]).join(', ')}: revoked from ${d.effectiveDate}` },
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
