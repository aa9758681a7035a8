/** Where an organisation's notifications go besides the console, with delivery counts, and setting it. Rows are parsed, not cast. */
import { z } from 'zod';
import { CHANNELS } from '../domain/notifications';

type Channel = (typeof CHANNELS)[number];
import type { Db, Queryable } from './db';
import { instant, numberish, rowsOf } from './rows';

const channelRow = z.object({
  channel: z.enum(CHANNELS),
  target: z.string(),
  enabled: z.boolean(),
  updated_by: z.string(),
  updated_at: instant,
  sent: numberish,
  pending: numberish,
  failed: numberish,
});

/** An organisation's channels, each with its messages counted by delivery state. */
export function channelRows(q: Queryable, orgId: string): Promise<z.infer<typeof channelRow>[]> {
  return rowsOf(
    q,
    channelRow,
    `SELECT c.channel, c.target, c.enabled, c.updated_by, c.updated_at,
       (SELECT count(*) FROM outbox o WHERE o.org_id = c.org_id AND o.channel = c.channel AND o.status = 'SENT') AS sent,
       (SELECT count(*) FROM outbox o WHERE o.org_id = c.org_id AND o.channel = c.channel AND o.status = 'PENDING') AS pending,
       (SELECT count(*) FROM outbox o WHERE o.org_id = c.org_id AND o.channel = c.channel AND o.status = 'FAILED') AS failed
     FROM notification_channels c WHERE c.org_id = $1 ORDER BY c.channel`,
    [orgId],
  );
}

/** Sets an organisation's channels in one transaction: an address turns one on, null turns it off, absent leaves it. */
export async function setChannels(
  db: Pick<Db, 'transaction'>,
  orgId: string,
  username: string,
  targets: Partial<Record<Channel, string | null>>,
): Promise<void> {
  await db.transaction(async (tx) => {
    for (const channel of CHANNELS) {
      const target = targets[channel];
      if (target === undefined) continue;
      if (target === null)
        await tx.query(
          'UPDATE notification_channels SET enabled = false, updated_by = $3, updated_at = now() WHERE org_id = $1 AND channel = $2',
          [orgId, channel, username],
        );
      else {
        await tx.query(
          `INSERT INTO notification_channels (org_id, channel, target, enabled, updated_by, updated_at) VALUES ($1, $2, $3, true, $4, now())
             ON CONFLICT (org_id, channel) DO UPDATE SET target = $3, enabled = true, updated_by = $4, updated_at = now()`,
          [orgId, channel, target, username],
        );
      }
    }
  });
}
