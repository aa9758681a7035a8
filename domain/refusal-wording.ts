import type { ProcessType } from './names';
import { processDefinitions } from './processes';
import type { Refusal, RefusalCode, RefusalParams } from './refusals';

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
  ALREADY_REGISTERED: {
    zh: (p) => `${p.uscc} 已在自贸片区登记（流程 ${p.processId}）`,
    en: (p) => `${p.uscc} is already registered in the FTZ (process ${p.processId})`,
  },
};

/** A refusal in the caller's language. */
export function wordRefusal(refused: Refusal, lang: RefusalLang, names: RefusalNames): string {
  const wording = REFUSAL_WORDING[refused.code] as { zh: Wording<RefusalCode>; en: Wording<RefusalCode> };
  return wording[lang](refused.params as never, names);
}
