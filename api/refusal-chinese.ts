import { organizations } from '../seeds/organizations';
import { divisions } from '../seeds/divisions';
import type { ProcessType } from '../domain/names';
import { RETURN_REASON_LABELS } from '../domain/penalty-labels';
import { processDefinitions } from '../domain/processes';
import { ROLE_ZH, STATUS_ZH } from '../domain/refusal-wording';

/**
 * The refusals the API, the domain's checks and the workflows' validators word in English, said in
 * Chinese. A refusal is written once, where it is decided (often in workflow or domain code, which
 * other processes replay); its Chinese is read from its English here, by its shape. A message of a
 * shape not listed gets a Chinese sentence by its status (api/app.ts), so a Chinese reader is never
 * left with English alone.
 */

const ORG_NAMES = new Map(organizations.map((o) => [o.id, o.nameZh]));
const COUNTY_NAMES = new Map<string, string>(divisions.map((d) => [d.code, d.nameZh]));

/** An organisation by its name (盖州市人民政府); a zone body by its county; any other id as it is. */
export function orgName(id: string): string {
  const named = ORG_NAMES.get(id);
  if (named) return named;
  const zone = /^zone-(\d{6})$/.exec(id)?.[1];
  if (zone) return `${COUNTY_NAMES.get(zone) ?? zone}协同区管理机构`;
  return id;
}

const orgList = (ids: string) =>
  ids
    .split(/ or |, /)
    .map((id) => orgName(id.trim()))
    .join('或');

const status = (code: string) =>
  code
    .split(' or ')
    .map((c) => STATUS_ZH[c.trim()] ?? c.trim())
    .join('或');

const roles = (list: string) =>
  list === 'no role' || list === 'none'
    ? '无角色'
    : list
        .split(/ or |, /)
        .map((r) => ROLE_ZH[r.trim()] ?? r.trim())
        .join('或');

// Each process's own title: a list kept here fell behind as processes were added.
const processType = (type: string) => processDefinitions[type as ProcessType]?.title.zh ?? type;

type Rule = [RegExp, (...groups: string[]) => string];

const RULES: Rule[] = [
  // Identity and access.
  [/^wrong username or password$/, () => '用户名或密码不正确'],
  [/^too many failed logins for (?:address|username) .*$/, () => '登录失败次数过多，请稍后再试'],
  [/^the token has expired: log in again$/, () => '登录已过期，请重新登录'],
  [/^the token is not valid$/, () => '登录凭证无效，请重新登录'],
  [/^the token’s user is unknown or disabled$/, () => '该用户不存在或已停用'],
  [/^the token was revoked \(logged out\): log in again$/, () => '已退出登录，请重新登录'],
  [/^an Authorization: Bearer token .* is required$/, () => '请先登录'],
  [/^GET \/metrics wants .*$/, () => '查看运行指标需要指标令牌'],
  [/^\S+ \S+ is for (.+) users; (\S+) is (.+)$/, (r, u, has) => `此操作仅限${roles(r)}办理；${u} 的角色是${roles(has)}`],
  [
    /^\S+ \S+ is for auditors and (.+) admins; (\S+) belongs to (\S+)$/,
    (o, u, org) => `此操作仅限审计人员及${orgList(o)}的管理员；${u} 属于${orgName(org)}`,
  ],
  [/^\S+ \S+ is for (.+) users; (\S+) belongs to (\S+)$/, (o, u, org) => `此操作仅限${orgList(o)}的用户；${u} 属于${orgName(org)}`],
  [/^\S+ \S+ has no declared access rule$/, () => '此操作未设定访问权限，不予办理'],
  [/^(.+) belongs to (\S+); (\S+) may not read it$/, (_w, org, u) => `该内容属于${orgName(org)}，${u} 无权查看`],
  [/^(\S+) takes no part in process (\S+)$/, (org, id) => `${orgName(org)}未参与流程 ${id}，无权查看`],
  [/^\w+ needs the (\w+) role; (\S+) is (.+)$/, (role, u, has) => `此事项需要${roles(role)}角色；${u} 的角色是${roles(has)}`],
  [/^\w+ is for (.+), not (\S+)$/, (orgs, org) => `此事项由${orgs === 'nobody' ? '（无）' : orgList(orgs)}办理，${orgName(org)}无权办理`],
  [/^only (.+) may do this; (\S+) belongs to (\S+)$/, (orgs, _u, org) => `此事项由${orgList(orgs)}办理，${orgName(org)}无权办理`],
  [/^this needs the (\w+) role; (\S+) has (.+)$/, (role, u, has) => `此事项需要${roles(role)}角色；${u} 的角色是${roles(has)}`],
  [
    /^([\w-]+) is launched by (.+) (\w+)s$/,
    (type, orgs, role) =>
      `${processType(type)}流程由${orgs
        .split(' or ')
        .map((o) =>
          o
            .replace(/-<county>$/, '（各县）')
            .replace(
              /^(gov|le|zone|tax)（各县）$/,
              (_m, k: string) => ({ gov: '县级政府', le: '属地执法机关', zone: '协同区管理机构', tax: '县级税务机关' })[k] ?? k,
            ),
        )
        .map((o) => orgName(o))
        .join('或')}的${roles(role)}发起`,
  ],
  [/^(\S+) may not review a penalty (\S+) reported$/, (u, org) => `${u} 所在机构（${orgName(org)}）报送了此处罚，不能审核`],
  // Not found, and routes.
  [/^task (\S+) not found$/, (id) => `事项 ${id} 不存在`],
  [/^process type (\S+) is not available$/, (type) => `没有 ${processType(type)} 这类流程`],
  [/^process (\S+) not found$/, (id) => `流程 ${id} 不存在`],
  [/^process not found$/, () => '流程不存在'],
  [/^zone (\S+) not found$/, (code) => `协同区 ${code} 不存在`],
  [/^no calendar for (\d+)$/, (year) => `没有 ${year} 年的工作日历`],
  [/^no entity (\S+) is registered in the FTZ$/, (uscc) => `自贸片区未登记市场主体 ${uscc}`],
  [/^no catalogue version (\S+)$/, (v) => `没有第 ${v} 版职权清单`],
  [/^no catalogue is published$/, () => '尚未发布职权清单'],
  [/^agreement (\S+) not found$/, (id) => `委托协议 ${id} 不存在`],
  [/^penalty (\S+) not found$/, (n) => `处罚决定 ${n} 不存在`],
  [/^reform measure (\S+) is not listed$/, (c) => `改革事项 ${c} 未列入`],
  [/^no route (\S+) (\S+)$/, (_m, path) => `没有此地址：${path}`],
  [/^(\S+) is not served here$/, (m) => `不支持 ${m} 请求`],
  [/^(\S+) has no action (\S+)$/, (type, a) => `${processType(type)}流程没有操作 ${a}`],
  // Input.
  [/^the body is not valid JSON$/, () => '提交的内容不是有效的 JSON'],
  [/^the path does not decode$/, () => '地址无法解析'],
  [/^text with U\+0000 or a lone surrogate cannot be stored$/, () => '文字中含有无法保存的字符'],
  [/^Idempotency-Key is 1 to (\d+) characters$/, (n) => `Idempotency-Key 应为 1 到 ${n} 个字符`],
  [/^Idempotency-Key (.+) was first sent with another request .*$/, (k) => `Idempotency-Key ${k} 已用于另一请求`],
  [/^length$/, () => '长度不符'],
  // Conflicts of state.
  [/^task (\S+) is no longer open \((\w+)\)$/, (_id, s) => `该事项已不在待办状态（${status(s)}），可能已由他人办理`],
  [/^task (\S+) is not open for (\w+)$/, () => '该事项已不在待办状态，可能已由他人办理'],
  [/^process (\S+) has ended \((\w+)\)$/, (id, s) => `流程 ${id} 已结束（${status(s)}）`],
  [/^process (\S+) is already running$/, (id) => `流程 ${id} 已在办理中`],
  [/^([\w-]+) for (\S+) is already in progress: process (\S+)$/, (type, key, id) => `${key} 的${processType(type)}流程已在办理中：${id}`],
  [/^version (\d+) is superseded by (\d+)$/, (v, w) => `第 ${v} 版已被第 ${w} 版取代，请办理新版本`],
  [
    /^the (zone process|agreement|penalty) is (\S+), not (.+)$/,
    (what, now, want) =>
      `${{ 'zone process': '协同区流程', agreement: '委托协议', penalty: '处罚' }[what]}当前为${status(now)}，不是${status(want)}，此操作不适用`,
  ],
  [/^licence (\S+) is not (\w+)$/, (id, s) => `许可 ${id} 不在${status(s)}状态`],
  [/^the licence application is not (\w+)$/, (s) => `该许可申请不在${status(s)}状态`],
  [/^(\S+) is not a county of Yingkou$/, (c) => `${c} 不是营口市所辖县（市、区）`],
  [/^(\S+) is already a zone \((\w+)\)$/, (c, s) => `${COUNTY_NAMES.get(c) ?? c}已是协同区（${status(s)}）`],
  [/^(\S+) is not a zone$/, (c) => `${COUNTY_NAMES.get(c) ?? c}不是协同区`],
  [
    /^zone (\S+) is (\w+), not ACTIVE(: it has no body to report the penalty)?$/,
    (c, s, body) => `协同区 ${COUNTY_NAMES.get(c) ?? c} 当前${status(s)}，不是运行中${body ? '，没有可报送处罚的管理机构' : ''}`,
  ],
  [/^(\S+) is already registered in the FTZ \(process (\S+)\)$/, (u, id) => `${u} 已在自贸片区登记（流程 ${id}）`],
  [
    /^(\S+) files penalties of its own county, not of zone (\S+)$/,
    (org, z) => `${orgName(org)}只能报送本县（市、区）的处罚，不能报送协同区 ${COUNTY_NAMES.get(z) ?? z} 的`,
  ],
  [/^a decision cannot be dated after today$/, () => '决定日期不得晚于今天'],
  [/^decision (\S+) is already filed \((\w+)\): process (\S+)$/, (n, s, id) => `处罚决定书 ${n} 已报送（${status(s)}）：流程 ${id}`],
  [/^no penalty case (\S+)$/, (id) => `没有处罚案件 ${id}`],
  [/^case (\S+) concerns (\S+) in zone (\S+)$/, (id, u, z) => `处罚案件 ${id} 涉及的是协同区 ${z} 的 ${u}`],
  [/^penalty case (\S+) is (\w+), not OPEN$/, (id, s) => `处罚案件 ${id} ${status(s)}，不在办理中`],
  [/^reform measure (\S+) is not listed; list it with "listing"$/, (c) => `改革事项 ${c} 尚未列入；新事项请填写“新增改革事项”`],
  [/^reform measure (\S+) is already listed$/, (c) => `改革事项 ${c} 已列入，请不要填写新增改革事项`],
  [/^reform measure (\S+) is no pilot since (\S+): (.+)$/, (c, d, why) => `改革事项 ${c} 自 ${d} 起已不再是试点：${why}`],
  [/^no ACTIVE zone is left to decide on (\S+)$/, (c) => `没有尚未决定 ${c} 的运行中协同区`],
  [
    /^(\S+) is (\w+): withdraw its report as changed .*$/,
    (n, s) => `${n} 当前${status(s)}：请先以“决定被变更”撤回其抄报，再报送变更后的决定`,
  ],
  [/^(\S+) is already replaced by (\S+)$/, (n, m) => `${n} 已被 ${m} 变更`],
  [/^(\S+) is not over yet: .*$/, (p) => `${p} 尚未结束，月度快照须在当月结束后生成`],
  [
    /^the snapshot of (\S+) was taken at (\S+) and is never changed; .*$/,
    (p, at) => `${p} 的快照已于 ${at} 生成，不再更改；此后的变化作为下月快照中的更正`,
  ],
  // Penalties: the report and its corrections.
  [/^a correction completes the report; it cannot change the delivered decision$/, () => '补正只能补充抄报材料，不能更改已送达的处罚决定'],
  [
    /^a fact of decision (\S+): only the enforcement body changes it, .*$/,
    (n) => `这是处罚决定 ${n} 的内容：只有执法机关可以更改（撤回本次抄报并报送新的决定）`,
  ],
  [/^a resubmission must correct something: .*$/, () => '重新报送须有补正的内容，与退回的版本相同'],
  [
    /^reasons: (.+) would re-judge the decision; .*$/,
    (codes) =>
      `退回理由 ${codes} 涉及对处罚决定的重新评判；自贸片区只能因抄报材料的形式问题退回（${Object.values(RETURN_REASON_LABELS)
        .map((l) => l.zh)
        .join('、')}）`,
  ],
  // Powers and agreements.
  [/^penalties are not entrusted.*$/, () => '处罚不予委托：由属地行政执法机关依自身职权实施（四（三）1）'],
  [/^(\S+) is a penalty power: keep it delisted$/, (c) => `${c} 是处罚类职权，应保持取消状态`],
  [
    /^powers are never deleted, only delisted: keep (.+) with status "delisted"$/,
    (codes) => `职权不能删除，只能取消：请保留 ${codes} 并设为“取消”`,
  ],
  [/^the agreement draft does not fit the records$/, () => '委托协议草稿与登记记录不符'],
  [/^newEndDate: a renewal must end after the current term \((\S+)\)$/, (d) => `续签截止日期须晚于当前期限（${d}）`],
  [/^a term may last at most (\d+) years$/, (n) => `委托期限最长 ${n} 年`],
  [/^(\S+) is delisted \(version (\S+)\)$/, (c, v) => `${c} 已从职权清单（第 ${v} 版）中取消`],
  [/^(\S+) is not in the published catalogue \(version (\S+)\)$/, (c, v) => `${c} 不在已发布的职权清单（第 ${v} 版）中`],
  [
    /^(\S+): the FTZ holds it only by (\S+) of (.+) \((.+)\) and may not entrust it onward$/,
    (c, mode, by, doc) => `${c}：自贸片区仅以${mode}方式取得（${by}，${doc}），不得再委托`,
  ],
  [
    /^(\S+) is already entrusted to zone (\S+) by (\S+) over these days$/,
    (c, z, id) => `${c} 在这段期限内已由 ${id} 委托给协同区 ${COUNTY_NAMES.get(z) ?? z}`,
  ],
  // Registrations, penalties and credit.
  [/^(\S+) is not registered in the FTZ$/, (u) => `${u} 未在自贸片区登记`],
  [/^(\S+) was not in force for zone (\S+) on (\S+): (.+)$/, (c, z, d) => `${c} 在 ${d} 未对协同区 ${COUNTY_NAMES.get(z) ?? z} 生效`],
  [/^a resubmission must complete the report .*$/, () => '重新报送须补充抄报材料（文件或当事人名称），与退回的版本相同'],
  [/^a credit repair request is already awaiting a decision$/, () => '已有一项信用修复申请在等待决定'],
  [/^credit repair may be requested from (\S+), .*$/, (d) => `信用修复须在最短公示期满后申请，自 ${d} 起可申请`],
  [
    /^(\S+) asked for this credit repair on the entity's behalf: another person decides it$/,
    (u) => `${u} 代为申请了此次信用修复，须由其他人员决定`,
  ],
  [/^invalid (\w+) payload: .*$/, () => '提交的内容不符合要求'],
  [/^invalid [\w-]+ (?:input|payload)$/, () => '提交的内容不符合要求'],
];

/** Messages that carry their Chinese before their English (`公告日期不得晚于今天（…）: an announcement…`). */
const LEADING_CHINESE = /^([^a-zA-Z]*[\u4e00-\u9fff][^a-zA-Z]*?)\s*:\s*[a-zA-Z]/;

/** The Chinese of an English refusal, where its shape is known; joined sentences each. */
export function chineseOf(message: string): string | undefined {
  const lead = LEADING_CHINESE.exec(message)?.[1];
  if (lead) return lead;
  for (const [pattern, words] of RULES) {
    const match = pattern.exec(message);
    if (match) return words(...match.slice(1));
  }
  // Several problems joined by `; `: each in Chinese, or none.
  if (message.includes('; ')) {
    const parts = message.split('; ').map((part) => chineseOf(part));
    if (parts.every(Boolean)) return parts.join('；');
  }
  return undefined;
}

/** Why screening, the county or a zone's end refused a registration, in Chinese, by the refusal's code and its facts. */
export function registrationRefusalChinese(refusal: { code: string; message: string }): string {
  const { code, message } = refusal;
  const county = (c: string) => COUNTY_NAMES.get(c) ?? c;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'residence-not-in-active-zone':
      if ((m = /county (\S+) is (?:a (\w+) zone|not a zone)/.exec(message))) {
        return m[2]
          ? `住所所在的${county(m[1])}协同区当前${status(m[2])}，不是运行中的协同区`
          : `住所所在的${county(m[1])}不是协同区，住所须在运行中的协同区内`;
      }
      return '住所不在运行中的协同区内';
    case 'negative-list-prohibited':
      return `经营范围涉及市场准入负面清单的禁止准入事项：${/prohibited entry of the (.+)$/.exec(message)?.[1] ?? ''}`;
    case 'not-a-commitment-item':
      if ((m = /^(\S+) is not a listed power$/.exec(message))) return `${m[1]} 不是职权清单中在列的职权`;
      return `${message.split(' ')[0]} 不适用告知承诺制`;
    case 'power-not-listed':
      return `${message.split(' ')[0]} 不是职权清单中在列的许可事项`;
    case 'power-not-in-force':
      if ((m = /^(\S+) \((.+)\) is not in force for zone (\S+) on (\S+):/.exec(message)))
        return `${m[1]}（${m[2]}）在 ${m[4]} 未委托${county(m[3])}协同区实施`;
      return `${message.split(' ')[0]} 未委托该协同区实施`;
    case 'consent-refused':
      if ((m = /^(\S+) refused consent: (.*)$/s.exec(message))) return `${orgName(m[1])}不同意登记：${m[2]}`;
      return '县级政府不同意登记';
    case 'zone-terminated':
      if ((m = /^zone (\S+) was terminated on (\S+?)(?:: (.*))?$/s.exec(message)))
        return `${county(m[1])}协同区已于 ${m[2]} 终止${m[3] ? `：${m[3]}` : ''}`;
      return '协同区已终止';
    case 'commitment-barred':
      return '信用记录不允许适用告知承诺制';
    default:
      return chineseOf(message) ?? message;
  }
}
