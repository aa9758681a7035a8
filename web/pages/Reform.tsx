/**
 * 改革创新 (Reform): the zones' good practices and where they were adopted, the enterprises' reform
 * demands summarised for reporting upward, and training sessions with who was trained when. A practice
 * and a demand start from 发起流程 and move on through the inbox; a training session is recorded here.
 */
import { useState } from 'preact/hooks';
import { api, RequestFailed, session } from '../api';
import { LoadState } from '../components/LoadState';
import { enumLabel, fieldLabel, formatDay, refusalText, t, useLang, type Lang } from '../i18n';
import { pilotStatusLabel } from '../labels';
import { useNames } from '../names';
import { useData } from '../use-data';
import type { Organization } from './Registries';

interface Innovations {
  zones: {
    zoneCode: string;
    zoneName: string;
    practices: {
      processId: string;
      title: string;
      status: string;
      where: string | null;
      reasons: string | null;
      measureCode: string | null;
      adoptions: { zoneCode: string; zoneName: string; status: string; decidedOn: string | null }[];
    }[];
  }[];
}

const PRACTICE_STATUS: Record<string, [string, string]> = {
  PROPOSING: ['报送中', 'Proposing'],
  EVALUATING: ['评估中', 'Evaluating'],
  ACCEPTED: ['已采纳推广', 'Accepted'],
  DECLINED: ['不予推广', 'Declined'],
};
const DEMAND_STATUS: Record<string, [string, string]> = {
  ROUTING: ['待分办', 'Routing'],
  ANSWERING: ['办理中', 'Being answered'],
  ANSWERED: ['已答复', 'Answered'],
};
const said = (labels: Record<string, [string, string]>, lang: Lang, code: string) => labels[code]?.[lang === 'zh' ? 0 : 1] ?? code;

export function Reform() {
  return (
    <main>
      <Practices />
      <Demands />
      <Training />
    </main>
  );
}

function Practices() {
  const lang = useLang();
  const state = useData<Innovations>('/api/reform/innovations');
  const rows = (state.data?.zones ?? []).flatMap((zone) => zone.practices.map((practice) => ({ zone, practice })));
  return (
    <div class="card">
      <h2>{t(lang, 'innovations')}</h2>
      <p class="muted">{t(lang, 'innovationsHelp')}</p>
      <LoadState state={state} />
      {state.data && rows.length === 0 && <p class="muted">{t(lang, 'noPractices')}</p>}
      {rows.length > 0 && (
        <table data-testid="innovations">
          <thead>
            <tr>
              <th>{t(lang, 'proposingZone')}</th>
              <th>{t(lang, 'practiceTitle')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{t(lang, 'measure')}</th>
              <th>{t(lang, 'adoptedIn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ zone, practice }) => (
              <tr data-zone={zone.zoneCode} data-practice={practice.processId}>
                <td>{zone.zoneName}</td>
                <td>
                  <a href={`#/processes/${encodeURIComponent(practice.processId)}`}>{practice.title}</a>
                  {practice.where && <div class="muted">{practice.where}</div>}
                </td>
                <td>
                  {said(PRACTICE_STATUS, lang, practice.status)}
                  {practice.reasons && (
                    <div class="muted" data-testid="declined-reasons">
                      {practice.reasons}
                    </div>
                  )}
                </td>
                <td>{practice.measureCode ?? '—'}</td>
                <td data-testid="adoptions">
                  {practice.adoptions.length
                    ? practice.adoptions
                        .map(
                          (a) =>
                            `${a.zoneName}：${pilotStatusLabel(lang, a.status)}${a.decidedOn ? `（${formatDay(lang, a.decidedOn)}）` : ''}`,
                        )
                        .join(lang === 'zh' ? '；' : '; ')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

interface DemandSummary {
  totals: { registered: number; routing: number; answering: number; answered: number; overdue: number };
  byZone: { zoneCode: string; zoneName: string; status: string; count: number }[];
  items: {
    processId: string;
    zoneCode: string;
    enterpriseName: string;
    category: string;
    receivedOn: string;
    status: string;
    responsibleOrg: string | null;
    outcome: string | null;
    overdue: boolean;
  }[];
}

function Demands() {
  const lang = useLang();
  const names = useNames();
  const [month, setMonth] = useState('');
  const [zone, setZone] = useState('');
  const zones = useData<{ code: string; name: string }[]>('/api/zones').data ?? [];
  const query = new URLSearchParams({ ...(month ? { period: month } : {}), ...(zone ? { zone } : {}) }).toString();
  const state = useData<DemandSummary>(`/api/reform/demands${query ? `?${query}` : ''}`);
  const summary = state.data;
  return (
    <div class="card">
      <h2>{t(lang, 'demandsSummary')}</h2>
      <div class="filters">
        <label>
          {t(lang, 'month')}
          <input type="month" data-testid="demands-month" value={month} onInput={(e) => setMonth((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t(lang, 'zones')}
          <select data-testid="demands-zone" value={zone} onChange={(e) => setZone((e.target as HTMLSelectElement).value)}>
            <option value="">{t(lang, 'allZones')}</option>
            {zones.map((z) => (
              <option value={z.code}>{z.name}</option>
            ))}
          </select>
        </label>
      </div>
      <LoadState state={state} />
      {summary && summary.items.length === 0 && <p class="muted">{t(lang, 'noDemands')}</p>}
      {summary && summary.items.length > 0 && (
        <>
          <p data-testid="demand-totals">
            {t(lang, 'registered')} {summary.totals.registered} · {t(lang, 'routing')} {summary.totals.routing} · {t(lang, 'answering')}{' '}
            {summary.totals.answering} · {t(lang, 'answered')} {summary.totals.answered} · {t(lang, 'overdue')} {summary.totals.overdue}
          </p>
          <table data-testid="demands">
            <thead>
              <tr>
                <th>{fieldLabel(lang, 'receivedOn')}</th>
                <th>{t(lang, 'zones')}</th>
                <th>{fieldLabel(lang, 'enterpriseName')}</th>
                <th>{fieldLabel(lang, 'category')}</th>
                <th>{t(lang, 'status')}</th>
                <th>{fieldLabel(lang, 'responsibleOrg')}</th>
                <th>{fieldLabel(lang, 'outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {summary.items.map((d) => (
                <tr data-demand={d.processId} data-status={d.status}>
                  <td>{formatDay(lang, d.receivedOn)}</td>
                  <td>{names.county(lang, d.zoneCode)}</td>
                  <td>
                    <a href={`#/processes/${encodeURIComponent(d.processId)}`}>{d.enterpriseName}</a>
                  </td>
                  <td>{enumLabel(lang, 'category', d.category)}</td>
                  <td>
                    {said(DEMAND_STATUS, lang, d.status)}
                    {d.overdue && <span class="badge overdue">{t(lang, 'overdue')}</span>}
                  </td>
                  <td>{d.responsibleOrg ? names.org(lang, d.responsibleOrg) : '—'}</td>
                  <td>{d.outcome ? enumLabel(lang, 'outcome', d.outcome) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

interface TrainingReport {
  byOrganization: {
    orgId: string;
    sessions: number;
    attendees: number;
    trainings: { sessionId: string; heldOn: string; topic: string; count: number }[];
  }[];
}

function Training() {
  const lang = useLang();
  const names = useNames();
  const state = useData<TrainingReport>('/api/training-sessions');
  const user = session.user();
  // Auditors read; an organisation's admins and staff record the sessions it held.
  const records = Boolean(user?.roles.some((role) => role === 'admin' || role === 'staff'));
  const trained = state.data?.byOrganization ?? [];
  return (
    <div class="card">
      <h2>{t(lang, 'training')}</h2>
      {records && <TrainingForm onDone={state.reload} />}
      <h3>{t(lang, 'trainedByOrg')}</h3>
      <LoadState state={state} />
      {state.data && trained.length === 0 && <p class="muted">{t(lang, 'noTraining')}</p>}
      {trained.length > 0 && (
        <table data-testid="training-report">
          <thead>
            <tr>
              <th>{t(lang, 'organizations')}</th>
              <th>{t(lang, 'training')}</th>
            </tr>
          </thead>
          <tbody>
            {trained.map((o) => (
              <tr data-org={o.orgId}>
                <td>
                  {names.org(lang, o.orgId)}
                  <div class="muted">
                    {t(lang, 'sessionsCount', { n: o.sessions })} · {t(lang, 'peopleCount', { n: o.attendees })}
                  </div>
                </td>
                <td>
                  {o.trainings.map((s) => (
                    <div>
                      {formatDay(lang, s.heldOn)} {s.topic}（{s.count}）
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

interface AttendeeRow {
  orgId: string;
  count: string;
  names: string;
}

function TrainingForm({ onDone }: { onDone: () => void }) {
  const lang = useLang();
  const orgs = (useData<Organization[]>('/api/organizations').data ?? []).filter((o) => o.kind !== 'audit');
  const [values, setValues] = useState({ heldOn: '', topic: '', place: '', hours: '' });
  const [rows, setRows] = useState<AttendeeRow[]>([{ orgId: '', count: '', names: '' }]);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; fields: Record<string, string> } | null>(null);
  const set = (key: keyof typeof values) => (e: Event) => setValues({ ...values, [key]: (e.target as HTMLInputElement).value });
  const setRow = (i: number, key: keyof AttendeeRow) => (e: Event) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [key]: (e.target as HTMLInputElement).value } : r)));
  const fieldError = (path: string) => outcome?.fields[path] && <span class="error">{outcome.fields[path]}</span>;

  async function submit(e: Event) {
    e.preventDefault();
    const body = {
      heldOn: values.heldOn,
      topic: values.topic,
      ...(values.place.trim() ? { place: values.place } : {}),
      hours: values.hours === '' ? undefined : Number(values.hours),
      attendees: rows.map((r) => {
        const people = r.names
          .split(/[、,，\s]+/)
          .filter(Boolean)
          .map((personName) => ({ personName }));
        return { orgId: r.orgId, count: r.count === '' ? undefined : Number(r.count), ...(people.length ? { people } : {}) };
      }),
    };
    try {
      await api('POST', '/api/training-sessions', body);
      setOutcome({ ok: true, text: t(lang, 'trainingSaved'), fields: {} });
      setValues({ heldOn: '', topic: '', place: '', hours: '' });
      setRows([{ orgId: '', count: '', names: '' }]);
      onDone();
    } catch (error) {
      if (error instanceof RequestFailed) setOutcome({ ok: false, text: refusalText(lang, error.error), fields: error.error.fields });
      else setOutcome({ ok: false, text: String(error), fields: {} });
    }
  }

  return (
    <form onSubmit={submit} data-testid="training-form" noValidate>
      <h3>{t(lang, 'recordTraining')}</h3>
      <label>
        {fieldLabel(lang, 'heldOn')}
        <input type="date" name="heldOn" value={values.heldOn} onInput={set('heldOn')} />
        {fieldError('heldOn')}
      </label>
      <label>
        {fieldLabel(lang, 'topic')}
        <input name="topic" value={values.topic} onInput={set('topic')} />
        {fieldError('topic')}
      </label>
      <label>
        {fieldLabel(lang, 'place')}
        <input name="place" value={values.place} onInput={set('place')} />
      </label>
      <label>
        {fieldLabel(lang, 'hours')}
        <input type="number" name="hours" min="0.5" step="0.5" value={values.hours} onInput={set('hours')} />
        {fieldError('hours')}
      </label>
      <fieldset>
        <legend>{fieldLabel(lang, 'attendees')}</legend>
        {fieldError('attendees')}
        {rows.map((row, i) => (
          <div class="attendee" data-testid={`attendee-${i}`}>
            <select name="orgId" value={row.orgId} onChange={setRow(i, 'orgId')} aria-label={fieldLabel(lang, 'attendees')}>
              <option value="">—</option>
              {orgs.map((o) => (
                <option value={o.id}>{lang === 'zh' ? o.nameZh : o.nameEn}</option>
              ))}
            </select>
            {fieldError(`attendees.${i}.orgId`)}
            <input
              type="number"
              name="count"
              min="1"
              value={row.count}
              onInput={setRow(i, 'count')}
              aria-label={fieldLabel(lang, 'count')}
              placeholder={fieldLabel(lang, 'count')}
            />
            {fieldError(`attendees.${i}.count`)}
            <input
              name="names"
              value={row.names}
              onInput={setRow(i, 'names')}
              aria-label={t(lang, 'namesHelp')}
              placeholder={t(lang, 'namesHelp')}
            />
            {rows.length > 1 && (
              <button type="button" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t(lang, 'removeAttendee')}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setRows([...rows, { orgId: '', count: '', names: '' }])}>
          {t(lang, 'addAttendee')}
        </button>
      </fieldset>
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <button type="submit">{t(lang, 'submit')}</button>
    </form>
  );
}
