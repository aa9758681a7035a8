import { z } from 'zod';
import { CHANNELS } from '../../domain/notifications';
import { requireOrgReader } from '../access';
import type { Db } from '../../store/db';
import { defineRoute } from '../route';

const channelSchema = z.object({
  channel: z.enum(CHANNELS),
  target: z.string(),
  enabled: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** Messages on this channel by delivery state. */
  sent: z.number(),
  pending: z.number(),
  failed: z.number(),
});

// A robot's address is https; plain http only for a receiver on the same host (a local relay, tests).
const webhookUrl = z
  .string()
  .url()
  .max(500)
  .refine((url) => {
    // Refinements run after a failed format check too: what does not parse is refused here, not thrown.
    if (!URL.canParse(url)) return false;
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname));
  }, 'an https address (http only on this host)');

async function channelsOf(deps: { db: Db }, org: string) {
  const rows = await deps.db.query<{
    channel: 'email' | 'webhook';
    target: string;
    enabled: boolean;
    updated_by: string;
    updated_at: Date | string;
    sent: string;
    pending: string;
    failed: string;
  }>(
    `SELECT c.channel, c.target, c.enabled, c.updated_by, c.updated_at,
       (SELECT count(*) FROM outbox o WHERE o.org_id = c.org_id AND o.channel = c.channel AND o.status = 'SENT') AS sent,
       (SELECT count(*) FROM outbox o WHERE o.org_id = c.org_id AND o.channel = c.channel AND o.status = 'PENDING') AS pending,
       (SELECT count(*) FROM outbox o WHERE o.org_id = c.org_id AND o.channel = c.channel AND o.status = 'FAILED') AS failed
     FROM notification_channels c WHERE c.org_id = $1 ORDER BY c.channel`,
    [org],
  );
  return rows.map((row) => ({
    channel: row.channel,
    target: row.target,
    enabled: row.enabled,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
    sent: Number(row.sent),
    pending: Number(row.pending),
    failed: Number(row.failed),
  }));
}

export const listNotificationChannels = defineRoute({
  method: 'get',
  path: '/api/notification-channels',
  summary: "Where the caller's organisation's notifications go besides the console (e-mail, chat webhook), with delivery counts",
  tag: 'Notifications',
  query: z.object({ org: z.string().min(1).optional() }),
  response: z.object({ orgId: z.string(), items: z.array(channelSchema) }),
  async handler({ query, user, deps }) {
    const org = query.org ?? user.orgId;
    requireOrgReader(user, org, `the notification channels of ${org}`);
    return { orgId: org, items: await channelsOf(deps, org) };
  },
});

export const setNotificationChannels = defineRoute({
  method: 'post',
  path: '/api/notification-channels',
  summary: "Sets the caller's organisation's channels: an address per channel, or null to stop using it (admins)",
  tag: 'Notifications',
  body: z
    .object({
      email: z.string().email().max(254).nullable().optional(),
      webhook: webhookUrl.nullable().optional(),
    })
    .strict()
    .refine((body) => body.email !== undefined || body.webhook !== undefined, 'name email or webhook (null turns one off)'),
  response: z.object({ orgId: z.string(), items: z.array(channelSchema) }),
  async handler({ body, user, deps }) {
    await deps.db.transaction(async (tx) => {
      for (const channel of CHANNELS) {
        const target = body[channel];
        if (target === undefined) continue;
        if (target === null)
          await tx.query(
            'UPDATE notification_channels SET enabled = false, updated_by = $3, updated_at = now() WHERE org_id = $1 AND channel = $2',
            [user.orgId, channel, user.username],
          );
        else {
          await tx.query(
            `INSERT INTO notification_channels (org_id, channel, target, enabled, updated_by, updated_at) VALUES ($1, $2, $3, true, $4, now())
             ON CONFLICT (org_id, channel) DO UPDATE SET target = $3, enabled = true, updated_by = $4, updated_at = now()`,
            [user.orgId, channel, target, user.username],
          );
        }
      }
    });
    return { orgId: user.orgId, items: await channelsOf(deps, user.orgId) };
  },
});
