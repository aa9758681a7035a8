import { useState } from 'preact/hooks';
import { api, RequestFailed, type ApiError } from '../api';
import { MemorandumContent } from '../components/Memorandum';
import { SchemaForm, type Schema } from '../components/SchemaForm';
import { formatDate, t, useLang } from '../i18n';
import { useData } from '../use-data';
import type { Task } from './Inbox';
import type { ProcessDetail } from './ProcessPage';

export function TaskPage({ id }: { id: string }) {
  const lang = useLang();
  const task = useData<Task>(`/api/tasks/${encodeURIComponent(id)}?lang=${lang}`);
  const process = useData<ProcessDetail>(task.data ? `/api/processes/${encodeURIComponent(task.data.processId)}?lang=${lang}` : null);
  const [failure, setFailure] = useState<ApiError>();
  const catalog = useData<{ powers: { code: string; name: string; status: string }[] }>('/api/powers');
  const powerChoices = (catalog.data?.powers ?? []).filter((p) => p.status === 'listed').map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }));
  const [busy, setBusy] = useState(false);
  if (task.error) return <main><p class="error">{task.error.message}</p></main>;
  if (!task.data) return <main><p class="muted">{t(lang, 'loading')}</p></main>;
  const { context } = task.data;
  // The versions under negotiation: a zone's memoranda, an agreement's versions.
  const data = process.data?.data ?? {};
  const memoranda = (data.memoranda ?? data.versions ?? []) as { version: number; content: Record<string, unknown> }[];
  const shown = memoranda.find((m) => m.version === (context.version ?? context.returnedVersion ?? context.basedOnVersion));
  return (
    <main class="columns">
      <div class="card">
        <h2 data-testid="task-title">{task.data.title}</h2>
        <p class="muted">
          <a href={`#/processes/${encodeURIComponent(task.data.processId)}`}>{task.data.processId}</a> · {t(lang, 'due')}{' '}
          {formatDate(lang, task.data.dueAt)}
          {task.data.overdue && <span class="badge overdue"> {t(lang, 'overdue')}</span>}
        </p>
        {failure && !Object.keys(failure.fields).length && (
          <p class="error" data-testid="form-error">
            {failure.message}
          </p>
        )}
        {task.data.status === 'open' ? (
          <SchemaForm
            schema={task.data.inputSchema as Schema}
            initial={context.prefill}
            choices={{ powerCode: powerChoices }}
            errors={failure?.fields ?? {}}
            busy={busy}
            onSubmit={async (payload) => {
              setBusy(true);
              try {
                await api('POST', `/api/tasks/${encodeURIComponent(id)}/complete`, payload);
                location.hash = `#/processes/${encodeURIComponent(task.data!.processId)}`;
              } catch (error) {
                setFailure(error instanceof RequestFailed ? error.error : { status: 0, code: 'NETWORK', message: String(error), fields: {} });
              } finally {
                setBusy(false);
              }
            }}
          />
        ) : (
          <p class="badge done">{t(lang, 'done')}</p>
        )}
      </div>
      <div class="card">
        <h3>{t(lang, 'context')}</h3>
        {typeof context.comments === 'string' && (
          <p>
            <strong>{t(lang, 'returnedWith')}:</strong> {context.comments}
          </p>
        )}
        {typeof context.reason === 'string' && <p>{context.reason}</p>}
        {shown ? (
          <>
            <h4>
              {t(lang, 'version')} {shown.version}
            </h4>
            <MemorandumContent content={shown.content} />
          </>
        ) : (
          process.data && <p class="muted">{String(process.data.data.zoneName ?? '')}</p>
        )}
      </div>
    </main>
  );
}
