import { LoadState } from '../components/LoadState';
import { statusLabel } from '../labels';
import { useNames } from '../names';
import { useState } from 'preact/hooks';
import { enumLabel, fieldLabel, formatDate, t, useLang } from '../i18n';
import { useData } from '../use-data';

interface Catalog {
  version: number;
  status: string;
  effectiveDate: string;
  publishedAt: string;
  powers: {
    code: string;
    name: string;
    kind: string;
    legalBasis: string;
    commitmentApplicable: boolean;
    verificationDays: number;
    status: string;
  }[];
  diff?: { from: number; added: string[]; delisted: string[]; relisted: string[]; changed: string[] };
}

/** Any version of the power catalogue, with what changed since the one before it. */
export function Powers() {
  const lang = useLang();
  const [version, setVersion] = useState<number>();
  const published = useData<Catalog>('/api/powers').data;
  const shown = version ?? published?.version;
  const query = shown ? `?version=${shown}${shown > 1 ? `&diffFrom=${shown - 1}` : ''}` : null;
  const { data } = useData<Catalog>(query && `/api/powers${query}`);
  return (
    <main>
      <div class="filters">
        <label>
          {t(lang, 'catalogVersion')}{' '}
          <select value={String(shown ?? '')} onChange={(e) => setVersion(Number(e.currentTarget.value))} data-testid="catalog-version">
            {Array.from({ length: published?.version ?? 0 }, (_, i) => i + 1).map((v) => (
              <option value={String(v)}>{v}</option>
            ))}
          </select>
        </label>
      </div>
      {data && (
        // On a phone the table scrolls sideways: the card takes focus so a keyboard can scroll it.
        <div class="card" tabIndex={0} role="region" aria-label={t(lang, 'powers')}>
          <p>
            {t(lang, 'catalogVersion')} {data.version} · <span class="badge">{statusLabel(lang, data.status)}</span> · {data.effectiveDate}{' '}
            · {formatDate(lang, data.publishedAt)}
          </p>
          {data.diff && (
            <p class="diff" data-testid="catalog-diff">
              {t(lang, 'changesFrom', { v: data.diff.from })}:{' '}
              {(['added', 'delisted', 'relisted', 'changed'] as const).map((kind) => (
                <span>
                  {t(lang, kind)} {data.diff![kind].join('、') || '—'}
                </span>
              ))}
            </p>
          )}
          <table data-testid="powers">
            <thead>
              <tr>
                <th>{fieldLabel(lang, 'code')}</th>
                <th>{fieldLabel(lang, 'name')}</th>
                <th>{fieldLabel(lang, 'kind')}</th>
                <th>{fieldLabel(lang, 'legalBasis')}</th>
                <th>{fieldLabel(lang, 'commitmentApplicable')}</th>
                <th>{fieldLabel(lang, 'status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.powers.map((p) => (
                <tr data-power={p.code}>
                  <td>{p.code}</td>
                  <td>{p.name}</td>
                  <td>{fieldLabel(lang, p.kind)}</td>
                  <td>{p.legalBasis}</td>
                  <td>{p.commitmentApplicable ? '✓' : ''}</td>
                  <td>{enumLabel(lang, 'status', p.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

interface Agreement {
  id: string;
  zoneCode: string;
  status: string;
  currentVersion: number;
  startDate: string;
  endDate: string;
  items: { powerCode: string; scope: string; revokedOn: string | null }[];
}

export function Agreements() {
  const lang = useLang();
  const names = useNames();
  const list = useData<Agreement[]>('/api/agreements');
  const { data } = list;
  return (
    <main>
      <div class="card">
        <LoadState state={list} empty={list.data?.length === 0} />
        <table data-testid="agreements">
          <thead>
            <tr>
              <th>{t(lang, 'agreements')}</th>
              <th>{fieldLabel(lang, 'zoneCode')}</th>
              <th>{fieldLabel(lang, 'status')}</th>
              <th>{t(lang, 'term')}</th>
              <th>{fieldLabel(lang, 'items')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((a) => (
              <tr data-agreement={a.id}>
                <td>
                  <a href={`#/processes/${encodeURIComponent(a.id)}`}>{a.id}</a> v{a.currentVersion}
                </td>
                <td>{names.county(lang, a.zoneCode)}</td>
                <td>{statusLabel(lang, a.status)}</td>
                <td>
                  {a.startDate} – {a.endDate}
                </td>
                <td>
                  {a.items.map((i) => (
                    <span class={`badge ${i.revokedOn ? 'overdue' : ''}`} title={i.revokedOn ?? ''}>
                      {i.powerCode} {enumLabel(lang, 'scope', i.scope)}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
