import { ErrorPage, LoadState } from '../components/LoadState';
import { creditKindLabel, creditStatusLabel, statusLabel } from '../labels';
import { useNames } from '../names';
import { formatDate, t, useLang } from '../i18n';
import { useData } from '../use-data';

interface Address {
  divisionCode?: string;
  address: string;
}

interface Entity {
  uscc: string;
  name: string;
  zoneCode: string;
  residence: Address;
  businessAddresses: Address[];
  status: string;
  processId: string;
  registeredAt: string;
  taxOffice: string | null;
  commitmentBarred: boolean;
}

interface EntityDetail extends Entity {
  legalRepresentative: { name: string };
  licences: {
    id: string;
    powerCode: string;
    powerName: string | null;
    status: string;
    conditionsDue: string | null;
    verification: { status: string; dueAt: string; onTime: boolean | null; rectificationDue: string | null; overdue: boolean };
  }[];
  credit: { records: { id: string; kind: string; reason: string; status: string; recordedAt: string }[] };
  penaltyCases: { id: string; reason: string; status: string; enforcementOrg: string }[];
}

export function Entities() {
  const lang = useLang();
  const names = useNames();
  const list = useData<{ items: Entity[] }>('/api/entities');
  const { data } = list;
  return (
    <main>
      <div class="card">
        <LoadState state={list} empty={list.data?.items.length === 0} />
        <table data-testid="entities">
          <thead>
            <tr>
              <th>USCC</th>
              <th>{t(lang, 'name')}</th>
              <th>{t(lang, 'zones')}</th>
              <th>{t(lang, 'taxOffice')}</th>
              <th>{t(lang, 'status')}</th>
              <th>{t(lang, 'registeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {(data?.items ?? []).map((e) => (
              <tr data-entity={e.uscc}>
                <td>
                  <a href={`#/entities/${e.uscc}`}>{e.uscc}</a>
                </td>
                <td>{e.name}</td>
                <td>{names.county(lang, e.zoneCode)}</td>
                <td>{names.org(lang, e.taxOffice)}</td>
                <td>
                  {statusLabel(lang, e.status)} {e.commitmentBarred && <span class="badge">{t(lang, 'commitmentBarred')}</span>}
                </td>
                <td>{formatDate(lang, e.registeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}

const place = (a: Address) => (a.divisionCode ? `${a.address}（${a.divisionCode}）` : a.address);

export function EntityPage({ uscc }: { uscc: string }) {
  const lang = useLang();
  const names = useNames();
  const entity = useData<EntityDetail>(`/api/entities/${uscc}`);
  const { data, error } = entity;
  if (error && !data) return <ErrorPage error={error} />;
  if (!data)
    return (
      <main>
        <LoadState state={entity} />
      </main>
    );
  return (
    <main>
      <div class="card" data-testid="entity">
        <h2>{data.name}</h2>
        <p>
          {t(lang, 'usccShort')} {data.uscc} · {statusLabel(lang, data.status)} ·{' '}
          <a href={`#/processes/${data.processId}`}>{data.processId}</a>
        </p>
        <p>
          {t(lang, 'residence')}: {place(data.residence)}
        </p>
        <p>
          {t(lang, 'businessAddresses')}: {data.businessAddresses.map(place).join('；')}
        </p>
        <p>
          {t(lang, 'taxOffice')}: {names.org(lang, data.taxOffice)}
        </p>
      </div>
      <div class="card">
        <h3>{t(lang, 'licences')}</h3>
        <table data-testid="licences">
          <tbody>
            {data.licences.map((l) => (
              <tr data-licence={l.id}>
                <td>
                  {l.powerCode} {l.powerName}
                </td>
                <td>
                  {statusLabel(lang, l.status)}
                  {l.conditionsDue ? ` (${l.conditionsDue})` : ''}
                </td>
                <td>
                  {t(lang, 'verification')}: {statusLabel(lang, l.verification.status)} · {t(lang, 'due')}{' '}
                  {formatDate(lang, l.verification.rectificationDue ?? l.verification.dueAt)}
                  {l.verification.overdue && <span class="badge">{t(lang, 'overdue')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="card">
        <h3>{t(lang, 'credit')}</h3>
        {data.credit.records.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
        {data.credit.records.map((c) => (
          <p data-credit={c.id}>
            {formatDate(lang, c.recordedAt)} · {creditKindLabel(lang, c.kind)} · {creditStatusLabel(lang, c.status)} · {c.reason}
          </p>
        ))}
        <h3>{t(lang, 'penaltyCases')}</h3>
        {data.penaltyCases.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
        {data.penaltyCases.map((p) => (
          <p data-case={p.id}>
            {p.id} · {names.org(lang, p.enforcementOrg)} · {statusLabel(lang, p.status)} · {p.reason}
          </p>
        ))}
      </div>
    </main>
  );
}
