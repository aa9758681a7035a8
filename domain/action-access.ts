/**
 * Who may act on a process: for each action, which organisations (its role is the action's own,
 * domain/actions.ts). One table, read by the API's access check (api/access.ts, before the engine is
 * asked) and by the workflows' validators (which check again, for whoever reaches the engine).
 */
import { orgIds } from './names';

/** Which organisations may perform an action; its role is the action's own (domain/actions.ts). */
export type ActionOrgs =
  /** The organisation the task is addressed to. */
  | 'addressee'
  /** The two parties of a zone: its county's government and the FTZ. */
  | 'zone-parties'
  /** The zone's county enforcement (`le-<code>`), which made the decision the process is about. */
  | 'zone-enforcement'
  /** The zone's management body and the FTZ: the windows where an entity files a request. */
  | 'zone-window'
  | readonly string[];

export const actionOrgs: Record<string, ActionOrgs> = {
  draftMemorandum: 'addressee',
  reviewMemorandum: 'addressee',
  nameManagementBody: 'addressee',
  decideOverdueMemorandum: 'addressee',
  proposeAmendment: 'zone-parties',
  suspendZone: ['city'],
  resumeZone: ['city'],
  proposeTermination: 'zone-parties',
  consentTermination: 'addressee',
  draftCatalog: 'addressee',
  approveCatalog: 'addressee',
  draftAgreement: 'addressee',
  reviewAgreement: 'addressee',
  announceAgreement: 'addressee',
  decideRenewal: 'addressee',
  terminateAgreement: 'zone-parties',
  consentRegistration: 'addressee',
  requestTaxTransfer: 'addressee',
  approveTaxTransfer: 'addressee',
  confirmTaxTransfer: 'addressee',
  verifyCommitment: 'addressee',
  recheckCommitment: 'addressee',
  reviewLicenceApplication: 'addressee',
  checkOnSite: 'addressee',
  decideLicence: 'addressee',
  reportPenalty: 'addressee',
  reviewPenalty: 'addressee',
  correctPenalty: 'addressee',
  withdrawPenalty: 'zone-enforcement',
  requestCreditRepair: 'zone-window',
  decideCreditRepair: 'addressee',
  // The task names the zone's government: another county's may not decide for it.
  decidePilot: 'addressee',
  // The task names the zone's body (report, correct) or the FTZ (check): nobody reports for another zone.
  reportIndicators: 'addressee',
  reviewIndicators: 'addressee',
  correctIndicators: 'addressee',
  // The proposing zone's organisation writes its proposal; the FTZ evaluates it.
  proposePractice: 'addressee',
  evaluatePractice: 'addressee',
  // The FTZ routes a demand; the organisation it was routed to answers.
  routeDemand: 'addressee',
  answerDemand: 'addressee',
  // The task is the county enforcement's (le-<code>): nobody else inspects or records the result.
  inspectEntity: 'addressee',
  reinspectEntity: 'addressee',
  // The organisation responsible for a message an outside system did not take, named by its task.
  resolveFailedExchange: 'addressee',
};

/** What names the organisations: the task being completed, or the process's zone. */
export interface ActionFacts {
  taskOrgId?: string;
  zoneCode?: string | null;
}

/** The organisations a rule names, given the facts; none where a fact it needs is missing. */
export function orgsNamed(orgs: ActionOrgs, facts: ActionFacts): string[] {
  if (orgs === 'addressee') return facts.taskOrgId ? [facts.taskOrgId] : [];
  if (orgs === 'zone-parties') return facts.zoneCode ? [orgIds.government(facts.zoneCode), 'ftz'] : [];
  if (orgs === 'zone-enforcement') return facts.zoneCode ? [orgIds.enforcement(facts.zoneCode)] : [];
  if (orgs === 'zone-window') return facts.zoneCode ? [orgIds.zoneBody(facts.zoneCode), 'ftz'] : [];
  return [...orgs];
}

/** The organisations that may start a process action (one no task stands for) on a zone's process. */
export function whoMayAct(action: string, zoneCode: string): string[] {
  return orgsNamed(actionOrgs[action] ?? [], { zoneCode });
}
