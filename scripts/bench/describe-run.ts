import type { Client } from '@temporalio/client';

/**
 * A run described by the raw call: the client's `describe` decodes the memo, which the API seals with
 * its payload codec, and the bench holds no key (its bare workflows must stay unsealed for their worker).
 */
export async function describeRun(client: Client, workflowId: string, runId?: string) {
  const { workflowExecutionInfo: info } = await client.workflowService.describeWorkflowExecution({
    namespace: 'default',
    execution: { workflowId, runId },
  });
  return {
    runId: info?.execution?.runId ?? '',
    status: info?.status,
    historyLength: Number(info?.historyLength ?? 0),
    historyBytes: Number(info?.historySizeBytes ?? 0),
  };
}

/** Every run of a workflow id, by the raw call for the same reason: its id, history length and start (ms). */
export async function listRuns(client: Client, workflowId: string) {
  const runs: { runId: string; events: number; started: number }[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.listWorkflowExecutions({
      namespace: 'default',
      query: `WorkflowId = '${workflowId}'`,
      nextPageToken,
    });
    for (const execution of page.executions ?? []) {
      const started = execution.startTime;
      runs.push({
        runId: execution.execution?.runId ?? '',
        events: Number(execution.historyLength ?? 0),
        started: Number(started?.seconds ?? 0) * 1000 + Math.floor((started?.nanos ?? 0) / 1e6),
      });
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return runs;
}
