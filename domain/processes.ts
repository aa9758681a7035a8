import { z } from 'zod';
import type { ActionDefinition } from './actions';
import {
  AGREEMENT_STAGE_LABELS,
  AGREEMENT_STAGES,
  AGREEMENT_TRANSITIONS,
  agreementActions,
  agreementInputSchema,
  type AgreementInput,
} from './agreements';
import {
  PENALTY_STAGE_LABELS,
  PENALTY_STAGES,
  PENALTY_TRANSITIONS,
  penaltyActions,
  penaltyInputSchema,
  type PenaltyInput,
} from './penalties';
import {
  INDICATORS_STAGE_LABELS,
  INDICATORS_STAGES,
  INDICATORS_TRANSITIONS,
  indicatorActions,
  indicatorsInputSchema,
  indicatorsProcessId,
  type IndicatorsInput,
} from './economic-indicators';
import {
  SUPERVISION_STAGE_LABELS,
  SUPERVISION_STAGES,
  SUPERVISION_TRANSITIONS,
  supervisionActions,
  supervisionInputSchema,
  supervisionProcessId,
  type SupervisionInput,
} from './supervision';
import {
  PILOT_STAGE_LABELS,
  PILOT_STAGES,
  PILOT_TRANSITIONS,
  pilotActions,
  pilotInputSchema,
  pilotProcessId,
  type PilotInput,
} from './pilots';
import {
  DEMAND_STAGE_LABELS,
  DEMAND_STAGES,
  DEMAND_TRANSITIONS,
  demandActions,
  demandInputSchema,
  PRACTICE_STAGE_LABELS,
  PRACTICE_STAGES,
  PRACTICE_TRANSITIONS,
  practiceActions,
  practiceInputSchema,
  type DemandInput,
  type PracticeInput,
} from './reform';
import {
  exchangeFailureActions,
  exchangeFailureInputSchema,
  exchangeFailureProcessId,
  FAILURE_STAGE_LABELS,
  FAILURE_STAGES,
  FAILURE_TRANSITIONS,
  type ExchangeFailureInput,
} from './exchange-failures';
import { CATALOG_STAGE_LABELS, CATALOG_STAGES, CATALOG_TRANSITIONS, catalogActions } from './powers';
import type { Role } from './identity';
import { processIds, type ProcessType } from './names';
import {
  applicationSchema,
  REGISTRATION_STAGE_LABELS,
  REGISTRATION_STAGES,
  REGISTRATION_TRANSITIONS,
  registrationActions,
  type Application,
} from './registration';
import { zoneActions, zoneEstablishmentInputSchema, ZONE_STAGE_LABELS, ZONE_STAGES, ZONE_TRANSITIONS } from './zone-establishment';

/** What the API needs to launch a process type and route its actions to the workflow. */
export interface ProcessDefinition<I = unknown> {
  type: ProcessType;
  workflowType: string;
  inputSchema: z.ZodType<I>;
  /** The workflow id: a business key where a second start must be refused, else made unique by `nonce`. */
  processId(input: I, nonce: string): string;
  zoneCode(input: I): string | undefined;
  /** The USCC of the entity the process is about, for search (EntityUscc); none for most types. */
  entityUscc?(input: I): string | undefined;
  /** Who may launch it: named organisations, and organisations of a kind in any county (`zone-`, `le-`). */
  launchedBy: { orgIds: string[]; countyOrgKinds?: string[]; role: Role };
  title: { zh: string; en: string };
  stages: readonly string[];
  stageLabels: Record<string, { zh: string; en: string }>;
  transitions: readonly (readonly [string, string])[];
  /** Every action an update of this workflow accepts, task-bound or not. */
  actions: Record<string, ActionDefinition>;
  /** Actions started from the process page rather than from a task. */
  processActions: string[];
}

const zoneEstablishment: ProcessDefinition<z.infer<typeof zoneEstablishmentInputSchema>> = {
  type: 'zone-establishment',
  workflowType: 'zoneEstablishment',
  inputSchema: zoneEstablishmentInputSchema,
  processId: (input) => processIds.zoneEstablishment(input.countyCode),
  zoneCode: (input) => input.countyCode,
  launchedBy: { orgIds: ['city'], role: 'admin' },
  title: { zh: '协同区设立', en: 'Zone establishment' },
  stages: ZONE_STAGES,
  stageLabels: ZONE_STAGE_LABELS,
  transitions: ZONE_TRANSITIONS,
  actions: zoneActions,
  processActions: ['proposeAmendment', 'suspendZone', 'resumeZone', 'proposeTermination'],
};

const powerCatalog: ProcessDefinition<Record<string, never>> = {
  type: 'power-catalog',
  workflowType: 'powerCatalog',
  inputSchema: z.object({}).strict() as z.ZodType<Record<string, never>>,
  // One new version at a time.
  processId: () => 'power-catalog',
  zoneCode: () => undefined,
  launchedBy: { orgIds: ['ftz'], role: 'admin' },
  title: { zh: '职权清单发布', en: 'Power catalogue' },
  stages: CATALOG_STAGES,
  stageLabels: CATALOG_STAGE_LABELS,
  transitions: CATALOG_TRANSITIONS,
  actions: catalogActions,
  processActions: [],
};

const delegationAgreement: ProcessDefinition<AgreementInput> = {
  type: 'delegation-agreement',
  workflowType: 'delegationAgreement',
  inputSchema: agreementInputSchema,
  // A zone may hold several agreements; overlaps are refused item by item.
  processId: (input, nonce) => `agreement-${input.zoneCode}-${nonce}`,
  zoneCode: (input) => input.zoneCode,
  launchedBy: { orgIds: ['ftz'], role: 'admin' },
  title: { zh: '委托协议', en: 'Delegation agreement' },
  stages: AGREEMENT_STAGES,
  stageLabels: AGREEMENT_STAGE_LABELS,
  transitions: AGREEMENT_TRANSITIONS,
  actions: agreementActions,
  processActions: ['terminateAgreement'],
};

const entityRegistration: ProcessDefinition<Application> = {
  type: 'entity-registration',
  workflowType: 'entityRegistration',
  inputSchema: applicationSchema,
  // One registration per USCC at a time; an entity without one gets it issued on registration.
  processId: (input, nonce) => `registration-${input.uscc ?? nonce}`,
  zoneCode: (input) => input.residence.divisionCode,
  entityUscc: (input) => input.uscc,
  // The FTZ's window or any zone's (无差别化受理): the residence decides the county.
  launchedBy: { orgIds: ['ftz'], countyOrgKinds: ['zone'], role: 'staff' },
  title: { zh: '市场主体注册登记与告知承诺核查', en: 'Company registration' },
  stages: REGISTRATION_STAGES,
  stageLabels: REGISTRATION_STAGE_LABELS,
  transitions: REGISTRATION_TRANSITIONS,
  actions: registrationActions,
  processActions: [],
};

const penaltyReport: ProcessDefinition<PenaltyInput> = {
  type: 'penalty-report',
  workflowType: 'penaltyReport',
  inputSchema: penaltyInputSchema,
  // The decision number is unique: a second report of the same decision is refused.
  processId: (input) => processIds.penaltyReport(input.decisionNumber),
  zoneCode: (input) => input.zoneCode,
  entityUscc: (input) => input.decision.uscc,
  // Each county's enforcement files its own decisions (api/eligibility.ts checks the county).
  launchedBy: { orgIds: [], countyOrgKinds: ['le'], role: 'staff' },
  title: { zh: '行政处罚结果抄报与认可', en: 'Penalty report and recognition' },
  stages: PENALTY_STAGES,
  stageLabels: PENALTY_STAGE_LABELS,
  transitions: PENALTY_TRANSITIONS,
  actions: penaltyActions,
  processActions: ['withdrawPenalty', 'requestCreditRepair'],
};

const pilotAdoption: ProcessDefinition<PilotInput> = {
  type: 'pilot-adoption',
  workflowType: 'pilotAdoption',
  inputSchema: pilotInputSchema,
  // One adoption round per measure at a time; launched again later, it offers the zones yet to decide.
  processId: (input) => pilotProcessId(input.measureCode),
  // Every zone takes part: the process belongs to none.
  zoneCode: () => undefined,
  launchedBy: { orgIds: ['ftz'], role: 'admin' },
  title: { zh: '改革试点复制推广', en: 'Reform pilot adoption' },
  stages: PILOT_STAGES,
  stageLabels: PILOT_STAGE_LABELS,
  transitions: PILOT_TRANSITIONS,
  actions: pilotActions,
  processActions: [],
};

const economicIndicators: ProcessDefinition<IndicatorsInput> = {
  type: 'economic-indicators',
  workflowType: 'economicIndicators',
  inputSchema: indicatorsInputSchema,
  // One round per month at a time; launched again later, it offers the zones whose report is not accepted yet.
  processId: (input) => indicatorsProcessId(input.period),
  // Every ACTIVE zone reports: the round belongs to none.
  zoneCode: () => undefined,
  launchedBy: { orgIds: ['ftz'], role: 'admin' },
  title: { zh: '月度经济指标报送', en: 'Monthly economic indicators' },
  stages: INDICATORS_STAGES,
  stageLabels: INDICATORS_STAGE_LABELS,
  transitions: INDICATORS_TRANSITIONS,
  actions: indicatorActions,
  processActions: [],
};

const reformPractice: ProcessDefinition<PracticeInput> = {
  type: 'reform-practice',
  workflowType: 'reformPractice',
  inputSchema: practiceInputSchema,
  // A zone may propose any number of practices.
  processId: (input, nonce) => `practice-${input.zoneCode}-${nonce}`,
  zoneCode: (input) => input.zoneCode,
  // The zone's body or its county's government proposes, for its own zone only (api/eligibility.ts).
  launchedBy: { orgIds: [], countyOrgKinds: ['zone', 'gov'], role: 'staff' },
  title: { zh: '协同区好经验好做法复制推广', en: "A zone's good practice for replication" },
  stages: PRACTICE_STAGES,
  stageLabels: PRACTICE_STAGE_LABELS,
  transitions: PRACTICE_TRANSITIONS,
  actions: practiceActions,
  processActions: [],
};

const reformDemand: ProcessDefinition<DemandInput> = {
  type: 'reform-demand',
  workflowType: 'reformDemand',
  inputSchema: demandInputSchema,
  processId: (input, nonce) => `demand-${input.zoneCode}-${nonce}`,
  zoneCode: (input) => input.zoneCode,
  entityUscc: (input) => input.uscc,
  // The windows (无差别化受理): the FTZ's or any zone body's.
  launchedBy: { orgIds: ['ftz'], countyOrgKinds: ['zone'], role: 'staff' },
  title: { zh: '企业改革诉求', en: "An enterprise's reform demand" },
  stages: DEMAND_STAGES,
  stageLabels: DEMAND_STAGE_LABELS,
  transitions: DEMAND_TRANSITIONS,
  actions: demandActions,
  processActions: [],
};

const supervisionPlan: ProcessDefinition<SupervisionInput> = {
  type: 'supervision-plan',
  workflowType: 'supervisionPlan',
  inputSchema: supervisionInputSchema,
  // A zone may have several plans at once (a random one and a targeted one, or one per season).
  processId: (input, nonce) => supervisionProcessId(input.zoneCode, nonce),
  zoneCode: (input) => input.zoneCode,
  // The FTZ, or the county's own government for its zone (api/eligibility.ts checks the county).
  launchedBy: { orgIds: ['ftz'], countyOrgKinds: ['gov'], role: 'admin' },
  title: { zh: '事中事后监管检查（双随机、一公开）', en: 'Supervision inspections' },
  stages: SUPERVISION_STAGES,
  stageLabels: SUPERVISION_STAGE_LABELS,
  transitions: SUPERVISION_TRANSITIONS,
  actions: supervisionActions,
  processActions: [],
};

/** A message an outside system did not take, as a task for the organisation responsible (started by the delivery only). */
const exchangeFailure: ProcessDefinition<ExchangeFailureInput> = {
  type: 'exchange-failure',
  workflowType: 'exchangeFailure',
  inputSchema: exchangeFailureInputSchema,
  processId: (input) => exchangeFailureProcessId(input.outboxId),
  zoneCode: () => undefined,
  // Nobody launches it: the delivery of a message that failed starts it (workflows/outbox-delivery.ts).
  launchedBy: { orgIds: [], role: 'staff' },
  title: { zh: '外部系统报送失败处理', en: 'A message an outside system did not take' },
  stages: FAILURE_STAGES,
  stageLabels: FAILURE_STAGE_LABELS,
  transitions: FAILURE_TRANSITIONS,
  actions: exchangeFailureActions,
  processActions: [],
};

/** Process types available so far; the others of `PROCESS_TYPES` arrive with their issues. */
// Each definition is typed by its own input; the table holds them side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const processDefinitions: Partial<Record<ProcessType, ProcessDefinition<any>>> = {
  'zone-establishment': zoneEstablishment,
  'power-catalog': powerCatalog,
  'delegation-agreement': delegationAgreement,
  'entity-registration': entityRegistration,
  'penalty-report': penaltyReport,
  'pilot-adoption': pilotAdoption,
  'economic-indicators': economicIndicators,
  'reform-practice': reformPractice,
  'reform-demand': reformDemand,
  'supervision-plan': supervisionPlan,
  'exchange-failure': exchangeFailure,
};

/** Every action by name; no prototype, so a name such as `toString` finds nothing. */
export const allActions: Record<string, ActionDefinition> = Object.assign(
  Object.create(null) as Record<string, ActionDefinition>,
  ...Object.values(processDefinitions).map((definition) => definition!.actions),
);

/** Whether an organisation's user with these roles may launch the process type. */
export function mayLaunch(definition: Pick<ProcessDefinition, 'launchedBy'>, orgId: string, roles: readonly string[]): boolean {
  const { orgIds, countyOrgKinds = [], role } = definition.launchedBy;
  const ofKind = countyOrgKinds.some((kind) => new RegExp(`^${kind}-\\d{6}$`).test(orgId));
  return (orgIds.includes(orgId) || ofKind) && roles.includes(role);
}

/** The process type of a workflow id, from its id format. */
export function definitionOfWorkflowType(workflowType: string): ProcessDefinition | undefined {
  return Object.values(processDefinitions).find((definition) => definition!.workflowType === workflowType);
}
