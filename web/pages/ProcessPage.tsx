import { useState } from 'preact/hooks';
import type { ProcessDetail } from '../../domain/process-view';
import { api } from '../api';
import { ErrorPage, LoadState } from '../components/LoadState';
import { SchemaForm, type Schema } from '../components/SchemaForm';
import { processStatusLabel } from '../labels';
import { useNames } from '../names';
import { StageDiagram, type StageGraph } from '../components/StageDiagram';
import { formatDate, formatPeriod, policyName, t, useLang } from '../i18n';
import { useData } from '../use-data';
import { AttachmentList } from '../components/Attachments';

/** The process as GET /api/processes/{id} answers it: its schema is the API's response schema. */
export type { ProcessDetail };

interface TimelineEntry {
  at: string;
  kind: string;
  actor: { userId: string; orgId: string } | null;
  summary: string;
}

export function ProcessPage({ id }: { id: string }) {
  const lang = useLang();
  // Live: the diagram and timeline follow the process while the page is open.
  const process = useData<ProcessDetail>(`/api/processes/${encodeURIComponent(id)}?lang=${lang}`, 2000);
  const timeline = useData<TimelineEntry[]>(`/api/processes/${encodeURIComponent(id)}/timeline?lang=${lang}`, 2000);
  const types = useData<(StageGraph & { type: string; title: string })[]>(`/api/process-types?lang=${lang}`);
  const names = useNames();
  if (process.error && !process.data && process.error.status !== 0) return <ErrorPage error={process.error} />;
  const p = process.data;
  if (!p)
    return (
      <main>
        <LoadState state={process} />
      </main>
    );
  const graph = types.data?.find((type) => type.type === p.type);
  // Offered exactly when the process accepts them now (it says so in its view) and the reader may start them.
  const actions = p.availableActions;
  // A deadline met is history (the timeline has it): one is shown while it is open and someone is at work.
  const deadlines = p.deadlines.filter((d) => d.open !== false && p.openTasks.length > 0);
  const stageLabel = graph?.stages.find((s) => s.name === p.stage)?.label ?? p.stage;
  const reload = () => {
    process.reload();
    timeline.reload();
  };
  return (
    <main>
      <div class="card">
        <h2>
          {graph?.title} · {String(p.data.zoneName ?? p.id)}
        </h2>
        <p>
          {t(lang, 'stage')}: <strong data-testid="stage">{stageLabel}</strong> · {t(lang, 'status')}:{' '}
          <span data-testid="process-status">{processStatusLabel(lang, p.status)}</span>
        </p>
        {graph && <StageDiagram graph={graph} current={p.stage} path={p.data.path ?? []} />}
      </div>
      <div class="columns">
        <div class="card">
          <h3>{t(lang, 'timeline')}</h3>
          <ol class="timeline" data-testid="timeline">
            {(timeline.data ?? []).map((entry) => (
              <li>
                <span class="muted">{formatDate(lang, entry.at)}</span>{' '}
                {entry.actor && (
                  <span class="badge" title={entry.actor.userId}>
                    {names.org(lang, entry.actor.orgId)} · {entry.actor.userId}
                  </span>
                )}{' '}
                {names.words(lang, entry.summary)}
              </li>
            ))}
          </ol>
        </div>
        <div>
          <div class="card">
            <h3>{t(lang, 'openTasks')}</h3>
            {p.openTasks.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
            <ul>
              {p.openTasks.map((task) => (
                <li>
                  <a href={`#/tasks/${encodeURIComponent(task.id)}`}>{task.title[lang]}</a>{' '}
                  <span class="badge">{names.org(lang, task.orgId)}</span>
                </li>
              ))}
            </ul>
            <h3>{t(lang, 'deadlines')}</h3>
            {deadlines.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
            {deadlines.map((d) => (
              <p>
                {policyName(lang, d.name)}：{formatPeriod(lang, d.period)} → {formatDate(lang, d.dueAt)}{' '}
                {d.reminded && <span class="badge">{t(lang, 'reminded')}</span>}{' '}
                {d.escalated && <span class="badge overdue">{t(lang, 'escalated')}</span>}
              </p>
            ))}
          </div>
          <Documents process={p} />
          <div class="card">
            <h3>{t(lang, 'attachments')}</h3>
            <AttachmentList processId={p.id} />
          </div>
          {actions.length > 0 && p.status === 'RUNNING' && (
            <div class="card">
              <h3>{t(lang, 'actions')}</h3>
              {actions.map((action) => (
                <ProcessAction processId={p.id} action={action} onDone={reload} />
              ))}
            </div>
          )}
        </div>
      </div>
    </main>
  );
}

function ProcessAction({
  processId,
  action,
  onDone,
}: {
  processId: string;
  action: ProcessDetail['availableActions'][number];
  onDone(): void;
}) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <p>
        <button class="secondary" onClick={() => setOpen(true)}>
          {action.title}
        </button>
      </p>
    );
  return (
    <div>
      <h4>{action.title}</h4>
      <SchemaForm
        schema={action.inputSchema as Schema}
        submit={async (payload) => {
          await api('POST', `/api/processes/${encodeURIComponent(processId)}/actions/${action.name}`, payload);
          setOpen(false);
          onDone();
        }}
      />
    </div>
  );
}

/** The process's numbered documents: 文号, title and date, the organisations whose keys sign the PDF, and 打印 opening it. */
function Documents({ process }: { process: ProcessDetail }) {
  const lang = useLang();
  const documents = process.documents ?? [];
  return (
    <div class="card" data-testid="documents">
      <h3>{t(lang, 'documents')}</h3>
      {documents.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
      <ul>
        {documents.map((d) => (
          <li data-document={d.number}>
            <strong>{d.number}</strong> {d.title} <span class="muted">{formatDate(lang, d.issuedAt)}</span>{' '}
            {d.signedBy?.length ? (
              <span class="muted" data-testid="signed-by">
                {t(lang, 'signedBy')}
                {lang === 'zh' ? '：' : ': '}
                {d.signedBy.map((o) => o.name).join('、')}
              </span>
            ) : null}{' '}
            <a
              class="button secondary"
              href={`/api/processes/${encodeURIComponent(process.id)}/documents/${d.n}.pdf`}
              target="_blank"
              rel="noopener"
            >
              {t(lang, 'print')}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
