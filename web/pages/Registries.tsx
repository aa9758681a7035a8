import { MemorandumContent } from '../components/Memorandum';
import { formatDate, t, useLang } from '../i18n';
import { useData } from '../use-data';

export interface Organization {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  countyCode: string | null;
  active: boolean;
}

interface Zone {
  code: string;
  name: string;
  status: string;
  memorandumVersion: number;
  areaKm2: number;
  body: { name: string; head: string } | null;
  processId: string;
  establishedAt: string;
}

export function Zones() {
  const lang = useLang();
  const { data } = useData<Zone[]>('/api/zones');
  return (
    <main>
      <div class="card">
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
                <td>{zone.status}</td>
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
  const { data, error } = useData<Zone & { memoranda: { version: number; status: string; content: Record<string, unknown> }[] }>(`/api/zones/${code}`);
  if (error) return <main><p class="error">{error.message}</p></main>;
  if (!data) return <main><p class="muted">{t(lang, 'loading')}</p></main>;
  return (
    <main>
      <div class="card">
        <h2>{data.name}</h2>
        <p>
          {data.status} · <a href={`#/processes/${data.processId}`}>{data.processId}</a>
        </p>
      </div>
      {data.memoranda.map((m) => (
        <div class="card">
          <h3>
            {t(lang, 'memorandum')} · {t(lang, 'version')} {m.version} <span class="badge">{m.status}</span>
          </h3>
          <MemorandumContent content={m.content} />
        </div>
      ))}
    </main>
  );
}

export function Organizations() {
  const lang = useLang();
  const { data } = useData<Organization[]>('/api/organizations');
  return (
    <main>
      <div class="card">
        <table>
          <thead>
            <tr>
              <th>{t(lang, 'code')}</th>
              <th>{t(lang, 'name')}</th>
              <th>{t(lang, 'kind')}</th>
              <th>{t(lang, 'status')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((o) => (
              <tr>
                <td>{o.id}</td>
                <td>{lang === 'zh' ? o.nameZh : o.nameEn}</td>
                <td>{o.kind}</td>
                <td>{t(lang, o.active ? 'active' : 'inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export function Processes() {
  const lang = useLang();
  const { data } = useData<{ items: { id: string; type: string; status: string; stage: string; zone: string | null; startedAt: string }[] }>('/api/processes');
  return (
    <main>
      <div class="card">
        <table data-testid="processes">
          <thead>
            <tr>
              <th>{t(lang, 'process')}</th>
              <th>{t(lang, 'stage')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{t(lang, 'launched')}</th>
            </tr>
          </thead>
          <tbody>
            {(data?.items ?? []).map((p) => (
              <tr>
                <td>
                  <a href={`#/processes/${encodeURIComponent(p.id)}`}>{p.id}</a>
                </td>
                <td>{p.stage}</td>
                <td>{p.status}</td>
                <td>{formatDate(lang, p.startedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
