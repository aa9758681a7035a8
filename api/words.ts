import { ECONOMIC_INDICATORS, INDICATOR_LABELS } from '../domain/statistics-labels';
import type { Lang } from './schemas';

/**
 * A decision's payload in words for the timeline: each field by its label, each coded value by its
 * name, lists summed up. Fields of process types yet to come read by their own names until labelled.
 */
type Words = Record<string, [zh: string, en: string]>;

const FIELDS: Words = {
  countyCode: ['县（市、区）代码', 'County code'],
  zoneCode: ['协同区代码', 'Zone code'],
  decision: ['决定', 'Decision'],
  comments: ['意见', 'Comments'],
  reason: ['理由', 'Reason'],
  note: ['备注', 'Note'],
  name: ['名称', 'Name'],
  head: ['负责人', 'Head'],
  contact: ['联系方式', 'Contact'],
  address: ['地址', 'Address'],
  'boundary.areaKm2': ['面积（平方公里）', 'Area (km²)'],
  'boundary.description': ['四至范围', 'Boundary'],
  scope: ['合作范围', 'Scope'],
  'duties.ftz': ['片区职责', 'FTZ duties'],
  'duties.county': ['县（市、区）职责', 'County duties'],
  duties: ['义务', 'Duties'],
  statisticsRule: ['统计归属', 'Statistics rule'],
  meetingMechanism: ['联席会议机制', 'Meetings'],
  effectiveDate: ['生效日期', 'Effective'],
  items: ['委托职权', 'Powers entrusted'],
  'term.startDate': ['期限起', 'Term from'],
  'term.endDate': ['期限止', 'Term to'],
  rights: ['权利', 'Rights'],
  liability: ['责任', 'Liability'],
  noSubEntrustment: ['不得再委托', 'No further entrustment'],
  announcementRef: ['公告文号', 'Announcement'],
  announcedOn: ['公告日期', 'Announced on'],
  newEndDate: ['续签至', 'Renewed until'],
  powers: ['职权事项', 'Powers'],
  reference: ['文号', 'Reference'],
  result: ['核查结果', 'Result'],
  findings: ['核查发现', 'Findings'],
  uscc: ['统一社会信用代码', 'USCC'],
  violation: ['违法行为', 'Violation'],
  legalBasis: ['法律依据', 'Legal basis'],
  powerCode: ['职权事项', 'Power'],
  'penalty.kind': ['处罚种类', 'Penalty'],
  'penalty.amountYuan': ['罚款金额（元）', 'Fine (yuan)'],
  'penalty.licence': ['吊销的许可证', 'Licence revoked'],
  'penalty.description': ['处罚内容', 'Penalty'],
  grade: ['失信行为严重程度', 'Severity'],
  decisionNumber: ['处罚决定书文号', 'Decision number'],
  entityName: ['当事人名称', 'Entity name'],
  documents: ['抄报材料', 'Documents'],
  decidedOn: ['决定日期', 'Decided on'],
  deliveredOn: ['送达日期', 'Delivered on'],
  reasons: ['补正事由', 'Reasons'],
  cause: ['原因', 'Cause'],
  rectification: ['整改情况', 'Rectification'],
  measureCode: ['改革试点事项', 'Reform measure'],
  date: ['日期', 'Date'],
  'listing.titleZh': ['事项名称', 'Title (zh)'],
  'listing.titleEn': ['事项名称（英文）', 'Title (en)'],
  'listing.grantedBy': ['赋予机关', 'Granted by'],
  'listing.grantedOn': ['赋予日期', 'Granted on'],
  'listing.summary': ['内容摘要', 'Summary'],
  period: ['统计月份', 'Month'],
  from: ['起始日期', 'From'],
  to: ['截止日期', 'To'],
  indicators: ['存疑的指标', 'Figures in doubt'],
  changed: ['修改的指标', 'Figures changed'],
  // A report's figures: each by its name, the value with its unit beside it.
  ...Object.fromEntries(
    ECONOMIC_INDICATORS.flatMap((code) => [
      [`figures.${code}`, [INDICATOR_LABELS[code].zh, INDICATOR_LABELS[code].en]],
      [`figures.${code}.value`, [INDICATOR_LABELS[code].zh, INDICATOR_LABELS[code].en]],
      [`figures.${code}.unit`, [`${INDICATOR_LABELS[code].zh}单位`, `${INDICATOR_LABELS[code].en} unit`]],
    ]),
  ),
  listing: ['新增改革事项', 'New measure listing'],
  // Reform from the zones: a practice, its evaluation, a demand, a training session.
  titleZh: ['名称', 'Title'],
  titleEn: ['英文名称', 'Title (English)'],
  practice: ['做法内容', 'The practice'],
  practiceTitle: ['做法名称', 'Practice'],
  where: ['实施地点与范围', 'Where it runs'],
  startedOn: ['开始实施日期', 'Running since'],
  results: ['实施成效', 'Results'],
  enterpriseName: ['企业名称', 'Enterprise'],
  contactName: ['联系人', 'Contact person'],
  phone: ['联系电话', 'Phone'],
  category: ['诉求类别', 'Category'],
  demand: ['诉求内容', 'Demand'],
  receivedOn: ['受理日期', 'Received on'],
  responsibleOrg: ['承办机构', 'Responsible organisation'],
  outcome: ['办理结果', 'Outcome'],
  answer: ['答复内容', 'Answer'],
  heldOn: ['培训日期', 'Held on'],
  topic: ['培训主题', 'Topic'],
  place: ['培训地点', 'Place'],
  hours: ['学时', 'Hours'],
  attendees: ['参训单位', 'Attendees'],
  'attendees.orgId': ['参训单位', 'Organisation'],
  'attendees.count': ['参训人数', 'Number trained'],
  'attendees.people': ['参训人员', 'People'],
  'attendees.people.personName': ['姓名', 'Name'],
  boundary: ['协同区范围', 'Area'],
  'boundary.geojson': ['范围图（GeoJSON）', 'Map (GeoJSON)'],
  'boundary.townshipCodes': ['所划乡镇（街道）', 'Townships'],
  'boundary.parkIds': ['所划园区', 'Parks'],
  'residence.townshipCode': ['住所所在乡镇（街道）', "Residence's township"],
  'residence.parkId': ['住所所在园区', "Residence's park"],
  figures: ['填报的指标', 'Figures'],
  effectiveFrom: ['生效日期', 'Effective from'],
  approval: ['市政府批复', "The city's approval"],
  'approval.documentNumber': ['批复文号', 'Approval number'],
  'approval.approvedOn': ['批复日期', 'Approved on'],
  term: ['委托期限', 'Term'],
  'items.scope': ['委托范围', 'Scope'],
  legalRepresentative: ['法定代表人', 'Legal representative'],
  'legalRepresentative.name': ['法定代表人姓名', "Legal representative's name"],
  'legalRepresentative.idNumber': ['法定代表人身份证号码', "Legal representative's ID number"],
  'legalRepresentative.phone': ['法定代表人联系电话', "Legal representative's phone"],
  residence: ['住所', 'Residence'],
  'residence.address': ['住所地址', 'Residence address'],
  'residence.divisionCode': ['住所所在县（市、区）', "Residence's county"],
  businessAddresses: ['经营地址', 'Business addresses'],
  'businessAddresses.address': ['经营地址', 'Business address'],
  'businessAddresses.divisionCode': ['经营地址所在县（市、区）', "Business address's county"],
  businessScope: ['经营范围', 'Business scope'],
  licenceItems: ['告知承诺申请事项', 'Licence items'],
  'licenceItems.commitment': ['承诺书内容', 'Commitment'],
  'licenceItems.conditionsDue': ['具备条件日期', 'Conditions due'],
  'licenceItems.variant': ['承诺类型', 'Kind of commitment'],
  licenceNumber: ['许可证编号', 'Licence number'],
  validFrom: ['有效期起', 'Valid from'],
  validUntil: ['有效期至', 'Valid until'],
  checkedOn: ['核查日期', 'Checked on'],
  inspectedOn: ['检查日期', 'Inspected on'],
  rectificationDays: ['整改期限（天）', 'Rectification period (days)'],
  caseReason: ['立案理由', 'Reason for the case'],
  // A message an outside system did not take (the failed-exchange process and its task).
  how: ['报送方式', 'How it was reported'],
  outboxId: ['报送编号', 'Message number'],
  channel: ['外部系统', 'Outside system'],
  requestId: ['请求编号', 'Request id'],
  orgId: ['机关', 'Organisation'],
  sourceProcessId: ['来源流程', 'Source process'],
  summary: ['报送内容', 'What was sent'],
  error: ['失败原因', 'Why it failed'],
  attempts: ['尝试次数', 'Attempts'],
  facts: ['报送数据', 'Data sent'],
  selection: ['检查方式', 'Selection'],
  seed: ['随机种子', 'Seed'],
  planName: ['计划名称', 'Plan name'],
  penalty: ['处罚', 'Penalty'],
  'decision.uscc': ['当事人统一社会信用代码', "Entity's USCC"],
  caseId: ['关联处罚案件', 'Penalty case'],
  replaces: ['所变更的原处罚决定书文号', 'Decision it changes'],
  report: ['抄报材料', 'Report'],
  'documents.kind': ['材料类别', 'Kind of document'],
  'documents.title': ['材料名称', 'Title'],
  'documents.sha256': ['文件摘要（SHA-256）', 'Digest (SHA-256)'],
  'powers.code': ['职权编码', 'Power code'],
  'powers.name': ['职权名称', 'Power name'],
  'powers.kind': ['职权类别', 'Kind'],
  'powers.status': ['在列状态', 'Status'],
  'powers.commitmentApplicable': ['适用告知承诺制', 'Commitment-based licensing'],
  'powers.verificationDays': ['核查期限（工作日）', 'Verification (working days)'],
  // The inbox's query: the caller's own tasks or the organisation's (督查).
  view: ['查看范围', 'View'],
};

const VALUES: Words = {
  rectify: ['责令整改', 'rectification order'],
  penaltyCase: ['立案查处', 'penalty case'],
  random: ['双随机抽查', 'random'],
  targeted: ['重点检查', 'targeted'],
  sign: ['签署', 'sign'],
  return: ['退回修改', 'return for changes'],
  approve: ['批准', 'approve'],
  withdraw: ['撤回', 'withdraw'],
  keepWaiting: ['继续等待', 'keep waiting'],
  agree: ['同意', 'agree'],
  refuse: ['拒绝', 'refuse'],
  renew: ['续签', 'renew'],
  letExpire: ['到期不续签', 'let it expire'],
  acceptance: ['受理', 'acceptance'],
  review: ['审查', 'review'],
  decision: ['决定', 'decision'],
  listed: ['在列', 'listed'],
  delisted: ['取消', 'delisted'],
  compliant: ['符合承诺', 'compliant'],
  nonCompliant: ['不符合承诺', 'not compliant'],
  recognise: ['予以认可', 'recognise'],
  documentsMissing: ['材料不全', 'documents missing'],
  entityMismatch: ['主体信息不符', 'entity details do not match'],
  documentsNonstandard: ['文书不规范', 'documents not in due form'],
  duplicateReport: ['重复抄报', 'reported twice'],
  warning: ['警告', 'warning'],
  fine: ['罚款', 'fine'],
  licenceRevocation: ['吊销许可证', 'licence revocation'],
  other: ['其他', 'other'],
  minor: ['轻微', 'minor'],
  general: ['一般', 'general'],
  serious: ['严重', 'serious'],
  revoked: ['决定被撤销', 'decision revoked'],
  changed: ['决定被变更', 'decision changed'],
  grant: ['准予', 'grant'],
  adopt: ['实施', 'adopt'],
  resolved: ['已解决', 'resolved'],
  adopted: ['纳入改革事项', 'taken up as a reform'],
  explained: ['解释说明', 'explained'],
  registration: ['登记注册', 'registration'],
  licensing: ['审批许可', 'licensing'],
  tax: ['税费', 'tax'],
  supervision: ['监管执法', 'supervision'],
  policy: ['政策支持', 'policy'],
  accept: ['予以采用', 'accept'],
  ...Object.fromEntries(ECONOMIC_INDICATORS.map((code) => [code, [INDICATOR_LABELS[code].zh, INDICATOR_LABELS[code].en]])),
  decline: ['暂不实施', 'decline'],
};

/** Geometry and such say nothing to a reader of the timeline. */
const SKIPPED = new Set(['boundary.geojson']);
const LONGEST = 80;

const pick = (words: Words, key: string, lang: Lang) => words[key]?.[lang === 'zh' ? 0 : 1];

function valueWords(value: unknown, lang: Lang): string {
  if (typeof value === 'boolean') return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  if (typeof value === 'string') {
    const named = pick(VALUES, value, lang);
    if (named) return named;
    return value.length > LONGEST ? `${value.slice(0, LONGEST)}…` : value;
  }
  if (Array.isArray(value)) {
    const listed = value.map((item) => {
      if (!item || typeof item !== 'object') return valueWords(item, lang);
      const { powerCode, code, title, scope, status } = item as Record<string, unknown>;
      const qualifier = scope ?? (status === 'delisted' ? status : undefined);
      return `${String(powerCode ?? code ?? title ?? '?')}${qualifier ? (lang === 'zh' ? `（${valueWords(qualifier, lang)}）` : ` (${valueWords(qualifier, lang)})`) : ''}`;
    });
    const shown = listed.slice(0, 10).join(lang === 'zh' ? '、' : ', ');
    const more = listed.length > 10 ? (lang === 'zh' ? ` 等 ${listed.length} 项` : ` and ${listed.length - 10} more`) : '';
    return `${shown}${more}`;
  }
  return String(value);
}

function fields(value: unknown, path: string[] = []): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => fields(child, [...path, key]));
  }
  return path.length ? [[path.join('.'), value]] : [];
}

/** A payload field's label, or its own name until labelled. */
export const fieldLabel = (path: string, lang: Lang): string => pick(FIELDS, path, lang) ?? path;

export function payloadWords(payload: unknown, lang: Lang): string {
  return fields(payload)
    .filter(
      ([path, value]) =>
        value !== undefined && value !== '' && ![...SKIPPED].some((skipped) => path === skipped || path.startsWith(`${skipped}.`)),
    )
    .map(([path, value]) => `${pick(FIELDS, path, lang) ?? path}${lang === 'zh' ? '：' : ': '}${valueWords(value, lang)}`)
    .join(lang === 'zh' ? '；' : '; ');
}

/**
 * A request field by its path (`licenceItems.0.commitment`) for a refusal: the longest labelled tail
 * of the path, with the item's number when it is in a list; undefined when nothing of it is labelled.
 */
export function pathLabel(path: string, lang: Lang): string | undefined {
  const segments = path.split('.').filter(Boolean);
  const names = segments.filter((s) => !/^\d+$/.test(s));
  const items = segments.filter((s) => /^\d+$/.test(s)).map((s) => Number(s) + 1);
  for (let i = 0; i < names.length; i++) {
    const label = pick(FIELDS, names.slice(i).join('.'), lang);
    if (!label) continue;
    if (!items.length) return label;
    return lang === 'zh' ? `${label}（第 ${items.join('-')} 项）` : `${label} (item ${items.join('-')})`;
  }
  return undefined;
}
