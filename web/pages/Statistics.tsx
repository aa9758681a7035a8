import { useState } from 'preact/hooks';
import { INDICATORS, type Indicator } from '../../domain/statistics-labels';
import { api, RequestFailed, session } from '../api';
import { formatDate, t, useLang, type Lang } from '../i18n';
import { indicatorLabel } from '../labels';
import { useData } from '../use-data';

type View = 'municipal' | 'national';
type Indicators = Record<Indicator, number>;
interface Figures {
  rows: { unit: string; name: string; indicators: Indicators; merged?: string[] }[];
  total: Indicators;
}
interface Overview {
  current: Figures & { period: string };
  snapshots: { period: string; takenAt: string }[];
}
interface Month extends Figures {
  period: string;
  source: 'snapshot' | 'live';
  snapshotId: string | null;
  hash: string | null;
  takenAt: string | null;
  corrections: (Figures & { period: string })[];
}

/** Who may take a snapshot: the API's rule (FTZ or city admins), so the button shows only where it works. */
function maySnapshot(): boolean {
  const user = session.user();
  return !!user && ['ftz', 'city'].includes(user.orgId) && user.roles.includes('admin');
}

export function Statistics() {
  const lang = useLang();
  const [view, setView] = useState<View>('municipal');
  // '' is the current month, live; otherwise a snapshotted month.
  const [period, setPeriod] = useState('');
  const overview = useData<Overview>(`/api/statistics?view=${view}&lang=${lang}`);
  const month = useData<Month>(period ? `/api/statistics?view=${view}&period=${period}&lang=${lang}` : null);
  const shown = period ? month.data : overview.data?.current;
  return (
    <main>
      <div class="tabs">
        {(['municipal', 'national'] as const).map((v) => (
          <button class={view === v ? 'current' : ''} data-testid={`view-${v}`} onClick={() => setView(v)}>
            {t(lang, v === 'municipal' ? 'municipalView' : 'nationalView')}
          </button>
        ))}
      </div>
      <div class="filters">
        <label>
          {t(lang, 'month')}{' '}
          <select value={period} onChange={(e) => setPeriod(e.currentTarget.value)} data-testid="statistics-month">
            <option value="">{t(lang, 'liveMonth', { p: overview.data?.current.period ?? '' })}</option>
            {(overview.data?.snapshots ?? []).map((s) => (
              <option value={s.period}>{t(lang, 'snapshotOf', { p: s.period })}</option>
            ))}
          </select>
        </label>
      </div>
      {period && month.data && month.data.period === period && (
        <p class="muted" data-testid="statistics-source">
          {month.data.source === 'snapshot'
            ? t(lang, 'snapshotTaken', { at: formatDate(lang, month.data.takenAt) })
            : t(lang, 'liveFigures')}
          {month.data.snapshotId && <> · {t(lang, 'snapshotCited', { id: month.data.snapshotId, hash: month.data.hash ?? '' })}</>}
        </p>
      )}
      {shown && <Exports lang={lang} view={view} period={period || shown.period} />}
      {shown && (
        // On a phone the table scrolls sideways: the card takes focus so a keyboard can scroll it.
        <div class="card" tabIndex={0} role="region" aria-label={t(lang, 'statistics')}>
          <FiguresTable lang={lang} figures={shown} testId="statistics" />
        </div>
      )}
      {period &&
        month.data?.corrections.map((c) => (
          <div class="card" data-correction={c.period} tabIndex={0} role="region" aria-label={t(lang, 'correctionOf', { p: c.period })}>
            <h3>{t(lang, 'correctionOf', { p: c.period })}</h3>
            <FiguresTable lang={lang} figures={c} testId={`correction-${c.period}`} />
          </div>
        ))}
      {maySnapshot() && <SnapshotForm lang={lang} onTaken={overview.reload} />}
    </main>
  );
}

/** The view as files for submission: the month shown, and its year, each as a spreadsheet or CSV (the session cookie goes with the link). */
function Exports({ lang, view, period }: { lang: Lang; view: View; period: string }) {
  const link = (query: string, format: 'xlsx' | 'csv') => `/api/statistics/export?view=${view}&${query}&format=${format}`;
  const year = period.slice(0, 4);
  return (
    <div class="filters" data-testid="statistics-exports">
      <span>{t(lang, 'exportMonth')}：</span>
      <a class="button" href={link(`period=${period}`, 'xlsx')} download data-testid="export-month-xlsx">
        Excel (.xlsx)
      </a>
      <a class="button" href={link(`period=${period}`, 'csv')} download data-testid="export-month-csv">
        CSV
      </a>
      <span>{t(lang, 'exportYear', { y: year })}：</span>
      <a class="button" href={link(`year=${year}`, 'xlsx')} download data-testid="export-year-xlsx">
        Excel (.xlsx)
      </a>
      <a class="button" href={link(`year=${year}`, 'csv')} download data-testid="export-year-csv">
        CSV
      </a>
    </div>
  );
}

function FiguresTable({ lang, figures, testId }: { lang: Lang; figures: Figures; testId: string }) {
  return (
    <table data-testid={testId}>
      <thead>
        <tr>
          <th>{t(lang, 'unit')}</th>
          {INDICATORS.map((name) => (
            <th>{indicatorLabel(lang, name)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {figures.rows.map((row) => (
          <tr data-unit={row.unit}>
            <td>
              {row.name}
              {row.merged && row.merged.length > 0 && (
                <div class="muted">
                  {t(lang, 'merged')}: {row.merged.join('、')}
                </div>
              )}
            </td>
            {INDICATORS.map((name) => (
              <td data-indicator={name}>{row.indicators[name]}</td>
            ))}
          </tr>
        ))}
        <tr data-unit="total">
          <th>{t(lang, 'total')}</th>
          {INDICATORS.map((name) => (
            <th data-indicator={name}>{figures.total[name]}</th>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Takes a past month's snapshot as the monthly schedule would; a month taken already is refused (409) and the text shown. */
function SnapshotForm({ lang, onTaken }: { lang: Lang; onTaken: () => void }) {
  const [period, setPeriod] = useState('');
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  const take = async () => {
    try {
      const taken = await api<{ period: string }>('POST', '/api/statistics/snapshots', { period });
      setMessage({ error: false, text: t(lang, 'snapshotDone', { p: taken.period }) });
      onTaken();
    } catch (failure) {
      setMessage({ error: true, text: failure instanceof RequestFailed ? failure.error.message : String(failure) });
    }
  };
  return (
    <div class="card filters">
      <label for="snapshot-period">{t(lang, 'snapshotMonth')}</label>
      <input
        id="snapshot-period"
        type="month"
        value={period}
        onInput={(e) => setPeriod(e.currentTarget.value)}
        data-testid="snapshot-period"
      />
      <button disabled={!period} onClick={() => void take()} data-testid="take-snapshot">
        {t(lang, 'takeSnapshot')}
      </button>
      {message && (
        <span class={message.error ? 'error' : 'badge done'} data-testid="snapshot-result">
          {message.text}
        </span>
      )}
    </div>
  );
}
