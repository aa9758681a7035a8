import { announcementProblem, type AgreementContent } from '../domain/agreements';
import { chinaDate } from '../domain/calendar';
import { checkAgreementDraft } from '../store/agreements';
import { badRequest, conflict } from './errors';
import type { ApiDeps } from './route';

type Check = (deps: ApiDeps, context: Record<string, unknown>, processId: string, payload: unknown) => Promise<void>;

/**
 * Checks of a task's payload against the records, made before the update so the caller gets field
 * paths; the workflow makes the same check again before it decides.
 */
const checks: Record<string, Check> = {
  async draftAgreement(deps, context, processId, payload) {
    const problems = await checkAgreementDraft(deps.db, { agreementId: processId, zoneCode: String(context.zoneCode), content: payload as AgreementContent });
    if (!problems.length) return;
    const details = problems.map((p) => ({ path: `body.${p.path}`, message: p.message }));
    const message = 'the agreement draft does not fit the records';
    throw problems.some((p) => p.status === 409) ? conflict(message, details) : badRequest(message, details);
  },
  /** The announcement's date against today and the open task: opened when both signed, due by the period's end. */
  async announceAgreement(deps, _context, processId, payload) {
    const [task] = await deps.db.query<{ opened_at: Date | string; due_at: Date | string | null }>(
      `SELECT opened_at, due_at FROM tasks WHERE process_id = $1 AND action = 'announceAgreement' AND status = 'open'`,
      [processId],
    );
    if (!task?.due_at) return;
    const day = (at: Date | string) => chinaDate(new Date(at));
    const { announcedOn } = payload as { announcedOn: string };
    const problem = announcementProblem(announcedOn, { today: chinaDate(new Date()), concludedOn: day(task.opened_at), announceBy: day(task.due_at) });
    if (!problem) return;
    const details = [{ path: 'body.announcedOn', message: problem.message }];
    throw problem.status === 409 ? conflict(problem.message, details) : badRequest(problem.message, details);
  },
};

export async function checkActionAgainstRecords(deps: ApiDeps, action: string, context: Record<string, unknown>, processId: string, payload: unknown): Promise<void> {
  await checks[action]?.(deps, context, processId, payload);
}

