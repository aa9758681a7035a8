import { z } from 'zod';
import { CHANNELS } from '../../domain/notifications';
import { requireOrgReader } from '../access';
import type { Db } from '../../store/db';
import { channelRows, setChannels } from '../../store/notification-channels';
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
  const rows = await channelRows(deps.db, org);
  return rows.map((row) => ({
    channel: row.channel,
    target: row.target,
    enabled: row.enabled,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
    sent: row.sent,
    pending: row.pending,
    failed: row.failed,
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
    await setChannels(deps.db, user.orgId, user.username, body);
    return { orgId: user.orgId, items: await channelsOf(deps, user.orgId) };
  },
});
