import { z } from 'zod';
import { verifyPassword } from '../../store/passwords';
import { revokeToken, userForLogin } from '../../store/users';
import { issueToken, sessionCookie, userSchema, type Session, type User } from '../auth';
import { refused } from '../errors';
import { DEFAULT_LOGIN_LIMITS, oneAtATime, releaseLoginAttempt, takeLoginAttempt } from '../login-limit';
import { defineRoute } from '../route';

/** A hash of no one's password, checked when the username is unknown (store/passwords.ts's format). */
const UNKNOWN_USER_HASH = 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const login = defineRoute({
  method: 'post',
  path: '/api/auth/login',
  summary:
    'Exchanges a username and password for a signed token; failed attempts per username and per address are limited (429 with Retry-After)',
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
    const row = await oneAtATime(body.username, async () => {
      const attempt = await takeLoginAttempt(deps.db, limits, body.username, address);
      const found = await userForLogin(deps.db, body.username);
      // An unknown username costs the same hashing as a wrong password: the time tells nothing.
      const matches = await verifyPassword(body.password, found?.password_hash ?? UNKNOWN_USER_HASH);
      // Which of the two was wrong is not said: the refusal is about the credentials as a whole.
      if (!found || !matches) throw refused('LOGIN_FAILED', {}, 'body');
      await releaseLoginAttempt(deps.db, attempt);
      return found;
    });
    const user: User = { id: row.id, username: row.username, orgId: row.org_id, roles: row.roles };
    const token = issueToken(user, deps.token);
    // The console keeps its session in an HttpOnly cookie; API clients use the token as a bearer.
    res.setHeader('Set-Cookie', sessionCookie(token, deps.token, req.secure));
    return { token, user };
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

export const logout = defineRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Revokes the token it is sent with: that session ends, the user’s others go on',
  tag: 'Identity',
  response: z.object({ loggedOut: z.literal(true) }),
  async handler({ deps, req, res }) {
    const session = res.locals.session as Session;
    res.setHeader('Set-Cookie', sessionCookie(null, deps.token, req.secure));
    // Kept until the token would have expired anyway; those past it go.
    await revokeToken(deps.db, session.tokenId, session.expiresAt);
    return { loggedOut: true as const };
  },
});
