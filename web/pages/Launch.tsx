import { useState } from 'preact/hooks';
import { api, RequestFailed, type ApiError } from '../api';
import { SchemaForm, type Choice, type Schema } from '../components/SchemaForm';
import { t, useLang } from '../i18n';
import { useData } from '../use-data';
import type { Organization } from './Registries';

export function Launch() {
  const lang = useLang();
  const types = useData<{ type: string; title: string; launchable: boolean; inputSchema: Schema }[]>(`/api/process-types?lang=${lang}`);
  const orgs = useData<Organization[]>('/api/organizations');
  const zones = useData<{ code: string; name: string; status: string }[]>('/api/zones?status=ACTIVE');
  const catalog = useData<{ powers: { code: string; name: string; status: string; commitmentApplicable: boolean }[] }>('/api/powers');
  // Licences on commitment are asked only for powers open to commitment.
  const commitmentPowers = (catalog.data?.powers ?? [])
    .filter((p) => p.status === 'listed' && p.commitmentApplicable)
    .map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }));
  const [failure, setFailure] = useState<{ type: string; error: ApiError }>();
  const counties: Choice[] = (orgs.data ?? [])
    .filter((o) => o.kind === 'government' && o.countyCode)
    .map((o) => ({ value: o.countyCode!, label: `${(lang === 'zh' ? o.nameZh : o.nameEn).replace(/人民政府$| Government$/, '')} (${o.countyCode})` }));
  const launchable = (types.data ?? []).filter((pt) => pt.launchable);
  return (
    <main>
      {types.data && launchable.length === 0 && <p class="muted">{t(lang, 'none')}</p>}
      {launchable.map((pt) => (
        <div class="card" data-testid={`launch-${pt.type}`}>
          <h2>{pt.title}</h2>
          {failure?.type === pt.type && !Object.keys(failure.error.fields).length && <p class="error">{failure.error.message}</p>}
          <SchemaForm
            schema={pt.inputSchema}
            errors={failure?.type === pt.type ? failure.error.fields : {}}
            choices={{
              countyCode: counties,
              zoneCode: (zones.data ?? []).map((z) => ({ value: z.code, label: `${z.name} (${z.code})` })),
              powerCode: commitmentPowers,
            }}
            onSubmit={async (input) => {
              try {
                const started = await api<{ id: string }>('POST', `/api/processes/${pt.type}`, input);
                location.hash = `#/processes/${encodeURIComponent(started.id)}`;
              } catch (error) {
                if (error instanceof RequestFailed) setFailure({ type: pt.type, error: error.error });
              }
            }}
          />
        </div>
      ))}
    </main>
  );
}
