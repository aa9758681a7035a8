/**
 * Attaching a file to a step: an update every process with documents takes. The file is already kept
 * by its SHA-256 (the API stores it first); the step records the digest with who attached it to which
 * open task, so the history, the records and the audit export all name the same bytes.
 */
import { defineUpdate, setHandler } from '@temporalio/workflow';
import type { Step } from '../../activities/step';
import type { ActionAck } from '../../domain/actions';
import { attachmentSchema, type Attachment } from '../../domain/attachments';
import type { Actor } from '../../domain/identity';
import { isRepeat, refuse, remember } from './actions';
import { addEvent, beginStep, commit, type ProcessCore } from './core';
import { resyncDue } from './reset';

export interface AttachFileInput {
  actor: Actor;
  taskId: string;
  requestId: string;
  attachment: Attachment;
}

export const attachFileUpdate = defineUpdate<ActionAck, [AttachFileInput]>('attachFile');

export function handleAttachments(core: ProcessCore, stage: () => string): void {
  const check = (input: AttachFileInput) => {
    const parsed = attachmentSchema.safeParse(input.attachment);
    if (!parsed.success)
      refuse('INVALID_INPUT', { fields: parsed.error.issues.map((i) => ['attachment', ...i.path.map(String)].join('.')) });
    // Files are attached to an open step.
    const task = core.openTasks.find((t) => t.id === input.taskId);
    if (!task) refuse('TASK_NOT_OPEN', { taskId: String(input.taskId) });
    if (input.actor.orgId !== task.orgId)
      refuse('NOT_YOUR_ORGANISATION', { orgIds: [task.orgId], userId: input.actor.userId, orgId: input.actor.orgId });
    if (!input.actor.roles.some((role) => role === task.role || role === 'leader')) {
      refuse('ROLE_NEEDED', { roles: [task.role, 'leader'], userId: input.actor.userId, has: input.actor.roles });
    }
    return task;
  };
  setHandler(
    attachFileUpdate,
    async (input) => {
      const repeat = { ...input, payload: undefined };
      if (isRepeat(core, repeat)) return { processId: core.processId, stage: stage(), seq: core.seq };
      const resyncing = resyncDue(core);
      if (resyncing) await resyncing;
      const task = check(input);
      remember(core, repeat);
      const step: Step = beginStep(core);
      addEvent(core, step, 'fileAttached', input.actor, { taskId: task.id, action: task.action, ...input.attachment });
      step.attachments = [{ ...input.attachment, taskId: task.id, action: task.action, by: input.actor }];
      await commit(core, step);
      return { processId: core.processId, stage: stage(), seq: core.seq };
    },
    { validator: (input) => void (isRepeat(core, { ...input, payload: undefined }) || check(input)) },
  );
}
