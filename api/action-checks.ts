import { announcementRefusal, type AgreementContent } from '../domain/agreements';
import { chinaDate } from '../domain/calendar';
import { checkFigures, type IndicatorDefinition, type IndicatorReport } from '../domain/economic-indicators';
import { orgIds } from '../domain/names';
import { changedFacts, type Correction, type DecisionFacts } from '../domain/penalties';
import { mayAnswerDemands, type DemandRouting } from '../domain/reform';
import { listedPenaltyPowers, type CatalogDraft } from '../domain/powers';
import type { MemorandumContent } from '../domain/zone-establishment';
import { checkAgreementDraft } from '../store/agreements';
import { areaRefusals } from '../store/divisions';
import { organizationKind } from '../store/organizations';
import { penaltyZone } from '../store/penalty-records';
import { openAnnouncementTask } from '../store/tasks';
import { refused, refusedAll } from './errors';
import type { ApiDeps } from './route';

type Check = (deps: ApiDeps, context: Record<string, unknown>, processId: string, payload: unknown) => Promise<void>;

/**
 * Checks of a task's payload against the records, made before the update so the caller gets field
 * paths; the workflow makes the same check again before it decides.
 */
/** A report's figures against the definitions of its round, which the task carries. */
const checkIndicatorReport: Check = async (_deps, context, _processId, payload) => {
  const problems = checkFigures((context.definitions ?? []) as IndicatorDefinition[], (payload as IndicatorReport).figures);
  // Every figure's cause at once, each on its field with its code, as the workflow refuses them.
  if (problems.length) throw refusedAll(problems.map((p) => p.refusal));
};

const checks: Record<string, Check> = {
  reportIndicators: checkIndicatorReport,
  correctIndicators: checkIndicatorReport,
  /** The memorandum draws its area from the county's own townships and parks, as the division data has them. */
  async draftMemorandum(deps, _context, processId, payload) {
    const county = /^zone-(\d{6})$/.exec(processId)?.[1];
    if (!county) return;
    const { boundary } = payload as MemorandumContent;
    const problems = await areaRefusals(deps.db, county, boundary, 'body.boundary');
    if (problems.length) throw refusedAll(problems);
  },
  async draftAgreement(deps, context, processId, payload) {
    const problems = await deps.db.together((q) =>
      checkAgreementDraft(q, {
        agreementId: processId,
        zoneCode: String(context.zoneCode),
        content: payload as AgreementContent,
      }),
    );
    if (!problems.length) return;
    // Every cause at once, each on its field with its code.
    throw refusedAll(problems.map((p) => p.refusal!));
  },
  async draftCatalog(_deps, _context, _processId, payload) {
    const { powers } = payload as CatalogDraft;
    const listed = listedPenaltyPowers(powers);
    if (!listed.length) return;
    // Penalties are not entrusted: local enforcement imposes them under its own authority (四(三)1).
    throw refusedAll(
      listed.map((index) => ({
        code: 'PENALTY_POWER_LISTED',
        params: { powerCodes: [powers[index].code] },
        path: `body.powers.${index}.status`,
      })),
    );
  },
  // A correction completes the report; the delivered decision's facts (in the task's context) stay as they are.
  async correctPenalty(deps, context, _processId, payload) {
    const facts = context.facts as (DecisionFacts & { decisionNumber: string }) | undefined;
    // Reports filed before the local-authority rules carry no fixed facts: their workflow checks them its own way.
    if (!facts) return;
    const changed = changedFacts(facts, payload as Correction);
    if (!changed.length) return;
    // The same refusal as the workflow's: only the enforcement body of the zone's county changes its decision.
    const penalty = await penaltyZone(deps.db, facts.decisionNumber);
    const zoneCode = penalty?.zone_code ?? '';
    throw refused('DECISION_FACT_CHANGED', {
      fields: changed.map((field) => `body.${field}`),
      enforcementOrgId: orgIds.enforcement(zoneCode),
    });
  },
  /** A demand goes to an organisation that exists and acts (not the auditors). */
  async routeDemand(deps, _context, _processId, payload) {
    const { responsibleOrg } = payload as DemandRouting;
    const org = await organizationKind(deps.db, responsibleOrg);
    if (org && mayAnswerDemands(org)) return;
    throw refused('ORG_CANNOT_ANSWER', { orgId: responsibleOrg }, 'body.responsibleOrg');
  },
  /** The announcement's date against today and the open task: opened when both signed, due by the period's end. */
  async announceAgreement(deps, _context, processId, payload) {
    const task = await openAnnouncementTask(deps.db, processId);
    if (!task?.due_at) return;
    const day = (at: Date | string) => chinaDate(new Date(at));
    const { announcedOn } = payload as { announcedOn: string };
    const refusal = announcementRefusal(announcedOn, {
      today: chinaDate(new Date()),
      concludedOn: day(task.opened_at),
      announceBy: day(task.due_at),
    });
    if (refusal) throw refusedAll([refusal]);
  },
};

export async function checkActionAgainstRecords(
  deps: ApiDeps,
  action: string,
  context: Record<string, unknown>,
  processId: string,
  payload: unknown,
): Promise<void> {
  await checks[action]?.(deps, context, processId, payload);
}
