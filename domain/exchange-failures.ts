/**
 * A message to an outside system (信用平台 双公示, 互联网+监管, 政务服务网) that failed beyond the retry
 * policy, or could not be composed, becomes a task for the organisation responsible for the exchange:
 * send it again once the platform is back, or record that it was reported by other means. One small
 * process per failed message (`exchange-failure-<outbox id>`), started by the delivery; nobody launches it.
 */
import { z } from 'zod';
import { defineAction } from './actions';
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
  if (channel === 'gov-service') return `办理状态回传（办件编号 ${String(facts.applicationNo ?? '')}，状态 ${String(facts.status ?? '')}）`;
  const kind = KIND_NAMES[String(facts.kind)] ?? String(facts.kind ?? '');
  const ref = facts.decisionNumber ?? facts.licenceId ?? facts.uscc ?? '';
  return `${kind}${ref ? ` ${String(ref)}` : ''}`;
}

export const CHANNEL_NAMES: Record<FailureTaskChannel, { zh: string; en: string }> = {
  credit: { zh: '信用平台（双公示）', en: 'the credit platform (双公示)' },
  supervision: { zh: '互联网+监管系统', en: 'the 互联网+监管 platform' },
  'gov-service': { zh: '政务服务网', en: 'the provincial government service platform' },
};

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
