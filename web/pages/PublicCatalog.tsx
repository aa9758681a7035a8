import { LoadState } from '../components/LoadState';
import { enumLabel, fieldLabel, formatDay, t, useLang } from '../i18n';
import { useData } from '../use-data';

interface PublicCatalog {
  version: number;
  effectiveDate: string;
  powers: {
    code: string;
    name: string;
    kind: string;
    legalBasis: string;
    commitmentApplicable: boolean;
    holding: { mode: string; grantedBy: string; document: string; validFrom: string } | null;
    entrustableOnward: boolean;
  }[];
}

/** The catalogue as published to everyone (“形成清单对外公布”): no login, nothing but what is listed. */
export function PublicCatalogPage() {
  const lang = useLang();
  const state = useData<PublicCatalog>('/api/public/powers');
  const catalog = state.data;
  return (
    <main>
      <div class="card">
        <h2>{t(lang, 'publicCatalog')}</h2>
        <p>{t(lang, 'publicCatalogIntro')}</p>
        <LoadState state={state} empty={catalog?.powers.length === 0} />
        {catalog && (
          <>
            <p data-testid="public-catalog-version">
              {t(lang, 'catalogVersion')} {catalog.version} · {formatDay(lang, catalog.effectiveDate)}
            </p>
            <table data-testid="public-powers">
              <thead>
                <tr>
                  <th>{fieldLabel(lang, 'code')}</th>
                  <th>{fieldLabel(lang, 'name')}</th>
                  <th>{fieldLabel(lang, 'kind')}</th>
                  <th>{fieldLabel(lang, 'legalBasis')}</th>
                  <th>{fieldLabel(lang, 'commitmentApplicable')}</th>
                  <th>{t(lang, 'heldBy')}</th>
                  <th>{t(lang, 'entrustableOnward')}</th>
                </tr>
              </thead>
              <tbody>
                {catalog.powers.map((p) => (
                  <tr data-power={p.code}>
                    <td>{p.code}</td>
                    <td>{p.name}</td>
                    <td>{fieldLabel(lang, p.kind)}</td>
                    <td>{p.legalBasis}</td>
                    <td>{p.commitmentApplicable ? '✓' : ''}</td>
                    <td>
                      {p.holding && (
                        <>
                          {enumLabel(lang, 'holding', p.holding.mode)} · {p.holding.grantedBy} · {p.holding.document} ·{' '}
                          {formatDay(lang, p.holding.validFrom)}
                        </>
                      )}
                    </td>
                    <td>{p.entrustableOnward ? '✓' : t(lang, 'notEntrustable')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        <p>
          <a href="#/login">{t(lang, 'backToLogin')}</a>
        </p>
      </div>
    </main>
  );
}
