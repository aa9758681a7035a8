/**
 * A message to an outside system (信用平台 双公示, 互联网+监管, 政务服务网) that failed beyond the retry
 * policy, or could not be composed, becomes a task for the organisation responsible for the exchange:
 * send it again once the platform is back, or record that it was reported by other means. One small
 * process per failed message (`exchange-failure-<outbox id>`), started by the delivery; nobody launches it.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { REGISTRATION_STAGE_LABELS, type RegistrationStage } from './registration';
import { builtOnFirstUse, text } from './schemas';

/** The ports whose permanent failure opens a task here (the tax port's is the registration's own task). */
export const FAILURE_TASK_CHANNELS = ['credit', 'supervision', 'gov-service'] as const;
export type FailureTaskChannel = (typeof FAILURE_TASK_CHANNELS)[number];

export const failureOpensTask = (channel: string): channel is FailureTaskChannel =>
  (FAILURE_TASK_CHANNELS as readonly string[]).includes(channel);

const KIND_NAMES: Record<string, string> = {
  penalty: '行政处罚信息',
  licence: '行政许可信息',
  withdrawal: '撤销公示',
  repair: '信用修复',
  verification: '承诺核查结果',
  onSiteCheck: '现场检查结果',
  rectificationOrder: '责令整改',
  revocation: '撤销许可',
};

/** What the message was, for the task's reader: 行政处罚信息 营市监罚〔2026〕1号, 政务服务网状态回传 办件编号 …. */
export function failedMessageSummary(channel: FailureTaskChannel, facts: Record<string, unknown>): string {
  if (channel === 'gov-service') {
    // The status as the platform's reader knows it (待县级政府同意), not its code.
    const status = REGISTRATION_STAGE_LABELS[facts.status as RegistrationStage]?.zh ?? String(facts.status ?? '');
    return `办理状态回传（办件编号 ${String(facts.applicationNo ?? '')}，状态：${status}）`;
  }
  const kind = KIND_NAMES[String(facts.kind)] ?? String(facts.kind ?? '');
  const ref = facts.decisionNumber ?? facts.licenceId ?? facts.uscc ?? '';
  return `${kind}${ref ? ` ${String(ref)}` : ''}`;
}

export const CHANNEL_NAMES: Record<FailureTaskChannel, { zh: string; en: string }> = {
  credit: { zh: '信用平台（双公示）', en: 'the credit platform (双公示)' },
  supervision: { zh: '互联网+监管系统', en: 'the 互联网+监管 platform' },
  'gov-service': { zh: '政务服务网', en: 'the provincial government service platform' },
};

/** What the platform itself said, where its answer was JSON with an `error` or `message` (系统维护中), else the text. */
function platformSaid(text: string): string {
  const body = text.trim();
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    const said = json.error ?? json.message;
    if (typeof said === 'string' && said) return said;
  } catch {
    // not JSON: the text as it came
  }
  return body.slice(0, 200);
}

/**
 * Why a message was not taken, in words for the task's reader, from the delivery's error (the ports'
 * errors are in English for the logs: integrations/http-port.ts). A reason already in Chinese (a
 * message that could not meet its contract) stays as it is.
 */
export function failureReason(error: string, channelZh: string): { zh: string; en: string } {
  const unavailable = /^.+? unavailable: (\d{3}) ?([\s\S]*)$/.exec(error);
  if (unavailable) {
    const said = platformSaid(unavailable[2]);
    return {
      zh: `${channelZh}暂时无法接收（HTTP ${unavailable[1]}${said ? `，平台答复：${said}` : ''}），按重试策略多次重试后仍未成功`,
      en: `the platform could not take it (HTTP ${unavailable[1]}${said ? `: ${said}` : ''}), still after every retry of the policy`,
    };
  }
  const refused = /^.+? refused the message: (\d{3}) ?([\s\S]*)$/.exec(error);
  if (refused) {
    const said = platformSaid(refused[2]);
    return {
      zh: `${channelZh}拒收该报文（HTTP ${refused[1]}${said ? `，平台答复：${said}` : ''}）`,
      en: `the platform refused it (HTTP ${refused[1]}${said ? `: ${said}` : ''})`,
    };
  }
  if (/ answered (with no JSON|outside the contract)/.test(error))
    return { zh: `${channelZh}的答复不符合接口约定，无法确认是否已接收`, en: 'the platform answered outside the contract' };
  if (error === 'not delivered') return { zh: `${channelZh}未接收该报文`, en: 'the platform did not take it' };
  if (/[\u4e00-\u9fff]/.test(error)) return { zh: error, en: error };
  return {
    zh: `无法连接${channelZh}（网络错误：${error.slice(0, 200)}）`,
    en: `the platform could not be reached (${error.slice(0, 200)})`,
  };
}

export const exchangeFailureProcessId = (outboxId: string) => `exchange-failure-${outboxId}`;

export const exchangeFailureInputSchema = builtOnFirstUse(() =>
  z
    .object({
      outboxId: z.string().regex(/^\d{1,18}$/),
      channel: z.enum(FAILURE_TASK_CHANNELS),
      /** The failed message's request id: a message sent again carries it, so a platform that got it answers as before. */
      requestId: z.string().min(1),
      /** The organisation responsible for the exchange: the task is its. */
      orgId: z.string().min(1),
      /** The process that sent it. */
      sourceProcessId: z.string().min(1),
      /** What the message was (行政处罚信息 文号 …), for people. */
      summary: z.string(),
      error: z.string(),
      attempts: z.number().int().min(0),
      /** The facts the message is composed from again. */
      facts: z.record(z.string(), z.unknown()),
    })
    .strict(),
);
export type ExchangeFailureInput = z.infer<typeof exchangeFailureInputSchema>;

export const FAILURE_DECISIONS = ['resend', 'reportedOtherwise'] as const;
export const failureDecisionSchema = builtOnFirstUse(() =>
  z.discriminatedUnion('decision', [
    /** The platform is back (or the cause is fixed): send the same message again. */
    z.object({ decision: z.literal('resend') }).strict(),
    /** Reported by other means (报送系统外报送、书面报送): how, and its reference if any. */
    z.object({ decision: z.literal('reportedOtherwise'), how: text(1000), reference: z.string().trim().max(200).optional() }).strict(),
  ]),
);
export type FailureDecision = z.infer<typeof failureDecisionSchema>;

export const exchangeFailureActions = {
  resolveFailedExchange: defineAction({
    name: 'resolveFailedExchange',
    schema: failureDecisionSchema,
    role: 'staff',
    title: { zh: '处理报送失败的外部系统报文', en: 'Handle a message an outside system did not take' },
  }),
};

export const FAILURE_STAGES = ['AWAITING_DECISION', 'RESENDING', 'RESENT', 'REPORTED_OTHERWISE'] as const;
export type FailureStage = (typeof FAILURE_STAGES)[number];
export const FAILURE_STAGE_LABELS: Record<FailureStage, { zh: string; en: string }> = {
  AWAITING_DECISION: { zh: '待处理', en: 'Awaiting a decision' },
  RESENDING: { zh: '重新报送中', en: 'Sending again' },
  RESENT: { zh: '已重新报送', en: 'Sent again' },
  REPORTED_OTHERWISE: { zh: '已通过其他方式报送', en: 'Reported by other means' },
};
export const FAILURE_TRANSITIONS: readonly [FailureStage, FailureStage][] = [
  ['AWAITING_DECISION', 'RESENDING'],
  ['AWAITING_DECISION', 'REPORTED_OTHERWISE'],
  ['RESENDING', 'RESENT'],
  ['RESENDING', 'AWAITING_DECISION'],
];
