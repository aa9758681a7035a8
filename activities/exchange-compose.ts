/**
 * Turns what a process says happened (an exchange's facts) into the outside system's message, in the
 * step's transaction: the names and 统一社会信用代码 the messages carry are read from the records as
 * they stand at that moment, and the message is checked against its contract before it is kept. A
 * message that cannot meet its contract (an organ without a recorded 统一社会信用代码) is kept FAILED
 * with the reason, for people to see: it is never sent half-filled.
 */
import type { Queryable } from '../store/db';
import { creditMessageSchema, PENALTY_CATEGORIES } from '../integrations/credit/messages';
import { supervisionMessageSchema, type SupervisionKind } from '../integrations/supervision/messages';
import { statusChangeSchema } from '../integrations/gov-service/messages';
import { REGISTRATION_STAGE_LABELS, type RegistrationStage } from '../domain/registration';
import type { DecisionFacts } from '../domain/penalties';

/** The facts of a credit exchange, as a process states them (ids, not names). */
export type CreditFacts =
  | {
      kind: 'penalty';
      decisionNumber: string;
      decision: DecisionFacts;
      entityName?: string;
      organ: string;
      source: string;
      publicationUntil: string;
    }
  | {
      kind: 'licence';
      licenceId: string;
      uscc: string;
      powerCode: string;
      commitment: string;
      grantedOn: string;
      organ: string;
      source: string;
    }
  | { kind: 'withdrawal'; decisionNumber: string; uscc: string; reason: string; on: string; source: string }
  | { kind: 'repair'; decisionNumber: string; uscc: string; note: string; on: string; source: string };

/** `matter` names a 监管事项 that is not a catalogue power (an inspection plan's); else the power's code and name. */
export type SupervisionFacts = {
  kind: SupervisionKind;
  uscc: string;
  powerCode: string;
  matter?: string;
  organ: string;
  on: string;
  details: Record<string, unknown>;
};

export type StatusFacts = { applicationNo: string; uscc: string; status: RegistrationStage; reasons?: string[] };

export type Composed = { ok: true; message: Record<string, unknown> } | { ok: false; reason: string; message: Record<string, unknown> };

const CATEGORY: Record<DecisionFacts['penalty']['kind'], (typeof PENALTY_CATEGORIES)[number]> = {
  warning: '警告',
  fine: '罚款',
  licenceRevocation: '暂扣或者吊销许可证',
  other: '其他',
};

function penaltyContent(penalty: DecisionFacts['penalty']): string {
  switch (penalty.kind) {
    case 'warning':
      return '警告';
    case 'fine':
      return `罚款人民币${penalty.amountYuan}元`;
    case 'licenceRevocation':
      return `吊销${penalty.licence}`;
    default:
      return penalty.description;
  }
}

export async function composeExchange(
  tx: Queryable,
  channel: string,
  requestId: string,
  processId: string,
  facts: Record<string, unknown>,
): Promise<Composed> {
  const base = { requestId, processId };
  if (channel === 'credit') return check(creditMessageSchema, { ...base, ...(await credit(tx, facts as unknown as CreditFacts)) });
  if (channel === 'supervision')
    return check(supervisionMessageSchema, { ...base, ...(await supervision(tx, facts as unknown as SupervisionFacts)) });
  if (channel === 'gov-service') {
    const f = facts as unknown as StatusFacts & { at: string };
    return check(statusChangeSchema, {
      ...base,
      applicationNo: f.applicationNo,
      uscc: f.uscc,
      status: f.status,
      statusText: REGISTRATION_STAGE_LABELS[f.status].zh,
      at: f.at,
      ...(f.reasons ? { reasons: f.reasons } : {}),
    });
  }
  // Ports whose process writes the message whole (the tax system's).
  return { ok: true, message: { ...facts, requestId } };
}

function check(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  message: Record<string, unknown>,
): Composed {
  const parsed = schema.safeParse(message);
  if (parsed.success) return { ok: true, message };
  const issues = parsed.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
  return { ok: false, reason: `报文不符合接口约定，未发送：${issues}`, message };
}

async function organ(tx: Queryable, id: string): Promise<{ name: string; uscc?: string }> {
  const [row] = await tx.query<{ name_zh: string; uscc: string | null }>('SELECT name_zh, uscc FROM organizations WHERE id = $1', [id]);
  return { name: row?.name_zh ?? id, uscc: row?.uscc ?? undefined };
}

async function entityName(tx: Queryable, uscc: string): Promise<string | undefined> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM entities WHERE uscc = $1', [uscc]);
  return row?.name;
}

async function powerName(tx: Queryable, code: string): Promise<string> {
  const [row] = await tx.query<{ name: string }>('SELECT name FROM powers WHERE code = $1 ORDER BY version DESC LIMIT 1', [code]);
  return row?.name ?? code;
}

const day = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);

async function credit(tx: Queryable, f: CreditFacts): Promise<Record<string, unknown>> {
  const source = await organ(tx, f.source);
  const sourceFields = { 数据来源单位: source.name };
  if (f.kind === 'withdrawal') {
    return {
      kind: 'withdrawal',
      统一社会信用代码: f.uscc,
      行政处罚决定书文号: f.decisionNumber,
      撤销原因: f.reason,
      撤销日期: day(f.on),
      ...sourceFields,
    };
  }
  if (f.kind === 'repair') {
    return {
      kind: 'repair',
      统一社会信用代码: f.uscc,
      行政处罚决定书文号: f.decisionNumber,
      修复日期: day(f.on),
      修复说明: f.note,
      ...sourceFields,
    };
  }
  const decider = await organ(tx, f.organ);
  const organs = (title: '处罚机关' | '许可机关') => ({
    [title]: decider.name,
    [`${title}统一社会信用代码`]: decider.uscc,
    数据来源单位: source.name,
    数据来源单位统一社会信用代码: source.uscc,
  });
  if (f.kind === 'licence') {
    const name = await powerName(tx, f.powerCode);
    return {
      kind: 'licence',
      行政相对人类别: '法人及非法人组织',
      行政相对人名称: (await entityName(tx, f.uscc)) ?? '',
      统一社会信用代码: f.uscc,
      行政许可决定文书号: f.licenceId,
      许可类别: '告知承诺',
      许可证书名称: name,
      许可内容: `${name}（告知承诺制）：${f.commitment}`,
      许可决定日期: day(f.grantedOn),
      有效期自: day(f.grantedOn),
      ...organs('许可机关'),
    };
  }
  const d = f.decision;
  return {
    kind: 'penalty',
    行政相对人类别: '法人及非法人组织',
    行政相对人名称: f.entityName ?? (await entityName(tx, d.uscc)) ?? '',
    统一社会信用代码: d.uscc,
    行政处罚决定书文号: f.decisionNumber,
    违法事实: d.violation,
    处罚依据: d.legalBasis,
    处罚类别: CATEGORY[d.penalty.kind],
    处罚内容: penaltyContent(d.penalty),
    // 万元, to the yuan.
    罚款金额: d.penalty.kind === 'fine' ? Math.round(d.penalty.amountYuan) / 10_000 : 0,
    处罚决定日期: d.decidedOn,
    公示截止期: f.publicationUntil,
    ...organs('处罚机关'),
  };
}

async function supervision(tx: Queryable, f: SupervisionFacts): Promise<Record<string, unknown>> {
  const actor = await organ(tx, f.organ);
  return {
    kind: f.kind,
    监管对象名称: (await entityName(tx, f.uscc)) ?? '',
    统一社会信用代码: f.uscc,
    监管事项编码: f.powerCode,
    监管事项名称: f.matter ?? (await powerName(tx, f.powerCode)),
    实施机关: actor.name,
    实施机关编码: f.organ,
    行为日期: day(f.on),
    ...f.details,
  };
}
