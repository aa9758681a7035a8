import { useState } from 'preact/hooks';
import { formatDate, t, useLang, type Lang, type Word } from '../i18n';
import { useNames } from '../names';
import type { Task } from '../pages/Inbox';
import { useData } from '../use-data';
import { useCalendars, workingDaysLeft } from '../working-days';
import { ErrorPage, LoadState } from './LoadState';

const ROLE_WORDS: Record<string, Word> = { staff: 'roleStaff', leader: 'roleLeader', admin: 'roleAdmin' };

/** Who a task waits for: its organisation's people of its role, and its leaders where it signs. */
export function waitsFor(lang: Lang, task: Task, orgName: string): string {
  const roles = [task.role, ...(task.signs?.length && task.role !== 'leader' ? ['leader'] : [])];
  const words = roles.map((role) => (ROLE_WORDS[role] ? t(lang, ROLE_WORDS[role]) : role));
  const who = lang === 'zh' ? `${orgName}${words.join('或')}` : `${orgName} ${words.join(' or ')}`;
  return t(lang, 'waitsFor', { who });
}

/**
 * An organisation's tasks, open or done, filtered by process type and zone: the caller's own to do
 * (`mine`, the 待办 page) or all of them for an admin or auditor (`oversight`, the 督查 page), where
 * those the caller may not complete carry 仅查看 and whom they wait for.
 */
export function TaskList({ view }: { view: 'mine' | 'oversight' }) {
  const lang = useLang();
  const [status, setStatus] = useState<'open' | 'done'>('open');
  const [type, setType] = useState('');
  const [zone, setZone] = useState('');
  const inbox = useData<{ items: Task[] }>(`/api/tasks?view=${view}&status=${status}&lang=${lang}&limit=500`, 5000);
  const { data } = inbox;
  const names = useNames();
  const types = useData<{ type: string; title: string }[]>(`/api/process-types?lang=${lang}`).data ?? [];
  const calendars = useCalendars();
  const zoneOf = (task: Task) => /\b(\d{6})\b/.exec(task.processId)?.[1] ?? '';
  const items = (data?.items ?? [])
    .filter((task) => !type || task.processType === type)
    .filter((task) => !zone || zoneOf(task) === zone)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9'));
  // What the task is about, in words: the process kind and its zone, the decision number or the company.
  const subjectOf = (task: Task) => {
    const title = types.find((pt) => pt.type === task.processType)?.title ?? task.processType;
    const zone = zoneOf(task);
    const key = task.processId.replace(/^[a-z]+-/, '');
    const detail =
      typeof task.context.name === 'string'
        ? task.context.name
        : typeof task.context.decisionNumber === 'string'
          ? task.context.decisionNumber
          : zone
            ? names.county(lang, zone)
            : key;
    return `${title} · ${detail}`;
  };
  const zones = [...new Set((data?.items ?? []).map(zoneOf).filter(Boolean))].sort();
  // A list the caller may not read is a page of its own: no filters, no retry that cannot help.
  if (inbox.error && !data && (inbox.error.status === 403 || inbox.error.status === 404)) return <ErrorPage error={inbox.error} />;
  return (
    <main data-view={view}>
      <div class="tabs">
        {(['open', 'done'] as const).map((s) => (
          <button class={status === s ? 'current' : ''} onClick={() => setStatus(s)} data-testid={`tab-${s}`}>
            {t(lang, s)}
            {/* The count is the list's own: what this view lists, nothing the caller does not see. */}
            {s === status && data ? `（${data.items.length}）` : ''}
          </button>
        ))}
      </div>
      <div class="filters">
        <select value={type} onChange={(e) => setType(e.currentTarget.value)} aria-label={t(lang, 'processType')}>
          <option value="">{t(lang, 'allTypes')}</option>
          {types.map((pt) => (
            <option value={pt.type}>{pt.title}</option>
          ))}
        </select>
        <select value={zone} onChange={(e) => setZone(e.currentTarget.value)} aria-label={t(lang, 'zones')}>
          <option value="">{t(lang, 'allZones')}</option>
          {zones.map((z) => (
            <option value={z}>{names.county(lang, z)}</option>
          ))}
        </select>
      </div>
      <div class="card">
        {!data ? (
          <LoadState state={inbox} />
        ) : items.length === 0 ? (
          <p class="muted">{t(lang, view === 'mine' ? 'noTasks' : 'noOrgTasks')}</p>
        ) : (
          <table data-testid={view === 'mine' ? 'inbox' : 'task-oversight'}>
            <thead>
              <tr>
                <th>{t(lang, 'task')}</th>
                <th>{t(lang, 'process')}</th>
                <th>{t(lang, 'sentBy')}</th>
                <th>{t(lang, 'received')}</th>
                <th>{t(lang, 'due')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((task) => {
                const left = task.dueAt ? workingDaysLeft(task.dueAt, calendars) : undefined;
                return (
                  <tr data-task={task.id} data-action={task.action}>
                    <td>
                      <a href={`#/tasks/${encodeURIComponent(task.id)}`}>{task.title}</a>
                      {task.status === 'open' && !task.mayComplete && (
                        <>
                          {' '}
                          <span class="badge">{t(lang, 'readOnlyTask')}</span>{' '}
                          <span class="muted" data-testid="waits-for">
                            {waitsFor(lang, task, names.org(lang, task.orgId))}
                          </span>
                        </>
                      )}
                    </td>
                    <td>
                      <a href={`#/processes/${encodeURIComponent(task.processId)}`} title={task.processId}>
                        {subjectOf(task)}
                      </a>
                    </td>
                    <td data-label={t(lang, 'sentBy')}>{task.sentBy ? names.org(lang, task.sentBy.orgId) : '—'}</td>
                    <td>{formatDate(lang, task.openedAt)}</td>
                    <td>
                      {formatDate(lang, task.dueAt)}{' '}
                      {task.status !== 'open' ? (
                        <span class="badge done">{t(lang, 'done')}</span>
                      ) : task.overdue ? (
                        <span class="badge overdue">{t(lang, 'overdue')}</span>
                      ) : left !== undefined ? (
                        <span class="badge">{t(lang, 'workingDaysLeft', { n: left })}</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
