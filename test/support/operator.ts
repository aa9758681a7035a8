import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveTemporalCli } from '../../platform/engine/temporal-cli';
import type { Harness } from './harness';

/** The Temporal CLI as an operator runs it, against the test engine and the harness's namespace. */
export async function operatorCli(h: Harness): Promise<(...args: string[]) => Promise<{ stdout: string; stderr: string }>> {
  const cli = (await resolveTemporalCli()).path!;
  const target = ['--address', process.env.TEST_TEMPORAL_ADDRESS!, '--namespace', h.namespace];
  return (...args: string[]) => promisify(execFile)(cli, [...args, ...target]);
}

/**
 * `temporal workflow reset` to the workflow task completed just before the process's last update was
 * accepted: that update, and the step it wrote, are rolled back (or reapplied, without `flags`).
 */
export async function resetBeforeLastUpdate(h: Harness, id: string, flags: string[]): Promise<void> {
  const temporal = await operatorCli(h);
  const { stdout } = await temporal('workflow', 'show', '-w', id, '-o', 'json');
  const events = (JSON.parse(stdout) as { events: { eventId: string; eventType: string }[] }).events;
  const kind = (event: { eventType: string }) =>
    event.eventType
      .replace(/^EVENT_TYPE_/, '')
      .replace(/_/g, '')
      .toUpperCase();
  const accepted = events.filter((event) => kind(event) === 'WORKFLOWEXECUTIONUPDATEACCEPTED').at(-1)!;
  const completed = events.filter((event) => kind(event) === 'WORKFLOWTASKCOMPLETED' && Number(event.eventId) < Number(accepted.eventId));
  await temporal('workflow', 'reset', '-w', id, '--event-id', completed.at(-1)!.eventId, '--reason', 'operator correction', ...flags);
}
