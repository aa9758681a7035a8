import { t, useLang } from '../i18n';
import { pilotStatusLabel } from '../labels';
import { useData } from '../use-data';

interface Pilots {
  measures: {
    code: string;
    title: string;
    grantedBy: string;
    grantedOn: string;
    zones: { zoneCode: string; zoneName: string; status: string; decidedOn: string | null; note: string | null; processId: string }[];
  }[];
  zones: { zoneCode: string; zoneName: string }[];
}

const BADGE: Record<string, string> = { ADOPTED: 'done', DECLINED: 'overdue', PENDING: '' };

/** Which zone runs which reform measure: measures down, zones across (the ACTIVE ones and any offered a measure before). */
export function Pilots() {
  const lang = useLang();
  const { data } = useData<Pilots>(`/api/pilots?lang=${lang}`);
  const registry = useData<{ code: string; name: string; status: string }[]>('/api/zones').data ?? [];
  const zones = [
    ...(data?.zones ?? []),
    ...registry
      .filter((z) => z.status === 'ACTIVE' && !data?.zones.some((o) => o.zoneCode === z.code))
      .map((z) => ({ zoneCode: z.code, zoneName: z.name })),
  ].sort((a, b) => a.zoneCode.localeCompare(b.zoneCode));
  return (
    <main>
      <div class="card">
        <table data-testid="pilots">
          <thead>
            <tr>
              <th>{t(lang, 'measure')}</th>
              <th>{t(lang, 'grantedBy')}</th>
              {zones.map((z) => (
                <th data-zone={z.zoneCode}>{z.zoneName}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(data?.measures ?? []).map((m) => (
              <tr data-measure={m.code}>
                <td>
                  {m.code} {m.title}
                </td>
                <td>
                  {m.grantedBy} · {m.grantedOn}
                </td>
                {zones.map((z) => {
                  const decision = m.zones.find((d) => d.zoneCode === z.zoneCode);
                  if (!decision)
                    return (
                      <td class="muted" data-zone={z.zoneCode}>
                        {t(lang, 'notOffered')}
                      </td>
                    );
                  return (
                    <td data-zone={z.zoneCode} data-status={decision.status} title={decision.note ?? ''}>
                      <a href={`#/processes/${encodeURIComponent(decision.processId)}`}>
                        <span class={`badge ${BADGE[decision.status] ?? ''}`}>{pilotStatusLabel(lang, decision.status)}</span>
                      </a>{' '}
                      {decision.decidedOn ?? ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
