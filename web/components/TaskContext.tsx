import { enumLabel, fieldLabel, formatDate, t, useLang, type Lang } from '../i18n';
import type { Indicator } from '../../domain/statistics-labels';
import { indicatorLabel, reasonLabel } from '../labels';
import { useNames, type Names } from '../names';
import type { Task } from '../pages/Inbox';
import type { ProcessDetail } from '../pages/ProcessPage';
import { useData } from '../use-data';
import { useCalendars, workingDaysLeft } from '../working-days';
import { Facts } from './Facts';

type Data = Record<string, unknown>;
const obj = (value: unknown): Data => (value && typeof value === 'object' ? (value as Data) : {});
const list = (value: unknown): Data[] => (Array.isArray(value) ? (value as Data[]) : []);

/** Who sent the task and when, and the deadline in working days. */
export function TaskHeader({ task }: { task: Task }) {
  const lang = useLang();
  const names = useNames();
  const calendars = useCalendars();
  const left = task.dueAt ? workingDaysLeft(task.dueAt, calendars) : undefined;
  return (
    <dl class="task-facts" data-testid="task-facts">
      <dt>{t(lang, 'sentBy')}</dt>
      <dd data-testid="sent-by">{task.sentBy ? `${names.org(lang, task.sentBy.orgId)} · ${task.sentBy.userId}` : '—'}</dd>
      <dt>{t(lang, 'received')}</dt>
      <dd>{formatDate(lang, task.openedAt)}</dd>
      <dt>{t(lang, 'due')}</dt>
      <dd>
        {formatDate(lang, task.dueAt)} {task.status === 'open' && task.overdue && <span class="badge overdue">{t(lang, 'overdue')}</span>}
        {task.status === 'open' && !task.overdue && left !== undefined && (
          <span class="badge">{t(lang, 'workingDaysLeft', { n: left })}</span>
        )}
      </dd>
      <dt>{t(lang, 'handledBy')}</dt>
      <dd>{names.org(lang, task.orgId)}</dd>
    </dl>
  );
}

/** What the task decides, from the process's own state: the subject beside the form. */
export function TaskContext({ task, process }: { task: Task; process?: ProcessDetail }) {
  const lang = useLang();
  const names = useNames();
  const data = process?.data ?? {};
  const context = task.context;
  const parts: preact.ComponentChildren[] = [];
  if (typeof context.comments === 'string') {
    parts.push(
      <p class="notice" data-testid="returned-with">
        <strong>{t(lang, 'returnedWith')}：</strong>
        {context.comments}
      </p>,
    );
  }
  for (const key of ['amendmentReason', 'reason'] as const) {
    if (typeof context[key] === 'string') {
      parts.push(
        <p class="notice">
          <strong>{fieldLabel(lang, key)}：</strong>
          {String(context[key])}
          {typeof context.proposedBy === 'string' && ` （${names.org(lang, context.proposedBy)}）`}
        </p>,
      );
    }
  }
  switch (task.processType) {
    case 'zone-establishment':
    case 'delegation-agreement':
      parts.push(<VersionUnderWay context={context} data={data} lang={lang} />);
      break;
    case 'entity-registration':
      parts.push(<Application context={context} data={data} lang={lang} />);
      break;
    case 'penalty-report':
      parts.push(<PenaltyCase context={context} data={data} lang={lang} names={names} />);
      break;
    case 'pilot-adoption':
      parts.push(<Measure context={context} data={data} lang={lang} />);
      break;
    case 'economic-indicators':
      parts.push(<IndicatorReport context={context} lang={lang} />);
      break;
    case 'power-catalog':
      parts.push(<CatalogChanges data={data} lang={lang} />);
      break;
    // What is proposed or asked, field by field: the practice to evaluate, the demand to route or answer.
    case 'reform-practice':
      parts.push(
        <Facts value={context} testId="practice" only={['zoneName', 'practiceTitle', 'practice', 'where', 'startedOn', 'results']} />,
      );
      break;
    case 'reform-demand':
      parts.push(
        <Facts value={context} testId="demand" only={['zoneName', 'enterpriseName', 'uscc', 'category', 'demand', 'receivedOn', 'note']} />,
      );
      break;
    case 'supervision-plan':
      parts.push(<InspectionAssignment context={context} lang={lang} />);
      break;
    // What failed, where and why, and the process that sent it.
    case 'exchange-failure':
      parts.push(<Facts value={context} testId="failed-exchange" only={['channelName', 'failedMessage', 'sourceProcessId']} />);
      break;
  }
  return <div data-testid="task-context">{parts}</div>;
}

/** The memorandum or agreement version to sign or redraft, and what changed since the one before. */
function VersionUnderWay({ context, data, lang }: { context: Data; data: Data; lang: Lang }) {
  const versions = list(data.memoranda ?? data.versions) as { version: number; content: Data }[];
  const wanted = context.version ?? context.returnedVersion ?? context.basedOnVersion;
  const shown = versions.find((m) => m.version === wanted) ?? (context.version === undefined ? versions.at(-1) : undefined);
  if (!shown) return <p class="muted">{String(data.zoneName ?? '')}</p>;
  const previous = versions.find((m) => m.version === shown.version - 1);
  const changed = previous
    ? Object.keys(shown.content).filter((key) => JSON.stringify(shown.content[key]) !== JSON.stringify(previous.content[key]))
    : [];
  return (
    <>
      <h4>
        {String(data.zoneName ?? '')} · {t(lang, 'version')} {shown.version}
      </h4>
      {previous && (
        <p class="muted" data-testid="changed-fields">
          {t(lang, 'changesFrom', { v: previous.version })}：
          {changed.length ? changed.map((key) => fieldLabel(lang, key)).join('、') : t(lang, 'none')}
        </p>
      )}
      <Facts value={shown.content} testId="memorandum" />
    </>
  );
}

/** The company applying, its addresses and the licence items it commits to; or the one licence verified. */
function Application({ context, data, lang }: { context: Data; data: Data; lang: Lang }) {
  const application = obj(data.application);
  const licence = context.licenceId
    ? { powerCode: context.powerCode, commitment: context.commitment, conditionsDue: context.conditionsDue, findings: context.findings }
    : undefined;
  const tax = context.from ? { from: context.from, via: context.via, to: context.to } : undefined;
  return (
    <>
      <h4>{String(application.name ?? context.name ?? '')}</h4>
      <Facts
        value={{ uscc: data.uscc ?? context.uscc, ...application, name: undefined }}
        only={['uscc', 'legalRepresentative', 'residence', 'businessAddresses', 'businessScope', 'licenceItems']}
        testId="application"
      />
      {licence && (
        <>
          <h4>{t(lang, 'licenceToVerify')}</h4>
          <Facts value={licence} testId="licence" />
        </>
      )}
      {tax && (
        <>
          <h4>{t(lang, 'taxTransfer')}</h4>
          <Facts value={tax} />
        </>
      )}
      {list(data.refusals).length > 0 && (
        <>
          <h4>{t(lang, 'refusals')}</h4>
          <ul>
            {list(data.refusals).map((r) => (
              <li>{String(r.words ?? r.message ?? r.reason ?? JSON.stringify(r))}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The decision as it stands, this round's return reasons (for the correction) and every earlier round. */
function PenaltyCase({ context, data, lang, names }: { context: Data; data: Data; lang: Lang; names: Names }) {
  const decision = obj(data.decision ?? context.decision);
  const reviews = list(data.reviews);
  const reasons = Array.isArray(context.reasons) ? (context.reasons as string[]) : [];
  return (
    <>
      {reasons.length > 0 && (
        <div class="notice" data-testid="return-reasons">
          <strong>{t(lang, 'returnedReasons', { round: String(context.round ?? '') })}</strong>
          <ul>
            {reasons.map((code) => (
              <li>{reasonLabel(lang, code)}</li>
            ))}
          </ul>
          {typeof context.note === 'string' && context.note && <p>{context.note}</p>}
        </div>
      )}
      {typeof context.rectification === 'string' && (
        <p class="notice">
          <strong>{fieldLabel(lang, 'rectification')}：</strong>
          {context.rectification}
        </p>
      )}
      <h4>
        {fieldLabel(lang, 'decisionNumber')} {String(data.decisionNumber ?? context.decisionNumber ?? '')}
      </h4>
      <Facts value={decision} testId="decision" />
      <h4>{t(lang, 'reviews')}</h4>
      {reviews.length === 0 ? (
        <p class="muted">{t(lang, 'none')}</p>
      ) : (
        <ol data-testid="earlier-rounds">
          {reviews.map((review) => {
            const reviewer = obj(review.reviewer);
            return (
              <li>
                {t(lang, 'round')} {String(review.round)} · {enumLabel(lang, 'outcome', String(review.decision ?? review.outcome ?? ''))} ·{' '}
                {(Array.isArray(review.reasons) ? (review.reasons as string[]) : []).map((code) => reasonLabel(lang, code)).join('、')}
                {typeof review.note === 'string' && review.note ? ` · ${review.note}` : ''} ·{' '}
                <span class="muted">
                  {names.org(lang, reviewer.orgId as string)} {formatDate(lang, review.at as string)}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

/** The reform measure offered: its title, who granted it and what it is. */
function Measure({ context, data, lang }: { context: Data; data: Data; lang: Lang }) {
  const code = String(context.measureCode ?? obj(data.input).measureCode ?? '');
  const pilots = useData<{ measures: { code: string; title: string; grantedBy: string; grantedOn: string; summary: string | null }[] }>(
    code ? `/api/pilots?measure=${encodeURIComponent(code)}&lang=${lang}` : null,
  );
  const measure = pilots.data?.measures.find((m) => m.code === code);
  const title = obj(context.title)[lang] ?? measure?.title ?? code;
  return (
    <>
      <h4 data-testid="measure-title">
        {code} {String(title)}
      </h4>
      {measure && (
        <Facts value={{ grantedBy: measure.grantedBy, grantedOn: measure.grantedOn, summary: measure.summary }} testId="measure" />
      )}
      {typeof context.zoneName === 'string' && (
        <p>
          {t(lang, 'zones')}：{context.zoneName}
        </p>
      )}
    </>
  );
}

/** A catalogue draft against the version in force: the powers added, delisted or changed. */
function CatalogChanges({ data, lang }: { data: Data; lang: Lang }) {
  const draft = obj(data.draft);
  const before = list(obj(data.basedOn).powers);
  const after = list(draft.powers);
  if (!after.length) return null;
  const changes = after.flatMap((p) => {
    const old = before.find((b) => b.code === p.code);
    if (!old) return [[t(lang, 'added'), p] as const];
    if (old.status !== p.status) return [[p.status === 'delisted' ? t(lang, 'delisted') : t(lang, 'relisted'), p] as const];
    return JSON.stringify(old) === JSON.stringify(p) ? [] : [[t(lang, 'changed'), p] as const];
  });
  return (
    <>
      <p>
        {fieldLabel(lang, 'effectiveDate')}：{String(draft.effectiveDate ?? '—')}
      </p>
      <h4>{t(lang, 'changesFrom', { v: String(obj(data.basedOn).version ?? '—') })}</h4>
      {changes.length === 0 ? (
        <p class="muted">{t(lang, 'none')}</p>
      ) : (
        <ul data-testid="catalog-changes">
          {changes.map(([what, p]) => (
            <li>
              <span class="badge">{what}</span> {String(p.code)} {String(p.name)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface Definition {
  code: Indicator;
  nameZh: string;
  nameEn: string;
  unit: string;
  definitionZh: string;
}

/**
 * A zone's month: the reasons it was returned with and the figures in doubt (to correct), the figures
 * reported (to check), and what each figure counts, in its unit.
 */
const SIGNAL_WORDS: Record<string, [string, string]> = {
  revokedCommitment: ['告知承诺被撤销', 'Commitment revoked'],
  recognisedPenalty: ['行政处罚已认可', 'Penalty recognised'],
  overdueVerification: ['承诺核查逾期', 'Verification overdue'],
};

/** The entity to inspect, why it was chosen (grade, risk signals, the seed) and who inspects it; on a re-inspection, what was ordered. */
function InspectionAssignment({ context, lang }: { context: Data; lang: Lang }) {
  const signals = (context.signals as string[] | undefined) ?? [];
  return (
    <dl data-testid="inspection-context">
      <dt>{t(lang, 'inspectedEntity')}</dt>
      <dd>
        {String(context.entityName ?? '')}（{String(context.uscc ?? '')}）
      </dd>
      <dt>{t(lang, 'creditGrade')}</dt>
      <dd>{String(context.grade ?? '')}</dd>
      {signals.length > 0 && (
        <>
          <dt>{t(lang, 'riskSignals')}</dt>
          <dd>{signals.map((s) => SIGNAL_WORDS[s]?.[lang === 'zh' ? 0 : 1] ?? s).join('、')}</dd>
        </>
      )}
      <dt>{fieldLabel(lang, 'selection')}</dt>
      <dd>
        {enumLabel(lang, 'selection', String(context.selection ?? ''))} · {t(lang, 'drawSeed')} <code>{String(context.seed ?? '')}</code>
      </dd>
      <dt>{t(lang, 'inspectors')}</dt>
      <dd data-testid="inspectors">{((context.inspectors as string[] | undefined) ?? []).join('、')}</dd>
      {typeof context.rectifyBy === 'string' && (
        <>
          <dt>{t(lang, 'firstFindings')}</dt>
          <dd data-testid="first-findings">
            {String(context.findings ?? '')} · {t(lang, 'rectifyBy')} {context.rectifyBy}
          </dd>
        </>
      )}
    </dl>
  );
}

function IndicatorReport({ context, lang }: { context: Data; lang: Lang }) {
  const definitions = list(context.definitions) as unknown as Definition[];
  const figures = obj(context.figures);
  const inDoubt = (Array.isArray(context.indicators) ? context.indicators : []) as Indicator[];
  return (
    <>
      <h4 data-testid="indicators-zone">
        {String(context.zoneName ?? context.zoneCode ?? '')} · {String(context.period ?? '')}
      </h4>
      {typeof context.reasons === 'string' && (
        <p class="notice" data-testid="returned-with">
          <strong>{t(lang, 'returnedWith')}：</strong>
          {context.reasons}
          {inDoubt.length > 0 && `（${t(lang, 'inDoubt')}：${inDoubt.map((code) => indicatorLabel(lang, code)).join('、')}）`}
        </p>
      )}
      {Object.keys(figures).length > 0 && (
        <>
          <h4>{t(lang, 'reportedFigures')}</h4>
          <table data-testid="reported-figures">
            <tbody>
              {definitions.map((d) => (
                <tr data-indicator={d.code}>
                  <th>{lang === 'zh' ? d.nameZh : d.nameEn}</th>
                  <td>
                    {String(obj(figures[d.code]).value ?? '—')} {String(obj(figures[d.code]).unit ?? '')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {typeof context.note === 'string' && (
            <p class="muted">
              {fieldLabel(lang, 'note')}：{context.note}
            </p>
          )}
        </>
      )}
      <h4>{t(lang, 'indicatorDefinitions')}</h4>
      <dl class="task-facts" data-testid="indicator-definitions">
        {definitions.map((d) => (
          <>
            <dt>
              {lang === 'zh' ? d.nameZh : d.nameEn}（{d.unit}）
            </dt>
            <dd>{d.definitionZh}</dd>
          </>
        ))}
      </dl>
    </>
  );
}
