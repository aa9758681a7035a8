import { z } from 'zod';
import { verifyPassword } from '../../store/passwords';
import { issueToken, userSchema, type User } from '../auth';
import { unauthenticated } from '../errors';
import { checkLoginAllowed, DEFAULT_LOGIN_LIMITS, recordLoginFailure, recordLoginSuccess } from '../login-limit';
import { defineRoute } from '../route';

export const login = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Exchanges a username and password for a signed token; failed attempts per username and per address are limited (429 with Retry-After)',
  tag: 'Identity',
  public: true,
  // Read before anyone is known: a username and a password, nothing more.
  bodyLimit: '4kb',
  body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
  response: z.object({ token: z.string(), user: userSchema }),
  async handler({ body, deps, req, res }) {
    // Named in the line that logs a refusal: a failed login has no user yet.
    res.locals.attemptedUsername = body.username;
    const limits = deps.loginLimits ?? DEFAULT_LOGIN_LIMITS;
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    await checkLoginAllowed(deps.db, limits, body.username, address);
    const [row] = await deps.db.query<{ id: string; username: string; org_id: string; roles: User['roles']; password_hash: string }>(
      `SELECT u.id, u.username, u.org_id, u.roles, u.password_hash FROM users u
       JOIN organizations o ON o.id = u.org_id WHERE u.username = $1 AND o.active`,
      [body.username],
    );
    if (!row || !(await verifyPassword(body.password, row.password_hash))) {
      await recordLoginFailure(deps.db, limits, body.username, address);
      throw unauthenticated('wrong username or password');
    }
    await recordLoginSuccess(deps.db, body.username);
    const user: User = { id: row.id, username: row.username, orgId: row.org_id, roles: row.roles };
    return { token: issueToken(user, deps.token), user };
  },
});

export const me = defineRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The user the token belongs to',
  tag: 'Identity',
  response: userSchema,
  handler: async ({ user }) => user,
});
