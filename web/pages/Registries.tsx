import { useState } from 'preact/hooks';
import { ErrorPage, LoadState } from '../components/LoadState';
import { MemorandumContent } from '../components/Memorandum';
import { ZoneArea, type ZoneAreaFacts } from '../components/ZoneArea';
import type { StageGraph } from '../components/StageDiagram';
import { orgKindLabel, statusLabel } from '../labels';
import { useNames } from '../names';
import { api, RequestFailed, session } from '../api';
import { fieldLabel, formatDate, refusalText, t, useLang } from '../i18n';
import { useData } from '../use-data';

export interface Organization {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  countyCode: string | null;
  active: boolean;
  /** 统一社会信用代码; null until its admin (or the FTZ's) sets it. */
  uscc?: string | null;
}

interface Zone {
  code: string;
  name: string;
  status: string;
  memorandumVersion: number;
  areaKm2: number;
  body: { name: string; head: string; contact?: string; address?: string } | null;
  processId: string;
  establishedAt: string;
}

export function Zones() {
  const lang = useLang();
  const zones = useData<Zone[]>('/api/zones');
  const { data } = zones;
  return (
    <main>
      <div class="card">
        <LoadState state={zones} empty={zones.data?.length === 0} />
        <table data-testid="zones">
          <thead>
            <tr>
              <th>{t(lang, 'code')}</th>
              <th>{t(lang, 'name')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{t(lang, 'area')}</th>
              <th>{t(lang, 'body')}</th>
              <th>{t(lang, 'launched')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((zone) => (
              <tr data-zone={zone.code}>
                <td>{zone.code}</td>
                <td>
                  <a href={`#/zones/${zone.code}`}>{zone.name}</a>
                </td>
                <td>{statusLabel(lang, zone.status)}</td>
                <td>{zone.areaKm2}</td>
                <td>{zone.body?.name ?? '—'}</td>
                <td>{formatDate(lang, zone.establishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export function ZonePage({ code }: { code: string }) {
  const lang = useLang();
  const zone = useData<Zone & ZoneAreaFacts & { memoranda: { version: number; status: string; content: Record<string, unknown> }[] }>(
    `/api/zones/${code}`,
  );
  const { data, error } = zone;
  if (error && !data) return <ErrorPage error={error} />;
  if (!data)
    return (
      <main>
        <LoadState state={zone} />
      </main>
    );
  return (
    <main>
      <div class="card">
        <h2>{data.name}</h2>
        <p>
          {statusLabel(lang, data.status)} · <a href={`#/processes/${data.processId}`}>{data.processId}</a>
        </p>
        <h3>{t(lang, 'body')}</h3>
        {data.body ? (
          <table class="facts" data-testid="zone-body">
            {(['name', 'head', 'contact', 'address'] as const)
              .filter((key) => data.body?.[key])
              .map((key) => (
                <tr>
                  <th scope="row">{fieldLabel(lang, key)}</th>
                  <td>{data.body![key]}</td>
                </tr>
              ))}
          </table>
        ) : (
          <p class="muted" data-testid="zone-body">
            {t(lang, 'bodyPending')}
          </p>
        )}
      </div>
      <ZoneArea zone={data} />
      {data.memoranda.map((m) => (
        <div class="card">
          <h3>
            {t(lang, 'memorandum')} · {t(lang, 'version')} {m.version} <span class="badge">{statusLabel(lang, m.status)}</span>
          </h3>
          <MemorandumContent content={m.content} />
        </div>
      ))}
    </main>
  );
}

export function Organizations() {
  const lang = useLang();
  const orgs = useData<Organization[]>('/api/organizations');
  const { data } = orgs;
  return (
    <main>
      <div class="card" tabIndex={0} role="region" aria-label={t(lang, 'organizations')}>
        <LoadState state={orgs} />
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'code')}</th>
              <th>{t(lang, 'name')}</th>
              <th>{t(lang, 'kind')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{t(lang, 'orgUscc')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((o) => (
              <tr data-org={o.id}>
                <td>{o.id}</td>
                <td>{lang === 'zh' ? o.nameZh : o.nameEn}</td>
                <td>{orgKindLabel(lang, o.kind)}</td>
                <td>{t(lang, o.active ? 'active' : 'inactive')}</td>
                <td>{o.uscc ?? t(lang, 'usccMissing')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && <UsccForm orgs={data} saved={orgs.reload} />}
    </main>
  );
}

/**
 * An admin sets or corrects the 统一社会信用代码 of their organisation (the FTZ's admin, of any): the
 * 双公示 records name the deciding organ and the data source by it. The API refuses a wrong code on the field.
 */
function UsccForm({ orgs, saved }: { orgs: Organization[]; saved: () => void }) {
  const lang = useLang();
  const user = session.user();
  const editable = user?.roles.includes('admin') ? orgs.filter((o) => o.id === user.orgId || user.orgId === 'ftz') : [];
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const [code, setCode] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; fields: Record<string, string> } | undefined>();
  if (!editable.length) return null;
  const chosen = editable.find((o) => o.id === (orgId ?? user!.orgId)) ?? editable[0];
  async function save(event: Event) {
    event.preventDefault();
    try {
      await api('POST', `/api/organizations/${encodeURIComponent(chosen.id)}/uscc`, { uscc: (code ?? chosen.uscc ?? '').trim() });
      setOutcome({ ok: true, text: t(lang, 'usccSaved'), fields: {} });
      saved();
    } catch (error) {
      if (error instanceof RequestFailed) setOutcome({ ok: false, text: refusalText(lang, error.error), fields: error.error.fields });
      else setOutcome({ ok: false, text: String(error), fields: {} });
    }
  }
  return (
    <form class="card" data-testid="org-uscc" onSubmit={(e) => void save(e)}>
      <h2>{t(lang, 'setOrgUscc')}</h2>
      <p class="muted">{t(lang, 'setOrgUsccHelp')}</p>
      {editable.length > 1 && (
        <label>
          {t(lang, 'organization')}
          <select
            name="org"
            value={chosen.id}
            onChange={(e) => {
              setOrgId(e.currentTarget.value);
              setCode(undefined);
              setOutcome(undefined);
            }}
          >
            {editable.map((o) => (
              <option value={o.id}>{lang === 'zh' ? o.nameZh : o.nameEn}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t(lang, 'orgUscc')}
        <input name="uscc" type="text" maxLength={18} value={code ?? chosen.uscc ?? ''} onInput={(e) => setCode(e.currentTarget.value)} />
        {outcome?.fields.uscc && <span class="error">{outcome.fields.uscc}</span>}
      </label>
      {outcome && (
        <p class={outcome.ok ? 'ok' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      )}
      <button type="submit">{t(lang, 'saveOrgUscc')}</button>
    </form>
  );
}

const EXECUTION_STATUSES = ['RUNNING', 'COMPLETED', 'TERMINATED', 'CANCELED', 'FAILED'];

interface ProcessRow {
  id: string;
  type: string;
  status: string;
  stage: string;
  zone: string | null;
  awaiting: string[];
  startedAt: string;
}

/** Every process the caller may see, searched by the API's own filters. */
export function Processes() {
  const lang = useLang();
  const names = useNames();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [q, setQ] = useState('');
  const types = useData<(StageGraph & { type: string; title: string })[]>(`/api/process-types?lang=${lang}`);
  const zones = useData<Zone[]>('/api/zones');
  const orgs = useData<Organization[]>('/api/organizations');
  const query = new URLSearchParams(Object.entries({ ...filters, q: q.trim() }).filter(([, v]) => v)).toString();
  const list = useData<{ items: ProcessRow[] }>(`/api/processes?limit=200${query ? `&${query}` : ''}`);
  const set = (key: string, value: string) => setFilters((old) => ({ ...old, [key]: value, ...(key === 'type' ? { stage: '' } : {}) }));
  const typeOf = (type: string) => types.data?.find((pt) => pt.type === type);
  const stages = filters.type ? (typeOf(filters.type)?.stages ?? []) : [];
  const items = list.data?.items ?? [];
  return (
    <main>
      <h2 class="page-title">{t(lang, 'processes')}</h2>
      <form
        class="filters card"
        role="search"
        aria-label={t(lang, 'searchProcesses')}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(new FormData(e.currentTarget).get('q')?.toString() ?? '');
        }}
      >
        <label>
          {t(lang, 'searchText')}
          <input name="q" type="search" defaultValue={q} placeholder={t(lang, 'searchPlaceholder')} />
        </label>
        <label>
          {t(lang, 'processType')}
          <select name="type" value={filters.type ?? ''} onChange={(e) => set('type', e.currentTarget.value)}>
            <option value="">{t(lang, 'allTypes')}</option>
            {(types.data ?? []).map((pt) => (
              <option value={pt.type}>{pt.title}</option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'stage')}
          <select name="stage" value={filters.stage ?? ''} onChange={(e) => set('stage', e.currentTarget.value)} disabled={!stages.length}>
            <option value="">{t(lang, 'allStages')}</option>
            {stages.map((st) => (
              <option value={st.name}>{st.label}</option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'status')}
          <select name="status" value={filters.status ?? ''} onChange={(e) => set('status', e.currentTarget.value)}>
            <option value="">{t(lang, 'allStatuses')}</option>
            {EXECUTION_STATUSES.map((st) => (
              <option value={st}>{statusLabel(lang, st)}</option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'zones')}
          <select name="zone" value={filters.zone ?? ''} onChange={(e) => set('zone', e.currentTarget.value)}>
            <option value="">{t(lang, 'allZones')}</option>
            {(zones.data ?? []).map((z) => (
              <option value={z.code}>{z.name}</option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'awaiting')}
          <select name="org" value={filters.org ?? ''} onChange={(e) => set('org', e.currentTarget.value)}>
            <option value="">{t(lang, 'anyOrg')}</option>
            {(orgs.data ?? []).map((o) => (
              <option value={o.id}>{lang === 'zh' ? o.nameZh : o.nameEn}</option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'startedFrom')}
          <input
            name="startedFrom"
            type="date"
            value={filters.startedFrom ?? ''}
            onChange={(e) => set('startedFrom', e.currentTarget.value)}
          />
        </label>
        <label>
          {t(lang, 'startedTo')}
          <input name="startedTo" type="date" value={filters.startedTo ?? ''} onChange={(e) => set('startedTo', e.currentTarget.value)} />
        </label>
        <label class="inline">
          <input
            name="overdue"
            type="checkbox"
            class="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => set('overdue', e.currentTarget.checked ? 'true' : '')}
          />
          {t(lang, 'overdueOnly')}
        </label>
        <button type="submit">{t(lang, 'search')}</button>
      </form>
      <div class="card">
        <LoadState state={list} empty={items.length === 0} />
        {items.length > 0 && (
          <table data-testid="processes">
            <thead>
              <tr>
                <th>{t(lang, 'process')}</th>
                <th>{t(lang, 'processType')}</th>
                <th>{t(lang, 'stage')}</th>
                <th>{t(lang, 'status')}</th>
                <th>{t(lang, 'awaiting')}</th>
                <th>{t(lang, 'launched')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr data-process={p.id}>
                  <td>
                    <a href={`#/processes/${encodeURIComponent(p.id)}`}>{p.id}</a>
                  </td>
                  <td>{typeOf(p.type)?.title ?? p.type}</td>
                  <td>{typeOf(p.type)?.stages.find((st) => st.name === p.stage)?.label ?? p.stage}</td>
                  <td>{statusLabel(lang, p.status)}</td>
                  <td>{p.awaiting.map((org) => names.org(lang, org)).join('、') || '—'}</td>
                  <td>{formatDate(lang, p.startedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
