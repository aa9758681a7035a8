/** What reaches an organisation, and the words it reaches it in. Pure: the records write and the API share it. */

export const NOTIFICATION_KINDS = ['reminder', 'escalation', 'task'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, { zh: string; en: string }> = {
  reminder: { zh: '到期提醒', en: 'Reminder' },
  escalation: { zh: '逾期督办', en: 'Escalation' },
  task: { zh: '新待办', en: 'New task' },
};

export const CHANNELS = ['email', 'webhook'] as const;

/** The product's name as a message's sender shows it. */
const SENDER = '营口自贸片区协同发展示范区';

/** A notification as an e-mail or a chat message says it: the subject names the kind and the process. */
export function notificationText(input: { kind: NotificationKind; processTitle: string; processId: string; message: string }) {
  const label = NOTIFICATION_KIND_LABELS[input.kind].zh;
  return {
    subject: `【${SENDER}】${label}：${input.processTitle}`,
    body: `${input.message}\n流程：${input.processId}`,
  };
}

/** The outbox's retry policy (policy `outbox.retry`): what a delivery workflow gives its activities. */
export interface OutboxRetry {
  initialIntervalMs: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
}
