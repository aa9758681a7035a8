/** Users and their sessions as the API's identity checks read them. Rows are parsed, not cast. */
import { z } from 'zod';
import { roleSchema } from '../domain/identity';
import type { Db, Queryable } from './db';
import { firstOf } from './rows';

const loginRow = z.object({
  id: z.string(),
  username: z.string(),
  org_id: z.string(),
  roles: z.array(roleSchema),
  password_hash: z.string(),
});

/** An enabled user of an active organisation by username, with the password hash to check; null otherwise. */
export function userForLogin(q: Queryable, username: string): Promise<z.infer<typeof loginRow> | null> {
  return firstOf(
    q,
    loginRow,
    `SELECT u.id, u.username, u.org_id, u.roles, u.password_hash FROM users u
         JOIN organizations o ON o.id = u.org_id WHERE u.username = $1 AND o.active AND NOT u.disabled`,
    [username],
  );
}

const sessionUserRow = z.object({
  id: z.string(),
  username: z.string(),
  org_id: z.string(),
  roles: z.array(roleSchema),
  revoked: z.boolean(),
});

/** An enabled user of an active organisation by id, and whether the session's token was revoked; null otherwise. One query. */
export function sessionUser(q: Queryable, userId: string, tokenId: string): Promise<z.infer<typeof sessionUserRow> | null> {
  return firstOf(
    q,
    sessionUserRow,
    `SELECT u.id, u.username, u.org_id, u.roles, EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.id = $2) AS revoked
     FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = $1 AND NOT u.disabled AND o.active`,
    [userId, tokenId],
  );
}

/** Revokes a token until it would have expired anyway; revocations past their expiry go. */
export async function revokeToken(db: Pick<Db, 'transaction'>, tokenId: string, expiresAt: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
    await tx.query('INSERT INTO revoked_tokens (id, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [tokenId, expiresAt]);
  });
}
