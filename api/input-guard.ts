import type { NextFunction, Request, Response } from 'express';
import { badRequest } from './errors';

/**
 * Text the records store cannot hold is refused at the door: PostgreSQL takes no U+0000 in text or
 * jsonb, and jsonb no lone surrogate. Past the API such text would reach a workflow, pass its
 * schema and fail the step that writes it on every retry, leaving the process stuck.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function badText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = badText(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = badText(key, `${path}.${key}`) ?? badText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

export function refuseUnstorableText(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(badRequest('the path does not decode'));
  }
  const found = badText(path, 'path') ?? badText(req.query, 'query') ?? badText(req.body, 'body');
  if (found) return next(badRequest('text with U+0000 or a lone surrogate cannot be stored', [{ path: found, message: 'not storable text' }]));
  next();
}
