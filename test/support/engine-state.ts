import { eventually, type Harness } from './harness';

/**
 * Waits until the engine holds a workflow task for the process that no worker has taken, and shows
 * that the records store has not acted on the task yet: a request sent while every worker is down
 * has reached the engine, not just the API, and waits there.
 */
export async function awaitHeldByEngine(h: Harness, processId: string, taskId: string): Promise<void> {
  const pending = await eventually(async () => {
    const { raw } = await h.client.workflow.getHandle(processId).describe();
    return raw.pendingWorkflowTask ?? undefined;
  });
  expect(pending.state).toBeTruthy();
  const [task] = await h.db.query<{ status: string }>('SELECT status FROM tasks WHERE id = $1', [taskId]);
  expect(task.status).toBe('open');
}
