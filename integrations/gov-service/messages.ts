/**
 * 政务服务网 (the provincial online service platform, 四(二)2): it submits an application as a signed
 * system client, which starts the registration as a window would, and hears each change of the
 * registration's status back. Both directions' schemas are here.
 */
import { z } from 'zod';
import { applicationSchema } from '../../domain/registration';

/** What the platform submits: its own case number (办件编号, the submission's key) and the application. */
export const intakeRequestSchema = z
  .object({
    applicationNo: z.string().regex(/^[0-9A-Za-z-]{6,64}$/, '办件编号：6 到 64 位字母、数字或连字符'),
    submittedAt: z.string().datetime(),
    application: applicationSchema,
  })
  .strict();
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

export const intakeAnswerSchema = z.object({
  applicationNo: z.string(),
  processId: z.string(),
  /** `accepted` the first time; `alreadyAccepted` for the same 办件编号 again (nothing started twice). */
  result: z.enum(['accepted', 'alreadyAccepted']),
});

/** A registration's status as it changes, sent back to the platform (办件状态回传). */
export const statusChangeSchema = z
  .object({
    requestId: z.string().min(1).max(300),
    applicationNo: z.string().min(1),
    processId: z.string().min(1),
    uscc: z.string().min(1),
    status: z.enum(['SCREENING', 'AWAITING_CONSENT', 'SUPERVISING', 'COMPLETED', 'REFUSED']),
    statusText: z.string().min(1),
    at: z.string().datetime(),
    /** Why it was refused, in the registration's words. */
    reasons: z.array(z.string()).optional(),
  })
  .strict();
export type StatusChange = z.infer<typeof statusChangeSchema>;

export const statusAnswerSchema = z.object({ requestId: z.string(), result: z.literal('received') });

export const govServicePortContract = {
  name: 'gov-service-status',
  title: '政务服务网 办件状态回传 · Status changes to the provincial platform',
  request: { method: 'POST', path: '/status-changes', headers: { 'Idempotency-Key': 'the requestId' }, body: statusChangeSchema },
  answers: {
    200: statusAnswerSchema,
    400: 'the message breaks the contract (not retried)',
    503: 'the platform is down (retried with backoff)',
  },
};

/** The inbound side, for the contract document: where the platform submits and how it signs. */
export const intakeContract = {
  name: 'gov-service-intake',
  title: '政务服务网 申请提交 · Applications from the provincial platform',
  request: {
    method: 'POST',
    path: '/api/system/applications',
    headers: {
      'X-Client-Id': 'the system client (gov-service)',
      'X-Timestamp': 'milliseconds since 1970; within 5 minutes of our clock',
      'X-Nonce': 'unique per request; a nonce accepted once is refused after',
      'X-Signature': 'hex HMAC-SHA256(secret, METHOD\\nPATH\\nX-Timestamp\\nX-Nonce\\nhex SHA-256(body))',
    },
    body: intakeRequestSchema,
  },
  answers: {
    201: intakeAnswerSchema,
    200: intakeAnswerSchema,
    400: 'the application breaks the contract or the rules',
    401: 'unsigned, forged, stale or replayed',
  },
};
