import { api } from '../api';
import { SchemaForm, type Choice, type Choices, type Schema } from '../components/SchemaForm';
import type { Values } from '../components/schema-values';
import { FIRST_BATCH, POLICY_APPROVAL } from '../../domain/first-batch';
import { useDivisions } from '../divisions';
import { t, useLang } from '../i18n';
import { useData } from '../use-data';
import { LoadState } from '../components/LoadState';
import type { Organization } from './Registries';

export function Launch() {
  const lang = useLang();
  const types = useData<{ type: string; title: string; launchable: boolean; inputSchema: Schema }[]>(`/api/process-types?lang=${lang}`);
  const orgs = useData<Organization[]>('/api/organizations');
  const zones = useData<{ code: string; name: string; status: string }[]>('/api/zones?status=ACTIVE');
  const catalog = useData<{ powers: { code: string; name: string; kind: string; status: string; commitmentApplicable: boolean }[] }>(
    '/api/powers',
  );
  const entities = useData<{ items: { uscc: string; name: string }[] }>('/api/entities?limit=500');
  const pilots = useData<{ measures: { code: string; title: string }[] }>(`/api/pilots?lang=${lang}`);
  const listed = (catalog.data?.powers ?? []).filter((p) => p.status === 'listed');
  const powerChoice = (p: { code: string; name: string }) => ({ value: p.code, label: `${p.code} ${p.name}` });
  const counties: Choice[] = (orgs.data ?? [])
    .filter((o) => o.kind === 'government' && o.countyCode)
    .map((o) => ({
      value: o.countyCode!,
      label: `${(lang === 'zh' ? o.nameZh : o.nameEn).replace(/人民政府$| Government$/, '')} (${o.countyCode})`,
    }));
  const zoneChoices = (zones.data ?? []).map((z) => ({ value: z.code, label: `${z.name} (${z.code})` }));
  const divisions = useDivisions();
  // Each launch's fixed lists: licences on commitment only for powers open to it; a penalty under any listed power.
  // A residence's township and park are those of the county chosen beside them.
  const choicesOf = (type: string): Record<string, Choices> => ({
    countyCode: counties,
    divisionCode: counties,
    townshipCode: (sibling) => divisions.townshipsOf(String(sibling('divisionCode') ?? '')),
    parkId: (sibling) => divisions.parksOf(String(sibling('divisionCode') ?? '')),
    zoneCode: zoneChoices,
    powerCode: (type === 'entity-registration'
      ? listed.filter((p) => p.commitmentApplicable)
      : type === 'penalty-report'
        ? listed.filter((p) => p.kind === 'penalty')
        : listed
    ).map(powerChoice),
  });
  const suggestions: Record<string, Choice[]> = {
    uscc: (entities.data?.items ?? []).map((e) => ({ value: e.uscc, label: e.name })),
    measureCode: (pilots.data?.measures ?? []).map((m) => ({ value: m.code, label: m.title })),
  };
  const launchable = (types.data ?? []).filter((pt) => pt.launchable);
  return (
    <main>
      <h2 class="page-title">{t(lang, 'launch')}</h2>
      <LoadState state={types} empty={launchable.length === 0} />
      {launchable.map((pt) => (
        <div class="card" data-testid={`launch-${pt.type}`}>
          <h2>{pt.title}</h2>
          <SchemaForm
            schema={pt.inputSchema}
            choices={choicesOf(pt.type)}
            suggestions={pt.type === 'penalty-report' || pt.type === 'pilot-adoption' ? suggestions : {}}
            derive={pt.type === 'zone-establishment' ? firstBatchApproval : undefined}
            submit={async (input) => {
              const started = await api<{ id: string }>('POST', `/api/processes/${pt.type}`, input);
              location.hash = `#/processes/${encodeURIComponent(started.id)}`;
            }}
          />
        </div>
      ))}
    </main>
  );
}

/**
 * The first batch (盖州市, 鲅鱼圈区) is approved by the policy itself: choosing one fills in its approval;
 * choosing another county clears that pre-fill (never what was typed), for the city's own approval.
 */
function firstBatchApproval(path: string, value: unknown, values: Values): Values {
  if (path !== 'countyCode') return {};
  if (FIRST_BATCH.includes(String(value)))
    return { 'approval.documentNumber': POLICY_APPROVAL.documentNumber, 'approval.approvedOn': POLICY_APPROVAL.approvedOn };
  const prefilled = values['approval.documentNumber'] === POLICY_APPROVAL.documentNumber;
  return prefilled ? { 'approval.documentNumber': '', 'approval.approvedOn': '' } : {};
}
