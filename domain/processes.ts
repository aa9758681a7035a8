import type { z } from 'zod';
import type { ActionDefinition } from './actions';
import type { Role } from './identity';
import { processIds, type ProcessType } from './names';
import {
  zoneActions,
  zoneEstablishmentInputSchema,
  ZONE_STAGE_LABELS,
  ZONE_STAGES,
  ZONE_TRANSITIONS,
} from './zone-establishment';

/** What the API needs to launch a process type and route its actions to the workflow. */
export interface ProcessDefinition<I = unknown> {
  type: ProcessType;
  workflowType: string;
  inputSchema: z.ZodType<I>;
  /** The business key as workflow id: a second start with the same key is refused. */
  processId(input: I): string;
  zoneCode(input: I): string | undefined;
  launchedBy: { orgIds: string[]; role: Role };
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

/** Process types available so far; the others of `PROCESS_TYPES` arrive with their issues. */
// Each definition is typed by its own input; the table holds them side by side.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const processDefinitions: Partial<Record<ProcessType, ProcessDefinition<any>>> = {
  'zone-establishment': zoneEstablishment,
};

export const allActions: Record<string, ActionDefinition> = Object.assign(
  {},
  ...Object.values(processDefinitions).map((definition) => definition!.actions),
);

/** The process type of a workflow id, from its id format. */
export function definitionOfWorkflowType(workflowType: string): ProcessDefinition | undefined {
  return Object.values(processDefinitions).find((definition) => definition!.workflowType === workflowType);
}
