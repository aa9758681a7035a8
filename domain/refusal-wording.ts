import type { AuthorityCause } from './authority';
import type { ProcessType } from './names';
import { RETURN_REASON_LABELS } from './penalty-labels';
import { processDefinitions } from './processes';
import type { Refusal, RefusalCode, RefusalParams, SystemAuthCause } from './refusals';
import { INDICATOR_LABELS, type Indicator } from './statistics-labels';

/**
 * Each refusal of the catalogue (domain/refusals.ts) in Chinese and in English. Organisations,
 * counties and fields are named by the caller's resolver (the API builds it from the seeds and the
 * field labels), so this file stays pure and the names stay the registries' own.
 */

export type RefusalLang = 'zh' | 'en';

export interface RefusalNames {
  /** An organisation by its name: 盖州市人民政府. */
  org(id: string, lang: RefusalLang): string;
  /** A county by its name: 盖州市. */
  county(code: string, lang: RefusalLang): string;
  /** A field by its label: `decisionNumber` → 决定书文号. */
  field(path: string, lang: RefusalLang): string;
}

/** Registry and task statuses in Chinese (also read by the pattern wording of uncoded refusals). */
export const STATUS_ZH: Record<string, string> = {
  ACTIVE: '运行中',
  ACTIVE_PENDING_BODY: '待设管理机构',
  SUSPENDED: '已暂停',
  TERMINATED: '已终止',
  DRAFTING: '起草中',
  SIGNING: '签署中',
  AWAITING_BODY: '待设管理机构',
  WITHDRAWN: '已撤回',
  RECORDED: '待抄报',
  REPORTED: '已抄报待审核',
  RETURNED: '退回补正',
  RECOGNISED: '已认可',
  OPEN: '办理中',
  CLOSED: '已结案',
  IN_FORCE: '生效中',
  EXPIRED: '已到期',
  COMPLETED: '已完成',
  FAILED: '已失败',
  TIMED_OUT: '已超时',
  CANCELLED: '已取消',
  REGISTERED: '已登记',
  DEREGISTERED: '已注销',
  PENDING: '待核查',
  COMPLIANT: '符合承诺',
  RECTIFYING: '限期整改中',
  REVOKED: '已撤销',
  UNDER_REVIEW: '审查中',
  ON_SITE_CHECK: '现场核查中',
  AWAITING_DECISION: '待作出许可决定',
  GRANTED: '已许可',
  REFUSED: '不予许可',
  open: '待办理',
  done: '已办结',
  cancelled: '已取消',
};
export const ROLE_ZH: Record<string, string> = { admin: '管理员', staff: '经办人员', leader: '负责人', auditor: '审计人员' };

const status = (code: string, lang: RefusalLang) => (lang === 'zh' ? (STATUS_ZH[code] ?? code) : code.toLowerCase().replace(/_/g, ' '));
const role = (code: string, lang: RefusalLang) => (lang === 'zh' ? (ROLE_ZH[code] ?? code) : code);
const processTitle = (type: string, lang: RefusalLang) => processDefinitions[type as ProcessType]?.title[lang] ?? type;
/** A process's stage by its own label (the diagram's): 起草备忘录, not DRAFTING. */
const stage = (type: string, code: string, lang: RefusalLang) =>
  processDefinitions[type as ProcessType]?.stageLabels[code]?.[lang] ?? status(code, lang);
const list = (items: string[], lang: RefusalLang) => (lang === 'zh' ? items.join('或') : items.join(' or '));
const reasons = (codes: string[], lang: RefusalLang) =>
  codes.map((c) => RETURN_REASON_LABELS[c as keyof typeof RETURN_REASON_LABELS]?.[lang] ?? c).join(lang === 'zh' ? '、' : ', ');
/** Why a system's signed request is not taken; `{client}` stands for the client's id. */
const SYSTEM_AUTH_CAUSE: Record<SystemAuthCause, { zh: string; en: string }> = {
  CLIENT_MISSING: { zh: '缺少系统客户端标识（X-Client-Id）', en: 'no client id (X-Client-Id)' },
  CLIENT_UNKNOWN: { zh: '未知的系统客户端 {client}', en: 'unknown system client {client}' },
  UNSIGNED: {
    zh: '请求未签名（缺少 X-Timestamp、X-Nonce 或 X-Signature）',
    en: 'not signed (X-Timestamp, X-Nonce or X-Signature missing)',
  },
  TIMESTAMP_MALFORMED: { zh: 'X-Timestamp 应为以毫秒计的 Unix 时间', en: 'X-Timestamp is not a Unix time in milliseconds' },
  STALE: { zh: '请求时间戳超出允许范围（5 分钟）', en: 'the timestamp is more than 5 minutes off' },
  NONCE_TOO_LONG: { zh: 'X-Nonce 过长', en: 'X-Nonce is too long' },
  BAD_SIGNATURE: { zh: '签名无效', en: 'the signature does not match' },
  NOT_THIS_CLIENT: { zh: '{client} 无权调用此接口', en: '{client} may not call this endpoint' },
  REPLAYED: { zh: '重放的请求（X-Nonce 已使用）', en: 'a replayed request (X-Nonce already used)' },
};
/** A size in bytes as a reader says it: 100 KB, 10 MB. */
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
/** An economic indicator by its label: 税收收入, Tax revenue. */
const indicator = (code: string, lang: RefusalLang) => INDICATOR_LABELS[code as Indicator]?.[lang] ?? code;
/** The definitions' units in English: their Chinese is what the form is filled in with. */
const UNIT_EN: Record<string, string> = { 户: 'entities', 万元: '10,000 yuan', 万美元: '10,000 US dollars', 件: 'cases' };
const unit = (u: string, lang: RefusalLang) => (lang === 'zh' ? u : (UNIT_EN[u] ?? u));
/** Why a power is not in force on a day (domain/authority.ts), after the refusal's own words. */
function authorityCause(c: AuthorityCause, lang: RefusalLang): string {
  const zh = lang === 'zh';
  switch (c.kind) {
    case 'NOT_ENTRUSTED':
      return zh ? '没有委托协议将其委托给该协同区' : 'no agreement of the zone entrusts it';
    case 'ZONE_TERMINATED':
      return zh ? `协同区已于 ${c.on} 终止` : `the zone was terminated on ${c.on}`;
    case 'ZONE_SUSPENDED':
      return zh ? `协同区自 ${c.since} 起暂停` : `the zone is suspended since ${c.since}`;
    case 'NOT_ANNOUNCED':
      return zh ? `委托协议 ${c.agreementId} 尚未公告，未生效` : `agreement ${c.agreementId} is not announced, so not in force`;
    case 'OUT_OF_TERM':
      return zh
        ? `委托协议 ${c.agreementId} 第 ${c.version} 版的期限为 ${c.startDate} 至 ${c.endDate}，不含该日`
        : `agreement ${c.agreementId} version ${c.version} runs ${c.startDate} to ${c.endDate}, not on that day`;
    case 'AGREEMENT_TERMINATED':
      return zh ? `委托协议 ${c.agreementId} 已于 ${c.on} 终止` : `agreement ${c.agreementId} was terminated on ${c.on}`;
    case 'POWER_DELISTED':
      return zh ? `该职权已于 ${c.on} 从职权清单中取消` : `the power was delisted from the catalogue on ${c.on}`;
  }
}
const fields = (paths: string[], names: RefusalNames, lang: RefusalLang) =>
  lang === 'zh' ? paths.map((p) => `「${names.field(p, 'zh')}」`).join('、') : paths.map((p) => names.field(p, 'en')).join(', ');

type Wording<C extends RefusalCode> = (p: RefusalParams[C], n: RefusalNames) => string;
type Worded = { [C in RefusalCode]: { zh: Wording<C>; en: Wording<C> } };

/** Every code in both languages: the type makes a missing one a compile error, a test reads each. */
export const REFUSAL_WORDING: Worded = {
  TASK_NOT_FOUND: { zh: (p) => `事项 ${p.taskId} 不存在`, en: (p) => `task ${p.taskId} not found` },
  TASK_NOT_OPEN: {
    zh: (p) => `该事项已不在待办状态${p.status ? `（${status(p.status, 'zh')}）` : ''}，可能已由他人办理`,
    en: (p) => `task ${p.taskId} is no longer open${p.status ? ` (${p.status})` : ''}`,
  },
  NOT_YOUR_ORGANISATION: {
    zh: (p, n) =>
      `此事项由${list(
        p.orgIds.map((o) => n.org(o, 'zh')),
        'zh',
      )}办理，${n.org(p.orgId, 'zh')}无权办理`,
    en: (p, n) =>
      `only ${list(
        p.orgIds.map((o) => n.org(o, 'en')),
        'en',
      )} may do this; ${p.userId} belongs to ${n.org(p.orgId, 'en')}`,
  },
  ROLE_NEEDED: {
    zh: (p) =>
      `此事项需要${list(
        p.roles.map((r) => role(r, 'zh')),
        'zh',
      )}角色；${p.userId} 的角色是${p.has.length ? p.has.map((r) => role(r, 'zh')).join('、') : '无角色'}`,
    en: (p) => `this needs the ${list(p.roles, 'en')} role; ${p.userId} has ${p.has.join(', ') || 'none'}`,
  },
  NO_ACCESS_RULE: { zh: () => '此操作未设定访问权限，不予办理', en: (p) => `${p.what} has no declared access rule` },
  NOT_A_PARTY: {
    zh: (p, n) => `${n.org(p.orgId, 'zh')}未参与流程 ${p.processId}，无权查看`,
    en: (p, n) => `${n.org(p.orgId, 'en')} takes no part in process ${p.processId}`,
  },
  NOT_YOURS_TO_READ: {
    zh: (p, n) => `该内容属于${n.org(p.ownerOrgId, 'zh')}，${p.userId} 无权查看`,
    en: (p, n) => `${p.what} belongs to ${n.org(p.ownerOrgId, 'en')}; ${p.userId} may not read it`,
  },
  LAUNCH_NOT_ALLOWED: {
    zh: (p, n) =>
      `${processTitle(p.type, 'zh')}流程由${list(
        p.orgs.map((o) => n.org(o, 'zh')),
        'zh',
      )}的${role(p.role, 'zh')}发起`,
    en: (p, n) =>
      `${processTitle(p.type, 'en')} is launched by ${list(
        p.orgs.map((o) => n.org(o, 'en')),
        'en',
      )} ${p.role}s`,
  },
  REVIEWER_REPORTED: {
    zh: (p, n) => `${p.userId} 所在机构（${n.org(p.orgId, 'zh')}）报送了此处罚，不能审核`,
    en: (p, n) => `${p.userId} may not review a penalty ${n.org(p.orgId, 'en')} reported`,
  },
  OPERATORS_ONLY: {
    zh: (p, n) =>
      `此操作仅限审计人员及${list(
        p.orgIds.map((o) => n.org(o, 'zh')),
        'zh',
      )}的管理员；${p.userId} 属于${n.org(p.orgId, 'zh')}`,
    en: (p, n) =>
      `this is for auditors and admins of ${list(
        p.orgIds.map((o) => n.org(o, 'en')),
        'en',
      )}; ${p.userId} belongs to ${n.org(p.orgId, 'en')}`,
  },
  LEADER_SIGNS: {
    zh: (p) => `只有本机关负责人可以签署；${p.userId} 不是负责人，可审阅或退回修改`,
    en: (p) => `only a leader signs ${p.action}; ${p.userId} may review or return it`,
  },
  CREDIT_REPAIR_ASKER: {
    zh: (p) => `${p.userId} 代为申请了此次信用修复，须由其他人员决定`,
    en: (p) => `${p.userId} asked for this credit repair on the entity's behalf: another person decides it`,
  },
  NOTIFICATION_NOT_YOURS: {
    zh: (p, n) => `通知 ${p.notificationId} 发给${n.org(p.orgId, 'zh')}，${n.org(p.userOrgId, 'zh')}不能标记为已读`,
    en: (p, n) => `notification ${p.notificationId} is for ${n.org(p.orgId, 'en')}, not ${n.org(p.userOrgId, 'en')}`,
  },
  LOGIN_FAILED: { zh: () => '用户名或密码不正确', en: () => 'wrong username or password' },
  TOO_MANY_LOGINS: {
    zh: (p) => `${p.by === 'address' ? '此地址' : '此用户名'}登录失败次数过多，请 ${p.retryAfterSeconds} 秒后再试`,
    en: (p) => `too many failed logins for ${p.by} ${p.value}: try again in ${p.retryAfterSeconds} s`,
  },
  LOGIN_NEEDED: { zh: () => '请先登录', en: () => 'an Authorization: Bearer token (or the console’s session) is required' },
  TOKEN_EXPIRED: { zh: () => '登录已过期，请重新登录', en: () => 'the token has expired: log in again' },
  TOKEN_INVALID: { zh: () => '登录凭证无效，请重新登录', en: () => 'the token is not valid' },
  TOKEN_USER_UNKNOWN: { zh: () => '该用户不存在或已停用', en: () => 'the token’s user is unknown or disabled' },
  TOKEN_REVOKED: { zh: () => '已退出登录，请重新登录', en: () => 'the token was revoked (logged out): log in again' },
  SYSTEM_NOT_AUTHENTICATED: {
    zh: (p) => `系统请求未通过验证：${SYSTEM_AUTH_CAUSE[p.cause].zh.replace('{client}', p.client)}`,
    en: (p) => `the system request was not authenticated: ${SYSTEM_AUTH_CAUSE[p.cause].en.replace('{client}', p.client)}`,
  },
  METRICS_TOKEN_NEEDED: {
    zh: () => '查看运行指标需要指标令牌（Authorization: Bearer <METRICS_TOKEN>）',
    en: () => 'GET /metrics wants Authorization: Bearer <METRICS_TOKEN>',
  },
  PROCESS_NOT_FOUND: { zh: (p) => `流程 ${p.processId} 不存在`, en: (p) => `process ${p.processId} not found` },
  PROCESS_TYPE_UNKNOWN: { zh: (p) => `没有 ${p.type} 这类流程`, en: (p) => `process type ${p.type} is not available` },
  PROCESS_ENDED: {
    zh: (p) => `流程 ${p.processId} 已结束（${status(p.status, 'zh')}）`,
    en: (p) => `process ${p.processId} has ended (${status(p.status, 'en')})`,
  },
  ALREADY_IN_PROGRESS: {
    zh: (p) => `${p.key} 的${processTitle(p.type, 'zh')}流程已在办理中：${p.processId}`,
    en: (p) => `${processTitle(p.type, 'en')} for ${p.key} is already in progress: process ${p.processId}`,
  },
  STAGE_NOT_ALLOWED: {
    zh: (p) =>
      `${processTitle(p.type, 'zh')}流程当前处于「${stage(p.type, p.stage, 'zh')}」阶段，此操作只在${list(
        p.expected.map((s) => `「${stage(p.type, s, 'zh')}」`),
        'zh',
      )}阶段办理`,
    en: (p) =>
      `the ${processTitle(p.type, 'en').toLowerCase()} is at ${stage(p.type, p.stage, 'en')}; this is done only at ${list(
        p.expected.map((s) => stage(p.type, s, 'en')),
        'en',
      )}`,
  },
  VERSION_SUPERSEDED: {
    zh: (p) => `第 ${p.version} 版已被第 ${p.current} 版取代，请办理新版本`,
    en: (p) => `version ${p.version} is superseded by ${p.current}`,
  },
  INVALID_INPUT: {
    zh: (p, n) => `提交的内容有 ${p.fields.length} 处不符合要求：${fields([...new Set(p.fields)], n, 'zh')}`,
    en: (p, n) => `invalid input: ${fields([...new Set(p.fields)], n, 'en')}`,
  },
  // Processes and routes.
  PROCESS_RUNNING: { zh: (p) => `流程 ${p.processId} 已在办理中`, en: (p) => `process ${p.processId} is already running` },
  ACTION_UNKNOWN: {
    zh: (p) => `${processTitle(p.type, 'zh')}流程没有「${p.action}」这项操作`,
    en: (p) => `the ${processTitle(p.type, 'en').toLowerCase()} has no action ${p.action}`,
  },
  STEP_NOT_RECORDED: {
    zh: (p) => `流程已答复，但其办理记录（${p.step}）未写入登记库：此次办理未生效，请重新提交`,
    en: (p) => `${p.action} was answered by the process but its step ${p.step} is not in the records: nothing was recorded`,
  },
  ROUTE_NOT_FOUND: { zh: (p) => `没有此地址：${p.path}`, en: (p) => `no route ${p.method} ${p.path}` },
  METHOD_NOT_SERVED: { zh: (p) => `不支持 ${p.method} 请求`, en: (p) => `${p.method} is not served here` },
  // Input.
  BODY_NOT_JSON: { zh: () => '提交的内容不是有效的 JSON', en: () => 'the body is not valid JSON' },
  PATH_NOT_DECODED: { zh: () => '地址无法解析', en: () => 'the path does not decode' },
  TEXT_UNSTORABLE: { zh: () => '文字中含有无法保存的字符', en: () => 'text with U+0000 or a lone surrogate cannot be stored' },
  TEXT_DECEPTIVE: {
    zh: () => '文字中不得含有控制字符或双向排版控制符',
    en: () => 'control characters and bidirectional overrides are not accepted in text',
  },
  NESTED_TOO_DEEP: { zh: (p) => `内容嵌套超过 ${p.maxDepth} 层`, en: (p) => `nested deeper than ${p.maxDepth} levels` },
  IDEMPOTENCY_KEY_LENGTH: {
    zh: (p) => `Idempotency-Key 应为 1 到 ${p.max} 个字符`,
    en: (p) => `Idempotency-Key is 1 to ${p.max} characters`,
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: (p) => `Idempotency-Key ${p.key} 已用于另一请求（${p.route}），请为新的请求使用新的键`,
    en: (p) => `Idempotency-Key ${p.key} was first sent with another request (${p.route})`,
  },
  PAYLOAD_NOT_OPENED: {
    zh: (p) => `第 ${p.index + 1} 项载荷无法解密（密钥不符或内容被改动）`,
    en: (p) => `payload ${p.index + 1} does not open (another key, or altered bytes)`,
  },
  BODY_TOO_LARGE: {
    zh: (p) => `提交的内容过大${p.limitBytes ? `，上限为 ${size(p.limitBytes)}` : ''}`,
    en: (p) => `the body is too large${p.limitBytes ? `: at most ${size(p.limitBytes)}` : ''}`,
  },
  BODY_INCOMPLETE: {
    zh: () => '提交的内容不完整（请求中断或长度与声明不符），请重新提交',
    en: () => 'the body did not arrive whole (the request was cut off or its length is not the declared one): send it again',
  },
  CHARSET_NOT_TAKEN: {
    zh: (p) => `不支持字符集 ${p.charset}，请使用 UTF-8`,
    en: (p) => `charset ${p.charset} is not taken: send UTF-8`,
  },
  ENCODING_NOT_TAKEN: {
    zh: (p) => `不支持内容编码 ${p.encoding}`,
    en: (p) => `content encoding ${p.encoding} is not taken`,
  },
  BODY_NOT_TAKEN: {
    zh: (p, n) => `此请求不接受提交内容：${fields(p.fields, n, 'zh')}`,
    en: (p, n) => `this request takes no body: ${fields(p.fields, n, 'en')}`,
  },
  // Records and documents.
  ENTITY_NOT_FOUND: { zh: (p) => `自贸片区未登记市场主体 ${p.uscc}`, en: (p) => `no entity ${p.uscc} is registered in the FTZ` },
  DOCUMENT_NOT_FOUND: { zh: (p) => `流程 ${p.processId} 没有第 ${p.n} 号文书`, en: (p) => `process ${p.processId} has no document ${p.n}` },
  ATTACHMENT_NOT_FOUND: {
    zh: (p) => `流程 ${p.processId} 没有此附件（${p.sha256.slice(0, 12)}…）`,
    en: (p) => `process ${p.processId} has no attachment ${p.sha256}`,
  },
  CATALOGUE_NOT_PUBLISHED: { zh: () => '尚未发布职权清单', en: () => 'no catalogue is published' },
  ATTACHMENT_TYPE_NOT_TAKEN: {
    zh: (p) => `只接受 PDF、PNG 或 JPEG 文件（${p.accepted.join(', ')}），不接受 ${p.mediaType || '未标明类型的文件'}`,
    en: (p) => `only PDF, PNG or JPEG files are taken (${p.accepted.join(', ')}), not ${p.mediaType || 'a file of no stated type'}`,
  },
  ATTACHMENT_EMPTY: { zh: () => '文件为空', en: () => 'the file is empty' },
  ATTACHMENT_TOO_LARGE: { zh: (p) => `文件超过 ${p.maxMb} MB`, en: (p) => `the file is larger than ${p.maxMb} MB` },
  NOT_A_BUNDLE: {
    zh: (p, n) => (p.fields.length ? `不是审计导出包：${fields(p.fields, n, 'zh')}不符合要求` : '不是审计导出包：内容不是有效的 JSON'),
    en: (p, n) => (p.fields.length ? `not an audit bundle: ${fields(p.fields, n, 'en')}` : 'not an audit bundle: the text is not JSON'),
  },
  PDF_NOT_VERIFIABLE: {
    zh: () => '不是本系统签发的 PDF 文书，无法核验签名',
    en: () => 'not a PDF this product signed: its signature cannot be checked',
  },
  ORG_NOT_FOUND: { zh: (p) => `机构 ${p.orgId} 不存在`, en: (p) => `no organisation ${p.orgId}` },
  CALENDAR_NOT_FOUND: { zh: (p) => `没有 ${p.year} 年的工作日历`, en: (p) => `no calendar for ${p.year}` },
  NOTIFICATION_NOT_FOUND: { zh: (p) => `通知 ${p.notificationId} 不存在`, en: (p) => `no notification ${p.notificationId}` },
  CATALOGUE_VERSION_NOT_FOUND: { zh: (p) => `没有第 ${p.version} 版职权清单`, en: (p) => `no catalogue version ${p.version}` },
  AGREEMENT_NOT_FOUND: { zh: (p) => `委托协议 ${p.agreementId} 不存在`, en: (p) => `agreement ${p.agreementId} not found` },
  PENALTY_NOT_FOUND: { zh: (p) => `处罚决定 ${p.decisionNumber} 不存在`, en: (p) => `penalty ${p.decisionNumber} not found` },
  MEASURE_NOT_FOUND: { zh: (p) => `改革试点事项 ${p.measureCode} 未列入清单`, en: (p) => `reform measure ${p.measureCode} is not listed` },
  ATTACHMENT_NOT_ITS_TYPE: {
    zh: (p) => `文件内容不是声明的类型 ${p.mediaType}`,
    en: (p) => `the file's bytes are not of its declared type ${p.mediaType}`,
  },
  // Agreements and the power catalogue.
  POWER_NOT_IN_CATALOGUE: {
    zh: (p) => `${p.powerCode} 不在已发布的职权清单${p.version === null ? '' : `（第 ${p.version} 版）`}中`,
    en: (p) => `${p.powerCode} is not in the published catalogue${p.version === null ? ' (none is published)' : ` (version ${p.version})`}`,
  },
  POWER_DELISTED: {
    zh: (p) => `${p.powerCode} 已从职权清单（第 ${p.version} 版）中取消`,
    en: (p) => `${p.powerCode} is delisted (version ${p.version})`,
  },
  POWER_NOT_ENTRUSTABLE: {
    zh: (p) => `${p.powerCode}：自贸片区仅以委托方式取得（${p.grantedBy}，${p.document}），不得再委托`,
    en: (p) => `${p.powerCode}: the FTZ holds it only by entrustment and may not entrust it onward`,
  },
  POWER_ALREADY_ENTRUSTED: {
    zh: (p, n) => `${p.powerCode} 在这段期限内已由委托协议 ${p.agreementId} 委托给${n.county(p.zoneCode, 'zh')}协同区`,
    en: (p, n) => `${p.powerCode} is already entrusted to the zone of ${n.county(p.zoneCode, 'en')} by ${p.agreementId} over these days`,
  },
  TERM_TOO_LONG: { zh: (p) => `委托期限最长 ${p.maxYears} 年`, en: (p) => `a term may last at most ${p.maxYears} years` },
  ANNOUNCED_AFTER_TODAY: {
    zh: (p) => `公告日期 ${p.announcedOn} 不得晚于今天（${p.today}）`,
    en: (p) => `an announcement cannot be dated after today (${p.today}); ${p.announcedOn} is`,
  },
  ANNOUNCED_BEFORE_SIGNING: {
    zh: (p) => `公告日期 ${p.announcedOn} 不得早于协议签署（${p.concludedOn}）`,
    en: (p) => `an announcement cannot precede the signatures (${p.concludedOn}); ${p.announcedOn} does`,
  },
  ANNOUNCED_TOO_LATE: {
    zh: (p) => `公告日期 ${p.announcedOn} 超出公告期限（${p.announceBy}）`,
    en: (p) => `${p.announcedOn} is later than the announcement period allows (${p.announceBy})`,
  },
  RENEWAL_NOT_LATER: {
    zh: (p) => `续签截止日期（${p.newEndDate}）须晚于当前期限（${p.endDate}）`,
    en: (p) => `a renewal must end after the current term (${p.endDate}); ${p.newEndDate} does not`,
  },
  POWERS_NEVER_DELETED: {
    zh: (p) => `职权不能删除，只能取消：请保留 ${p.powerCodes.join('、')} 并设为“取消”`,
    en: (p) => `powers are never deleted, only delisted: keep ${p.powerCodes.join(', ')} with status "delisted"`,
  },
  PENALTY_POWER_LISTED: {
    zh: (p) => `${p.powerCodes.join('、')} 是处罚类职权，应保持取消状态：处罚不予委托，由属地行政执法机关依自身职权实施`,
    en: (p) =>
      `${p.powerCodes.join(', ')}: penalties are not entrusted (local enforcement imposes them under its own authority); keep it delisted`,
  },
  // Outside systems.
  TRANSFER_REQUEST_UNKNOWN: { zh: (p) => `没有此划转请求：${p.requestId}`, en: (p) => `no such transfer request: ${p.requestId}` },
  TRANSFER_ANSWER_UNRECORDED: {
    zh: (p) => `划转请求 ${p.requestId} 的受理结果尚未记录，请稍后重试回调`,
    en: (p) => `the first answer to transfer request ${p.requestId} is not recorded yet: call back again later`,
  },
  TRANSFER_ANSWERED: {
    zh: (p) => `划转请求 ${p.requestId} 已有结果（${{ accepted: '已受理', refused: '不予受理' }[p.result] ?? p.result}），不接受回调`,
    en: (p) => `transfer request ${p.requestId} was already answered (${p.result}): no callback is taken`,
  },
  // Statistics.
  PERIOD_OR_YEAR: {
    zh: () => '请选择一个月份（period）或一个年度（year），二者选其一',
    en: () => 'give a month (period) or a year, one of the two',
  },
  YEAR_NOT_BEGUN: { zh: (p) => `${p.year}年尚未开始`, en: (p) => `${p.year} has not begun` },
  PERIOD_NOT_OVER: {
    zh: (p) => `${p.period} 尚未结束，月度快照须在当月结束后生成`,
    en: (p) => `${p.period} is not over yet: a month is snapshotted once it has ended`,
  },
  SNAPSHOT_TAKEN: {
    zh: (p) => `${p.period} 的快照已于 ${p.takenAt} 生成，不再更改；此后的变化作为下月快照中的更正`,
    en: (p) =>
      `the snapshot of ${p.period} was taken at ${p.takenAt} and is never changed; later changes appear as corrections in the next month's`,
  },
  // Economic indicators: the Chinese as the zone's staff have always read it, each on its figure.
  FIGURE_MISSING: {
    zh: (p) => `${indicator(p.indicator, 'zh')}：必填，请填写本月数值（${p.unit}）`,
    en: (p) => `${indicator(p.indicator, 'en')}: required, this month's figure in ${unit(p.unit, 'en')}`,
  },
  FIGURE_NOT_A_NUMBER: {
    zh: (p) => `${indicator(p.indicator, 'zh')}：应为数字（${p.unit}）`,
    en: (p) => `${indicator(p.indicator, 'en')}: a number of ${unit(p.unit, 'en')}`,
  },
  FIGURE_BELOW_MIN: {
    zh: (p) => (p.min === 0 ? `${indicator(p.indicator, 'zh')}：不得为负数` : `${indicator(p.indicator, 'zh')}：不得小于${p.min}${p.unit}`),
    en: (p) =>
      p.min === 0
        ? `${indicator(p.indicator, 'en')}: cannot be negative`
        : `${indicator(p.indicator, 'en')}: at least ${p.min} ${unit(p.unit, 'en')}`,
  },
  FIGURE_ABOVE_MAX: {
    zh: (p) => `${indicator(p.indicator, 'zh')}：超过${p.max}${p.unit}，请核实是否误填`,
    en: (p) => `${indicator(p.indicator, 'en')}: more than ${p.max} ${unit(p.unit, 'en')}; check it is not a typing slip`,
  },
  FIGURE_TOO_PRECISE: {
    zh: (p) =>
      p.decimals === 0
        ? `${indicator(p.indicator, 'zh')}：应为整数（${p.unit}）`
        : `${indicator(p.indicator, 'zh')}：最多保留${p.decimals}位小数（${p.unit}）`,
    en: (p) =>
      p.decimals === 0
        ? `${indicator(p.indicator, 'en')}: a whole number of ${unit(p.unit, 'en')}`
        : `${indicator(p.indicator, 'en')}: at most ${p.decimals} decimals (${unit(p.unit, 'en')})`,
  },
  FIGURE_UNIT_WRONG: {
    zh: (p) =>
      p.given
        ? `${indicator(p.indicator, 'zh')}：计量单位应为“${p.unit}”，不是“${p.given}”`
        : `${indicator(p.indicator, 'zh')}：必填，计量单位为“${p.unit}”`,
    en: (p) =>
      p.given
        ? `${indicator(p.indicator, 'en')}: the unit is ${unit(p.unit, 'en')}, not "${p.given}"`
        : `${indicator(p.indicator, 'en')}: required, the unit is ${unit(p.unit, 'en')}`,
  },
  FIGURE_NOT_ASKED: {
    zh: (p) => `${p.indicator}：不是本月需报送的指标`,
    en: (p) => `${p.indicator}: not an indicator reported this month`,
  },
  INDICATORS_UNCHANGED: {
    zh: () => '重新报送须修改数值，或在备注中说明数值无误的理由',
    en: () => 'a resubmission changes a figure, or says in the note why the figures are right',
  },
  // Registrations: licences.
  LICENCE_NOT_IN_STATUS: {
    zh: (p) => `许可 ${p.licenceId} 当前${status(p.status, 'zh')}，此操作只在${status(p.expected, 'zh')}时办理`,
    en: (p) => `licence ${p.licenceId} is ${status(p.status, 'en')}, not ${status(p.expected, 'en')}`,
  },
  NOT_A_ZONE: {
    zh: (p, n) => `${n.county(p.zoneCode, 'zh')}（${p.zoneCode}）不是协同区`,
    en: (p, n) => `${n.county(p.zoneCode, 'en')} (${p.zoneCode}) is not a zone`,
  },
  ZONE_NOT_ACTIVE: {
    zh: (p, n) => `${n.county(p.zoneCode, 'zh')}协同区当前${status(p.status, 'zh')}，不是运行中`,
    en: (p, n) => `the zone of ${n.county(p.zoneCode, 'en')} (${p.zoneCode}) is ${status(p.status, 'en')}, not active`,
  },
  ALREADY_A_ZONE: {
    zh: (p, n) => `${n.county(p.zoneCode, 'zh')}已是协同区（${status(p.status, 'zh')}）`,
    en: (p, n) => `${n.county(p.zoneCode, 'en')} (${p.zoneCode}) is already a zone (${status(p.status, 'en')})`,
  },
  ZONE_NOT_FOUND: { zh: (p) => `协同区 ${p.zoneCode} 不存在`, en: (p) => `zone ${p.zoneCode} not found` },
  OWN_COUNTY_ONLY: {
    zh: (p, n) => `${n.org(p.orgId, 'zh')}只能报送本县（市、区）的处罚，不能报送${n.county(p.zoneCode, 'zh')}协同区的`,
    en: (p, n) => `${n.org(p.orgId, 'en')} files penalties of its own county, not of the zone of ${n.county(p.zoneCode, 'en')}`,
  },
  DECISION_NUMBER_FILED: {
    zh: (p) => `决定书文号 ${p.decisionNumber} 已报送（${status(p.status, 'zh')}，流程 ${p.processId}），同一文号不能再次报送`,
    en: (p) => `decision number ${p.decisionNumber} is already filed (${status(p.status, 'en')}, process ${p.processId})`,
  },
  RESUBMISSION_UNCHANGED: {
    zh: (p, n) => `重新报送须有补正的内容：${fields(p.fields, n, 'zh')}与退回的版本相同`,
    en: (p, n) => `a resubmission must correct something: ${fields(p.fields, n, 'en')} are as returned`,
  },
  REPORT_UNCHANGED: {
    zh: (p, n) => `重新报送须补充抄报材料：${fields(p.fields, n, 'zh')}与退回的版本相同`,
    en: (p, n) => `a resubmission must complete the report: ${fields(p.fields, n, 'en')} are as returned`,
  },
  DECISION_FACT_CHANGED: {
    zh: (p, n) =>
      `${fields(p.fields, n, 'zh')}是已送达处罚决定的内容：只有${n.org(p.enforcementOrgId, 'zh')}可以更改（撤回本次抄报并报送新的决定）`,
    en: (p, n) =>
      `${fields(p.fields, n, 'en')}: a fact of the delivered decision, which only ${n.org(p.enforcementOrgId, 'en')} changes — by withdrawing this report and filing the new decision`,
  },
  ENTITY_NOT_REGISTERED: { zh: (p) => `${p.uscc} 未在自贸片区登记`, en: (p) => `${p.uscc} is not registered in the FTZ` },
  ENTITY_NOT_ACTIVE: {
    zh: (p) => `${p.uscc} 当前${status(p.status, 'zh')}，不是已登记状态`,
    en: (p) => `${p.uscc} is ${status(p.status, 'en')}, not registered`,
  },
  POWER_NOT_IN_FORCE: {
    zh: (p, n) =>
      `${p.powerCode} 在 ${p.date} 未委托${n.county(p.zoneCode, 'zh')}协同区实施${p.cause ? `：${authorityCause(p.cause, 'zh')}` : ''}`,
    en: (p, n) =>
      `${p.powerCode} was not in force for the zone of ${n.county(p.zoneCode, 'en')} on ${p.date}${p.cause ? `: ${authorityCause(p.cause, 'en')}` : ''}`,
  },
  RETURN_REJUDGES: {
    zh: (p) =>
      `退回理由「${reasons(p.reasons, 'zh')}」是对处罚决定的重新评判；自贸片区只能因抄报材料的形式问题退回（${reasons(p.allowed, 'zh')}）`,
    en: (p) =>
      `reasons ${reasons(p.reasons, 'en')} would re-judge the decision; the FTZ recognises it and returns the report only for ${reasons(p.allowed, 'en')}`,
  },
  CREDIT_REPAIR_PENDING: {
    zh: (p) => `处罚决定 ${p.decisionNumber} 已有一项信用修复申请在等待决定`,
    en: (p) => `a credit repair of ${p.decisionNumber} is already awaiting a decision`,
  },
  CREDIT_REPAIR_TOO_EARLY: {
    zh: (p) => `信用修复须在最短公示期满后申请：自 ${p.eligibleFrom} 起可申请（今天是 ${p.today}）`,
    en: (p) => `credit repair may be requested from ${p.eligibleFrom}, after the minimum publication period; today is ${p.today}`,
  },
  INSPECTED_AFTER_TODAY: {
    zh: (p) => `检查日期 ${p.date} 晚于今天（${p.today}），不能录入`,
    en: (p) => `an inspection cannot be dated after today (${p.today}); ${p.date} is`,
  },
  ORG_CANNOT_ANSWER: {
    zh: (p, n) => `${n.org(p.orgId, 'zh')} 不是在册的、能承办企业诉求的机构`,
    en: (p, n) => `${n.org(p.orgId, 'en')} is not an organisation on record that answers demands`,
  },
  ATTENDEE_NOT_REGISTERED: { zh: (p) => `${p.orgId} 不是在册机构`, en: (p) => `${p.orgId} is not a registered organisation` },
  HELD_AFTER_TODAY: {
    zh: (p) => `培训日期不能晚于今天（${p.today}），所填为 ${p.heldOn}`,
    en: (p) => `a session cannot be held after today (${p.today}); ${p.heldOn} is`,
  },
  ALREADY_REGISTERED: {
    zh: (p) => `${p.uscc} 已在自贸片区登记（流程 ${p.processId}）`,
    en: (p) => `${p.uscc} is already registered in the FTZ (process ${p.processId})`,
  },
  // Launch eligibility.
  NOT_A_COUNTY: {
    zh: (p) => `${p.countyCode} 不是营口市的县（市、区）`,
    en: (p) => `${p.countyCode} is not a county of Yingkou`,
  },
  APPROVAL_NEEDED: {
    zh: (p, n) =>
      `须录入市政府批复：${n.county(p.countyCode, 'zh')}不在营政发〔2020〕16号确定的首批协同区之列（首批为盖州市、鲅鱼圈区），发起设立前须录入批复的文号和日期`,
    en: (p, n) =>
      `a county outside the first batch needs the city’s approval: ${n.county(p.countyCode, 'en')} (${p.countyCode}) is launched with its document number and date`,
  },
  DATED_AFTER_TODAY: {
    zh: (p, n) => `「${n.field(p.field, 'zh')}」不能晚于今天（${p.today}），所填为 ${p.date}`,
    en: (p, n) => `${n.field(p.field, 'en')} cannot be after today (${p.today}): ${p.date}`,
  },
  TOWNSHIP_UNKNOWN: {
    zh: (p) => `乡镇（街道）代码 ${p.townshipCode} 不在区划数据中`,
    en: (p) => `township ${p.townshipCode} is not in the division data`,
  },
  TOWNSHIP_OF_OTHER_COUNTY: {
    zh: (p, n) => `乡镇（街道）${p.townshipCode} 属于${n.county(p.ofCountyCode, 'zh')}，不属于所填的${n.county(p.countyCode, 'zh')}`,
    en: (p, n) => `township ${p.townshipCode} lies in ${n.county(p.ofCountyCode, 'en')}, not in ${n.county(p.countyCode, 'en')} as stated`,
  },
  PARK_UNKNOWN: { zh: (p) => `园区 ${p.parkId} 不在区划数据中`, en: (p) => `park ${p.parkId} is not in the division data` },
  PARK_OF_OTHER_COUNTY: {
    zh: (p, n) => `园区 ${p.parkId} 属于${n.county(p.ofCountyCode, 'zh')}，不属于所填的${n.county(p.countyCode, 'zh')}`,
    en: (p, n) => `park ${p.parkId} lies in ${n.county(p.ofCountyCode, 'en')}, not in ${n.county(p.countyCode, 'en')} as stated`,
  },
  TOWNSHIP_NOT_OF_COUNTY: {
    zh: (p) => `${p.townshipCode} 不是本县（市、区）${p.countyCode} 的乡镇（街道）`,
    en: (p, n) => `${p.townshipCode} is not a township of ${n.county(p.countyCode, 'en')} (${p.countyCode})`,
  },
  PARK_NOT_OF_COUNTY: {
    zh: (p) => `${p.parkId} 不是本县（市、区）${p.countyCode} 的园区`,
    en: (p, n) => `${p.parkId} is not a park of ${n.county(p.countyCode, 'en')} (${p.countyCode})`,
  },
  PENALTY_CASE_UNKNOWN: { zh: (p) => `处罚案件 ${p.caseId} 不存在`, en: (p) => `no penalty case ${p.caseId}` },
  PENALTY_CASE_OF_OTHER_ENTITY: {
    zh: (p, n) => `处罚案件 ${p.caseId} 的当事人是 ${p.uscc}（${n.county(p.zoneCode, 'zh')}协同区），与本决定不符`,
    en: (p, n) => `case ${p.caseId} concerns ${p.uscc} in the zone of ${n.county(p.zoneCode, 'en')}, not this decision's entity and zone`,
  },
  PENALTY_CASE_NOT_OPEN: {
    zh: (p) => `处罚案件 ${p.caseId} 当前${status(p.status, 'zh')}，不是办理中`,
    en: (p) => `penalty case ${p.caseId} is ${status(p.status, 'en')}, not open`,
  },
  REPLACED_DECISION_UNKNOWN: {
    zh: (p) => `所变更的原处罚决定 ${p.decisionNumber} 未曾报送`,
    en: (p) => `no penalty ${p.decisionNumber} was filed`,
  },
  REPLACED_DECISION_OF_OTHER_ENTITY: {
    zh: (p, n) => `原处罚决定 ${p.decisionNumber} 的当事人是 ${p.uscc}（${n.county(p.zoneCode, 'zh')}协同区），与本决定不符`,
    en: (p, n) =>
      `${p.decisionNumber} concerns ${p.uscc} in the zone of ${n.county(p.zoneCode, 'en')}, not this decision's entity and zone`,
  },
  REPLACED_DECISION_NOT_WITHDRAWN: {
    zh: (p) => `原处罚决定 ${p.decisionNumber} 当前${status(p.status, 'zh')}：须先以“决定变更”为由撤回其抄报，再报送变更后的决定`,
    en: (p) =>
      `${p.decisionNumber} is ${status(p.status, 'en')}: withdraw its report as changed (withdrawPenalty, cause "changed") before filing the decision that changes it`,
  },
  DECISION_ALREADY_REPLACED: {
    zh: (p) => `原处罚决定 ${p.decisionNumber} 已由 ${p.replacedBy} 变更，不能再次变更`,
    en: (p) => `${p.decisionNumber} is already replaced by ${p.replacedBy}`,
  },
  PERIOD_NOT_ENDED: {
    zh: (p) => `${p.period} 尚未结束，月度经济指标在次月报送`,
    en: (p) => `${p.period} has not ended: a month's indicators are reported in the month after`,
  },
  INDICATORS_ALL_ACCEPTED: {
    zh: (p) => `${p.period} 各运行中协同区的经济指标均已采用，无需再次发起报送`,
    en: (p) => `every active zone's indicators for ${p.period} are accepted: no round is needed`,
  },
  PRACTICE_OF_OWN_ZONE_ONLY: {
    zh: (p, n) => `${n.org(p.orgId, 'zh')}只能报送本县（市、区）协同区的好经验好做法，不能报送${n.county(p.zoneCode, 'zh')}协同区的`,
    en: (p, n) => `${n.org(p.orgId, 'en')} proposes practices of its own zone, not of the zone of ${n.county(p.zoneCode, 'en')}`,
  },
  PLAN_OF_OWN_ZONE_ONLY: {
    zh: (p, n) => `${n.org(p.orgId, 'zh')}只能为本县（市、区）的协同区制定检查计划，不能为${n.county(p.zoneCode, 'zh')}协同区制定`,
    en: (p, n) =>
      `${n.org(p.orgId, 'en')} plans inspections in its own county's zone only, not in the zone of ${n.county(p.zoneCode, 'en')}`,
  },
  ROSTER_EMPTY: {
    zh: (p, n) => `${n.org(p.orgId, 'zh')}的执法人员名录为空，无法抽取检查人员`,
    en: (p, n) => `the roster of ${n.org(p.orgId, 'en')} is empty: no inspectors to draw`,
  },
  MEASURE_NOT_LISTED: {
    zh: (p) => `改革试点事项 ${p.measureCode} 未列入清单：请在发起时一并填写事项信息，将其列入清单`,
    en: (p) => `reform measure ${p.measureCode} is not listed; list it with "listing"`,
  },
  MEASURE_ALREADY_LISTED: {
    zh: (p) => `改革试点事项 ${p.measureCode} 已列入清单，无需再次列入`,
    en: (p) => `reform measure ${p.measureCode} is already listed`,
  },
  MEASURE_DELISTED: {
    zh: (p) => `改革试点事项 ${p.measureCode} 自 ${p.delistedOn} 起不再是试点：${p.reason}`,
    en: (p) => `reform measure ${p.measureCode} is no pilot since ${p.delistedOn}: ${p.reason}`,
  },
  NO_ZONE_LEFT_TO_DECIDE: {
    zh: (p) => `没有尚未决定是否采用 ${p.measureCode} 的运行中协同区`,
    en: (p) => `no active zone is left to decide on ${p.measureCode}`,
  },
};

/** A refusal in the caller's language. */
export function wordRefusal(refused: Refusal, lang: RefusalLang, names: RefusalNames): string {
  const wording = REFUSAL_WORDING[refused.code] as { zh: Wording<RefusalCode>; en: Wording<RefusalCode> };
  return wording[lang](refused.params as never, names);
}
