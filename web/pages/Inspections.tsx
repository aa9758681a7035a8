import { LoadState } from '../components/LoadState';
import { formatDay, t, useLang, type Lang } from '../i18n';
import { useData } from '../use-data';

/** Where an inspection stands, as the console says it (domain/supervision.ts has the same words for the API). */
const STATUS: Record<string, [string, string]> = {
  DRAWN: ['待检查', 'To inspect'],
  RECTIFYING: ['责令整改中', 'Rectifying'],
  REINSPECTING: ['整改期满待复查', 'Awaiting re-inspection'],
  COMPLIANT: ['未发现问题／整改到位', 'Compliant'],
  PENALTY_CASE: ['已立案查处', 'Penalty case opened'],
};
const SELECTION: Record<string, [string, string]> = { random: ['双随机抽查', 'Random'], targeted: ['重点检查', 'Targeted'] };
const SIGNALS: Record<string, [string, string]> = {
  revokedCommitment: ['告知承诺被撤销', 'Commitment revoked'],
  recognisedPenalty: ['行政处罚已认可', 'Penalty recognised'],
  overdueVerification: ['承诺核查逾期', 'Verification overdue'],
};
const BADGE: Record<string, string> = { COMPLIANT: 'done', PENALTY_CASE: 'overdue', RECTIFYING: '', REINSPECTING: '', DRAWN: '' };
const say = (lang: Lang, words: Record<string, [string, string]>, code: string) => words[code]?.[lang === 'zh' ? 0 : 1] ?? code;

interface PublicInspection {
  uscc: string;
  entityName: string;
  zoneName: string | null;
  enforcementName: string | null;
  selection: string;
  seed: string;
  planId: string;
  inspectedOn: string | null;
  status: string;
  rectifyBy: string | null;
  reinspectedOn: string | null;
}

/** 一公开: the results, for everyone, without a login. */
export function PublicInspections() {
  const lang = useLang();
  const state = useData<{ items: PublicInspection[] }>(`/api/public/inspections?lang=${lang}`);
  const items = state.data?.items ?? [];
  return (
    <main>
      <div class="card">
        <h2>{t(lang, 'publicInspections')}</h2>
        <p>{t(lang, 'publicInspectionsIntro')}</p>
        <LoadState state={state} empty={items.length === 0} />
        {items.length > 0 && (
          <table data-testid="public-inspections">
            <thead>
              <tr>
                <th>{t(lang, 'inspectedEntity')}</th>
                <th>{t(lang, 'zones')}</th>
                <th>{t(lang, 'enforcementBody')}</th>
                <th>{t(lang, 'drawSeed')}</th>
                <th>{t(lang, 'inspectionResult')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr data-uscc={i.uscc} data-status={i.status}>
                  <td>
                    {i.entityName}
                    <br />
                    <span class="muted">{i.uscc}</span>
                  </td>
                  <td>{i.zoneName}</td>
                  <td>{i.enforcementName}</td>
                  <td>
                    {say(lang, SELECTION, i.selection)} · <code>{i.seed}</code>
                  </td>
                  <td>
                    <span class={`badge ${BADGE[i.status] ?? ''}`}>{say(lang, STATUS, i.status)}</span>{' '}
                    {i.inspectedOn ? formatDay(lang, i.inspectedOn) : ''}
                    {i.rectifyBy && (
                      <span class="muted">
                        {' '}
                        · {t(lang, 'rectifyBy')} {formatDay(lang, i.rectifyBy)}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p>
          <a href="#/login">{t(lang, 'backToLogin')}</a>
        </p>
      </div>
    </main>
  );
}

interface Inspection extends PublicInspection {
  id: string;
  processId: string;
  grade: string;
  signals: string[];
  inspectors: string[];
  conflict: string | null;
  findings: string | null;
  planTitle: string;
}

/** The plans and their inspections as the organisations see them: who was drawn, by whom, with which seed, and the findings. */
export function Inspections() {
  const lang = useLang();
  const state = useData<{ items: Inspection[] }>('/api/inspections');
  const items = state.data?.items ?? [];
  return (
    <main>
      <div class="card">
        <p>
          <a href="#/launch" data-testid="new-inspection-plan">
            {t(lang, 'newInspectionPlan')}
          </a>{' '}
          · <a href="#/public/inspections">{t(lang, 'publicInspections')}</a>
        </p>
        <LoadState state={state} empty={items.length === 0} />
        {items.length > 0 && (
          <table data-testid="inspections">
            <thead>
              <tr>
                <th>{t(lang, 'process')}</th>
                <th>{t(lang, 'inspectedEntity')}</th>
                <th>{t(lang, 'creditGrade')}</th>
                <th>{t(lang, 'riskSignals')}</th>
                <th>{t(lang, 'inspectors')}</th>
                <th>{t(lang, 'inspectionResult')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr data-uscc={i.uscc} data-status={i.status} data-process={i.processId}>
                  <td>
                    <a href={`#/processes/${encodeURIComponent(i.processId)}`}>{i.planTitle}</a>
                    <br />
                    <span class="muted">
                      {say(lang, SELECTION, i.selection)} · {t(lang, 'drawSeed')} <code>{i.seed}</code>
                    </span>
                  </td>
                  <td>
                    {i.entityName}
                    <br />
                    <span class="muted">{i.uscc}</span>
                  </td>
                  <td>{i.grade}</td>
                  <td>{i.signals.map((s) => say(lang, SIGNALS, s)).join('、')}</td>
                  <td>{i.inspectors.join('、')}</td>
                  <td>
                    <span class={`badge ${BADGE[i.status] ?? ''}`}>{say(lang, STATUS, i.status)}</span>
                    {i.findings && <div class="muted">{i.findings}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </main>
  );
}
