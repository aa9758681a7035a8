import type { NextFunction, Request, Response } from 'express';
import { refusal, type Refusal } from '../domain/refusals';
import { refused, refusedAll } from './errors';

/**
 * Text the records store cannot hold is refused at the door: PostgreSQL takes no U+0000 in text or
 * jsonb, and jsonb no lone surrogate. Past the API such text would reach a workflow, pass its
 * schema and fail the step that writes it on every retry, leaving the process stuck.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters that make stored text lie about itself: C0/C1 controls other than tab and line breaks,
 * and the bidirectional overrides and isolates that reorder what a reader sees (a name that displays
 * as another's).
 */
const DECEPTIVE = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Deeper than any request of ours nests (a task payload is a few levels): schemas and logs recurse. */
export const MAX_DEPTH = 32;

/**
 * The first path that breaks the rules, walked with a stack of its own (never the call stack): a
 * 100,000-deep body is refused at depth 33 like a 33-deep one.
 */
function firstFault(root: unknown, rootPath: string): Refusal | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return refusal('TEXT_UNSTORABLE', {}, path);
      if (DECEPTIVE.test(value)) return refusal('TEXT_DECEPTIVE', {}, path);
      continue;
    }
    // An upload's bytes are kept as bytes, never stored as text.
    if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_DEPTH) return refusal('NESTED_TOO_DEEP', { maxDepth: MAX_DEPTH }, path);
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return refusal('TEXT_UNSTORABLE', {}, `${path}.${key}`);
      stack.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

export function refuseUnstorableInput(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(refused('PATH_NOT_DECODED', {}, 'path'));
  }
  const fault = firstFault(path, 'path') ?? firstFault(req.query, 'query') ?? firstFault(req.body, 'body');
  if (fault) return next(refusedAll([fault]));
  next();
}
