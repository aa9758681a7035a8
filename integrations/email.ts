import { createTransport, type Transporter } from 'nodemailer';

export interface SmtpSettings {
  /** `smtp://user:pass@host:587` or `smtps://…`; nodemailer reads TLS and credentials from it. */
  url: string;
  /** The sender, e.g. `协同区 <noreply@example.gov.cn>`. */
  from: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The outbox key: the Message-ID, so a mailbox (or a person) can tell a repeat from a new message. */
  idempotencyKey: string;
}

/** E-mail over SMTP: one transport per worker, reused across messages. */
export function createMailer(settings: SmtpSettings) {
  let transport: Transporter | undefined;
  return {
    async send(message: MailMessage): Promise<{ messageId: string; response: string }> {
      transport ??= createTransport(settings.url);
      const domain = settings.from.match(/@([^>\s]+)/)?.[1] ?? 'collab-zones.invalid';
      const info = await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        messageId: `<${message.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@${domain}>`,
        headers: { 'X-Idempotency-Key': message.idempotencyKey },
      });
      return { messageId: String(info.messageId), response: String(info.response ?? '') };
    },
    close(): void {
      transport?.close();
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
