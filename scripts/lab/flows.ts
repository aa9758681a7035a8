/**
 * Processes driven through the API the way people drive them: open the task in the inbox, complete
 * it with its payload. Shared by the benchmarks, the chaos run and the fuzzer's fixtures.
 */
import { addDays } from '../../domain/agreements';
import { agreementContent, today } from '../../test/support/agreement-flow';
import { body, launchInput, memorandum } from '../../test/support/zone-flow';
import type { Queryable } from '../../store/db';
import { scaled } from '../../test/support/time';
import type { Api, Answer, UserClient } from './api-client';

export { agreementContent, body, memorandum, today };
export { spareCountyCodes } from '../../test/support/counties';

interface Task {
  id: string;
  action: string;
  orgId: string;
}

/** Waits for the open task of `action` on a process in the user's inbox. */
// Budgeted for chaos: five worker kills in a row on a busy machine, each new worker tens of seconds to poll.
export async function openTask(user: UserClient, processId: string, action: string, timeoutMs = scaled(150_000)): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    const inbox = await user.get<{ items: Task[] }>(`/api/tasks?processId=${encodeURIComponent(processId)}`);
    const task = inbox.status === 200 ? inbox.body.items.find((t) => t.action === action) : undefined;
    if (task) return task;
    if (Date.now() > deadline) throw new Error(`no ${action} for ${user.username} on ${processId} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/**
 * Completes the open task of `action`. A 409 saying the task is done is the answer to a retried
 * request whose first attempt landed (the client resends with the same Idempotency-Key); the
 * reconciliation checks that it did land.
 */
export async function act(api: Api, username: string, processId: string, action: string, payload: unknown, timeoutMs?: number) {
  const user = await api.as(username);
  const task = await openTask(user, processId, action, timeoutMs);
  const answer = await user.post(`/api/tasks/${task.id}/complete`, payload);
  return expectDone(answer, `${action} by ${username} on ${processId}`);
}

/** A process action (no task stands for it): terminate, suspend… */
export async function processAction(api: Api, username: string, processId: string, action: string, payload: unknown) {
  const answer = await (await api.as(username)).post(`/api/processes/${processId}/actions/${action}`, payload);
  return expectDone(answer, `${action} by ${username} on ${processId}`);
}

function expectDone(answer: Answer, what: string): Record<string, unknown> | undefined {
  if (answer.status === 200) return answer.body.state;
  // A retried request whose first attempt landed: the task is done, or the action ended the process.
  // The API words its refusals in Chinese: the same two, as it says them.
  if (answer.status === 409 && /\(done\)$|has ended \(COMPLETED\)$|（已办结）|已结束（已完成）$/.test(String(answer.body?.error?.message)))
    return undefined;
  throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * Launches a process. A process with a business key (`expectedId`) that a retried launch finds
 * already started (a 409 naming it) was started by the first attempt.
 */
export async function launch(api: Api, username: string, type: string, input: unknown, expectedId?: string): Promise<string> {
  return (await launchOpened(api, username, type, input, expectedId)).id;
}

/**
 * Launches an agreement and answers the id of its draft task: the one the launch answered, or, when the
 * launch outwaited its first step (a worker busy or restarting), the one its inbox shows once there.
 */
export async function launchToDraft(api: Api, zoneCode: string): Promise<string> {
  const { id, state } = await launchOpened(api, 'ftz.admin', 'delegation-agreement', { zoneCode });
  const draft = state?.openTasks?.find((task) => task.action === 'draftAgreement');
  return draft?.id ?? (await openTask(await api.as('ftz.staff'), id, 'draftAgreement')).id;
}

/** Launches a process; `state.openTasks` are the tasks its first step opened, when the launch answered them. */
export async function launchOpened(api: Api, username: string, type: string, input: unknown, expectedId?: string) {
  const answer = await (await api.as(username)).post(`/api/processes/${type}`, input);
  if (answer.status === 201) return { id: answer.body.id as string, state: { openTasks: answer.body.openTasks as Task[] | undefined } };
  if (expectedId && answer.status === 409 && answer.body?.error?.details?.processId === expectedId)
    return { id: expectedId, state: undefined };
  throw new Error(`launch ${type}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Launch, draft, both sign, name the body: an ACTIVE zone. */
export async function establishZone(api: Api, county: string): Promise<string> {
  const id = await launch(api, 'city.admin', 'zone-establishment', launchInput(county));
  await act(api, 'ftz.staff', id, 'draftMemorandum', memorandum(county));
  await act(api, `gov-${county}.leader`, id, 'reviewMemorandum', { decision: 'sign' });
  await act(api, 'ftz.leader', id, 'reviewMemorandum', { decision: 'sign' });
  await act(api, `gov-${county}.staff`, id, 'nameManagementBody', body);
  return id;
}

/**
 * A one-day term `n` days ahead: agreements of one zone with the same powers may not overlap,
 * so each of a batch gets days of its own.
 */
export function termOf(n: number): { startDate: string; endDate: string } {
  const startDate = addDays(today(), 2 * n);
  return { startDate, endDate: addDays(startDate, 1) };
}

/**
 * A county of its own with its government and users, for runs that need more zones than Yingkou has
 * counties (2108xx codes that are not real ones). The password hash is the demo users'.
 */
export async function addCounty(db: Queryable, code: string, passwordHash: string): Promise<void> {
  await db.query(
    `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from)
     VALUES ($1, $2, $3, 'county', '210800', '2020-01-01') ON CONFLICT DO NOTHING`,
    [code, `测试县${code.slice(4)}`, `Test County ${code.slice(4)}`],
  );
  // Townships 001–003 as the zone flows draw them (test/support/zone-flow.ts: 001 and 002 inside).
  for (const suffix of ['001', '002', '003']) {
    await db.query(
      `INSERT INTO divisions (code, name_zh, name_en, level, parent_code, valid_from) VALUES ($1, $1, $1, 'township', $2, '2023-06-30') ON CONFLICT DO NOTHING`,
      [`${code}${suffix}`, code],
    );
  }
  for (const [org, kind] of [
    [`gov-${code}`, 'government'],
    [`le-${code}`, 'enforcement'],
    [`tax-${code}`, 'tax'],
  ]) {
    await db.query(
      `INSERT INTO organizations (id, name_zh, name_en, kind, county_code) VALUES ($1, $1, $1, $2, $3) ON CONFLICT DO NOTHING`,
      [org, kind, code],
    );
  }
  await addUsers(db, `gov-${code}`, passwordHash);
}

/** An admin and a staff user `<orgId>.<role>` of an organisation (a zone body made during the run), and a government's leader, who signs. */
export async function addUsers(db: Queryable, orgId: string, passwordHash: string): Promise<void> {
  for (const role of orgId.startsWith('gov-') ? ['admin', 'staff', 'leader'] : ['admin', 'staff']) {
    await db.query(`INSERT INTO users (id, username, org_id, roles, password_hash) VALUES ($1, $1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
      `${orgId}.${role}`,
      orgId,
      [role],
      passwordHash,
    ]);
  }
}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inParallel<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/**
 * Completes the task of `action` for the user's organisation named in `state.openTasks` (the state
 * the previous completion returned), without a trip to the inbox; the inbox when it is not there.
 */
export async function actNext(
  api: Api,
  state: Record<string, unknown> | undefined,
  username: string,
  processId: string,
  action: string,
  payload: unknown,
) {
  const orgId = username.slice(0, username.lastIndexOf('.'));
  const known = (state?.openTasks as Task[] | undefined)?.find((t) => t.action === action && t.orgId === orgId);
  if (!known) return act(api, username, processId, action, payload);
  const answer = await (await api.as(username)).post(`/api/tasks/${known.id}/complete`, payload);
  return expectDone(answer, `${action} by ${username} on ${processId}`);
}
