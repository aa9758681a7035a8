import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { ZodError } from 'zod';
import { REJECTION } from '../domain/actions';
import { wordRefusal } from '../domain/refusal-wording';
import { isRefusalCode, leadingRefusal, REFUSAL_STATUS, type Refusal, type RefusalCode, type RefusalParams } from '../domain/refusals';
import { refusalNames } from './refusal-names';
import { invalidWords, issueWords, type Said } from './refusal-words';

/**
 * An error answer: `code` is the kind of refusal by its status (`CONFLICT`), as clients have always
 * read it; `reason` is the refusal's stable code from the catalogue (`ZONE_NOT_ACTIVE`) with its
 * `params`, where it has one; `message` is worded in the caller's language; `details` names fields.
 */
export interface ErrorBody {
  error: { code: string; reason?: RefusalCode; params?: unknown; message: string; details?: unknown };
}

/**
 * A refusal's message: English alone (worded for Chinese readers by api/refusal-words.ts where it
 * can be, else said in general terms), or in both languages.
 */
export type Message = string | Said;

/** A field's problem: its path and message, and the message in Chinese where it was worded so. */
export interface FieldProblem {
  path: string;
  message: string;
  zh?: string;
  /** The catalogued refusal this field's problem is, where it is one of several (a draft against the records). */
  reason?: RefusalCode;
  params?: unknown;
}

/** An expected outcome with a stable code, mapped to its HTTP status here and nowhere else. */
export class HttpError extends Error {
  /** The message in Chinese, where the refusal was worded in both languages. */
  readonly zh?: string;
  /** The catalogued refusal this answers, worded in the caller's language when answered. */
  refusal?: Refusal;
  constructor(
    readonly status: number,
    readonly code: string,
    message: Message,
    readonly details?: unknown,
  ) {
    super(typeof message === 'string' ? message : message.en);
    if (typeof message !== 'string') this.zh = message.zh;
  }
}

const KIND_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_ATTEMPTS',
};
/** Kinds clients read by name from before these refusals had codes. */
const KIND_OF_CODE: Partial<Record<RefusalCode, string>> = { IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED' };

/** The answer to a catalogued refusal: its status from the catalogue, its message worded when answered. */
export function refused<C extends RefusalCode>(code: C, params: RefusalParams[C], path?: string, details?: unknown): HttpError {
  const status = REFUSAL_STATUS[code];
  const refusal: Refusal = path ? { code, params, path } : { code, params };
  const en = wordRefusal(refusal, 'en', refusalNames);
  const zh = wordRefusal(refusal, 'zh', refusalNames);
  // A refusal about one field is shown on that field: its path and message, as a 400's fields are.
  // A refusal about several fields (an unchanged resubmission) is shown on each of them.
  const named = path ? [path] : ((params as { fields?: unknown }).fields as string[] | undefined);
  const onField: FieldProblem[] | undefined = named?.length ? named.map((p) => ({ path: p, message: en, zh })) : undefined;
  const error = new HttpError(status, KIND_OF_CODE[code] ?? KIND_OF_STATUS[status], { en, zh }, details ?? onField);
  error.refusal = refusal;
  return error;
}

/**
 * A refusal worded again with the names known now (an organisation learned since it was made): its
 * message, and its field's message where it is shown on one. Refusals answered together keep theirs.
 */
export function reworded(http: HttpError): HttpError {
  const refusal = http.refusal;
  if (!refusal || (Array.isArray(http.details) && http.details.some((d: FieldProblem) => d.reason))) return http;
  const en = wordRefusal(refusal, 'en', refusalNames);
  const zh = wordRefusal(refusal, 'zh', refusalNames);
  const details = Array.isArray(http.details)
    ? http.details.map((d: FieldProblem) => (d.message === http.message ? { ...d, message: en, zh } : d))
    : http.details;
  const again = new HttpError(http.status, http.code, { en, zh }, details);
  again.refusal = refusal;
  return again;
}

/**
 * Several refusals answered at once (a draft against the records, every cause together): led by the
 * one that gives the status (domain/refusals.ts `leadingRefusal`), each on its own field with its code.
 */
export function refusedAll(refusals: readonly Refusal[]): HttpError {
  if (refusals.length === 1) {
    const [only] = refusals;
    return refused(only.code, only.params as never, only.path);
  }
  const lead = leadingRefusal(refusals);
  const worded = refusals.map((r) => ({ r, en: wordRefusal(r, 'en', refusalNames), zh: wordRefusal(r, 'zh', refusalNames) }));
  const details: FieldProblem[] = worded
    .filter(({ r }) => r.path)
    .map(({ r, en, zh }) => ({ path: r.path!, message: en, zh, reason: r.code, params: r.params }));
  const status = REFUSAL_STATUS[lead.code];
  const error = new HttpError(
    status,
    KIND_OF_CODE[lead.code] ?? KIND_OF_STATUS[status],
    { en: worded.map((w) => w.en).join('; '), zh: worded.map((w) => w.zh).join('；') },
    details.length ? details : undefined,
  );
  error.refusal = lead;
  return error;
}

export const badRequest = (message: Message, details?: unknown) => new HttpError(400, 'BAD_REQUEST', message, details);
export const unauthenticated = (message: Message) => new HttpError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message: Message) => new HttpError(403, 'FORBIDDEN', message);
export const notFound = (message: Message) => new HttpError(404, 'NOT_FOUND', message);
export const conflict = (message: Message, details?: unknown) => new HttpError(409, 'CONFLICT', message, details);

/** Each validation problem by its field path, worded in both languages and naming the field. */
export function zodDetails(error: ZodError, location: string): FieldProblem[] {
  return error.issues.map((issue) => {
    const said = issueWords(issue, location);
    return { path: said.path, message: said.en, zh: said.zh };
  });
}

/** A 400 for input that does not fit its schema: the fields named in the message, each on its path. */
export function invalidInput(error: ZodError, location: string, what: string): HttpError {
  const details = zodDetails(error, location);
  const http = badRequest(
    invalidWords(
      details.map((d) => ({ path: d.path, en: d.message, zh: d.zh! })),
      what,
    ),
    details,
  );
  http.refusal = { code: 'INVALID_INPUT', params: { fields: details.map((d) => d.path) } };
  return http;
}

/** gRPC status codes (the engine's), as numbers to avoid depending on the gRPC package. */
const grpcStatus = { DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, FAILED_PRECONDITION: 9, UNAVAILABLE: 14 };

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001']);

/** Statuses that Express and its body parser give the errors they raise on bad requests. */
const REQUEST_ERRORS: Record<number, string> = { 400: 'BAD_REQUEST', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE' };

/** The one mapping from what went wrong to a status: bad input never becomes a 500. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  // A path that does not decode, a body too large or in an unknown charset: refused before any route.
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && REQUEST_ERRORS[status]) {
    // The body reader's own refusals (body-parser's `type`), by code where one says what to change.
    const { type, limit, charset, encoding } = error as { type?: unknown; limit?: unknown; charset?: unknown; encoding?: unknown };
    if (status === 413) return refused('BODY_TOO_LARGE', { limitBytes: typeof limit === 'number' ? limit : 0 }, 'body');
    if (type === 'charset.unsupported') return refused('CHARSET_NOT_TAKEN', { charset: String(charset) }, 'headers.content-type');
    if (type === 'request.aborted' || type === 'request.size.invalid') return refused('BODY_INCOMPLETE', {}, 'body');
    if (type === 'encoding.unsupported') return refused('ENCODING_NOT_TAKEN', { encoding: String(encoding) }, 'headers.content-encoding');
    return new HttpError(status, REQUEST_ERRORS[status], (error as Error).message);
  }
  if (error instanceof ZodError) return invalidInput(error, 'body', 'request');
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message, details } = error.cause;
    // A catalogued refusal from a workflow's validator or handler: its code in `type`, its params and path in `details`.
    if (isRefusalCode(type)) {
      const carried = (details ?? []) as { code?: unknown; params?: unknown; path?: string }[];
      // Several causes at once (`refuseAll`): each carries its own code.
      const causes = carried.filter((c) => isRefusalCode(c.code)) as Refusal[];
      if (causes.length) return refusedAll(causes);
      return refused(type, (carried[0]?.params ?? {}) as never, carried[0]?.path);
    }
    if (type === REJECTION.forbidden) return forbidden(message);
    if (type === REJECTION.badRequest) return badRequest(message);
    return conflict(message);
  }
  // The engine took the update but no worker finished it in time (a worker stopping, a busy engine):
  // the same request, sent again with its Idempotency-Key, acts once.
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return new HttpError(503, 'ENGINE_UNAVAILABLE', 'the workflow engine did not answer in time: send the request again');
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return refused('PROCESS_RUNNING', { processId: error.workflowId }, undefined, { processId: error.workflowId });
  }
  if (error instanceof WorkflowNotFoundError) return refused('PROCESS_NOT_FOUND', { processId: error.workflowId ?? '' });
  // The client wraps the gRPC error of a failed call in a ServiceError as its cause.
  const grpc = [error, (error as { cause?: unknown }).cause].find(isGrpcServiceError);
  if (grpc) {
    if (grpc.code === grpcStatus.NOT_FOUND) return notFound(grpc.details);
    if (grpc.code === grpcStatus.UNAVAILABLE || grpc.code === grpcStatus.DEADLINE_EXCEEDED) {
      return new HttpError(503, 'ENGINE_UNAVAILABLE', 'the workflow engine is unavailable');
    }
    // A query with no worker polling the process's task queue ("no poller seen"): try again later.
    if (grpc.code === grpcStatus.FAILED_PRECONDITION) {
      return new HttpError(503, 'ENGINE_UNAVAILABLE', 'no worker is serving this process now');
    }
  }
  const { code, syscall } = error as { code?: unknown; syscall?: unknown };
  // A PostgreSQL reached over a Unix socket that is gone says ENOENT when connecting.
  if ((typeof code === 'string' && UNAVAILABLE_CODES.has(code)) || (code === 'ENOENT' && syscall === 'connect')) {
    return new HttpError(503, 'DATABASE_UNAVAILABLE', 'the records store is unavailable');
  }
  return new HttpError(500, 'INTERNAL', 'internal error');
}
