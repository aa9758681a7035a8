/**
 * The refusal catalogue: each refusal a stable code with typed parameters, decided where the rule is
 * (an API route, a domain check, a workflow's validator) and worded only when answered, in the
 * caller's language (domain/refusal-wording.ts). Codes never change meaning; a new refusal is a new
 * code. Pure: workflow code imports it.
 */
import type { AuthorityCause } from './authority';

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
  OPERATORS_ONLY: { orgIds: string[]; userId: string; orgId: string };
  LEADER_SIGNS: { action: string; userId: string };
  CREDIT_REPAIR_ASKER: { userId: string };
  NOTIFICATION_NOT_YOURS: { notificationId: string; orgId: string; userOrgId: string };
  // Who is calling: logins and tokens (401), too many failed logins (429).
  LOGIN_FAILED: Record<string, never>;
  /** `value`: the username or address whose allowance of failures is used up. */
  TOO_MANY_LOGINS: { by: 'address' | 'username'; value: string; retryAfterSeconds: number };
  LOGIN_NEEDED: Record<string, never>;
  TOKEN_EXPIRED: Record<string, never>;
  TOKEN_INVALID: Record<string, never>;
  TOKEN_USER_UNKNOWN: Record<string, never>;
  TOKEN_REVOKED: Record<string, never>;
  METRICS_TOKEN_NEEDED: Record<string, never>;
  /** An outside system's request whose signature does not hold (integrations/signing.ts says why). */
  SYSTEM_NOT_AUTHENTICATED: { client: string; cause: SystemAuthCause };
  // Processes.
  PROCESS_NOT_FOUND: { processId: string };
  PROCESS_TYPE_UNKNOWN: { type: string };
  PROCESS_ENDED: { processId: string; status: string };
  ALREADY_IN_PROGRESS: { type: string; key: string; processId: string };
  STAGE_NOT_ALLOWED: { type: string; stage: string; expected: string[] };
  VERSION_SUPERSEDED: { version: number; current: number };
  PROCESS_RUNNING: { processId: string };
  ACTION_UNKNOWN: { type: string; action: string };
  STEP_NOT_RECORDED: { action: string; step: string };
  ROUTE_NOT_FOUND: { method: string; path: string };
  METHOD_NOT_SERVED: { method: string };
  // Input.
  INVALID_INPUT: { fields: string[] };
  BODY_NOT_JSON: Record<string, never>;
  PATH_NOT_DECODED: Record<string, never>;
  TEXT_UNSTORABLE: Record<string, never>;
  TEXT_DECEPTIVE: Record<string, never>;
  NESTED_TOO_DEEP: { maxDepth: number };
  IDEMPOTENCY_KEY_LENGTH: { max: number };
  IDEMPOTENCY_KEY_REUSED: { key: string; route: string };
  PAYLOAD_NOT_OPENED: { index: number };
  BODY_NOT_TAKEN: { fields: string[] };
  /** `limitBytes`: the route's limit (0 where the reader did not say it). */
  BODY_TOO_LARGE: { limitBytes: number };
  /** The body ended before its declared length (an aborted request) or ran past it. */
  BODY_INCOMPLETE: Record<string, never>;
  CHARSET_NOT_TAKEN: { charset: string };
  ENCODING_NOT_TAKEN: { encoding: string };
  // Records and documents.
  ENTITY_NOT_FOUND: { uscc: string };
  DOCUMENT_NOT_FOUND: { processId: string; n: number };
  ATTACHMENT_NOT_FOUND: { processId: string; sha256: string };
  CATALOGUE_NOT_PUBLISHED: Record<string, never>;
  ATTACHMENT_TYPE_NOT_TAKEN: { mediaType: string; accepted: string[] };
  ATTACHMENT_EMPTY: Record<string, never>;
  ATTACHMENT_TOO_LARGE: { maxMb: number };
  ATTACHMENT_NOT_ITS_TYPE: { mediaType: string };
  NOT_A_BUNDLE: { fields: string[] };
  PDF_NOT_VERIFIABLE: Record<string, never>;
  ORG_NOT_FOUND: { orgId: string };
  CALENDAR_NOT_FOUND: { year: number };
  NOTIFICATION_NOT_FOUND: { notificationId: string };
  CATALOGUE_VERSION_NOT_FOUND: { version: number };
  AGREEMENT_NOT_FOUND: { agreementId: string };
  PENALTY_NOT_FOUND: { decisionNumber: string };
  MEASURE_NOT_FOUND: { measureCode: string };
  // Agreements and the power catalogue.
  POWER_NOT_IN_CATALOGUE: { powerCode: string; version: number | null };
  POWER_DELISTED: { powerCode: string; version: number };
  POWER_NOT_ENTRUSTABLE: { powerCode: string; grantedBy: string; document: string };
  POWER_ALREADY_ENTRUSTED: { powerCode: string; zoneCode: string; agreementId: string };
  TERM_TOO_LONG: { maxYears: number };
  ANNOUNCED_AFTER_TODAY: { announcedOn: string; today: string };
  ANNOUNCED_BEFORE_SIGNING: { announcedOn: string; concludedOn: string };
  ANNOUNCED_TOO_LATE: { announcedOn: string; announceBy: string };
  RENEWAL_NOT_LATER: { newEndDate: string; endDate: string };
  POWERS_NEVER_DELETED: { powerCodes: string[] };
  PENALTY_POWER_LISTED: { powerCodes: string[] };
  // Outside systems.
  TRANSFER_REQUEST_UNKNOWN: { requestId: string };
  TRANSFER_ANSWER_UNRECORDED: { requestId: string };
  TRANSFER_ANSWERED: { requestId: string; result: string };
  // Statistics.
  PERIOD_OR_YEAR: Record<string, never>;
  YEAR_NOT_BEGUN: { year: number };
  PERIOD_NOT_OVER: { period: string };
  SNAPSHOT_TAKEN: { period: string; takenAt: string };
  // Economic indicators: each figure against its definition (`indicator` its code, `unit` the definition's).
  FIGURE_MISSING: { indicator: string; unit: string };
  FIGURE_NOT_A_NUMBER: { indicator: string; unit: string };
  FIGURE_BELOW_MIN: { indicator: string; min: number; unit: string };
  FIGURE_ABOVE_MAX: { indicator: string; max: number; unit: string };
  FIGURE_TOO_PRECISE: { indicator: string; decimals: number; unit: string };
  /** `given` is the unit the reporter wrote ('' for none). */
  FIGURE_UNIT_WRONG: { indicator: string; unit: string; given: string };
  FIGURE_NOT_ASKED: { indicator: string };
  INDICATORS_UNCHANGED: Record<string, never>;
  // Registrations: licences.
  LICENCE_NOT_IN_STATUS: { licenceId: string; status: string; expected: string };
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
  ENTITY_NOT_REGISTERED: { uscc: string };
  ENTITY_NOT_ACTIVE: { uscc: string; status: string };
  /** `cause`: why, as domain/authority.ts finds it (absent in refusals recorded before it was given). */
  POWER_NOT_IN_FORCE: { powerCode: string; zoneCode: string; date: string; cause?: AuthorityCause };
  RETURN_REJUDGES: { reasons: string[]; allowed: string[] };
  CREDIT_REPAIR_PENDING: { decisionNumber: string };
  CREDIT_REPAIR_TOO_EARLY: { eligibleFrom: string; today: string };
  // Supervision and reform.
  INSPECTED_AFTER_TODAY: { date: string; today: string };
  ORG_CANNOT_ANSWER: { orgId: string };
  ATTENDEE_NOT_REGISTERED: { orgId: string };
  HELD_AFTER_TODAY: { heldOn: string; today: string };
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
  // A memorandum's area: the county's own townships and parks, as its division data has them now.
  TOWNSHIP_NOT_OF_COUNTY: { townshipCode: string; countyCode: string };
  PARK_NOT_OF_COUNTY: { parkId: string; countyCode: string };
  PENALTY_CASE_UNKNOWN: { caseId: string };
  PENALTY_CASE_OF_OTHER_ENTITY: { caseId: string; uscc: string; zoneCode: string };
  PENALTY_CASE_NOT_OPEN: { caseId: string; status: string };
  REPLACED_DECISION_UNKNOWN: { decisionNumber: string };
  REPLACED_DECISION_OF_OTHER_ENTITY: { decisionNumber: string; uscc: string; zoneCode: string };
  REPLACED_DECISION_NOT_WITHDRAWN: { decisionNumber: string; status: string };
  DECISION_ALREADY_REPLACED: { decisionNumber: string; replacedBy: string };
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

/** Why an outside system's signed request is not taken: no client id, an unknown one, no signature… */
export type SystemAuthCause =
  | 'CLIENT_MISSING'
  | 'CLIENT_UNKNOWN'
  | 'UNSIGNED'
  | 'TIMESTAMP_MALFORMED'
  | 'STALE'
  | 'NONCE_TOO_LONG'
  | 'BAD_SIGNATURE'
  | 'NOT_THIS_CLIENT'
  | 'REPLAYED';

/** A refusal as a value: its code, its parameters and, where it concerns one, the field's path (`body.decisionNumber`). */
export interface Refusal<C extends RefusalCode = RefusalCode> {
  code: C;
  params: RefusalParams[C];
  path?: string;
}

/** The HTTP status of each code: decided here once, so a workflow's refusal and the API's agree. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 422 | 429;

export const REFUSAL_STATUS: { [C in RefusalCode]: RefusalStatus } = {
  TASK_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  NOT_YOUR_ORGANISATION: 403,
  ROLE_NEEDED: 403,
  NO_ACCESS_RULE: 403,
  NOT_A_PARTY: 403,
  NOT_YOURS_TO_READ: 403,
  LAUNCH_NOT_ALLOWED: 403,
  REVIEWER_REPORTED: 403,
  OPERATORS_ONLY: 403,
  LEADER_SIGNS: 403,
  CREDIT_REPAIR_ASKER: 403,
  NOTIFICATION_NOT_YOURS: 403,
  LOGIN_FAILED: 401,
  TOO_MANY_LOGINS: 429,
  LOGIN_NEEDED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_INVALID: 401,
  TOKEN_USER_UNKNOWN: 401,
  TOKEN_REVOKED: 401,
  METRICS_TOKEN_NEEDED: 401,
  SYSTEM_NOT_AUTHENTICATED: 401,
  PROCESS_NOT_FOUND: 404,
  PROCESS_TYPE_UNKNOWN: 404,
  PROCESS_ENDED: 409,
  ALREADY_IN_PROGRESS: 409,
  STAGE_NOT_ALLOWED: 409,
  VERSION_SUPERSEDED: 409,
  PROCESS_RUNNING: 409,
  ACTION_UNKNOWN: 404,
  STEP_NOT_RECORDED: 409,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_SERVED: 405,
  INVALID_INPUT: 400,
  BODY_NOT_JSON: 400,
  PATH_NOT_DECODED: 400,
  TEXT_UNSTORABLE: 400,
  TEXT_DECEPTIVE: 400,
  NESTED_TOO_DEEP: 400,
  IDEMPOTENCY_KEY_LENGTH: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYLOAD_NOT_OPENED: 400,
  BODY_NOT_TAKEN: 400,
  BODY_TOO_LARGE: 413,
  BODY_INCOMPLETE: 400,
  CHARSET_NOT_TAKEN: 415,
  ENCODING_NOT_TAKEN: 415,
  ENTITY_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  ATTACHMENT_NOT_FOUND: 404,
  CATALOGUE_NOT_PUBLISHED: 404,
  ATTACHMENT_TYPE_NOT_TAKEN: 415,
  ATTACHMENT_EMPTY: 400,
  ATTACHMENT_TOO_LARGE: 400,
  ATTACHMENT_NOT_ITS_TYPE: 400,
  NOT_A_BUNDLE: 400,
  PDF_NOT_VERIFIABLE: 400,
  ORG_NOT_FOUND: 404,
  CALENDAR_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  CATALOGUE_VERSION_NOT_FOUND: 404,
  AGREEMENT_NOT_FOUND: 404,
  PENALTY_NOT_FOUND: 404,
  MEASURE_NOT_FOUND: 404,
  POWER_NOT_IN_CATALOGUE: 400,
  POWER_DELISTED: 400,
  POWER_NOT_ENTRUSTABLE: 400,
  POWER_ALREADY_ENTRUSTED: 409,
  TERM_TOO_LONG: 400,
  ANNOUNCED_AFTER_TODAY: 400,
  ANNOUNCED_BEFORE_SIGNING: 400,
  ANNOUNCED_TOO_LATE: 409,
  RENEWAL_NOT_LATER: 400,
  POWERS_NEVER_DELETED: 400,
  PENALTY_POWER_LISTED: 400,
  TRANSFER_REQUEST_UNKNOWN: 404,
  TRANSFER_ANSWER_UNRECORDED: 409,
  TRANSFER_ANSWERED: 409,
  PERIOD_OR_YEAR: 400,
  YEAR_NOT_BEGUN: 400,
  PERIOD_NOT_OVER: 409,
  SNAPSHOT_TAKEN: 409,
  FIGURE_MISSING: 400,
  FIGURE_NOT_A_NUMBER: 400,
  FIGURE_BELOW_MIN: 400,
  FIGURE_ABOVE_MAX: 400,
  FIGURE_TOO_PRECISE: 400,
  FIGURE_UNIT_WRONG: 400,
  FIGURE_NOT_ASKED: 400,
  INDICATORS_UNCHANGED: 400,
  LICENCE_NOT_IN_STATUS: 409,
  NOT_A_ZONE: 400,
  ZONE_NOT_ACTIVE: 409,
  ALREADY_A_ZONE: 409,
  ZONE_NOT_FOUND: 404,
  OWN_COUNTY_ONLY: 403,
  DECISION_NUMBER_FILED: 409,
  RESUBMISSION_UNCHANGED: 400,
  REPORT_UNCHANGED: 400,
  DECISION_FACT_CHANGED: 400,
  ENTITY_NOT_REGISTERED: 400,
  ENTITY_NOT_ACTIVE: 409,
  POWER_NOT_IN_FORCE: 409,
  RETURN_REJUDGES: 400,
  CREDIT_REPAIR_PENDING: 409,
  CREDIT_REPAIR_TOO_EARLY: 409,
  INSPECTED_AFTER_TODAY: 400,
  ORG_CANNOT_ANSWER: 400,
  ATTENDEE_NOT_REGISTERED: 400,
  HELD_AFTER_TODAY: 400,
  ALREADY_REGISTERED: 409,
  // Launch eligibility.
  NOT_A_COUNTY: 400,
  APPROVAL_NEEDED: 400,
  DATED_AFTER_TODAY: 400,
  TOWNSHIP_UNKNOWN: 400,
  TOWNSHIP_OF_OTHER_COUNTY: 400,
  PARK_UNKNOWN: 400,
  PARK_OF_OTHER_COUNTY: 400,
  TOWNSHIP_NOT_OF_COUNTY: 400,
  PARK_NOT_OF_COUNTY: 400,
  PENALTY_CASE_UNKNOWN: 400,
  PENALTY_CASE_OF_OTHER_ENTITY: 400,
  PENALTY_CASE_NOT_OPEN: 409,
  REPLACED_DECISION_UNKNOWN: 400,
  REPLACED_DECISION_OF_OTHER_ENTITY: 400,
  REPLACED_DECISION_NOT_WITHDRAWN: 409,
  DECISION_ALREADY_REPLACED: 409,
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

/**
 * Of several refusals answered at once (a draft against the records), the one that leads the answer
 * and gives its status: a clash with the records (409) before a fault of the draft itself (400).
 */
export function leadingRefusal(refusals: readonly Refusal[]): Refusal {
  return refusals.find((r) => REFUSAL_STATUS[r.code] === 409) ?? refusals[0];
}

/** A refusal of this code, with its parameters, about the field at `path` where it names one. */
export function refusal<C extends RefusalCode>(code: C, params: RefusalParams[C], path?: string): Refusal<C> {
  return path ? { code, params, path } : { code, params };
}
