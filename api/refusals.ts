import type { Request, Response } from 'express';
import type { Log } from '../platform/log';
import type { User } from './auth';
import type { HttpError } from './errors';
import type { Lang } from './schemas';

/** Unauthenticated, forbidden, too many attempts: what a refused caller tried is worth a line of its own. */
export const REFUSALS = [401, 403, 429];

/**
 * One warning per refused attempt, with who (the user, or the username a failed login gave, and the
 * address) and what (the route, its ids, and the reason given to the caller). Passwords and tokens
 * are never in it.
 */
export function logRefusal(req: Request, res: Response, http: HttpError): void {
  const user = res.locals.user as User | undefined;
  const attempted = res.locals.attemptedUsername as string | undefined;
  (res.locals.log as Log).warn(
    {
      status: http.status,
      code: http.code,
      ...(http.refusal ? { refusal: http.refusal.code } : {}),
      reason: http.message,
      method: req.method,
      route: typeof res.locals.route === 'string' ? res.locals.route : req.path,
      ...(res.locals.params ? { params: res.locals.params } : {}),
      address: req.ip,
      ...(user ? { userId: user.id, orgId: user.orgId, roles: user.roles } : {}),
      ...(attempted ? { username: attempted } : {}),
    },
    'refused',
  );
}

/** What a refusal of each status means, for a message with no Chinese of its own. */
const GIST: Record<number, string> = {
  400: '提交的内容不符合要求',
  401: '请先登录',
  403: '无此权限',
  404: '未找到',
  405: '不支持此请求方式',
  409: '与当前办理状态冲突',
  413: '提交的内容过大',
  415: '不支持此内容类型',
  422: '请求不能处理',
  429: '请求过于频繁，请稍后再试',
  501: '此功能未配置',
  503: '服务暂时不可用，请稍后重试',
};

const CHINESE = /[\u3400-\u9fff]/;

/**
 * The message in the caller's language: Chinese by default, English when asked for. Every refusal is
 * worded in both (a catalogued code, or a message given with its Chinese); what is left without
 * Chinese (an engine's or a body parser's own words, a server error) is said by its status's gist.
 */
export function localizedMessage(http: HttpError, lang: Lang): string {
  if (lang === 'en') return http.message;
  if (http.zh) return http.zh;
  if (http.status >= 500) return GIST[http.status] ?? '服务器出错，请稍后重试';
  return `${GIST[http.status] ?? '请求未被接受'}（${http.message}）`;
}

/** Field problems in the caller's language; any other details as they are. */
export function localizedDetails(details: unknown, lang: Lang): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((detail: unknown) => {
    if (!detail || typeof detail !== 'object' || typeof (detail as { message?: unknown }).message !== 'string') return detail;
    const { zh, ...rest } = detail as { path?: string; message: string; zh?: string };
    if (lang === 'en') return rest;
    // A field's message given only in Chinese (a check that words its own) is shown as it is.
    return { ...rest, message: zh ?? (CHINESE.test(rest.message) ? rest.message : `不符合要求（${rest.message}）`) };
  });
}
