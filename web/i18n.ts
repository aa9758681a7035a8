import { useEffect, useState } from 'preact/hooks';
import { RETURN_REASON_LABELS } from '../domain/penalty-labels';
import { ECONOMIC_INDICATORS, INDICATOR_LABELS } from '../domain/statistics-labels';

export type Lang = 'zh' | 'en';

const words = {
  appTitle: ['自贸区协同发展示范区', 'FTZ collaborative zones'],
  inbox: ['待办', 'Inbox'],
  processes: ['流程', 'Processes'],
  launch: ['发起流程', 'Launch'],
  zones: ['协同区', 'Zones'],
  organizations: ['机构', 'Organisations'],
  logout: ['退出', 'Log out'],
  login: ['登录', 'Log in'],
  username: ['用户名', 'Username'],
  password: ['密码', 'Password'],
  open: ['待办理', 'Open'],
  done: ['已办结', 'Done'],
  readOnlyTask: ['仅查看', 'View only'],
  taskOversight: ['督查', 'Task oversight'],
  noOrgTasks: ['本机构没有此类事项', 'The organisation has no such tasks'],
  waitsFor: ['待{who}办理', 'Waiting for {who}'],
  roleStaff: ['经办人员', 'staff'],
  roleLeader: ['负责人', 'leader'],
  roleAdmin: ['管理员', 'administrator'],
  readOnlyTaskNote: ['{waitsFor}；您可以查看，不能办理。', '{waitsFor}: you may read it, not complete it.'],
  allTypes: ['全部流程类型', 'All process types'],
  allZones: ['全部协同区', 'All zones'],
  task: ['事项', 'Task'],
  process: ['流程', 'Process'],
  due: ['期限', 'Due'],
  overdue: ['已逾期', 'Overdue'],
  workingDaysLeft: ['剩余 {n} 个工作日', '{n} working days left'],
  noTasks: ['没有待办事项', 'No tasks'],
  submit: ['提交', 'Submit'],
  submitted: ['已提交', 'Submitted'],
  context: ['办理依据', 'Context'],
  stage: ['当前阶段', 'Stage'],
  status: ['状态', 'Status'],
  timeline: ['办理记录', 'Timeline'],
  openTasks: ['待办事项', 'Open tasks'],
  documents: ['公文', 'Documents'],
  print: ['打印', 'Print'],
  signedBy: ['电子签名', 'Signed by'],
  attachments: ['附件', 'Attachments'],
  file: ['文件', 'File'],
  upload: ['上传', 'Upload'],
  uploaded: ['已上传', 'Uploaded'],
  attachmentPurpose: ['附件类别', 'Kind of attachment'],
  chooseFile: ['请选择文件', 'Choose a file'],
  fileTooLarge: ['文件超过 10 MB', 'The file is larger than 10 MB'],
  deadlines: ['期限', 'Deadlines'],
  actions: ['可发起的操作', 'Actions'],
  diagram: ['流程图', 'Diagram'],
  memorandum: ['备忘录', 'Memorandum'],
  version: ['版本', 'Version'],
  signatures: ['签署', 'Signatures'],
  returnedWith: ['退回意见', 'Returned with'],
  launched: ['已发起', 'Launched'],
  name: ['名称', 'Name'],
  code: ['代码', 'Code'],
  area: ['面积（平方公里）', 'Area (km²)'],
  body: ['管理机构', 'Management body'],
  bodyPending: ['尚未确定管理机构', 'No management body named yet'],
  kind: ['类型', 'Kind'],
  active: ['有效', 'Active'],
  inactive: ['已撤销', 'Inactive'],
  language: ['English', '中文'],
  loading: ['加载中…', 'Loading…'],
  view: ['查看', 'View'],
  none: ['无', 'None'],
  reminded: ['已提醒', 'Reminded'],
  escalated: ['已上报', 'Escalated'],
  add: ['添加一项', 'Add one'],
  remove: ['删除此项', 'Remove'],
  optional: ['（可选）', '(optional)'],
  noChoices: ['先选择县（市、区），或该县暂无可选数据', 'Choose the county first, or it has nothing to choose from'],
  zoneArea: ['协同区范围', 'Zone area'],
  areaApplies: ['自 {from} 起适用（备忘录第 {version} 版）', 'Applies from {from} (memorandum version {version})'],
  areaTownships: ['所划乡镇（街道）', 'Townships drawn'],
  areaParks: ['所划园区', 'Parks drawn'],
  areaNotDrawn: ['备忘录未划定区域（按全县）', 'No area drawn by the memorandum (the whole county)'],
  areaLater: ['已签署、尚未适用的区域', 'Signed areas not yet applying'],
  cityApproval: ['市政府批复', 'City approval'],
  demoData: ['演示数据', 'demo data'],
  powers: ['职权清单', 'Powers'],
  agreements: ['委托协议', 'Agreements'],
  catalogVersion: ['清单版本', 'Catalogue version'],
  changesFrom: ['较第 {v} 版的变化', 'Changes since version {v}'],
  added: ['新增', 'Added'],
  delisted: ['取消', 'Delisted'],
  relisted: ['恢复', 'Relisted'],
  changed: ['调整', 'Changed'],
  term: ['期限', 'Term'],
  flags: ['提示', 'Flags'],
  entities: ['市场主体', 'Entities'],
  residence: ['住所', 'Residence'],
  businessAddresses: ['经营地址', 'Business addresses'],
  taxOffice: ['主管税务机关', 'Tax office'],
  licences: ['告知承诺许可', 'Licences on commitment'],
  verification: ['核查', 'Verification'],
  credit: ['信用记录', 'Credit records'],
  commitmentBarred: ['不适用告知承诺', 'Commitment route barred'],
  penaltyCases: ['处罚案件', 'Penalty cases'],
  registeredAt: ['登记日期', 'Registered'],
  penalties: ['处罚', 'Penalties'],
  statistics: ['统计', 'Statistics'],
  pilots: ['改革试点', 'Pilots'],
  supervision: ['事中事后监管', 'Supervision'],
  publicInspections: ['双随机抽查结果公示', 'Published inspection results'],
  publicInspectionsIntro: [
    '各协同区事中事后监管检查结果（双随机、一公开）：抽查方式与随机种子、检查机关、检查日期和结果。',
    'Results of the supervision inspections in the zones (双随机、一公开): how each was chosen and its seed, the enforcement body, the date and the outcome.',
  ],
  newInspectionPlan: ['制定检查计划', 'Plan inspections'],
  inspectedEntity: ['检查对象', 'Entity'],
  inspectors: ['检查人员', 'Inspectors'],
  creditGrade: ['信用分类', 'Credit grade'],
  riskSignals: ['风险信号', 'Risk signals'],
  drawSeed: ['随机种子', 'Seed'],
  inspectionResult: ['检查结果', 'Result'],
  rectifyBy: ['整改期限至', 'Rectify by'],
  enforcementBody: ['检查机关', 'Enforcement body'],
  noInspections: ['暂无检查结果', 'No results yet'],
  firstFindings: ['首次检查发现', 'First findings'],
  decisionNumber: ['决定书文号', 'Decision number'],
  entity: ['市场主体', 'Entity'],
  grade: ['失信行为严重程度', 'Severity'],
  returns: ['退回补正次数', 'Returns for correction'],
  allStatuses: ['全部状态', 'All statuses'],
  enforcementOrg: ['执法机关', 'Enforcement body'],
  power: ['职权', 'Power'],
  violation: ['违法事实', 'Violation'],
  legalBasis: ['法律依据', 'Legal basis'],
  penaltyImposed: ['处罚内容', 'Penalty'],
  decidedOn: ['决定日期', 'Decided on'],
  deliveredOn: ['送达日期', 'Delivered on'],
  reportedAt: ['抄报时间', 'Reported'],
  recognisedAt: ['认可时间', 'Recognised'],
  withdrawnAt: ['撤回时间', 'Withdrawn'],
  heldTimes: ['各方办理用时', 'Time held by each side'],
  zoneHeld: ['协同区', 'Zone'],
  ftzHeld: ['自贸片区', 'FTZ'],
  reviews: ['审核记录', 'Review rounds'],
  round: ['轮次', 'Round'],
  outcome: ['结果', 'Outcome'],
  reasons: ['退回理由', 'Reasons'],
  note: ['意见', 'Note'],
  reviewer: ['审核人', 'Reviewer'],
  reviewedAt: ['审核时间', 'Reviewed'],
  publication: ['公示期', 'Publication'],
  repairEligibleFrom: ['可申请修复日期', 'Repair possible from'],
  thisPenalty: ['本处罚', 'This penalty'],
  municipalView: ['市政府考核口径', "The city government's assessment view"],
  nationalView: ['国家、省及海关总署考核口径', 'The national, provincial and customs assessment view'],
  month: ['月份', 'Month'],
  liveMonth: ['{p}（本月实时）', '{p} (this month, live)'],
  snapshotOf: ['{p}（快照）', '{p} (snapshot)'],
  unit: ['单位', 'Unit'],
  total: ['合计', 'Total'],
  merged: ['并入', 'Merged'],
  liveFigures: ['实时数据', 'Live figures'],
  snapshotTaken: ['快照生成于 {at}', 'Snapshot taken {at}'],
  corrections: ['对以前月份的更正', 'Corrections to earlier months'],
  correctionOf: ['更正 {p}', 'Correction of {p}'],
  takeSnapshot: ['生成月度快照', 'Take the snapshot'],
  snapshotMonth: ['快照月份（须已结束）', 'Month to snapshot (ended)'],
  snapshotDone: ['已生成 {p} 快照', 'Snapshot of {p} taken'],
  exportMonth: ['导出本月报表', 'Export the month'],
  exportYear: ['导出 {y} 年度报表', 'Export the year {y}'],
  snapshotCited: ['快照编号 {id}，哈希 {hash}', 'Snapshot {id}, hash {hash}'],
  reportedFigures: ['报送的经济指标', 'Figures reported'],
  indicatorDefinitions: ['指标口径', 'Definitions'],
  inDoubt: ['存疑的指标', 'Figures in doubt'],
  measure: ['改革事项', 'Reform measure'],
  grantedBy: ['赋予机关', 'Granted by'],
  notOffered: ['未推送', 'Not offered'],
  choose: ['请选择', 'Choose'],
  submitting: ['提交中…', 'Submitting…'],
  fixFields: ['有 {n} 处需要修改，见标红的字段；尚未提交。', '{n} fields need changes (marked in red); nothing was sent.'],
  wholeForm: ['表单', 'Form'],
  optionalGroupEmpty: ['可不填；不填则不提交此部分。', 'May be left out; if empty it is not sent.'],
  optionalGroupFilled: ['已填写：须填完整；清空则不提交此部分。', 'Filled in: complete it, or clear it to leave it out.'],
  yuan: ['元', 'yuan'],
  forbiddenTitle: ['无权查看', 'Not allowed'],
  forbiddenText: ['您的机构或角色无权查看此页面的内容。如需办理，请联系有权限的机构。', 'Your organisation or role may not see this page.'],
  notFoundTitle: ['页面不存在', 'Page not found'],
  notFoundText: ['您要找的页面、流程或事项不存在，可能地址有误或已被删除。', 'The page, process or task you asked for does not exist.'],
  offlineTitle: ['无法连接服务器', 'The server cannot be reached'],
  offlineText: ['请检查网络连接，稍后重试。', 'Check the network connection and try again.'],
  failedTitle: ['页面未能加载', 'The page could not be loaded'],
  failedText: ['服务器未能返回此页面的内容。', 'The server did not return this page.'],
  backToInbox: ['返回待办', 'Back to the inbox'],
  goBack: ['返回上一页', 'Go back'],
  retry: ['重试', 'Retry'],
  nothingHere: ['暂无内容', 'Nothing here yet'],
  sentBy: ['发送', 'Sent by'],
  received: ['收到时间', 'Received'],
  handledBy: ['办理机构', 'Handled by'],
  licenceToVerify: ['待核查的许可事项', 'Licence to verify'],
  taxTransfer: ['税务划转', 'Tax transfer'],
  refusals: ['不予受理的理由', 'Reasons for refusal'],
  returnedReasons: ['自贸片区第 {round} 轮退回理由', 'Returned by the FTZ (round {round})'],
  viewProcess: ['查看流程全貌', 'See the whole process'],
  diagramSummary: ['流程图：当前阶段为“{now}”；已经过：{path}。', 'Diagram: now at “{now}”; path so far: {path}.'],
  stageCurrent: ['当前阶段', 'current'],
  stageVisited: ['已经过', 'passed'],
  stageNotVisited: ['未经过', 'not reached'],
  searchProcesses: ['查找流程', 'Search processes'],
  searchText: ['关键词', 'Words'],
  searchPlaceholder: ['流程编号、企业名称、文号…', 'Process id, company, decision number…'],
  processType: ['流程类型', 'Process type'],
  allStages: ['全部阶段', 'All stages'],
  awaiting: ['待办机构', 'Awaiting'],
  anyOrg: ['任意机构', 'Any organisation'],
  startedFrom: ['发起日期自', 'Started from'],
  startedTo: ['发起日期至', 'Started until'],
  overdueOnly: ['仅看逾期', 'Overdue only'],
  search: ['查询', 'Search'],
  usccShort: ['统一社会信用代码', 'USCC'],
  menu: ['菜单', 'Menu'],
  wrongLogin: ['用户名或密码不正确。', 'Wrong username or password.'],
  publicCatalog: ['对外公布的职权清单', 'The published power catalogue'],
  publicCatalogIntro: [
    '自贸区营口片区可委托协同区行使的行政职权，及片区取得各项职权的方式与依据。',
    'The powers the FTZ Yingkou Area may entrust to the zones, and how and by which act the FTZ itself holds each.',
  ],
  heldBy: ['片区取得方式', 'How the FTZ holds it'],
  entrustableOnward: ['可否委托协同区', 'May be entrusted to zones'],
  notEntrustable: ['否（片区系受委托行使，不得再委托）', 'No (the FTZ holds it by entrustment and may not entrust it onward)'],
  backToLogin: ['返回登录', 'Back to log in'],
  skipToContent: ['跳到正文', 'Skip to content'],
  offlineBanner: ['网络已断开，页面内容可能不是最新的。', 'You are offline; what you see may be out of date.'],
  notifications: ['通知', 'Notifications'],
  oversight: ['督办', 'Oversight'],
  unreadCount: ['{n} 条未读', '{n} unread'],
  markRead: ['标为已读', 'Mark read'],
  notificationRead: ['已读', 'Read'],
  notificationUnread: ['未读', 'Unread'],
  onlyUnread: ['只看未读', 'Unread only'],
  noNotifications: ['没有通知', 'No notifications'],
  notificationKind: ['类别', 'Kind'],
  notificationMessage: ['内容', 'Message'],
  notificationAt: ['时间', 'When'],
  deliveries: ['外部送达', 'Delivery'],
  channel_email: ['邮件', 'E-mail'],
  channel_webhook: ['群机器人', 'Chat robot'],
  delivery_SENT: ['已送达', 'delivered'],
  delivery_PENDING: ['发送中', 'sending'],
  delivery_FAILED: ['发送失败', 'failed'],
  deliveryAttempts: ['第 {n} 次尝试', 'attempt {n}'],
  noOversight: ['没有督办事项', 'Nothing under oversight'],
  escalatedAt: ['上报时间', 'Escalated'],
  overdueTasks: ['逾期事项', 'Overdue tasks'],
  oversightSettled: ['已处理', 'Settled'],
  oversightOpen: ['待督办', 'Open'],
  channels: ['通知渠道', 'Notification channels'],
  channelsHelp: [
    '除本系统外，通知还可发往电子邮箱和钉钉/企业微信群机器人。留空即停用。',
    'Besides the console, notifications can go to an e-mail address and a DingTalk or WeCom robot. Leave empty to stop.',
  ],
  emailAddress: ['电子邮箱', 'E-mail address'],
  webhookUrl: ['群机器人 Webhook 地址', 'Robot webhook address'],
  saveChannels: ['保存通知渠道', 'Save channels'],
  orgUscc: ['统一社会信用代码', 'Unified social credit code'],
  usccMissing: ['未设置', 'not set'],
  organization: ['机关', 'Organisation'],
  setOrgUscc: ['设置本机关统一社会信用代码', "Set the organisation's unified social credit code"],
  setOrgUsccHelp: [
    '双公示信息以统一社会信用代码标识处罚机关和数据来源单位；未设置时不报送信用平台。',
    'The 双公示 records name the deciding organ and the data source by this code; without it nothing is sent to the credit platform.',
  ],
  saveOrgUscc: ['保存统一社会信用代码', 'Save the code'],
  usccSaved: ['统一社会信用代码已保存', 'Code saved'],
  channelsSaved: ['通知渠道已保存', 'Channels saved'],
  channelCounts: ['已送达 {sent} · 发送中 {pending} · 失败 {failed}', '{sent} delivered · {pending} sending · {failed} failed'],
  // Reform from the zones (改革创新): innovations by zone, enterprises' demands, training.
  reform: ['改革创新', 'Reform'],
  innovations: ['协同区好经验好做法', "Zones' good practices"],
  innovationsHelp: [
    '各协同区报送的好经验好做法、自贸区评估结果，以及采纳后在其他协同区的复制推广情况。',
    'Good practices each zone proposed, how the FTZ evaluated them, and where accepted ones were adopted.',
  ],
  proposingZone: ['报送协同区', 'Proposing zone'],
  practiceTitle: ['做法名称', 'Practice'],
  adoptedIn: ['复制推广情况', 'Adopted in'],
  noPractices: ['尚无协同区报送好经验好做法', 'No practice proposed yet'],
  demandsSummary: ['企业改革诉求汇总', "Enterprises' reform demands"],
  allMonths: ['全部月份', 'All months'],
  registered: ['受理', 'Registered'],
  routing: ['待分办', 'Routing'],
  answering: ['办理中', 'Being answered'],
  answered: ['已答复', 'Answered'],
  noDemands: ['所选范围内没有企业改革诉求', 'No demands in this range'],
  training: ['业务培训', 'Training'],
  recordTraining: ['登记培训', 'Record a session'],
  trainedByOrg: ['参训情况（按单位）', 'Who was trained when'],
  addAttendee: ['添加参训单位', 'Add an organisation'],
  removeAttendee: ['删除', 'Remove'],
  namesHelp: ['参训人员姓名（可不填，以顿号分隔）', 'Names (optional, separated by 、)'],
  trainingSaved: ['培训已登记', 'Session recorded'],
  noTraining: ['尚无培训记录', 'No sessions recorded'],
  sessionsCount: ['{n} 次', '{n} sessions'],
  peopleCount: ['{n} 人次', '{n} attendances'],
} satisfies Record<string, [string, string]>;
export type Word = keyof typeof words;

/** Labels of payload fields and choices, by their name in the schemas. */
const fields: Record<string, [string, string]> = {
  countyCode: ['县（市、区）', 'County'],
  boundary: ['协同区范围（所划区域）', 'Area drawn'],
  townshipCodes: ['所划乡镇（街道）', 'Townships drawn'],
  parkIds: ['所划园区', 'Parks drawn'],
  townshipCode: ['所在乡镇（街道）', 'Township'],
  parkId: ['所在园区', 'Park'],
  approval: ['市政府批复（首批协同区按营政发〔2020〕16号自动填写）', 'City approval (filled in for the first batch)'],
  documentNumber: ['批复文号', 'Approval reference'],
  approvedOn: ['批复日期', 'Approved on'],
  areaKm2: ['面积（平方公里）', 'Area (km²)'],
  description: ['范围描述', 'Description'],
  geojson: ['GeoJSON', 'GeoJSON'],
  duties: ['双方职责', 'Duties'],
  ftz: ['自贸片区', 'FTZ'],
  county: ['县（市、区）', 'County'],
  statisticsRule: ['统计规则', 'Statistics rule'],
  meetingMechanism: ['会商机制', 'Meeting mechanism'],
  effectiveDate: ['生效日期', 'Effective date'],
  decision: ['决定', 'Decision'],
  comments: ['修改意见', 'Comments'],
  name: ['名称', 'Name'],
  head: ['负责人', 'Head'],
  contact: ['联系方式', 'Contact'],
  address: ['地址', 'Address'],
  reason: ['理由', 'Reason'],
  note: ['备注', 'Note'],
  sign: ['签署', 'Sign'],
  return: ['退回修改', 'Return for changes'],
  withdraw: ['撤回', 'Withdraw'],
  keepWaiting: ['继续等待', 'Keep waiting'],
  agree: ['同意', 'Agree'],
  refuse: ['拒绝', 'Refuse'],
  approve: ['批准发布', 'Approve'],
  renew: ['续签', 'Renew'],
  letExpire: ['到期终止', 'Let it expire'],
  zoneCode: ['协同区', 'Zone'],
  selection: ['检查方式', 'Selection'],
  seed: ['随机种子（留空则由系统生成并记录）', 'Seed (left empty, the process draws one and records it)'],
  planName: ['计划名称（可不填）', 'Plan name (optional)'],
  inspectedOn: ['检查日期', 'Inspected on'],
  rectificationDays: ['整改期限（天）', 'Rectification period (days)'],
  caseReason: ['立案理由', 'Reason for the case'],
  items: ['委托事项', 'Entrusted powers'],
  powerCode: ['职权', 'Power'],
  scope: ['范围', 'Scope'],
  acceptance: ['受理', 'Acceptance'],
  review: ['审查', 'Review'],
  term: ['委托期限', 'Term'],
  startDate: ['起始日期', 'Start date'],
  endDate: ['截止日期', 'End date'],
  rights: ['权利', 'Rights'],
  liability: ['责任', 'Liability'],
  noSubEntrustment: ['不得再委托（确认）', 'No sub-entrustment (confirm)'],
  powers: ['职权', 'Powers'],
  code: ['编码', 'Code'],
  kind: ['类别', 'Kind'],
  licensing: ['许可', 'Licensing'],
  penalty: ['处罚', 'Penalty'],
  inspection: ['检查', 'Inspection'],
  other: ['其他', 'Other'],
  legalBasis: ['法律依据', 'Legal basis'],
  commitmentApplicable: ['适用告知承诺制', 'Commitment-based licensing'],
  verificationDays: ['核查期限（工作日）', 'Verification (working days)'],
  status: ['状态', 'Status'],
  listed: ['列入', 'Listed'],
  announcementRef: ['公告文号', 'Announcement reference'],
  announcedOn: ['公告日期', 'Announced on'],
  newEndDate: ['续签截止日期', 'New end date'],
  uscc: ['统一社会信用代码', 'USCC'],
  legalRepresentative: ['法定代表人', 'Legal representative'],
  idNumber: ['身份证号码', 'ID number'],
  phone: ['联系电话', 'Phone'],
  residence: ['住所（须在协同区所划区域内）', 'Residence (inside a zone’s area)'],
  divisionCode: ['行政区划代码', 'Division code'],
  businessAddresses: ['经营地址', 'Business addresses'],
  businessScope: ['经营范围', 'Business scope'],
  licenceItems: ['告知承诺申请事项', 'Licence items on commitment'],
  commitment: ['承诺书内容', 'Commitment'],
  variant: ['承诺类型', 'Kind of commitment'],
  conditionsMet: ['已具备条件', 'Conditions met now'],
  conditionsByDate: ['限期具备条件', 'Conditions met by a date'],
  conditionsDue: ['具备条件日期', 'Conditions due'],
  reference: ['文书编号', 'Reference'],
  how: ['报送方式及情况', 'How it was reported'],
  channelName: ['报送系统', 'System'],
  error: ['失败原因', 'Why it failed'],
  failedMessage: ['未报送成功的报文', 'Message not taken'],
  sourceProcessId: ['来源流程', 'Sending process'],
  result: ['核查结果', 'Result'],
  compliant: ['符合承诺', 'Compliant'],
  nonCompliant: ['不符合承诺', 'Not compliant'],
  findings: ['核查发现', 'Findings'],
  // The penalty report: what it adds to the decision, and the decision a new one changes.
  report: ['抄报材料', 'Report'],
  entityName: ['当事人名称（按处罚决定书）', 'Entity name (as on the decision)'],
  documents: ['抄报材料', 'Documents'],
  title: ['材料名称', 'Title'],
  sha256: ['文件摘要（SHA-256）', 'Digest (SHA-256)'],
  delivery: ['送达回证', 'Proof of delivery'],
  replaces: ['所变更的原处罚决定书文号', 'Decision it changes'],
  decisionNumber: ['决定书文号', 'Decision number'],
  'decision.uscc': ['当事人统一社会信用代码', 'Entity USCC'],
  violation: ['违法事实', 'Violation'],
  amountYuan: ['罚款金额（元）', 'Fine (yuan)'],
  licence: ['吊销的许可证', 'Licence revoked'],
  grade: ['失信行为严重程度', 'Severity'],
  decidedOn: ['决定日期', 'Decided on'],
  deliveredOn: ['送达日期', 'Delivered on'],
  caseId: ['关联处罚案件（如有）', 'Penalty case (if any)'],
  reasons: ['退回理由', 'Reasons'],
  cause: ['撤回原因', 'Cause'],
  rectification: ['整改情况', 'Rectification'],
  measureCode: ['改革事项', 'Reform measure'],
  listing: ['新增改革事项（仅新事项填写）', 'New measure listing (new measures only)'],
  titleZh: ['中文名称', 'Title (Chinese)'],
  titleEn: ['英文名称', 'Title (English)'],
  grantedBy: ['赋予机关', 'Granted by'],
  grantedOn: ['授权日期', 'Granted on'],
  summary: ['概要', 'Summary'],
  date: ['日期', 'Date'],
  'penalty.kind': ['处罚种类', 'Kind of penalty'],
  'decision.penalty.kind': ['处罚种类', 'Kind of penalty'],
  'penalty.description': ['处罚内容说明', 'Description'],
  'decision.penalty.description': ['处罚内容说明', 'Description'],
  'decision.legalBasis': ['法律依据', 'Legal basis'],
  'decision.powerCode': ['执法依据的职权', 'Power exercised'],
  period: ['统计月份（YYYY-MM）', 'Month (YYYY-MM)'],
  figures: ['本月经济指标', "The month's figures"],
  value: ['数值', 'Value'],
  unit: ['计量单位', 'Unit'],
  indicators: ['存疑的指标（可不选）', 'Figures in doubt (optional)'],
  // Reform from the zones: a practice and its evaluation, a demand, a training session.
  practice: ['做法内容（问题、做法、分工）', 'The practice'],
  practiceTitle: ['做法名称', 'Practice'],
  where: ['实施地点与范围', 'Where it runs'],
  startedOn: ['开始实施日期', 'Running since'],
  results: ['实施成效', 'Results'],
  zoneName: ['协同区', 'Zone'],
  enterpriseName: ['企业名称', 'Enterprise'],
  contactName: ['联系人', 'Contact person'],
  category: ['诉求类别', 'Category'],
  demand: ['诉求内容', 'Demand'],
  receivedOn: ['受理日期', 'Received on'],
  responsibleOrg: ['承办机构', 'Responsible organisation'],
  outcome: ['办理结果', 'Outcome'],
  answer: ['答复内容', 'Answer'],
  routedBy: ['分办机构', 'Routed by'],
  heldOn: ['培训日期', 'Held on'],
  topic: ['培训主题', 'Topic'],
  place: ['培训地点', 'Place'],
  hours: ['学时', 'Hours'],
  attendees: ['参训单位', 'Attendees'],
  count: ['参训人数', 'Number trained'],
  // Each economic indicator by its name: a figure's fieldset, and a choice among the figures in doubt.
  ...Object.fromEntries(
    ECONOMIC_INDICATORS.map((code) => [code, [INDICATOR_LABELS[code].zh, INDICATOR_LABELS[code].en] as [string, string]]),
  ),
};

/** Labels of the codes a field may take, by field then code: `decision` sign → 签署. */
const enums: Record<string, Record<string, [string, string]>> = {
  decision: {
    sign: ['签署', 'Sign'],
    return: ['退回修改', 'Return for changes'],
    approve: ['批准发布', 'Approve'],
    agree: ['同意', 'Agree'],
    refuse: ['不同意', 'Refuse'],
    withdraw: ['撤回', 'Withdraw'],
    keepWaiting: ['继续等待', 'Keep waiting'],
    renew: ['续签', 'Renew'],
    letExpire: ['到期终止', 'Let it expire'],
    recognise: ['认可', 'Recognise'],
    grant: ['准予修复', 'Grant'],
    adopt: ['实施', 'Adopt'],
    decline: ['不实施', 'Decline'],
    resend: ['平台已恢复，重新报送', 'Send it again (the platform is back)'],
    reportedOtherwise: ['已通过其他方式报送', 'Reported by other means'],
    accept: ['予以采用', 'Accept'],
  },
  kind: {
    warning: ['警告', 'Warning'],
    fine: ['罚款', 'Fine'],
    licenceRevocation: ['吊销许可证', 'Licence revocation'],
    other: ['其他', 'Other'],
    licensing: ['许可', 'Licensing'],
    penalty: ['处罚', 'Penalty'],
    inspection: ['检查', 'Inspection'],
  },
  outcome: {
    returned: ['退回补正', 'Returned'],
    recognised: ['认可', 'Recognised'],
    return: ['退回补正', 'Returned'],
    recognise: ['认可', 'Recognised'],
    resolved: ['已解决', 'Resolved'],
    adopted: ['纳入改革事项', 'Taken up as a reform'],
    explained: ['解释说明', 'Explained'],
    compliant: ['未发现问题（整改到位）', 'Compliant'],
    rectify: ['责令限期整改', 'Rectification order'],
    penaltyCase: ['立案查处', 'Open a penalty case'],
  },
  category: {
    registration: ['登记注册', 'Registration'],
    licensing: ['审批许可', 'Licensing'],
    tax: ['税费', 'Tax'],
    supervision: ['监管执法', 'Supervision'],
    policy: ['政策支持', 'Policy'],
    other: ['其他', 'Other'],
  },
  selection: { random: ['双随机抽查', 'Random inspection'], targeted: ['重点检查（风险信号）', 'Targeted (risk signals)'] },
  grade: { minor: ['轻微', 'Minor'], general: ['一般', 'General'], serious: ['严重', 'Serious'] },
  cause: { revoked: ['决定被撤销', 'Decision revoked'], changed: ['决定被变更', 'Decision changed'] },
  result: { compliant: ['符合承诺', 'Compliant'], nonCompliant: ['不符合承诺', 'Not compliant'] },
  scope: { acceptance: ['受理', 'Acceptance'], review: ['审查', 'Review'], decision: ['决定', 'Decision'] },
  status: { listed: ['列入', 'Listed'], delisted: ['取消', 'Delisted'] },
  holding: { devolved: ['下放', 'Devolved'], authorised: ['授权', 'Authorised'], entrusted: ['委托', 'Entrusted'] },
  variant: {
    conditionsMet: ['已具备条件', 'Conditions met now'],
    conditionsByDate: ['限期具备条件', 'Conditions met by a date'],
    normalRoute: ['按一般程序办理（现场核查）', 'By the normal route (on-site check)'],
  },
};
enums.reasons = Object.fromEntries(Object.entries(RETURN_REASON_LABELS).map(([code, label]) => [code, [label.zh, label.en]]));

/** A code of a field in words; a code without a label (a new one) shows as itself. */
export function enumLabel(lang: Lang, field: string, value: string): string {
  const label = enums[field]?.[value] ?? fields[value];
  return label?.[lang === 'zh' ? 0 : 1] ?? value;
}

/** What a refusal means, in the console's language, then the server's own words when they add to it. */
export function refusalText(lang: Lang, error: { status: number; message: string }): string {
  const gist: Record<number, [string, string]> = {
    0: ['无法连接服务器，请检查网络后重试。', 'The server cannot be reached; check the network and try again.'],
    400: ['提交的内容未被接受', 'The submission was not accepted'],
    401: ['登录已失效，请重新登录。', 'Your session has ended; log in again.'],
    403: ['无此权限', 'Not allowed'],
    404: ['未找到该事项', 'Not found'],
    409: ['与当前办理状态冲突', 'This conflicts with the current state'],
    413: ['提交的内容过大', 'The submission is too large'],
    429: ['请求过于频繁，请稍后再试。', 'Too many requests; try again later.'],
  };
  const [zh, en] =
    gist[error.status] ??
    (error.status >= 500 ? ['服务器出错，请稍后重试。', 'The server failed; try again later.'] : ['操作未成功', 'The request failed']);
  const head = lang === 'zh' ? zh : en;
  if (error.status === 0 || !error.message) return head;
  // The server's own sentence of what was wrong with the submission says all of it.
  if (error.status === 400 && /^提交的内容|^invalid /.test(error.message)) return error.message;
  return `${head}${lang === 'zh' ? '：' : ': '}${error.message}`;
}

const STORAGE_KEY = 'collab-zones.lang';
let current: Lang = (localStorage.getItem(STORAGE_KEY) as Lang | null) ?? 'zh';
const listeners = new Set<(lang: Lang) => void>();

/** The console's language now, for requests: the API words its refusals in it. */
export const currentLang = (): Lang => current;

export function setLang(lang: Lang): void {
  current = lang;
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((listener) => listener(lang));
}

/** The language, re-rendering the component when it is switched. */
export function useLang(): Lang {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => listeners.delete(set);
  }, []);
  return lang;
}

export function t(lang: Lang, word: Word, values: Record<string, string | number> = {}): string {
  const text = words[word][lang === 'zh' ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** A field's label by its name, or by its path where one name means different things (`decision.uscc`). */
export function fieldLabel(lang: Lang, name: string, path?: string): string {
  const key = path?.replace(/\.\d+(?=\.|$)/g, '');
  return (key !== undefined ? fields[key] : undefined)?.[lang === 'zh' ? 0 : 1] ?? fields[name]?.[lang === 'zh' ? 0 : 1] ?? name;
}

const POLICIES: Record<string, [string, string]> = {
  signingDeadline: ['备忘录签署期限', 'Signing the memorandum'],
  'memorandum.signingPeriod': ['备忘录签署期限', 'Signing the memorandum'],
  'agreement.announcementPeriod': ['委托协议公告期限', 'Announcing the agreement'],
  'agreement.renewalNoticeDays': ['续签提示期', 'Renewal notice'],
  'agreement.maxTermYears': ['委托最长期限', 'Longest term'],
  'penalty.reportPeriod': ['处罚结果抄报期限', 'Reporting the penalty'],
  'penalty.reviewPeriod': ['处罚结果审核期限', 'Reviewing the penalty'],
  'penalty.correctionPeriod': ['处罚结果补正期限', 'Correcting the penalty'],
  'penalty.publication': ['信用公示期', 'Publication period'],
  'registration.consentPeriod': ['县级政府同意期限', "The county's consent"],
  'registration.rectificationPeriod': ['限期整改期限', 'Rectification'],
  'registration.taxStepPeriod': ['税务划转办理期限', 'Tax transfer step'],
  'registration.verificationPeriod': ['承诺核查期限', 'Verifying the commitment'],
  'indicators.reportPeriod': ['经济指标报送期限', 'Reporting the indicators'],
  'indicators.reviewPeriod': ['经济指标审核期限', 'Checking the indicators'],
  'indicators.correctionPeriod': ['经济指标修改期限', 'Correcting the indicators'],
  'reform.evaluationPeriod': ['好经验好做法评估期限', 'Evaluating the practice'],
  'reform.routingPeriod': ['企业诉求分办期限', 'Routing the demand'],
  'reform.answerPeriod': ['企业诉求答复期限', 'Answering the demand'],
};

const DEADLINE_KINDS: Record<string, [string, string]> = {
  'memorandum.signing': ['备忘录签署期限', 'Signing the memorandum'],
  'agreement.announcement': ['委托协议公告期限', 'Announcing the agreement'],
  consent: ['县级政府同意期限', "The county's consent"],
  verification: ['承诺核查期限', 'Verifying the commitment'],
  tax: ['税务划转办理期限', 'Tax transfer step'],
};

/** A policy or deadline key (`registration.consentPeriod`, `verification:<licence>`) in words. */
export function policyName(lang: Lang, key: string): string {
  const [kind, subject] = key.split(':');
  const words = POLICIES[key] ?? DEADLINE_KINDS[key] ?? DEADLINE_KINDS[kind];
  // The subject names what the period is for (a licence); an action's name (`requestTaxTransfer`) says nothing more.
  const said = subject && !DEADLINE_KINDS[key] && !/^[a-z]+[A-Z]/.test(subject) ? `（${subject}）` : '';
  return words ? `${words[lang === 'zh' ? 0 : 1]}${said}` : key;
}

/** A policy period as the API states it (`30 working days`, `20 seconds`), in the current language. */
export function formatPeriod(lang: Lang, period: string): string {
  if (lang === 'en') return period;
  return period.replace(/^(\d+) working days$/, '$1 个工作日').replace(/^(\d+) seconds$/, '$1 秒');
}

/** How long a side held a case: days, hours and minutes (seconds when under a minute). */
export function formatDuration(lang: Lang, ms: number): string {
  const units: [number, string, string][] = [
    [86_400_000, '天', 'd'],
    [3_600_000, '小时', 'h'],
    [60_000, '分钟', 'min'],
  ];
  const parts: string[] = [];
  let rest = ms;
  for (const [size, zh, en] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) parts.push(lang === 'zh' ? `${n}${zh}` : `${n} ${en}`);
  }
  if (parts.length) return parts.join(' ');
  return lang === 'zh' ? `${Math.round(ms / 1000)}秒` : `${Math.round(ms / 1000)} s`;
}

/** A calendar day (YYYY-MM-DD) as words: 2026年11月30日 in Chinese, as it is in English. */
export function formatDay(lang: Lang, day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return lang === 'zh' ? `${y}年${m}月${d}日` : day;
}

/** Dates in China time: 2026年11月27日 14:05 in Chinese, 2026-11-27 14:05 in English. */
export function formatDate(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return lang === 'zh'
    ? `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日 ${parts.hour}:${parts.minute}`
    : `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

setLang(current);
