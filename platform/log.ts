import pino, { type Logger } from 'pino';

export type Log = Logger;
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Which kind of process wrote a line: several of each may run side by side. */
export type Service = 'embedded' | 'api' | 'worker';

/**
 * One JSON object a line on stdout, for whatever collects the logs. Fields that say where a line
 * comes from: `service`, `requestId`, `userId`, `workflowId`, `runId`, `processType`.
 */
export function createLog(service: Service, level: LogLevel): Log {
  return pino(
    {
      level,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Written as they come: the processes end with process.exit, which must lose or reorder no line.
    pino.destination({ dest: 1, sync: true }),
  );
}

/** For code run without a process of its own around it (tests): errors only. */
export const quietLog: Log = pino({ level: 'error', formatters: { level: (label) => ({ level: label }) } });
