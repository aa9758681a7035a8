/**
 * The tax port's messages (四(三)2: "实时提请市税务局通过系统…划转"): what the FTZ sends the city
 * bureau's system to transfer a newly registered entity's tax affairs to its local office, and the
 * answers that system gives. The adapter, the simulator and the published contract all use these.
 */
import { z } from 'zod';

export const taxTransferRequestSchema = z
  .object({
    /** The exchange's idempotency key, derived from the registration step: a repeat is the same request. */
    requestId: z.string().min(1).max(300),
    uscc: z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码'),
    entityName: z.string().min(1).max(200),
    /** The office that registered it (the FTZ's), the one that approves, the one it goes to. */
    fromOffice: z.literal('tax-ftz'),
    viaOffice: z.literal('tax-city'),
    toOffice: z.string().regex(/^tax-\d{6}$/),
    /** The residence's division (GB/T 2260), which decides the receiving office. */
    divisionCode: z.string().regex(/^\d{6}$/),
    registeredAt: z.string().datetime(),
    processId: z.string().min(1),
  })
  .strict();
export type TaxTransferRequest = z.infer<typeof taxTransferRequestSchema>;

const accepted = z.object({
  result: z.literal('accepted'),
  requestId: z.string(),
  reference: z.string().min(1),
  acceptedAt: z.string().datetime(),
});
const refused = z.object({ result: z.literal('refused'), requestId: z.string(), reason: z.string().min(1) });
export const taxTransferAnswerSchema = z.discriminatedUnion('result', [
  accepted,
  refused,
  /** Taken in, decided later: the decision comes by callback (taxCallbackSchema). */
  z.object({ result: z.literal('pending'), requestId: z.string() }),
]);
export type TaxTransferAnswer = z.infer<typeof taxTransferAnswerSchema>;

/** The system's later decision on a pending request, signed, to `POST /api/system/tax-callbacks`. */
export const taxCallbackSchema = z.discriminatedUnion('result', [accepted.strict(), refused.strict()]);
export type TaxCallback = z.infer<typeof taxCallbackSchema>;

/** The port's contract as a document: where the request goes and what it carries both ways. */
export const taxPortContract = {
  name: 'tax-transfer',
  title: '税务迁移（划转）提请 · Tax transfer request',
  request: { method: 'POST', path: '/transfers', headers: { 'Idempotency-Key': 'the requestId' }, body: taxTransferRequestSchema },
  answers: {
    200: taxTransferAnswerSchema,
    400: 'the request broke the contract (not retried)',
    503: 'the system is down (retried with backoff)',
  },
};

/** The inbound side: the decision on a pending request, signed as the system client `tax-system`. */
export const taxCallbackContract = {
  name: 'tax-callback',
  title: '税务迁移（划转）结果回调 · Tax transfer decided later',
  request: {
    method: 'POST',
    path: '/api/system/tax-callbacks',
    headers: { 'X-Client-Id': 'tax-system', 'X-Timestamp': 'as for intake', 'X-Nonce': 'as for intake', 'X-Signature': 'as for intake' },
    body: taxCallbackSchema,
  },
  answers: { 200: 'taken (or already taken: nothing changes twice)', 401: 'unsigned, forged, stale or replayed', 404: 'no such request' },
};
