/**
 * A chat robot's webhook (DingTalk 自定义机器人, WeCom 群机器人): both accept
 * `{"msgtype": "text", "text": {"content": "…"}}` and answer 200 with `errcode` 0, or 200 with another
 * `errcode` when they refuse (a wrong keyword, a rate limit) — a refusal, not a delivery.
 */
export interface ChatMessage {
  msgtype: 'text';
  text: { content: string };
}

export class WebhookRefused extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'WebhookRefused';
  }
}

export async function postChatMessage(
  url: string,
  message: ChatMessage,
  idempotencyKey: string,
  timeoutMs = 10_000,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const body = parseJson(text);
  // 4xx but 408 and 429 will not mend by trying again: the address or the message is wrong.
  if (!response.ok)
    throw new WebhookRefused(
      `webhook answered ${response.status}: ${text.slice(0, 200)}`,
      response.status >= 400 && response.status < 500 && ![408, 429].includes(response.status),
    );
  const errcode = (body as { errcode?: unknown } | undefined)?.errcode;
  if (typeof errcode === 'number' && errcode !== 0)
    throw new WebhookRefused(`webhook refused: errcode ${errcode} ${JSON.stringify(body).slice(0, 200)}`, false);
  return { status: response.status, body };
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text.slice(0, 200);
  }
}
