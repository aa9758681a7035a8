import type { WorkflowHandle } from '@temporalio/client';
import type { ActionDefinition } from '../domain/actions';
import type { Actor } from '../domain/identity';
import { badRequest, zodDetails } from './errors';

/** An action's payload, parsed by its schema: a 400 with field paths when it does not fit. */
export function parseActionPayload(action: ActionDefinition, body: unknown): unknown {
  const payload = action.schema.safeParse(body);
  if (!payload.success) throw badRequest(`invalid ${action.name} payload`, zodDetails(payload.error, 'body'));
  return payload.data;
}

/** Sends the action's update; the request id is the update id, so a repeated request acts once. */
export function runAction(handle: WorkflowHandle, action: ActionDefinition, input: { actor: Actor; taskId?: string; requestId: string; payload: unknown }) {
  return handle.executeUpdate(action.name, { args: [input], updateId: input.requestId });
}
