import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type Client,
  type WorkflowIdConflictPolicy,
  type WorkflowStartOptions,
} from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { OPENED_UPDATE, type Opened } from '../domain/actions';

/**
 * How long a launch waits for its run's first step. A worker answers in milliseconds on a quiet
 * machine and in a second or two on a loaded one; with no worker polling (a restart) the launch stands
 * and answers without its tasks, which the inbox shows once a worker runs the step.
 */
const OPENED_WAIT_MS = 4000;

/**
 * Starts a process's workflow with its `opened` update in the same call to the engine (update-with-
 * start): the answer is the stage the run's first step reached and the tasks it opened, so that the
 * launcher's next request completes the first task instead of waiting for it in the inbox (9 of an
 * agreement's 15 requests were that wait). A start the engine refuses as a duplicate throws
 * `WorkflowExecutionAlreadyStartedError` as `start` does. A start that stands while its first step is
 * late, or whose update failed, answers `undefined`.
 */
export async function startOpened(
  client: Client,
  workflowType: string,
  options: WorkflowStartOptions & { workflowIdConflictPolicy: WorkflowIdConflictPolicy },
): Promise<Opened | undefined> {
  const start = new WithStartWorkflowOperation(workflowType, options);
  const launchedAt = Date.now();
  try {
    return await client.withDeadline(launchedAt + OPENED_WAIT_MS, () =>
      client.workflow.executeUpdateWithStart<Workflow, Opened, []>(OPENED_UPDATE, { startWorkflowOperation: start }),
    );
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw error;
    if (await hasStarted(client, start, options.workflowId, launchedAt)) return undefined;
    throw error;
  }
}

/**
 * Whether the start stands after the update-with-start failed: the engine answered the start, or,
 * where the wait ran out before any answer (no worker took the first task), a run of this id started
 * since this launch began is running. A second launch of the same id would have been refused as a
 * duplicate, so that run is this one.
 */
async function hasStarted(client: Client, start: WithStartWorkflowOperation<Workflow>, workflowId: string, launchedAt: number) {
  const answered = await start.workflowHandle().then(
    () => true,
    () => false,
  );
  if (answered) return true;
  const description = await client.workflow
    .getHandle(workflowId)
    .describe()
    .catch(() => undefined);
  // The engine's clock and this process's may differ by a little: a second's leeway.
  return description?.status.name === 'RUNNING' && description.startTime.getTime() >= launchedAt - 1000;
}
