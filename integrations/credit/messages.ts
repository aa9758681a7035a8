/**
 * The credit platform's messages (三(三), 双公示): a recognised penalty (行政处罚) and a licence granted
 * on commitment (行政许可) published with the national 双公示 data fields, a withdrawal of a published
 * record (撤销公示) and a credit repair (信用修复). The keys are the standard's field names; the
 * adapter, the simulator and the published contract all use these schemas.
 */
import { z } from 'zod';

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const uscc = (what: string) => z.string().regex(USCC, `${what}：18 位统一社会信用代码`);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().min(1).max(max);

/** What every message carries: the exchange's key (a repeat is the same message) and the process it came from. */
const envelope = { requestId: z.string().min(1).max(300), processId: z.string().min(1) };

/** 数据来源单位, by name and 统一社会信用代码, as the standard asks of every record (the deciding organ too, below). */
const source = () => ({
  数据来源单位: text(200),
  数据来源单位统一社会信用代码: uscc('数据来源单位统一社会信用代码'),
});

export const PENALTY_CATEGORIES = ['警告', '罚款', '暂扣或者吊销许可证', '其他'] as const;

export const creditPenaltySchema = z
  .object({
    ...envelope,
    kind: z.literal('penalty'),
    行政相对人类别: z.literal('法人及非法人组织'),
    行政相对人名称: text(200),
    统一社会信用代码: uscc('统一社会信用代码'),
    行政处罚决定书文号: text(200),
    违法事实: text(2000),
    处罚依据: text(1000),
    处罚类别: z.enum(PENALTY_CATEGORIES),
    处罚内容: text(1000),
    /** 万元, as the standard counts it; 0 where the penalty is no fine. */
    罚款金额: z.number().min(0),
    处罚决定日期: day,
    /** The last day the record is published. */
    公示截止期: day,
    处罚机关: text(200),
    处罚机关统一社会信用代码: uscc('处罚机关统一社会信用代码'),
    ...source(),
  })
  .strict();

export const creditLicenceSchema = z
  .object({
    ...envelope,
    kind: z.literal('licence'),
    行政相对人类别: z.literal('法人及非法人组织'),
    行政相对人名称: text(200),
    统一社会信用代码: uscc('统一社会信用代码'),
    行政许可决定文书号: text(200),
    许可类别: z.enum(['普通', '告知承诺']),
    许可证书名称: text(200),
    许可内容: text(2000),
    许可决定日期: day,
    有效期自: day,
    许可机关: text(200),
    许可机关统一社会信用代码: uscc('许可机关统一社会信用代码'),
    ...source(),
  })
  .strict();

/** A published record taken down: the decision was revoked or changed (撤销公示). */
export const creditWithdrawalSchema = z
  .object({
    ...envelope,
    kind: z.literal('withdrawal'),
    统一社会信用代码: uscc('统一社会信用代码'),
    行政处罚决定书文号: text(200),
    撤销原因: text(1000),
    撤销日期: day,
    数据来源单位: text(200),
  })
  .strict();

/** The entity repaired its credit: the record ends before its period (信用修复). */
export const creditRepairSchema = z
  .object({
    ...envelope,
    kind: z.literal('repair'),
    统一社会信用代码: uscc('统一社会信用代码'),
    行政处罚决定书文号: text(200),
    修复日期: day,
    修复说明: text(1000),
    数据来源单位: text(200),
  })
  .strict();

export const creditMessageSchema = z.discriminatedUnion('kind', [
  creditPenaltySchema,
  creditLicenceSchema,
  creditWithdrawalSchema,
  creditRepairSchema,
]);
export type CreditMessage = z.infer<typeof creditMessageSchema>;

export const creditAnswerSchema = z.object({
  requestId: z.string(),
  result: z.literal('accepted'),
  /** The platform's id of the record (公示编号). */
  recordId: z.string().min(1),
  acceptedAt: z.string().datetime(),
});
export type CreditAnswer = z.infer<typeof creditAnswerSchema>;

export const creditPortContract = {
  name: 'credit-platform',
  title: '信用平台“双公示”报送 · Credit platform (double publicity)',
  request: { method: 'POST', path: '/records', headers: { 'Idempotency-Key': 'the requestId' }, body: creditMessageSchema },
  answers: {
    200: creditAnswerSchema,
    400: 'the record breaks the contract (not retried)',
    409: 'what a withdrawal or repair refers to has not arrived yet (retried)',
    503: 'the platform is down (retried with backoff)',
  },
};
