import type { Logger, LogLevel, LogMetadata } from '@temporalio/common';
import { definitionOfWorkflowType } from '../domain/processes';
import type { Log } from './log';

/**
 * The Temporal SDK's logger (worker, workflow and activity lines, and Core's forwarded ones) written
 * through pino, with the SDK's names made the same as the API's: `runId` for the run, `processType`
 * for the business process, `err` for an error.
 */
export function temporalLogger(log: Log): Logger {
  const write = (level: LogLevel, message: string, meta: LogMetadata = {}) => {
    log[level.toLowerCase() as 'info'](fields(meta), message);
  };
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

export function fields(meta: LogMetadata): Record<string, unknown> {
  // The task token is an opaque credential, of no use to a reader of the logs.
  const { taskToken: _taskToken, workflowRunId, runId, error, ...rest } = meta as Record<string, unknown>;
  const processType = typeof rest.workflowType === 'string' ? definitionOfWorkflowType(rest.workflowType)?.type : undefined;
  return {
    ...rest,
    ...((runId ?? workflowRunId) ? { runId: runId ?? workflowRunId } : {}),
    ...(processType ? { processType } : {}),
    ...(error ? { err: error } : {}),
  };
}
