import { api, session } from '../api';
import { ErrorPage, LoadState } from '../components/LoadState';
import { SchemaForm, type Choice, type Schema } from '../components/SchemaForm';
import { withoutSignatures } from '../components/schema-values';
import { TaskContext, TaskHeader } from '../components/TaskContext';
import { waitsFor } from '../components/TaskList';
import { AttachmentList, AttachmentUpload } from '../components/Attachments';
import { useState } from 'preact/hooks';
import { t, useLang } from '../i18n';
import { useNames } from '../names';
import { useData } from '../use-data';
import { useDivisions } from '../divisions';
import type { Task } from './Inbox';
import type { ProcessDetail } from './ProcessPage';

/** What a redraft starts from: the task's own prefill, else the version returned or amended. */
function prefillOf(task: Task, process: ProcessDetail | undefined): unknown {
  if (task.context.prefill !== undefined) return task.context.prefill;
  if (!task.action.startsWith('draft') || !process) return undefined;
  const versions = (process.data.memoranda ?? process.data.versions ?? []) as { version: number; content: unknown }[];
  const from = task.context.returnedVersion ?? task.context.basedOnVersion;
  return (from !== undefined ? versions.find((v) => v.version === from) : versions.at(-1))?.content;
}

export function TaskPage({ id }: { id: string }) {
  const lang = useLang();
  const task = useData<Task>(`/api/tasks/${encodeURIComponent(id)}?lang=${lang}`);
  const process = useData<ProcessDetail>(task.data ? `/api/processes/${encodeURIComponent(task.data.processId)}?lang=${lang}` : null);
  const names = useNames();
  // A memorandum draws its area from its own county's townships and parks.
  const county = /^zone-(\d{6})$/.exec(task.data?.processId ?? '')?.[1];
  const divisions = useDivisions(county ?? null);
  const [uploads, setUploads] = useState(0);
  // A demand is routed to an organisation in the register, chosen by its name.
  const orgs = useData<{ id: string; nameZh: string; nameEn: string; kind: string }[]>(
    task.data?.action === 'routeDemand' ? '/api/organizations' : null,
  );
  const orgChoices: Choice[] = (orgs.data ?? [])
    .filter((o) => o.kind !== 'audit')
    .map((o) => ({ value: o.id, label: lang === 'zh' ? o.nameZh : o.nameEn }));
  if (task.error && !task.data && task.error.status !== 0) return <ErrorPage error={task.error} />;
  if (!task.data)
    return (
      <main>
        <LoadState state={task} />
      </main>
    );
  const current = task.data;
  const powerChoices: Choice[] = names.powers
    .filter((p) => p.status === 'listed')
    .map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }));
  // A redraft waits for the process, whose versions it starts from.
  const ready =
    current.status !== 'open' ||
    !current.action.startsWith('draft') ||
    current.context.prefill !== undefined ||
    process.data ||
    process.error;
  return (
    <main class="columns">
      <div class="card">
        <h2 data-testid="task-title">{current.title}</h2>
        <p class="muted">
          <a href={`#/processes/${encodeURIComponent(current.processId)}`}>{t(lang, 'viewProcess')}</a>
        </p>
        <TaskHeader task={current} />
        {current.status === 'open' && !current.mayComplete ? (
          <p class="muted" data-testid="read-only-task">
            {t(lang, 'readOnlyTaskNote', { waitsFor: waitsFor(lang, current, names.org(lang, current.orgId)) })}
          </p>
        ) : current.status === 'open' ? (
          ready ? (
            <SchemaForm
              schema={withoutSignatures(current.inputSchema as Schema, current.signs, session.user()?.roles.includes('leader') ?? false)}
              initial={prefillOf(current, process.data)}
              choices={{
                powerCode: powerChoices,
                townshipCodes: divisions.townshipsOf(county ?? ''),
                parkIds: divisions.parksOf(county ?? ''),
                responsibleOrg: orgChoices,
              }}
              submit={async (payload) => {
                await api('POST', `/api/tasks/${encodeURIComponent(id)}/complete`, payload);
                location.hash = `#/processes/${encodeURIComponent(current.processId)}`;
              }}
            />
          ) : (
            <LoadState state={process} />
          )
        ) : (
          <p class="badge done">{t(lang, 'done')}</p>
        )}
      </div>
      {current.status === 'open' && current.mayComplete && (
        <div class="card">
          <AttachmentUpload taskId={current.id} onDone={() => setUploads(uploads + 1)} />
          <AttachmentList key={uploads} processId={current.processId} />
        </div>
      )}
      <div class="card">
        <h3>{t(lang, 'context')}</h3>
        <TaskContext task={current} process={process.data} />
      </div>
    </main>
  );
}
