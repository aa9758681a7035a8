import { INDICATOR_LABELS, type Indicator } from '../domain/statistics-labels';
import { CHANNEL_NAMES, type FailureTaskChannel } from '../domain/exchange-failures';
import { chinaDate } from '../domain/calendar';
import { chineseDate } from '../domain/document-text';
import { RETURN_REASON_LABELS } from '../domain/penalties';
import { wordRefusal } from '../domain/refusal-wording';
import type { Refusal as RegistrationRefusal } from '../domain/registration';
import type { Refusal } from '../domain/refusals';
import { refusalNames } from './refusal-names';
import type { Lang } from './schemas';
import { registrationRefusalWords } from './registration-refusal-words';
import { fieldLabel as fieldName } from './words';

type Data = Record<string, unknown>;
type Template = (data: Data) => string;

/**
 * A refused penalty's causes: each its catalogued refusal in the reader's language; events recorded
 * before they carried refusals give the English they recorded.
 */
function refusedFor(d: Data, lang: Lang): string[] {
  const refusals = d.refusals as Refusal[] | undefined;
  if (refusals?.length) return refusals.map((r) => wordRefusal(r, lang, refusalNames));
  return (d.problems as string[] | undefined) ?? [];
}

/** The items screening put on the normal route, and licences needed from authorities outside the catalogue. */
function normalRoute(d: Data, lang: Lang): string {
  const items = (d.normalRoute as { powerCode: string; because: string }[] | undefined) ?? [];
  const notices = (d.notices as string[] | undefined) ?? [];
  const listed = items.map((i) => `${i.powerCode}（${i.because}）`);
  if (lang === 'zh')
    return `${items.length ? `；按一般程序办理许可 ${listed.join('、')}` : ''}${notices.length ? `；另需主管部门许可：${notices.join('；')}` : ''}`;
  return `${items.length ? `; by the normal route: ${listed.join(', ')}` : ''}${notices.length ? `; licences needed elsewhere: ${notices.join('; ')}` : ''}`;
}

/** The city's approval a zone was launched under, when the launch recorded one. */
function approvalWords(approval: unknown, lang: 'zh' | 'en'): string {
  const a = approval as { documentNumber?: string; approvedOn?: string } | undefined;
  if (!a?.documentNumber) return '';
  return lang === 'zh' ? `（市政府批复 ${a.documentNumber}，${a.approvedOn}）` : ` (city approval ${a.documentNumber} of ${a.approvedOn})`;
}

/** One sentence per event kind, in Chinese and English. */
const templates: Record<string, { zh: Template; en: Template }> = {
  launched: {
    zh: (d) => `发起设立${d.zoneName}${approvalWords(d.approval, 'zh')}，备忘录签署期限 ${d.dueAt}`,
    en: (d) => `Launched the establishment of ${d.zoneName}${approvalWords(d.approval, 'en')}; memorandum due ${d.dueAt}`,
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
  fileAttached: {
    zh: (d) => `上传附件“${d.fileName}”（${d.size} 字节，SHA-256 ${d.sha256}）`,
    en: (d) => `Attached “${d.fileName}” (${d.size} bytes, SHA-256 ${d.sha256})`,
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
  recordsResynced: {
    zh: (d) =>
      `流程经运维重置（新运行 ${d.runId}）：重置点之后撤回的步骤所开的待办已取消，流程所持待办重新打开，记录编号从 ${d.recordedSeq} 之后继续`,
    en: (d) =>
      `Reset by an operator (new run ${d.runId}): tasks of the rolled-back steps cancelled, the tasks the process holds opened again, numbering continues after ${d.recordedSeq}`,
  },
  reminderSent: { zh: (d) => `提醒：办理期限 ${d.dueAt}`, en: (d) => `Reminder: due ${d.dueAt}` },
  escalated: { zh: (d) => `已逾期（${d.dueAt}），提请 ${d.to} 处理`, en: (d) => `Overdue (${d.dueAt}); escalated to ${d.to}` },
  escalationAnswered: { zh: (d) => `市政府决定继续等待：${d.reason}`, en: (d) => `The city decided to keep waiting: ${d.reason}` },
  withdrawn: { zh: (d) => `撤回设立申请：${d.reason}`, en: (d) => `Withdrew the establishment: ${d.reason}` },
  amendmentProposed: { zh: (d) => `提议修订备忘录：${d.reason}`, en: (d) => `Proposed an amendment: ${d.reason}` },
  amendmentInForce: {
    zh: (d) => `修订后的备忘录第 ${d.version} 版生效${d.areaFrom ? `，所划区域自 ${d.areaFrom} 起适用` : ''}`,
    en: (d) => `Amended memorandum version ${d.version} in force${d.areaFrom ? `; its area applies from ${d.areaFrom}` : ''}`,
  },
  suspended: { zh: (d) => `暂停协同区：${d.reason}`, en: (d) => `Suspended the zone: ${d.reason}` },
  resumed: { zh: () => `恢复协同区`, en: () => `Resumed the zone` },
  terminationProposed: { zh: (d) => `提议终止协同区：${d.reason}`, en: (d) => `Proposed termination: ${d.reason}` },
  terminationRefused: { zh: () => `拒绝终止协同区`, en: () => `Refused termination` },
  catalogLaunched: {
    zh: (d) => `发起职权清单修订（基于第 ${d.basedOnVersion ?? '—'} 版）`,
    en: (d) => `Started a catalogue version (based on version ${d.basedOnVersion ?? '—'})`,
  },
  catalogDrafted: {
    zh: (d) => `起草职权清单（${d.powers} 项，${d.effectiveDate} 生效）`,
    en: (d) => `Drafted the catalogue (${d.powers} powers, effective ${d.effectiveDate})`,
  },
  catalogReturned: { zh: (d) => `退回职权清单：${d.comments}`, en: (d) => `Returned the catalogue: ${d.comments}` },
  catalogApproved: { zh: () => `批准职权清单`, en: () => `Approved the catalogue` },
  catalogPublished: {
    zh: (d) => `发布职权清单第 ${d.version} 版，撤销 ${d.revoked} 份协议中的取消事项`,
    en: (d) => `Published catalogue version ${d.version}; delisted powers revoked in ${d.revoked} agreements`,
  },
  agreementLaunched: { zh: (d) => `发起与${d.zoneName}的委托协议`, en: (d) => `Started a delegation agreement with ${d.zoneName}` },
  agreementDrafted: {
    zh: (d) => `起草${d.renewal ? '续签' : ''}委托协议第 ${d.version} 版（${d.items} 项职权）`,
    en: (d) => `Drafted ${d.renewal ? 'renewal ' : ''}agreement version ${d.version} (${d.items} powers)`,
  },
  agreementReturned: {
    zh: (d) => `退回委托协议第 ${d.version} 版，意见：${d.comments}`,
    en: (d) => `Returned agreement version ${d.version}: ${d.comments}`,
  },
  agreementSigned: { zh: (d) => `签署委托协议第 ${d.version} 版`, en: (d) => `Signed agreement version ${d.version}` },
  agreementConcluded: {
    zh: (d) => `双方签署完成，应于 ${d.announceBy} 前公告`,
    en: (d) => `Both signed; to be announced by ${d.announceBy}`,
  },
  agreementAnnounced: { zh: (d) => `公告（${d.ref}，${d.on}）`, en: (d) => `Announced (${d.ref}, ${d.on})` },
  agreementInForce: { zh: (d) => `委托协议自 ${d.startDate} 起生效`, en: (d) => `In force from ${d.startDate}` },
  renewalReminder: { zh: (d) => `委托协议将于 ${d.endDate} 到期，请决定是否续签`, en: (d) => `Ends ${d.endDate}: renew or let it expire` },
  renewalProposed: {
    zh: (d) => `提议续签至 ${d.endDate}（第 ${d.version} 版）`,
    en: (d) => `Proposed renewal to ${d.endDate} (version ${d.version})`,
  },
  renewalDeclined: { zh: () => `决定不续签`, en: () => `Decided not to renew` },
  agreementRenewed: { zh: (d) => `续签生效，期限至 ${d.endDate}`, en: (d) => `Renewed until ${d.endDate}` },
  agreementExpired: { zh: (d) => `委托协议于 ${d.endDate} 到期`, en: (d) => `Expired at the end of ${d.endDate}` },
  applicationReceived: {
    zh: (d) => `受理${d.name}（${d.uscc}）的登记申请，受理窗口 ${d.acceptedBy}`,
    en: (d) => `Received the application of ${d.name} (${d.uscc}) at ${d.acceptedBy}`,
  },
  routedToCounty: {
    zh: (d) => `无差别化受理：按住所转至 ${d.zoneCode} 办理`,
    en: (d) => `No-difference acceptance: routed to ${d.zoneCode} by residence`,
  },
  applicationScreened: {
    zh: (d) => `审查通过，告知承诺事项 ${(d.items as string[]).length} 项${normalRoute(d, 'zh')}`,
    en: (d) => `Screened: ${(d.items as string[]).length} licence items on commitment${normalRoute(d, 'en')}`,
  },
  applicationRefused: {
    zh: (d) => `不予登记：${(d.refusals as RegistrationRefusal[]).map((r) => registrationRefusalWords(r, 'zh')).join('；')}`,
    en: (d) => `Refused: ${(d.refusals as RegistrationRefusal[]).map((r) => registrationRefusalWords(r, 'en')).join('; ')}`,
  },
  consentGiven: { zh: () => `县级政府同意登记`, en: () => `The county government consented` },
  consentRefused: { zh: (d) => `县级政府不同意：${d.reason}`, en: (d) => `The county government refused: ${d.reason}` },
  entityRegistered: {
    zh: (d) => `${d.name}（${d.uscc}）登记入册，同步办理税务登记（${d.taxOffice}）`,
    en: (d) => `${d.name} (${d.uscc}) registered, tax registration at ${d.taxOffice} made with it`,
  },
  licenceGranted: {
    zh: (d) =>
      `${d.powerCode} 告知承诺${d.status === 'GRANTED' ? '准予许可' : `准予许可（${d.conditionsDue} 前具备条件）`}，${d.verifyBy} 前核查`,
    en: (d) =>
      `${d.powerCode} granted on commitment${d.status === 'GRANTED' ? '' : ` (conditions by ${d.conditionsDue})`}; to verify by ${d.verifyBy}`,
  },
  taxTransferRequested: {
    zh: (d) => `片区税务局申请划转至 ${d.to}（${d.reference}）`,
    en: (d) => `The FTZ tax office requested the transfer to ${d.to} (${d.reference})`,
  },
  taxTransferApproved: {
    zh: (d) => `市税务局批准划转（${d.reference}）`,
    en: (d) => `The city tax bureau approved the transfer (${d.reference})`,
  },
  messageSent: {
    zh: (d) => `${channelZh(d.channel)}已送达 ${d.to}（第 ${d.attempts} 次尝试）`,
    en: (d) => `${d.channel} message delivered for ${d.to} (attempt ${d.attempts})`,
  },
  messageFailed: {
    zh: (d) => `${channelZh(d.channel)}发送失败（${d.attempts} 次尝试）：${d.error}`,
    en: (d) => `${d.channel} message failed after ${d.attempts} attempts: ${d.error}`,
  },
  messagePending: {
    zh: (d) => `${channelZh(d.channel)}发送中（已尝试 ${d.attempts} 次）${d.error ? `：${d.error}` : ''}`,
    en: (d) => `${d.channel} message being sent (${d.attempts} attempts so far)${d.error ? `: ${d.error}` : ''}`,
  },
  messageAnswered: {
    zh: (d) => `${channelZh(d.channel)}已收到对方回调：${d.result}`,
    en: (d) => `${d.channel}: the system called back: ${d.result}`,
  },
  exchangeFailureOpened: {
    zh: (d) => `${d.summary}未能报送${platformZh(d.channel)}（${d.attempts} 次尝试）：${d.error}；已转本机关处理`,
    en: (d) => `${d.summary} not taken by ${d.channel} (${d.attempts} attempts): ${d.error}; a task is open`,
  },
  exchangeResent: {
    zh: (d) => `${d.summary}重新报送${platformZh(d.channel)}`,
    en: (d) => `${d.summary} sent to ${d.channel} again`,
  },
  exchangeDeliveredAgain: {
    zh: (d) => `${d.summary}已重新报送成功（${platformZh(d.channel)}已接收）`,
    en: (d) => `${d.summary} taken by ${d.channel} on sending again`,
  },
  exchangeFailedAgain: {
    zh: (d) => `${d.summary}重新报送仍未成功：${d.error}`,
    en: (d) => `${d.summary} not taken again: ${d.error}`,
  },
  exchangeReportedOtherwise: {
    zh: (d) => `${d.summary}已通过其他方式报送：${d.how}${d.reference ? `（${d.reference}）` : ''}`,
    en: (d) => `${d.summary} reported by other means: ${d.how}${d.reference ? ` (${d.reference})` : ''}`,
  },
  creditPlatformSent: {
    zh: (d) => `${d.decisionNumber ?? d.licenceId ?? ''} ${CREDIT_KIND_ZH[String(d.kind)] ?? d.kind}报送信用平台（双公示）`,
    en: (d) => `${d.decisionNumber ?? d.licenceId ?? ''}: ${d.kind} sent to the credit platform`,
  },
  supervisionSent: {
    zh: (d) => `${d.licenceId ?? d.entityName} ${SUPERVISION_KIND_ZH[String(d.kind)] ?? d.kind}报送互联网+监管`,
    en: (d) => `${d.licenceId ?? d.entityName}: ${d.kind} sent to the supervision platform`,
  },
  taxTransferPending: {
    zh: (d) => `市税务局系统已受理划转请求，结果待回调（${d.to}）`,
    en: (d) => `The tax system took the transfer to ${d.to}; its decision comes by callback`,
  },
  taxTransferSent: {
    zh: (d) => `已通过系统实时提请市税务局划转至 ${d.to}`,
    en: (d) => `The transfer to ${d.to} was sent to the city tax bureau's system`,
  },
  taxTransferRefusedBySystem: {
    zh: (d) => `市税务局系统不予划转：${d.reason}；转片区税务局人工办理`,
    en: (d) => `The tax system refused the transfer: ${d.reason}; the FTZ tax office takes it up`,
  },
  taxTransferUndelivered: {
    zh: (d) => `市税务局系统无法送达（${d.reason}）；转片区税务局人工办理`,
    en: (d) => `The tax system could not be reached (${d.reason}); the FTZ tax office takes it up`,
  },
  taxTransferred: { zh: (d) => `${d.to} 确认划入（${d.reference}）`, en: (d) => `${d.to} confirmed the transfer (${d.reference})` },
  commitmentVerified: {
    zh: (d) => `${d.licenceId} 核查符合承诺${d.onTime ? '' : '（逾期核查）'}`,
    en: (d) => `${d.licenceId} verified compliant${d.onTime ? '' : ' (late)'}`,
  },
  rectificationOrdered: {
    zh: (d) => `${d.licenceId} 不符合承诺，责令 ${d.rectifyBy} 前整改：${d.findings}`,
    en: (d) => `${d.licenceId} not compliant; rectify by ${d.rectifyBy}: ${d.findings}`,
  },
  rectificationAccepted: { zh: (d) => `${d.licenceId} 整改后复查符合`, en: (d) => `${d.licenceId} compliant after rectification` },
  licenceRevoked: {
    zh: (d) => `${d.licenceId} 整改后仍不符合，撤销许可：${d.findings}`,
    en: (d) => `${d.licenceId} still not compliant: licence revoked (${d.findings})`,
  },
  creditRecorded: {
    zh: (d) => `记入信用记录 ${d.creditRecordId}，不再适用告知承诺`,
    en: (d) => `Credit record ${d.creditRecordId}; the commitment route is barred`,
  },
  penaltyCaseOpened: {
    zh: (d) => `移送 ${d.enforcementOrg} 立案 ${d.caseId}`,
    en: (d) => `Penalty case ${d.caseId} opened for ${d.enforcementOrg}`,
  },
  licenceApplied: {
    zh: (d) => `${d.powerCode} 按一般程序申请许可（${d.because}）`,
    en: (d) => `${d.powerCode} applied for by the normal route (${d.because})`,
  },
  licenceApplicationAccepted: {
    zh: (d) => `${d.licenceId} 许可申请审查通过，转现场核查`,
    en: (d) => `${d.licenceId}: application accepted, on-site check next`,
  },
  onSiteChecked: {
    zh: (d) => `${d.licenceId} 现场核查（${d.checkedOn}）${d.result === 'meets' ? '符合条件' : '不符合条件'}：${d.findings}`,
    en: (d) =>
      `${d.licenceId} checked on site (${d.checkedOn}): ${d.result === 'meets' ? 'meets the conditions' : 'does not meet them'}: ${d.findings}`,
  },
  licenceIssued: {
    zh: (d) => `准予许可，核发许可证 ${d.licenceNumber}（有效期 ${d.validFrom} 至 ${d.validUntil}）`,
    en: (d) => `Licence ${d.licenceNumber} issued, valid ${d.validFrom} to ${d.validUntil}`,
  },
  licenceRefused: { zh: (d) => `${d.licenceId} 不予许可：${d.reason}`, en: (d) => `${d.licenceId} refused: ${d.reason}` },
  registrationCompleted: {
    zh: (d) => `办结：税务已划转至 ${d.taxOffice}，承诺事项均已核查`,
    en: (d) => `Completed: taxed at ${d.taxOffice}, every commitment settled`,
  },
  agreementTerminated: { zh: (d) => `提前终止委托协议（${d.on}）：${d.reason}`, en: (d) => `Terminated early (${d.on}): ${d.reason}` },
  powersRevoked: {
    zh: (d) => `职权清单第 ${d.catalogVersion} 版取消 ${(d.powerCodes as string[]).join('、')}，自 ${d.effectiveDate} 起不再委托`,
    en: (d) => `Catalogue version ${d.catalogVersion} delisted ${(d.powerCodes as string[]).join(', ')}: revoked from ${d.effectiveDate}`,
  },
  penaltyRecorded: {
    zh: (d) =>
      `登记行政处罚决定 ${d.decisionNumber}（${d.uscc}，${grade(d.grade, 'zh')}）${d.replaces ? `，变更原决定 ${d.replaces}` : ''}，应于 ${d.reportBy} 前抄报`,
    en: (d) =>
      `Recorded penalty decision ${d.decisionNumber} (${d.uscc}, ${grade(d.grade, 'en')})${d.replaces ? `, changing decision ${d.replaces}` : ''}; to be reported by ${d.reportBy}`,
  },
  penaltyRefused: {
    zh: (d) => `处罚决定 ${d.decisionNumber} 不予受理：${refusedFor(d, 'zh').join('；')}`,
    en: (d) => `Penalty decision ${d.decisionNumber} not accepted: ${refusedFor(d, 'en').join('; ')}`,
  },
  penaltyReported: {
    zh: (d) => `向片区抄报处罚决定 ${d.decisionNumber}`,
    en: (d) => `Reported penalty decision ${d.decisionNumber} to the FTZ`,
  },
  penaltyReturned: {
    zh: (d) => `第 ${d.round} 轮审核：退回补正（${reasons(d.reasons, 'zh')}）${d.note ? `：${d.note}` : ''}`,
    en: (d) => `Review round ${d.round}: returned for correction (${reasons(d.reasons, 'en')})${d.note ? `: ${d.note}` : ''}`,
  },
  penaltyResubmitted: {
    zh: (d) =>
      `补正后重新报送（第 ${d.round} 次退回后，${d.authority === 'local' ? '补正' : '修改'}：${(d.changed as string[]).map((f) => fieldName(f, 'zh')).join('、')}）`,
    en: (d) =>
      `Corrected and resubmitted after return ${d.round} (${d.authority === 'local' ? 'completed' : 'changed'}: ${(d.changed as string[]).map((f) => fieldName(f, 'en')).join(', ')})`,
  },
  penaltyRecognised: {
    zh: (d) =>
      `第 ${d.round} 轮审核：予以认可并适用，${d.publicationFrom ? `自处罚决定日 ${d.publicationFrom} 起` : ''}公示至 ${d.publicationUntil}，${d.repairEligibleFrom} 起可申请信用修复`,
    en: (d) =>
      `Review round ${d.round}: recognised and applied; published ${d.publicationFrom ? `from the decision date ${d.publicationFrom} ` : ''}until ${d.publicationUntil}, repair possible from ${d.repairEligibleFrom}`,
  },
  penaltyWithdrawn: {
    zh: (d) => `处罚决定${d.cause === 'revoked' ? '被撤销' : '被变更'}，撤回并撤销信用记录：${d.reason}`,
    en: (d) => `Decision ${d.cause === 'revoked' ? 'revoked' : 'changed'}: withdrawn everywhere, credit record withdrawn: ${d.reason}`,
  },
  creditRepairRequested: {
    zh: (d) => `${d.onBehalfOf ? `窗口代当事人 ${d.onBehalfOf} ` : ''}申请信用修复：${d.rectification}`,
    en: (d) => `Credit repair requested${d.onBehalfOf ? ` at a window for ${d.onBehalfOf}` : ''}: ${d.rectification}`,
  },
  creditRepairRefused: { zh: (d) => `不予信用修复：${d.reason}`, en: (d) => `Credit repair refused: ${d.reason}` },
  creditRepaired: { zh: (d) => `准予信用修复，${d.on} 起停止公示`, en: (d) => `Credit repaired: publication ended on ${d.on}` },
  publicationEnded: {
    zh: (d) => `公示期满（${d.until}），信用记录终止`,
    en: (d) => `Publication period over (${d.until}): credit record ended`,
  },
  pilotLaunched: {
    zh: (d) =>
      `${d.listed ? '列入并' : ''}发起改革试点“${d.title}”（${d.measureCode}）的复制推广，征询 ${(d.zoneCodes as string[]).length} 个协同区`,
    en: (d) =>
      `${d.listed ? 'Listed and offered' : 'Offered'} reform measure ${d.measureCode} to ${(d.zoneCodes as string[]).length} zones`,
  },
  pilotAdopted: {
    zh: (d) => `协同区 ${d.zoneCode} 决定自 ${d.date} 起实施：${d.note}`,
    en: (d) => `Zone ${d.zoneCode} adopts it from ${d.date}: ${d.note}`,
  },
  pilotDeclined: {
    zh: (d) => `协同区 ${d.zoneCode} 决定暂不实施（${d.date}）：${d.note}`,
    en: (d) => `Zone ${d.zoneCode} declines it (${d.date}): ${d.note}`,
  },
  pilotDecided: {
    zh: (d) => `各协同区均已决定，${d.adopted}/${d.zones} 个实施`,
    en: (d) => `Every zone has decided: ${d.adopted} of ${d.zones} adopt it`,
  },
  practiceLaunched: {
    zh: (d) => `协同区 ${d.zoneCode} 发起报送好经验好做法“${d.title}”`,
    en: (d) => `Zone ${d.zoneCode} began proposing the practice "${d.title}"`,
  },
  practiceProposed: {
    zh: (d) => `报送好经验好做法“${d.title}”（${d.where}，${d.startedOn} 起实施），提请自贸区评估`,
    en: (d) => `Proposed the practice "${d.title}" (${d.where}, since ${d.startedOn}) to the FTZ`,
  },
  practiceAccepted: {
    zh: (d) => `自贸区评估采纳“${d.title}”，列为改革事项 ${d.measureCode}，向其他协同区复制推广${d.note ? `：${d.note}` : ''}`,
    en: (d) =>
      `The FTZ accepted "${d.title}" as reform measure ${d.measureCode}, to be offered to the other zones${d.note ? `: ${d.note}` : ''}`,
  },
  practiceDeclined: { zh: (d) => `自贸区评估不予推广“${d.title}”：${d.reasons}`, en: (d) => `The FTZ declined "${d.title}": ${d.reasons}` },
  practiceOffered: {
    zh: (d) => `改革事项 ${d.measureCode} 已发起复制推广（${d.pilotProcessId}）`,
    en: (d) => `Reform measure ${d.measureCode} offered to the other zones (${d.pilotProcessId})`,
  },
  practiceOfferFailed: {
    zh: (d) => `改革事项 ${d.measureCode} 的复制推广未能发起：${d.reason}`,
    en: (d) => `Reform measure ${d.measureCode} could not be offered: ${d.reason}`,
  },
  demandRegistered: {
    zh: (d) => `窗口受理${d.enterpriseName}的改革诉求（${d.receivedOn}）`,
    en: (d) => `A window registered the reform demand of ${d.enterpriseName} (${d.receivedOn})`,
  },
  demandRouted: {
    zh: (d) => `分办至 ${d.orgName}${d.note ? `：${d.note}` : ''}`,
    en: (d) => `Routed to ${d.responsibleOrg}${d.note ? `: ${d.note}` : ''}`,
  },
  demandAnswered: {
    zh: (d) =>
      `答复（${({ resolved: '已解决', adopted: '纳入改革事项', explained: '解释说明' } as Record<string, string>)[String(d.outcome)] ?? d.outcome}）：${d.answer}`,
    en: (d) => `Answered (${d.outcome}): ${d.answer}`,
  },
  indicatorsLaunched: {
    zh: (d) => `发起 ${d.period} 月度经济指标报送（口径 ${d.edition} 版），${(d.zoneCodes as string[]).length} 个协同区报送`,
    en: (d) => `Launched the economic indicators of ${d.period} (definitions ${d.edition}) for ${(d.zoneCodes as string[]).length} zones`,
  },
  indicatorsReported: {
    zh: (d) => `协同区 ${d.zoneCode} 报送 ${d.period} 经济指标${d.note ? `：${d.note}` : ''}`,
    en: (d) => `Zone ${d.zoneCode} reported the indicators of ${d.period}${d.note ? `: ${d.note}` : ''}`,
  },
  indicatorsReturned: {
    zh: (d) =>
      `第 ${d.round} 轮审核：退回协同区 ${d.zoneCode} 修改：${d.reasons}${(d.indicators as string[] | undefined)?.length ? `（存疑：${(d.indicators as Indicator[]).map((c) => INDICATOR_LABELS[c]?.zh ?? c).join('、')}）` : ''}`,
    en: (d) =>
      `Review round ${d.round}: returned to zone ${d.zoneCode}: ${d.reasons}${(d.indicators as string[] | undefined)?.length ? ` (in doubt: ${(d.indicators as Indicator[]).map((c) => INDICATOR_LABELS[c]?.en ?? c).join(', ')})` : ''}`,
  },
  indicatorsResubmitted: {
    zh: (d) =>
      `协同区 ${d.zoneCode} 修改后重新报送（修改：${(d.changed as Indicator[]).map((c) => INDICATOR_LABELS[c]?.zh ?? c).join('、') || '无，备注说明'}）`,
    en: (d) =>
      `Zone ${d.zoneCode} resubmitted (changed: ${(d.changed as Indicator[]).map((c) => INDICATOR_LABELS[c]?.en ?? c).join(', ') || 'none, explained in the note'})`,
  },
  indicatorsAccepted: {
    zh: (d) => `第 ${d.round} 轮审核：予以采用协同区 ${d.zoneCode} 的 ${d.period} 经济指标`,
    en: (d) => `Review round ${d.round}: accepted the indicators of zone ${d.zoneCode} for ${d.period}`,
  },
  indicatorsComplete: {
    zh: (d) => `${d.period} 各协同区经济指标均已采用（${d.zones} 个）`,
    en: (d) => `Every zone's indicators of ${d.period} accepted (${d.zones})`,
  },
  terminated: { zh: (d) => `双方同意，协同区终止：${d.reason}`, en: (d) => `Terminated by mutual consent: ${d.reason}` },
  zoneEndCarriedThrough: {
    zh: (d) =>
      `协同区自 ${d.terminatedOn} 终止：${(d.agreements as string[]).length} 份委托协议终止，${(d.registrationsRefused as string[]).length} 件在办登记申请不予登记；已登记企业的税务与监管仍归属地`,
    en: (d) =>
      `The zone ended on ${d.terminatedOn}: ${(d.agreements as string[]).length} agreements ended, ${(d.registrationsRefused as string[]).length} applications in flight refused; registered entities keep their local tax office and supervision`,
  },
  agreementEndedWithZone: {
    zh: (d) => `协同区于 ${d.on} 终止，委托协议随之终止：${d.reason}`,
    en: (d) => `Ended with its zone on ${d.on}: ${d.reason}`,
  },
  inspectionsDrawn: {
    zh: (d) =>
      `${d.selection === 'random' ? '双随机抽取' : '按风险信号确定重点检查对象'}：随机种子 ${d.seed}（${d.algorithm}），${drawnWords(d, 'zh')}`,
    en: (d) =>
      `${d.selection === 'random' ? 'Random draw' : 'Targeted by risk signals'}: seed ${d.seed} (${d.algorithm}), ${drawnWords(d, 'en')}`,
  },
  inspectionCompliant: {
    zh: (d) => `检查 ${d.entityName}（${d.inspectedOn}）：未发现问题。${d.findings}`,
    en: (d) => `Inspected ${d.entityName} (${d.inspectedOn}): compliant. ${d.findings}`,
  },
  inspectionRectificationOrdered: {
    zh: (d) => `检查 ${d.entityName}（${d.inspectedOn}）：责令限期整改 ${d.rectificationDays} 天，至 ${d.rectifyBy}。${d.findings}`,
    en: (d) =>
      `Inspected ${d.entityName} (${d.inspectedOn}): rectification within ${d.rectificationDays} days, by ${d.rectifyBy}. ${d.findings}`,
  },
  inspectionReopened: {
    zh: (d) => `${d.entityName} 整改期限（${d.rectifyBy}）届满，检查重新开启，待复查`,
    en: (d) => `${d.entityName}: the rectification period (${d.rectifyBy}) is over; the inspection reopens for a re-inspection`,
  },
  inspectionRectified: {
    zh: (d) => `复查 ${d.entityName}（${d.inspectedOn}）：整改到位。${d.findings}`,
    en: (d) => `Re-inspected ${d.entityName} (${d.inspectedOn}): rectified. ${d.findings}`,
  },
  inspectionCaseOpened: {
    zh: (d) => `${d.afterRectification ? '复查' : '检查'} ${d.entityName}（${d.inspectedOn}）：立案查处（案件 ${d.caseId}）：${d.reason}`,
    en: (d) =>
      `${d.afterRectification ? 'Re-inspected' : 'Inspected'} ${d.entityName} (${d.inspectedOn}): penalty case ${d.caseId} opened: ${d.reason}`,
  },
  inspectionPlanConcluded: {
    zh: (d) => `检查计划办结：${d.inspections} 户，未发现问题或整改到位 ${d.compliant} 户，立案 ${d.penaltyCases} 户；结果已公示`,
    en: (d) => `Plan concluded: ${d.inspections} inspected, ${d.compliant} compliant, ${d.penaltyCases} penalty cases; results published`,
  },
  // From the engine's histories (audit/history-facts.ts), not the records.
  deadlineSet: {
    zh: (d) => `设定${deadlineName(d.name, 'zh')}：${periodZh(String(d.period))}，截止 ${d.dueAt}${d.provisional ? '（按暂定日历）' : ''}`,
    en: (d) =>
      `Deadline set for ${deadlineName(d.name, 'en')}: ${d.period}, due ${d.dueAt}${d.provisional ? ' (provisional calendar)' : ''}`,
  },
  activityRetried: {
    zh: (d) => `${activityName(d.activity, 'zh')}第 ${d.attempt} 次执行（上次失败：${d.lastFailure}）`,
    en: (d) => `${activityName(d.activity, 'en')}, attempt ${d.attempt} (the last one failed: ${d.lastFailure})`,
  },
  activityFailed: {
    zh: (d) => `${activityName(d.activity, 'zh')}${d.timedOut ? '超时' : '失败'}（第 ${d.attempt} 次）：${d.failure}`,
    en: (d) => `${activityName(d.activity, 'en')} ${d.timedOut ? 'timed out' : 'failed'} (attempt ${d.attempt}): ${d.failure}`,
  },
  workflowTaskFailed: {
    zh: (d) => `流程代码执行出错（${d.cause}）：${d.failure}`,
    en: (d) => `Workflow task failed (${d.cause}): ${d.failure}`,
  },
  continuedAsNew: {
    zh: (d) => `本轮运行历史达 ${d.events} 条事件，接续新一轮运行（${String(d.newRunId).slice(-12)}）`,
    en: (d) => `Run history at ${d.events} events: continued as a new run (${String(d.newRunId).slice(-12)})`,
  },
  decisionRefused: { zh: (d) => `「${d.title}」未被接受：${d.reason}`, en: (d) => `"${d.title}" was refused: ${d.reason}` },
  processEnded: {
    zh: (d) =>
      `流程${({ completed: '结束', failed: '失败', terminated: '被终止', canceled: '被取消', timedOut: '超时' } as Record<string, string>)[String(d.how)]}${d.identity ? `（${d.identity}）` : ''}${d.reason ? `：${d.reason}` : ''}`,
    en: (d) =>
      `Process ${({ completed: 'completed', failed: 'failed', terminated: 'terminated', canceled: 'cancelled', timedOut: 'timed out' } as Record<string, string>)[String(d.how)]}${d.identity ? ` by ${d.identity}` : ''}${d.reason ? `: ${d.reason}` : ''}`,
  },
};

/** The entities and inspectors a draw chose, in words. */
function drawnWords(d: Data, lang: Lang): string {
  const drawn = (d.inspections as { name: string; inspectors: string[] }[] | undefined) ?? [];
  if (!drawn.length) return lang === 'zh' ? '未抽中检查对象' : 'nothing drawn';
  const list = drawn.map((i) => `${i.name}（${i.inspectors.join('、')}）`).join(lang === 'zh' ? '；' : '; ');
  return lang === 'zh' ? `抽中 ${drawn.length} 户及检查人员：${list}` : `${drawn.length} drawn with inspectors: ${list}`;
}

const DEADLINE_NAMES: Record<string, { zh: string; en: string }> = {
  'supervision.inspectionPeriod': { zh: '检查办理期限', en: 'the inspection' },
  signingDeadline: { zh: '备忘录签署期限', en: 'signing the memorandum' },
  'memorandum.signingPeriod': { zh: '备忘录签署期限', en: 'signing the memorandum' },
  'agreement.announcementPeriod': { zh: '委托协议公告期限', en: 'announcing the agreement' },
  'penalty.reportPeriod': { zh: '处罚结果抄报期限', en: 'reporting the penalty' },
  'penalty.reviewPeriod': { zh: '处罚结果审核期限', en: 'reviewing the penalty' },
  'indicators.reportPeriod': { zh: '经济指标报送期限', en: 'reporting the indicators' },
  'indicators.reviewPeriod': { zh: '经济指标审核期限', en: 'checking the indicators' },
  'indicators.correctionPeriod': { zh: '经济指标修改期限', en: 'correcting the indicators' },
  'penalty.correctionPeriod': { zh: '处罚结果补正期限', en: 'correcting the penalty' },
  'reform.evaluationPeriod': { zh: '好经验好做法评估期限', en: 'evaluating the practice' },
  'reform.routingPeriod': { zh: '企业诉求分办期限', en: 'routing the demand' },
  'reform.answerPeriod': { zh: '企业诉求答复期限', en: 'answering the demand' },
  'registration.consentPeriod': { zh: '县级政府同意期限', en: "the county's consent" },
  'registration.rectificationPeriod': { zh: '限期整改期限', en: 'rectification' },
  'registration.taxStepPeriod': { zh: '税务划转办理期限', en: 'the tax transfer step' },
  'registration.verificationPeriod': { zh: '承诺核查期限', en: 'verifying the commitment' },
};
const deadlineName = (name: unknown, lang: Lang) => DEADLINE_NAMES[String(name)]?.[lang] ?? String(name);

const ACTIVITY_NAMES: Record<string, { zh: string; en: string }> = {
  commitStep: { zh: '写入记录', en: 'Writing the records' },
  prepareZoneEstablishment: { zh: '设立准备', en: 'Preparing the establishment' },
  prepareAgreement: { zh: '协议准备', en: 'Preparing the agreement' },
  planDeadline: { zh: '计算期限', en: 'Computing a deadline' },
  checkAgreementDraft: { zh: '核对协议草案', en: 'Checking the draft' },
  screenApplication: { zh: '审查登记申请', en: 'Screening the application' },
  planGrant: { zh: '核对承诺事项职权', en: 'Checking the powers of the grant' },
  currentCatalog: { zh: '读取职权清单', en: 'Reading the catalogue' },
  preparePenalty: { zh: '处罚抄报准备', en: 'Preparing the penalty report' },
  checkPenaltyDecision: { zh: '核对处罚决定', en: 'Checking the decision' },
  checkPenaltyEntity: { zh: '核对处罚当事人登记', en: "Checking the entity's registration" },
  prepareSupervisionPlan: { zh: '读取检查对象与执法人员名录', en: 'Reading the entities and the roster' },
  preparePilot: { zh: '读取改革试点与协同区', en: 'Reading the measure and the zones' },
  prepareReform: { zh: '读取协同区', en: 'Reading the zone' },
  reserveMeasureCode: { zh: '编定改革事项编码', en: 'Reserving the measure code' },
  demandAnswerer: { zh: '核对承办机构', en: 'Checking the responsible organisation' },
  takeStatisticsSnapshot: { zh: '生成统计快照', en: 'Taking the statistics snapshot' },
};

const GRADE_WORDS: Record<string, { zh: string; en: string }> = {
  minor: { zh: '轻微失信', en: 'minor' },
  general: { zh: '一般失信', en: 'general' },
  serious: { zh: '严重失信', en: 'serious' },
};
const grade = (value: unknown, lang: Lang) => GRADE_WORDS[String(value)]?.[lang] ?? String(value);
const reasons = (codes: unknown, lang: Lang) =>
  (codes as string[])
    .map((code) => RETURN_REASON_LABELS[code as keyof typeof RETURN_REASON_LABELS]?.[lang] ?? code)
    .join(lang === 'zh' ? '、' : ', ');
const activityName = (name: unknown, lang: Lang) => ACTIVITY_NAMES[String(name)]?.[lang] ?? String(name);

/** Policy periods are written in English (`30 working days`); in Chinese they read as such. */
function periodZh(period: string): string {
  const [, n, unit] = /^(\d+) (working days|seconds|days)$/.exec(period) ?? [];
  return n ? `${n} ${{ seconds: '秒', days: '天', 'working days': '个工作日' }[unit]}` : period;
}

/**
 * The power, agreement or catalogue version an event names as its authority: a decision taken under
 * an entrusted power names the power and the agreement version that entrusted it.
 */
export function authorityOf(
  data: Data,
  lang: Lang,
): { powerCodes?: string[]; agreementId?: string; agreementVersion?: number; catalogVersion?: number; words: string } | null {
  const powerCodes = Array.isArray(data.powerCodes)
    ? data.powerCodes.map(String)
    : typeof data.powerCode === 'string'
      ? [data.powerCode]
      : undefined;
  const agreementId = typeof data.agreementId === 'string' ? data.agreementId : undefined;
  const agreementVersion = typeof data.agreementVersion === 'number' ? data.agreementVersion : undefined;
  const catalogVersion = typeof data.catalogVersion === 'number' ? data.catalogVersion : undefined;
  if (data.authority === 'local')
    return {
      words: lang === 'zh' ? '依据：属地行政执法机关自身职权（无需委托）' : "Under local enforcement's own authority (no entrusted power)",
    };
  if (!powerCodes && !agreementId && catalogVersion === undefined) return null;
  const parts =
    lang === 'zh'
      ? [
          agreementId && `委托协议 ${agreementId}${agreementVersion ? ` 第 ${agreementVersion} 版` : ''}`,
          powerCodes && `职权 ${powerCodes.join('、')}`,
          catalogVersion !== undefined && `职权清单第 ${catalogVersion} 版`,
        ]
      : [
          agreementId && `agreement ${agreementId}${agreementVersion ? ` version ${agreementVersion}` : ''}`,
          powerCodes && `power${powerCodes.length > 1 ? 's' : ''} ${powerCodes.join(', ')}`,
          catalogVersion !== undefined && `catalogue version ${catalogVersion}`,
        ];
  const words = (lang === 'zh' ? '依据：' : 'Under ') + parts.filter(Boolean).join(lang === 'zh' ? '；' : '; ');
  return {
    ...(powerCodes ? { powerCodes } : {}),
    ...(agreementId ? { agreementId } : {}),
    ...(agreementVersion ? { agreementVersion } : {}),
    ...(catalogVersion !== undefined ? { catalogVersion } : {}),
    words,
  };
}

/** Deadlines read as the day they fall on in China, not as UTC instants. */
function localDates(data: Data): Data {
  return typeof data.dueAt === 'string' ? { ...data, dueAt: chinaDate(new Date(data.dueAt)) } : data;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Every day among the facts (a city approval's too) as Chinese writes it: 2027-01-13 → 2027年1月13日. */
function chineseDays<T>(value: T): T {
  if (typeof value === 'string') return (ISO_DAY.test(value) ? chineseDate(value) : value) as T;
  if (Array.isArray(value)) return value.map(chineseDays) as T;
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, chineseDays(v)])) as T;
  return value;
}

const CHANNEL_ZH: Record<string, string> = {
  email: '邮件',
  webhook: '群机器人消息',
  tax: '税务系统报文',
  credit: '信用平台“双公示”报文',
  supervision: '互联网+监管报文',
  'gov-service': '政务服务网状态回传',
};
const CREDIT_KIND_ZH: Record<string, string> = {
  penalty: '行政处罚信息',
  licence: '行政许可信息',
  withdrawal: '撤销公示',
  repair: '信用修复',
};
const SUPERVISION_KIND_ZH: Record<string, string> = {
  verification: '承诺核查结果',
  onSiteCheck: '现场检查结果',
  rectificationOrder: '责令整改',
  revocation: '撤销许可',
};
const platformZh = (channel: unknown) => CHANNEL_NAMES[String(channel) as FailureTaskChannel]?.zh ?? String(channel);
const channelZh = (channel: unknown) => CHANNEL_ZH[String(channel)] ?? String(channel);

export function summarize(kind: string, data: Data, lang: Lang): string {
  const template = templates[kind];
  if (!template) return kind;
  const facts = localDates(data);
  return template[lang](lang === 'zh' ? chineseDays(facts) : facts);
}
