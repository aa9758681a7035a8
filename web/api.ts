import { currentLang } from './i18n';

/** The console's one door to the API: the token, JSON, and errors as values with their field paths. */
export interface ApiError {
  status: number;
  code: string;
  message: string;
  /** Field path (without the `body.` prefix) → message. */
  fields: Record<string, string>;
}

// The token itself is an HttpOnly cookie the API sets at login: no script of the page can read it.
// Only who is signed in (names, not a credential) is kept here, for the header and the menus.
const USER_KEY = 'collab-zones.user';

export interface User {
  id: string;
  username: string;
  orgId: string;
  roles: string[];
}

export const session = {
  user: (): User | null => JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as User | null,
  save(user: User) {
    localStorage.setItem(USER_KEY, JSON.stringify(user));
  },
  clear() {
    localStorage.removeItem(USER_KEY);
  },
};

export class RequestFailed extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    // The session cookie goes with every request of this origin, and with no other.
    credentials: 'same-origin',
    // Refusals come worded in the console's language.
    headers: {
      'accept-language': currentLang() === 'en' ? 'en' : 'zh-CN',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = (await response.json().catch(() => ({}))) as T & {
    error?: { code: string; message: string; details?: { path: string; message: string }[] };
  };
  if (response.status === 401 && path !== '/api/auth/login') {
    session.clear();
    location.hash = '#/login';
  }
  if (!response.ok) {
    const details = Array.isArray(payload.error?.details) ? payload.error.details : [];
    throw new RequestFailed({
      status: response.status,
      code: payload.error?.code ?? 'UNKNOWN',
      message: payload.error?.message ?? response.statusText,
      fields: Object.fromEntries(details.map((d) => [d.path.replace(/^body\.?/, ''), d.message])),
    });
  }
  return payload;
}
