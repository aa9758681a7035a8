import { toHttpError } from './errors';

/** What body-parser raises (its `status` and `type`), answered by catalogued refusal, never as its English message. */
const raised = (status: number, type: string, more: Record<string, unknown> = {}) =>
  Object.assign(new Error(`body-parser says ${type}`), { status, type, ...more });

test.each([
  ['entity.too.large', raised(413, 'entity.too.large', { limit: 102400 }), 413, 'BODY_TOO_LARGE', 'body'],
  ['charset.unsupported', raised(415, 'charset.unsupported', { charset: 'gbk' }), 415, 'CHARSET_NOT_TAKEN', 'headers.content-type'],
  ['encoding.unsupported', raised(415, 'encoding.unsupported', { encoding: 'br' }), 415, 'ENCODING_NOT_TAKEN', 'headers.content-encoding'],
  ['request.aborted', raised(400, 'request.aborted'), 400, 'BODY_INCOMPLETE', 'body'],
  ['request.size.invalid', raised(400, 'request.size.invalid'), 400, 'BODY_INCOMPLETE', 'body'],
])('the body reader refusing with %s answers a catalogued refusal, worded in Chinese', (_type, error, status, code, path) => {
  const http = toHttpError(error);
  expect([http.status, http.refusal?.code, http.refusal?.path]).toEqual([status, code, path]);
  expect(http.zh).toMatch(/[\u3400-\u9fff]/);
  expect(http.message).not.toContain('body-parser says');
});
