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
