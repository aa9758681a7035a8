/**
 * The workflows' door: a start, update or signal whose arguments the worker's codec found unsealed
 * (sent to the engine by someone without the payload key) is refused here, before any handler or
 * validator of ours sees it. An update is rejected by its validator step, so it leaves no event.
 */
import {
  ApplicationFailure,
  type SignalInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type Next,
} from '@temporalio/workflow';
import { isUnsealed, UNSEALED_REFUSAL } from '../../domain/unsealed';

const refusal = (what: string) =>
  ApplicationFailure.create({
    type: UNSEALED_REFUSAL,
    message: `${what} was not sent through the API (its payload is not sealed with a current key)`,
    nonRetryable: true,
  });

class RefuseUnsealed implements WorkflowInboundCallsInterceptor {
  async execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    if (input.args.some(isUnsealed)) throw refusal('the start of this process');
    return next(input);
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    if (input.args.some(isUnsealed)) throw refusal(`update ${input.name}`);
    next(input);
  }

  async handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    if (input.args.some(isUnsealed)) throw refusal(`update ${input.name}`);
    return next(input);
  }

  async handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    // A signal cannot be refused: the engine has recorded it. It is dropped unread.
    if (input.args.some(isUnsealed)) return;
    return next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new RefuseUnsealed()] });
