import { ErrorPage, LoadState } from '../components/LoadState';
import { useState } from 'preact/hooks';
import { formatDate, formatDuration, t, useLang, type Lang } from '../i18n';
import {
  creditKindLabel,
  creditStatusLabel,
  gradeLabel,
  outcomeLabel,
  penaltyLabel,
  PENALTY_STATUSES,
  penaltyStatusLabel,
  reasonLabel,
} from '../labels';
import { useNames } from '../names';
import { useData } from '../use-data';

interface Penalty {
  decisionNumber: string;
  uscc: string;
  zoneCode: string;
  enforcementOrg: string;
  /** Only reports filed before penalties were imposed under local authority name a power. */
  powerCode: string | null;
  agreementId: string | null;
  violation: string;
  legalBasis: string;
  penalty: Record<string, unknown>;
  grade: string;
  decidedOn: string;
  deliveredOn: string;
  status: string;
  reportedAt: string | null;
  recognisedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  returns: number;
  zoneHeldMs: number;
  ftzHeldMs: number;
  creditRecordId: string | null;
  processId: string;
}

interface PenaltyDetail extends Penalty {
  reviews: {
    round: number;
    outcome: string;
    reasons: string[];
    note: string | null;
    reviewedAt: string;
    reviewer: { userId?: string; orgId?: string } | null;
  }[];
  creditRecords: {
    id: string;
    kind: string;
    grade: string | null;
    reason: string;
    publicationFrom: string | null;
    publicationUntil: string | null;
    repairEligibleFrom: string | null;
    status: string;
    recordedAt: string;
    endReason: string | null;
  }[];
}

// Decision numbers hold 〔〕 and Chinese: always encoded in the hash.
const penaltyHref = (decisionNumber: string) => `#/penalties/${encodeURIComponent(decisionNumber)}`;

export function Penalties() {
  const lang = useLang();
  const [zone, setZone] = useState('');
  const [status, setStatus] = useState('');
  const zones = useData<{ code: string; name: string }[]>('/api/zones').data ?? [];
  const query = new URLSearchParams({ ...(zone ? { zone } : {}), ...(status ? { status } : {}) }).toString();
  const list = useData<Penalty[]>(`/api/penalties${query ? `?${query}` : ''}`);
  const names = useNames();
  const { data } = list;
  return (
    <main>
      <div class="filters">
        <select value={zone} onChange={(e) => setZone(e.currentTarget.value)} data-testid="penalty-zone" aria-label={t(lang, 'zones')}>
          <option value="">{t(lang, 'allZones')}</option>
          {zones.map((z) => (
            <option value={z.code}>{z.name}</option>
          ))}
        </select>
        <select
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value)}
          data-testid="penalty-status"
          aria-label={t(lang, 'status')}
        >
          <option value="">{t(lang, 'allStatuses')}</option>
          {PENALTY_STATUSES.map((s) => (
            <option value={s}>{penaltyStatusLabel(lang, s)}</option>
          ))}
        </select>
      </div>
      <div class="card">
        <LoadState state={list} />
        {data?.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
        <table data-testid="penalties">
          <thead>
            <tr>
              <th>{t(lang, 'decisionNumber')}</th>
              <th>{t(lang, 'entity')}</th>
              <th>{t(lang, 'zones')}</th>
              <th>{t(lang, 'grade')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{t(lang, 'returns')}</th>
            </tr>
          </thead>
          <tbody>
            {(data ?? []).map((p) => (
              <tr data-penalty={p.decisionNumber}>
                <td>
                  <a href={penaltyHref(p.decisionNumber)}>{p.decisionNumber}</a>
                </td>
                <td>
                  <a href={`#/entities/${p.uscc}`}>{p.uscc}</a>
                </td>
                <td>{names.county(lang, p.zoneCode)}</td>
                <td>{gradeLabel(lang, p.grade)}</td>
                <td>{penaltyStatusLabel(lang, p.status)}</td>
                <td>{p.returns}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

export function PenaltyPage({ decisionNumber }: { decisionNumber: string }) {
  const lang = useLang();
  const penalty = useData<PenaltyDetail>(`/api/penalties/${encodeURIComponent(decisionNumber)}`);
  const names = useNames();
  const colon = lang === 'zh' ? '：' : ':';
  const { data, error } = penalty;
  if (error && !data) return <ErrorPage error={error} />;
  if (!data)
    return (
      <main>
        <LoadState state={penalty} />
      </main>
    );
  return (
    <main>
      <div class="card" data-testid="penalty">
        <h2>{data.decisionNumber}</h2>
        <p>
          <span class="badge" data-testid="penalty-status">
            {penaltyStatusLabel(lang, data.status)}
          </span>{' '}
          ·{' '}
          <a href={`#/processes/${encodeURIComponent(data.processId)}`} data-testid="penalty-process">
            {data.processId}
          </a>{' '}
          · {t(lang, 'entity')}{' '}
          <a href={`#/entities/${data.uscc}`} data-testid="penalty-entity">
            {data.uscc}
          </a>
        </p>
        <p>
          {t(lang, 'zones')}
          {colon} {names.county(lang, data.zoneCode)} · {t(lang, 'enforcementOrg')}
          {colon} {names.org(lang, data.enforcementOrg)}
          {data.powerCode && ` · ${t(lang, 'power')}${colon} ${names.power(data.powerCode)} (${data.agreementId ?? ''})`}
        </p>
        <p>
          {t(lang, 'violation')}: {data.violation}
        </p>
        <p>
          {t(lang, 'legalBasis')}: {data.legalBasis}
        </p>
        <p>
          {t(lang, 'penaltyImposed')}: {penaltyLabel(lang, data.penalty)} · {t(lang, 'grade')}: {gradeLabel(lang, data.grade)}
        </p>
        <p>
          {t(lang, 'decidedOn')} {data.decidedOn} · {t(lang, 'deliveredOn')} {data.deliveredOn} · {t(lang, 'reportedAt')}{' '}
          {formatDate(lang, data.reportedAt)} · {t(lang, 'recognisedAt')} {formatDate(lang, data.recognisedAt)}
          {data.withdrawnAt && ` · ${t(lang, 'withdrawnAt')} ${formatDate(lang, data.withdrawnAt)}（${data.withdrawalReason ?? ''}）`}
        </p>
        <p data-testid="held-times">
          {t(lang, 'heldTimes')}: {t(lang, 'zoneHeld')} {formatDuration(lang, data.zoneHeldMs)} · {t(lang, 'ftzHeld')}{' '}
          {formatDuration(lang, data.ftzHeldMs)}
        </p>
      </div>
      <Reviews lang={lang} reviews={data.reviews} />
      <CreditRecords lang={lang} records={data.creditRecords} ownId={data.creditRecordId} />
    </main>
  );
}

function Reviews({ lang, reviews }: { lang: Lang; reviews: PenaltyDetail['reviews'] }) {
  return (
    <div class="card">
      <h3>{t(lang, 'reviews')}</h3>
      {reviews.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
      <table data-testid="reviews">
        <tbody>
          {reviews.map((r) => (
            <tr data-round={r.round}>
              <td>
                {t(lang, 'round')} {r.round}
              </td>
              <td>{outcomeLabel(lang, r.outcome)}</td>
              <td>{r.reasons.map((code) => reasonLabel(lang, code)).join(lang === 'zh' ? '、' : ', ') || '—'}</td>
              <td>{r.note ?? '—'}</td>
              <td>{r.reviewer?.userId ?? '—'}</td>
              <td>{formatDate(lang, r.reviewedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The entity's credit records, this penalty's marked: the API gives them all, others count for the entity too. */
function CreditRecords({ lang, records, ownId }: { lang: Lang; records: PenaltyDetail['creditRecords']; ownId: string | null }) {
  return (
    <div class="card">
      <h3>{t(lang, 'credit')}</h3>
      {records.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
      {records.map((c) => (
        <p data-credit={c.id} data-own={c.id === ownId ? 'true' : undefined}>
          {c.id === ownId && <span class="badge">{t(lang, 'thisPenalty')}</span>} {creditKindLabel(lang, c.kind)} ·{' '}
          {gradeLabel(lang, c.grade)} · <span class="badge">{creditStatusLabel(lang, c.status)}</span> · {t(lang, 'publication')}{' '}
          {c.publicationFrom ?? '—'} – {c.publicationUntil ?? '—'} · {t(lang, 'repairEligibleFrom')} {c.repairEligibleFrom ?? '—'} ·{' '}
          {c.reason}
          {c.endReason && ` · ${c.endReason}`}
        </p>
      ))}
    </div>
  );
}
