/**
 * Outside systems calling in, as signed system clients (api/inbound.ts): 政务服务网 submitting an
 * application, which starts the registration as the FTZ's window would, and the tax system deciding
 * a 划转 it had taken in as pending. Neither carries a user's token: the signature is the credential.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { processDefinitions } from '../../domain/processes';
import { searchAttributes } from '../../domain/search-attributes';
import { intakeAnswerSchema, intakeRequestSchema } from '../../integrations/gov-service/messages';
import { GOV_SERVICE_CLIENT } from '../../integrations/gov-service/simulator';
import { taxCallbackSchema } from '../../integrations/tax/messages';
import { TAX_SYSTEM_CLIENT } from '../../integrations/tax/simulator';
import { intakeProcess, recordIntake, recordTaxCallback, taxExchange } from '../../store/system-exchanges';
import type { ExchangeAnswer } from '../../workflows/outbox-delivery';
import type { User } from '../auth';
import { checkEligibility, completeInput } from '../eligibility';
import { invalidInput, refused } from '../errors';
import { requireSignedClient } from '../inbound';
import { defineRoute } from '../route';

/** Who 政务服务网's submissions are made as: the FTZ's window, the one that takes online applications. */
const INTAKE_USER: User = { id: 'system:gov-service', username: 'gov-service', orgId: 'ftz', roles: ['staff'] };

export const submitApplication = defineRoute({
  method: 'post',
  path: '/api/system/applications',
  summary:
    '政务服务网 submits an application (signed system client gov-service): it starts the registration as the FTZ window would; the same 办件编号 again starts nothing',
  tag: 'Outside systems',
  public: true,
  rawBody: true,
  body: z.unknown(),
  // Read as bytes (the signature covers them); parsed by this schema after the signature holds.
  documentedBody: () => intakeRequestSchema,
  status: 201,
  response: intakeAnswerSchema,
  async handler({ body, deps, req, res }) {
    await requireSignedClient(deps, req, GOV_SERVICE_CLIENT);
    const parsed = intakeRequestSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'body', '政务服务网申请');
    const { applicationNo, application } = parsed.data;
    const known = await intakeProcess(deps.db, applicationNo);
    if (known) {
      res.locals.status = 200;
      return { applicationNo, processId: known.process_id, result: 'alreadyAccepted' as const };
    }
    const definition = processDefinitions['entity-registration']!;
    await checkEligibility(deps, 'entity-registration', application, INTAKE_USER);
    const input = completeInput('entity-registration', application as Record<string, unknown>) as typeof application;
    const id = definition.processId(input, createHash('sha256').update(`intake\n${applicationNo}`).digest('hex').slice(0, 6));
    try {
      await deps.client.workflow.start(definition.workflowType, {
        workflowId: id,
        taskQueue: deps.taskQueue,
        args: [
          {
            start: input,
            launchedBy: { userId: INTAKE_USER.id, orgId: INTAKE_USER.orgId, roles: INTAKE_USER.roles },
            intake: { applicationNo },
          },
        ],
        workflowIdConflictPolicy: 'FAIL',
        memo: { launchedBy: INTAKE_USER.orgId, intake: applicationNo },
        typedSearchAttributes: [
          { key: searchAttributes.processType, value: definition.type },
          { key: searchAttributes.stage, value: definition.stages[0] },
          { key: searchAttributes.zoneCode, value: definition.zoneCode(input)! },
          ...(input.uscc ? [{ key: searchAttributes.entityUscc, value: input.uscc }] : []),
        ],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      // The same submission raced itself: the one that started it answers for both.
      const memo = (await deps.client.workflow.getHandle(id).describe()).memo;
      if (memo?.intake !== applicationNo)
        throw refused('ALREADY_IN_PROGRESS', { type: 'entity-registration', key: input.uscc ?? applicationNo, processId: id }, undefined, {
          processId: id,
        });
      res.locals.status = 200;
      return { applicationNo, processId: id, result: 'alreadyAccepted' as const };
    }
    await recordIntake(deps.db, applicationNo, id);
    return { applicationNo, processId: id, result: 'accepted' as const };
  },
});

export const taxCallback = defineRoute({
  method: 'post',
  path: '/api/system/tax-callbacks',
  summary: 'The tax system decides a 划转 it took in as pending (signed system client tax-system); the same decision again changes nothing',
  tag: 'Outside systems',
  public: true,
  rawBody: true,
  body: z.unknown(),
  documentedBody: () => taxCallbackSchema,
  response: z.object({ requestId: z.string(), result: z.enum(['taken', 'alreadyTaken']) }),
  async handler({ body, deps, req }) {
    await requireSignedClient(deps, req, TAX_SYSTEM_CLIENT);
    const parsed = taxCallbackSchema.safeParse(body);
    if (!parsed.success) throw invalidInput(parsed.error, 'body', '税务系统回调');
    const callback = parsed.data;
    const row = await taxExchange(deps.db, callback.requestId);
    if (!row) throw refused('TRANSFER_REQUEST_UNKNOWN', { requestId: callback.requestId }, 'body.requestId');
    if (row.callback) return { requestId: callback.requestId, result: 'alreadyTaken' as const };
    // The request's own answer is not recorded yet: the system is asked to call again (it retries a 409).
    if (row.status !== 'SENT') throw refused('TRANSFER_ANSWER_UNRECORDED', { requestId: callback.requestId });
    if (row.answer?.result !== 'pending') {
      throw refused('TRANSFER_ANSWERED', { requestId: callback.requestId, result: String(row.answer?.result) });
    }
    // The process first (it acts on one answer per exchange, so a repeat after a failure here is harmless), then the record.
    const answer: ExchangeAnswer = { channel: 'tax', key: callback.requestId, outcome: 'answered', answer: callback };
    if (row.reply_to) await deps.client.workflow.getHandle(row.reply_to).signal<[ExchangeAnswer]>('exchangeAnswered', answer);
    await recordTaxCallback(deps.db, row.id, callback);
    return { requestId: callback.requestId, result: 'taken' as const };
  },
});
