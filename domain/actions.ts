import { z } from 'zod';
import { builtOnFirstUse } from './schemas';
import { actorSchema, type Role } from './identity';
import type { openedTaskSchema } from './process-view';

/**
 * A human step's action: the Temporal Update of the same name, its payload schema (validated at
 * the API and again in the workflow's validator) and the role that may perform it.
 */
export interface ActionDefinition<S extends z.ZodType = z.ZodType, W extends z.ZodType = S> {
  name: string;
  schema: S;
  /**
   * What the workflow parses when the action's rules have narrowed since histories were recorded: the
   * API offers and checks `schema`, the workflow accepts what it once accepted (replay parses recorded
   * payloads again) and its checks refuse what the process's rules no longer allow.
   */
  recordedSchema?: W;
  role: Role;
  /**
   * The decisions of this action that are the organisation's signature (签署): only a `leader` gives
   * them. Its other decisions (a return with comments) stay with `role`, and a leader may give them too.
   */
  signs?: readonly string[];
  /** Task title, in Chinese and English. */
  title: { zh: string; en: string };
}

export function defineAction<S extends z.ZodType, W extends z.ZodType = S>(definition: ActionDefinition<S, W>): ActionDefinition<S, W> {
  return definition;
}

/**
 * The payload a workflow's handler gets: what the action's schema parses, or what its recorded schema
 * parses where it has one (wider: replay parses what was once accepted). Derived, never written by hand.
 */
export type Payload<S extends z.ZodType, W extends z.ZodType = S> = z.output<S> | z.output<W>;
export type PayloadOf<A> = A extends ActionDefinition<infer S, infer W> ? Payload<S, W> : never;

/** The role that signs for an organisation. */
export const SIGNER: Role = 'leader';

/** Whether this payload of the action is a signature (a decision listed in `signs`). */
export function isSignature(action: ActionDefinition, payload: unknown): boolean {
  const decision = (payload as { decision?: unknown } | null)?.decision;
  return Boolean(action.signs && typeof decision === 'string' && action.signs.includes(decision));
}

/** The roles that may complete the action's task: its own, and the signer's where it signs. */
export function rolesOf(action: ActionDefinition): Role[] {
  return action.signs ? [action.role, SIGNER] : [action.role];
}

/** What the API passes to an update: who acts, on which task, with which payload. */
export const actionInputSchema = builtOnFirstUse(() =>
  z.object({
    actor: actorSchema,
    /** The task being completed; absent for process actions that no task stands for. */
    taskId: z.string().optional(),
    /** Repeating a request with the same id acts once. */
    requestId: z.string().min(1),
    payload: z.unknown(),
  }),
);
export type ActionInput<P = unknown> = Omit<z.infer<typeof actionInputSchema>, 'payload'> & { payload: P };

/**
 * What an action's update answers. The engine keeps every update's answer in the history, so it is
 * small: a whole process view there made a long correction loop's history grow with its square.
 * A run on the lean path (issue 21) adds the view when it is small (workflows/kernel/actions.ts),
 * and the API answers with it; otherwise the API reads the new state with the `state` query.
 */
export interface ActionAck {
  processId: string;
  stage: string;
  /** The process's step counter after the action: a later state has a larger one. */
  seq: number;
  /** The key of the step the action wrote; absent where a repeated request id acted no second time. */
  step?: string;
  /** The process's view after the action, as the `state` query answers it, when it is small. */
  state?: Record<string, unknown>;
}

/**
 * The largest view an update's answer carries. The engine keeps every answer in its history: a view
 * that grows with the process (every version of a draft sent back and forth) would make the history
 * grow with the square of its length, so past this size the answer is the bare ack and the API reads
 * the state with the `state` query instead, as before.
 */
export const VIEW_IN_ANSWER_MAX_CHARS = 16 * 1024;

/**
 * The update a launch sends with its process's start (update-with-start, api/launch.ts). It answers
 * once the run has written its first step: the stage it reached and the tasks it opened, so that the
 * launcher's next request is the first task's, not a wait in the inbox for it. Only a run's start
 * sends it; it changes nothing.
 */
export const OPENED_UPDATE = 'opened';

export interface Opened {
  processId: string;
  stage: string;
  openTasks: z.infer<typeof openedTaskSchema>[];
}

/** A failure reason with a stable code, mapped to HTTP in one place. */
export const REJECTION = {
  forbidden: 'Forbidden',
  conflict: 'Conflict',
  badRequest: 'BadRequest',
} as const;
