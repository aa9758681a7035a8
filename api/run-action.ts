import type { WorkflowHandle } from '@temporalio/client';
import type { ActionAck, ActionDefinition } from '../domain/actions';
import type { Actor } from '../domain/identity';
import { stateQuery } from '../domain/state-query';
import type { Queryable } from '../store/db';
import { recordedStep, recordedStepBindingKey } from '../store/idempotency-keys';
import { HttpError, invalidInput, refused } from './errors';
import { bindKey, type KeyBinding } from './idempotency';

/** An action's payload, parsed by its schema: a 400 with field paths when it does not fit. */
export function parseActionPayload(action: ActionDefinition, body: unknown): unknown {
  const payload = action.schema.safeParse(body);
  if (!payload.success) throw invalidInput(payload.error, 'body', `${action.name} payload`);
  return payload.data;
}

/**
 * Sends the action's update and answers the process's new state. The request id is the update id, so
 * a repeated request acts once. The update answers an `ActionAck` (the engine keeps every answer in
 * history), which carries the new view when the run is on the lean path and the view is small: one
 * round trip to the engine. Otherwise the state comes from the `state` query, which writes nothing.
 * The caller's Idempotency-Key (`binding`) is bound once the action is taken and recorded, in the
 * same statement that finds its step in the records (one round trip, not two).
 */
export async function runAction(
  handle: WorkflowHandle,
  action: ActionDefinition,
  input: { actor: Actor; taskId?: string; requestId: string; payload: unknown },
  db: Queryable,
  binding?: KeyBinding,
): Promise<Record<string, unknown>> {
  const ack = await handle.executeUpdate<ActionAck, [typeof input]>(action.name, { args: [input], updateId: input.requestId });
  await requireRecorded(db, action, ack, binding);
  if (ack.state) return ack.state;
  try {
    return await handle.query(stateQuery);
  } catch (error) {
    // The action is taken; only reading its result failed (a worker killed, an engine restarting).
    // The same request again acts no second time and answers the state.
    throw new HttpError(
      503,
      'ENGINE_UNAVAILABLE',
      `${action.name} was taken, but the new state could not be read: send the request again with its Idempotency-Key`,
      {
        cause: (error as Error).message,
      },
    );
  }
}

/**
 * An action that says it wrote a step is answered only when the records hold that step: a 200 always
 * means recorded. (The records store refuses a step key it holds with other content, so this finds
 * nothing missing unless something outside the product removed or never wrote the row.) The key is
 * bound only when the step is there: an action refused here leaves its key free.
 */
async function requireRecorded(db: Queryable, action: ActionDefinition, ack: ActionAck, binding?: KeyBinding): Promise<void> {
  if (!ack?.step) {
    if (binding) await bindKey(db, binding);
    return;
  }
  const row = binding ? await recordedStepBindingKey(db, ack.step, binding) : await recordedStep(db, ack.step);
  if (!row) throw refused('STEP_NOT_RECORDED', { action: action.name, step: ack.step });
}
