/**
 * 互联网+监管's messages (四(二)2): supervision records of what the FTZ's processes find and order —
 * a commitment's verification, an on-site check (a generic kind any inspection process may send),
 * a rectification order and a revocation. The adapter, the simulator and the contract use these.
 */
import { z } from 'zod';

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);

/** What every supervision record names: the object supervised, the matter, the organ that acted and when. */
const record = {
  requestId: z.string().min(1).max(300),
  processId: z.string().min(1),
  监管对象名称: text(200),
  统一社会信用代码: z.string().regex(USCC, '统一社会信用代码'),
  /** The power (监管事项) by its catalogue code and name. */
  监管事项编码: text(50),
  监管事项名称: text(200),
  实施机关: text(200),
  实施机关编码: text(50),
  行为日期: day,
};

export const SUPERVISION_KINDS = ['verification', 'onSiteCheck', 'rectificationOrder', 'revocation'] as const;

export const supervisionMessageSchema = z.discriminatedUnion('kind', [
  /** 告知承诺核查: whether the commitment was kept. */
  z
    .object({
      ...record,
      kind: z.literal('verification'),
      核查结果: z.enum(['合格', '不合格']),
      核查说明: z.string().max(2000).optional(),
      按期核查: z.boolean(),
    })
    .strict(),
  /** 现场检查: any on-site check, by whichever process does it (an inspection, a normal-route licence). */
  z
    .object({ ...record, kind: z.literal('onSiteCheck'), 检查结果: z.enum(['合格', '不合格']), 检查发现: text(2000), 检查日期: day })
    .strict(),
  /** 责令整改. */
  z.object({ ...record, kind: z.literal('rectificationOrder'), 整改事项: text(2000), 整改期限: z.string().datetime() }).strict(),
  /** 撤销许可. */
  z.object({ ...record, kind: z.literal('revocation'), 撤销原因: text(2000) }).strict(),
]);
export type SupervisionMessage = z.infer<typeof supervisionMessageSchema>;
export type SupervisionKind = SupervisionMessage['kind'];

export const supervisionAnswerSchema = z.object({
  requestId: z.string(),
  result: z.literal('accepted'),
  recordId: z.string().min(1),
  acceptedAt: z.string().datetime(),
});
export type SupervisionAnswer = z.infer<typeof supervisionAnswerSchema>;

export const supervisionPortContract = {
  name: 'internet-plus-supervision',
  title: '互联网+监管 监管行为报送 · Supervision records',
  request: {
    method: 'POST',
    path: '/supervision-records',
    headers: { 'Idempotency-Key': 'the requestId' },
    body: supervisionMessageSchema,
  },
  answers: {
    200: supervisionAnswerSchema,
    400: 'the record breaks the contract (not retried)',
    503: 'the platform is down (retried with backoff)',
  },
};
