/**
 * The refusal catalogue: each refusal a stable code with typed parameters, decided where the rule is
 * (an API route, a domain check, a workflow's validator) and worded only when answered, in the
 * caller's language (domain/refusal-wording.ts). Codes never change meaning; a new refusal is a new
 * code. Pure: workflow code imports it.
 */

/** Each code's parameters: ids, codes and numbers, never words (the wording names them). */
export interface RefusalParams {
  // Tasks and who may act.
  TASK_NOT_FOUND: { taskId: string };
  TASK_NOT_OPEN: { taskId: string; status?: string };
  NOT_YOUR_ORGANISATION: { orgIds: string[]; userId: string; orgId: string };
  ROLE_NEEDED: { roles: string[]; userId: string; has: string[] };
  NO_ACCESS_RULE: { what: string };
  NOT_A_PARTY: { orgId: string; processId: string };
  NOT_YOURS_TO_READ: { what: string; ownerOrgId: string; userId: string };
  LAUNCH_NOT_ALLOWED: { type: string; orgs: string[]; role: string };
  REVIEWER_REPORTED: { userId: string; orgId: string };
  // Processes.
  PROCESS_NOT_FOUND: { processId: string };
  PROCESS_TYPE_UNKNOWN: { type: string };
  PROCESS_ENDED: { processId: string; status: string };
  ALREADY_IN_PROGRESS: { type: string; key: string; processId: string };
  STAGE_NOT_ALLOWED: { type: string; stage: string; expected: string[] };
  VERSION_SUPERSEDED: { version: number; current: number };
  // Input.
  INVALID_INPUT: { fields: string[] };
  // Zones.
  NOT_A_ZONE: { zoneCode: string };
  ZONE_NOT_ACTIVE: { zoneCode: string; status: string };
  ALREADY_A_ZONE: { zoneCode: string; status: string };
  ZONE_NOT_FOUND: { zoneCode: string };
  // Penalties.
  OWN_COUNTY_ONLY: { orgId: string; zoneCode: string };
  DECISION_NUMBER_FILED: { decisionNumber: string; status: string; processId: string };
  RESUBMISSION_UNCHANGED: { fields: string[] };
  REPORT_UNCHANGED: { fields: string[] };
  DECISION_FACT_CHANGED: { fields: string[]; enforcementOrgId: string };
  // Registrations.
  ALREADY_REGISTERED: { uscc: string; processId: string };
  // Launch eligibility.
  NOT_A_COUNTY: { countyCode: string };
  APPROVAL_NEEDED: { countyCode: string };
  DATED_AFTER_TODAY: { field: string; date: string; today: string };
  TOWNSHIP_UNKNOWN: { townshipCode: string };
  TOWNSHIP_OF_OTHER_COUNTY: { townshipCode: string; countyCode: string; ofCountyCode: string };
  PARK_UNKNOWN: { parkId: string };
  PARK_OF_OTHER_COUNTY: { parkId: string; countyCode: string; ofCountyCode: string };
  PENALTY_CASE_UNKNOWN: { caseId: string };
  PENALTY_CASE_OF_OTHER_ENTITY: { caseId: string; uscc: string; zoneCode: string };
  PENALTY_CASE_NOT_OPEN: { caseId: string; status: string };
  REPLACED_DECISION_UNKNOWN: { decisionNumber: string };
  REPLACED_DECISION_OF_OTHER_ENTITY: { decisionNumber: string; uscc: string; zoneCode: string };
  REPLACED_DECISION_NOT_WITHDRAWN: { decisionNumber: string; status: string };
  DECISION_ALREADY_REPLACED: { decisionNumber: string; replacedBy: string };
  PENALTY_ENTITY_NOT_REGISTERED: { uscc: string };
  PENALTY_ENTITY_NOT_ACTIVE: { uscc: string; status: string };
  PERIOD_NOT_ENDED: { period: string };
  INDICATORS_ALL_ACCEPTED: { period: string };
  PRACTICE_OF_OWN_ZONE_ONLY: { orgId: string; zoneCode: string };
  PLAN_OF_OWN_ZONE_ONLY: { orgId: string; zoneCode: string };
  ROSTER_EMPTY: { orgId: string };
  MEASURE_NOT_LISTED: { measureCode: string };
  MEASURE_ALREADY_LISTED: { measureCode: string };
  /** `reason` is the delisting's recorded reason, quoted as the registry holds it. */
  MEASURE_DELISTED: { measureCode: string; delistedOn: string; reason: string };
  NO_ZONE_LEFT_TO_DECIDE: { measureCode: string };
}

export type RefusalCode = keyof RefusalParams;

/** A refusal as a value: its code, its parameters and, where it concerns one, the field's path (`body.decisionNumber`). */
export interface Refusal<C extends RefusalCode = RefusalCode> {
  code: C;
  params: RefusalParams[C];
  path?: string;
}

/** The HTTP status of each code: decided here once, so a workflow's refusal and the API's agree. */
export const REFUSAL_STATUS: { [C in RefusalCode]: 400 | 403 | 404 | 409 } = {
  TASK_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  NOT_YOUR_ORGANISATION: 403,
  ROLE_NEEDED: 403,
  NO_ACCESS_RULE: 403,
  NOT_A_PARTY: 403,
  NOT_YOURS_TO_READ: 403,
  LAUNCH_NOT_ALLOWED: 403,
  REVIEWER_REPORTED: 403,
  PROCESS_NOT_FOUND: 404,
  PROCESS_TYPE_UNKNOWN: 404,
  PROCESS_ENDED: 409,
  ALREADY_IN_PROGRESS: 409,
  STAGE_NOT_ALLOWED: 409,
  VERSION_SUPERSEDED: 409,
  INVALID_INPUT: 400,
  NOT_A_ZONE: 400,
  ZONE_NOT_ACTIVE: 409,
  ALREADY_A_ZONE: 409,
  ZONE_NOT_FOUND: 404,
  OWN_COUNTY_ONLY: 403,
  DECISION_NUMBER_FILED: 409,
  RESUBMISSION_UNCHANGED: 400,
  REPORT_UNCHANGED: 400,
  DECISION_FACT_CHANGED: 400,
  ALREADY_REGISTERED: 409,
  // Launch eligibility.
  NOT_A_COUNTY: 400,
  APPROVAL_NEEDED: 400,
  DATED_AFTER_TODAY: 400,
  TOWNSHIP_UNKNOWN: 400,
  TOWNSHIP_OF_OTHER_COUNTY: 400,
  PARK_UNKNOWN: 400,
  PARK_OF_OTHER_COUNTY: 400,
  PENALTY_CASE_UNKNOWN: 400,
  PENALTY_CASE_OF_OTHER_ENTITY: 400,
  PENALTY_CASE_NOT_OPEN: 409,
  REPLACED_DECISION_UNKNOWN: 400,
  REPLACED_DECISION_OF_OTHER_ENTITY: 400,
  REPLACED_DECISION_NOT_WITHDRAWN: 409,
  DECISION_ALREADY_REPLACED: 409,
  PENALTY_ENTITY_NOT_REGISTERED: 400,
  PENALTY_ENTITY_NOT_ACTIVE: 409,
  PERIOD_NOT_ENDED: 409,
  INDICATORS_ALL_ACCEPTED: 409,
  PRACTICE_OF_OWN_ZONE_ONLY: 403,
  PLAN_OF_OWN_ZONE_ONLY: 403,
  ROSTER_EMPTY: 409,
  MEASURE_NOT_LISTED: 400,
  MEASURE_ALREADY_LISTED: 409,
  MEASURE_DELISTED: 409,
  NO_ZONE_LEFT_TO_DECIDE: 409,
};

export const REFUSAL_CODES = Object.keys(REFUSAL_STATUS) as RefusalCode[];

export function isRefusalCode(code: unknown): code is RefusalCode {
  return typeof code === 'string' && Object.hasOwn(REFUSAL_STATUS, code);
}

/** A refusal of this code, with its parameters, about the field at `path` where it names one. */
export function refusal<C extends RefusalCode>(code: C, params: RefusalParams[C], path?: string): Refusal<C> {
  return path ? { code, params, path } : { code, params };
}
