import { wordRefusal } from '../domain/refusal-wording';
import { REFUSAL_CODES, REFUSAL_STATUS, type RefusalCode, type RefusalParams } from '../domain/refusals';
import { refusedAll } from './errors';
import { refusalNames } from './refusal-names';

/** A sample of each code's parameters: the type makes a code without one a compile error. */
const SAMPLES: { [C in RefusalCode]: RefusalParams[C] } = {
  TASK_NOT_FOUND: { taskId: 't-1' },
  TASK_NOT_OPEN: { taskId: 't-1', status: 'done' },
  NOT_YOUR_ORGANISATION: { orgIds: ['ftz'], userId: 'gov-210881.staff', orgId: 'gov-210881' },
  ROLE_NEEDED: { roles: ['admin'], userId: 'ftz.staff', has: ['staff'] },
  NO_ACCESS_RULE: { what: 'GET /api/nowhere' },
  NOT_A_PARTY: { orgId: 'zone-210804', processId: 'registration-x' },
  NOT_YOURS_TO_READ: { what: 'the inbox of city', ownerOrgId: 'city', userId: 'ftz.staff' },
  LAUNCH_NOT_ALLOWED: { type: 'penalty-report', orgs: ['le-<county>'], role: 'staff' },
  REVIEWER_REPORTED: { userId: 'ftz.staff', orgId: 'ftz' },
  OPERATORS_ONLY: { orgIds: ['ftz', 'city'], userId: 'gov-210881.admin', orgId: 'gov-210881' },
  LEADER_SIGNS: { action: 'reviewAgreement', userId: 'ftz.staff' },
  CREDIT_REPAIR_ASKER: { userId: 'ftz.staff' },
  NOTIFICATION_NOT_YOURS: { notificationId: '17', orgId: 'city', userOrgId: 'ftz' },
  LOGIN_FAILED: {},
  TOO_MANY_LOGINS: { by: 'username', value: 'ftz.staff', retryAfterSeconds: 840 },
  LOGIN_NEEDED: {},
  TOKEN_EXPIRED: {},
  TOKEN_INVALID: {},
  TOKEN_USER_UNKNOWN: {},
  TOKEN_REVOKED: {},
  METRICS_TOKEN_NEEDED: {},
  SYSTEM_NOT_AUTHENTICATED: { client: 'gov-service', cause: 'CLIENT_UNKNOWN' },
  PROCESS_NOT_FOUND: { processId: 'zone-210899' },
  PROCESS_TYPE_UNKNOWN: { type: 'nothing' },
  PROCESS_ENDED: { processId: 'zone-210881', status: 'COMPLETED' },
  ALREADY_IN_PROGRESS: { type: 'zone-establishment', key: '210881', processId: 'zone-210881' },
  STAGE_NOT_ALLOWED: { type: 'zone-establishment', stage: 'DRAFTING', expected: ['ACTIVE'] },
  VERSION_SUPERSEDED: { version: 1, current: 2 },
  INVALID_INPUT: { fields: ['body.decisionNumber', 'body.decision.decidedOn'] },
  PROCESS_RUNNING: { processId: 'zone-210881' },
  ACTION_UNKNOWN: { type: 'zone-establishment', action: 'fly' },
  STEP_NOT_RECORDED: { action: 'reviewAgreement', step: 'agreement-x:1:7' },
  ROUTE_NOT_FOUND: { method: 'GET', path: '/api/nowhere' },
  METHOD_NOT_SERVED: { method: 'PATCH' },
  BODY_NOT_JSON: {},
  PATH_NOT_DECODED: {},
  TEXT_UNSTORABLE: {},
  TEXT_DECEPTIVE: {},
  NESTED_TOO_DEEP: { maxDepth: 64 },
  IDEMPOTENCY_KEY_LENGTH: { max: 200 },
  IDEMPOTENCY_KEY_REUSED: { key: 'k-1', route: 'POST /api/tasks/t-1/complete' },
  PAYLOAD_NOT_OPENED: { index: 0 },
  BODY_NOT_TAKEN: { fields: ['body.note'] },
  BODY_TOO_LARGE: { limitBytes: 102400 },
  BODY_INCOMPLETE: {},
  CHARSET_NOT_TAKEN: { charset: 'gbk' },
  ENCODING_NOT_TAKEN: { encoding: 'br' },
  ENTITY_NOT_FOUND: { uscc: '91210800MA0000000X' },
  DOCUMENT_NOT_FOUND: { processId: 'zone-210881', n: 2 },
  ATTACHMENT_NOT_FOUND: { processId: 'zone-210881', sha256: 'ab'.repeat(32) },
  CATALOGUE_NOT_PUBLISHED: {},
  ATTACHMENT_TYPE_NOT_TAKEN: { mediaType: 'text/html', accepted: ['application/pdf', 'image/png', 'image/jpeg'] },
  ATTACHMENT_EMPTY: {},
  ATTACHMENT_TOO_LARGE: { maxMb: 10 },
  ATTACHMENT_NOT_ITS_TYPE: { mediaType: 'application/pdf' },
  NOT_A_BUNDLE: { fields: ['body.process.id', 'body.runs'] },
  PDF_NOT_VERIFIABLE: {},
  ORG_NOT_FOUND: { orgId: 'gov-210899' },
  CALENDAR_NOT_FOUND: { year: 2031 },
  NOTIFICATION_NOT_FOUND: { notificationId: '999' },
  CATALOGUE_VERSION_NOT_FOUND: { version: 9 },
  AGREEMENT_NOT_FOUND: { agreementId: 'agreement-x' },
  PENALTY_NOT_FOUND: { decisionNumber: '盖市监罚〔2026〕9号' },
  MEASURE_NOT_FOUND: { measureCode: 'RM-902' },
  POWER_NOT_IN_CATALOGUE: { powerCode: 'XK-999', version: 2 },
  POWER_DELISTED: { powerCode: 'XK-002', version: 2 },
  POWER_NOT_ENTRUSTABLE: { powerCode: 'XK-003', grantedBy: '营口市人民政府', document: '营政发〔2024〕1号' },
  POWER_ALREADY_ENTRUSTED: { powerCode: 'XK-001', zoneCode: '210881', agreementId: 'agreement-x' },
  TERM_TOO_LONG: { maxYears: 3 },
  ANNOUNCED_AFTER_TODAY: { announcedOn: '2026-12-02', today: '2026-11-30' },
  ANNOUNCED_BEFORE_SIGNING: { announcedOn: '2026-11-01', concludedOn: '2026-11-20' },
  ANNOUNCED_TOO_LATE: { announcedOn: '2026-11-30', announceBy: '2026-11-27' },
  RENEWAL_NOT_LATER: { newEndDate: '2027-01-01', endDate: '2027-12-31' },
  POWERS_NEVER_DELETED: { powerCodes: ['XK-001', 'XK-002'] },
  PENALTY_POWER_LISTED: { powerCodes: ['CF-001'] },
  TRANSFER_REQUEST_UNKNOWN: { requestId: 'tax-1' },
  TRANSFER_ANSWER_UNRECORDED: { requestId: 'tax-1' },
  TRANSFER_ANSWERED: { requestId: 'tax-1', result: 'accepted' },
  PERIOD_OR_YEAR: {},
  YEAR_NOT_BEGUN: { year: 2099 },
  PERIOD_NOT_OVER: { period: '2026-11' },
  SNAPSHOT_TAKEN: { period: '2026-10', takenAt: '2026-11-01T00:05:00.000Z' },
  FIGURE_MISSING: { indicator: 'actualForeignInvestment', unit: '万美元' },
  FIGURE_NOT_A_NUMBER: { indicator: 'importExportValue', unit: '万元' },
  FIGURE_BELOW_MIN: { indicator: 'taxRevenue', min: 0, unit: '万元' },
  FIGURE_ABOVE_MAX: { indicator: 'registeredCapital', max: 10000000, unit: '万元' },
  FIGURE_TOO_PRECISE: { indicator: 'newMarketEntities', decimals: 0, unit: '户' },
  FIGURE_UNIT_WRONG: { indicator: 'registeredCapital', unit: '万元', given: 'yuan' },
  FIGURE_NOT_ASKED: { indicator: 'exports' },
  INDICATORS_UNCHANGED: {},
  LICENCE_NOT_IN_STATUS: { licenceId: 'lic-1', status: 'COMPLIANT', expected: 'PENDING' },
  NOT_A_ZONE: { zoneCode: '210882' },
  ZONE_NOT_ACTIVE: { zoneCode: '210881', status: 'SUSPENDED' },
  ALREADY_A_ZONE: { zoneCode: '210881', status: 'ACTIVE' },
  ZONE_NOT_FOUND: { zoneCode: '210899' },
  OWN_COUNTY_ONLY: { orgId: 'le-210804', zoneCode: '210881' },
  DECISION_NUMBER_FILED: { decisionNumber: '盖市监罚〔2026〕1号', status: 'REPORTED', processId: 'penalty-x' },
  RESUBMISSION_UNCHANGED: { fields: ['body.violation', 'body.penalty'] },
  REPORT_UNCHANGED: { fields: ['body.entityName', 'body.documents'] },
  DECISION_FACT_CHANGED: { fields: ['body.violation'], enforcementOrgId: 'le-210881' },
  ENTITY_NOT_REGISTERED: { uscc: '91210800MA0000000X' },
  ENTITY_NOT_ACTIVE: { uscc: '91210800MA0000000X', status: 'DEREGISTERED' },
  POWER_NOT_IN_FORCE: {
    powerCode: 'CF-001',
    zoneCode: '210881',
    date: '2026-11-02',
    cause: { kind: 'OUT_OF_TERM', agreementId: 'agreement-x', version: 2, startDate: '2026-01-01', endDate: '2026-10-31' },
  },
  RETURN_REJUDGES: { reasons: ['factsUnclear'], allowed: ['documentsMissing', 'entityMismatch'] },
  CREDIT_REPAIR_PENDING: { decisionNumber: '盖市监罚〔2026〕1号' },
  CREDIT_REPAIR_TOO_EARLY: { eligibleFrom: '2027-02-01', today: '2026-11-30' },
  INSPECTED_AFTER_TODAY: { date: '2026-12-02', today: '2026-11-30' },
  ORG_CANNOT_ANSWER: { orgId: 'audit' },
  ATTENDEE_NOT_REGISTERED: { orgId: 'gov-210899' },
  HELD_AFTER_TODAY: { heldOn: '2099-01-01', today: '2026-11-30' },
  ALREADY_REGISTERED: { uscc: '91210800MA0000000X', processId: 'registration-x' },
  // Launch eligibility.
  NOT_A_COUNTY: { countyCode: '210899' },
  APPROVAL_NEEDED: { countyCode: '210882' },
  DATED_AFTER_TODAY: { field: 'body.approval.approvedOn', date: '2099-01-01', today: '2026-11-30' },
  TOWNSHIP_UNKNOWN: { townshipCode: '210881999' },
  TOWNSHIP_OF_OTHER_COUNTY: { townshipCode: '210804001', countyCode: '210881', ofCountyCode: '210804' },
  PARK_UNKNOWN: { parkId: 'P-210881-99' },
  PARK_OF_OTHER_COUNTY: { parkId: 'P-210804-01', countyCode: '210881', ofCountyCode: '210804' },
  TOWNSHIP_NOT_OF_COUNTY: { townshipCode: '210804001', countyCode: '210881' },
  PARK_NOT_OF_COUNTY: { parkId: 'P-210804-01', countyCode: '210881' },
  PENALTY_CASE_UNKNOWN: { caseId: 'case-1' },
  PENALTY_CASE_OF_OTHER_ENTITY: { caseId: 'case-1', uscc: '91210800MA0000000X', zoneCode: '210804' },
  PENALTY_CASE_NOT_OPEN: { caseId: 'case-1', status: 'CLOSED' },
  REPLACED_DECISION_UNKNOWN: { decisionNumber: '盖市监罚〔2026〕1号' },
  REPLACED_DECISION_OF_OTHER_ENTITY: { decisionNumber: '盖市监罚〔2026〕1号', uscc: '91210800MA0000000X', zoneCode: '210804' },
  REPLACED_DECISION_NOT_WITHDRAWN: { decisionNumber: '盖市监罚〔2026〕1号', status: 'RECOGNISED' },
  DECISION_ALREADY_REPLACED: { decisionNumber: '盖市监罚〔2026〕1号', replacedBy: '盖市监罚〔2026〕2号' },
  PERIOD_NOT_ENDED: { period: '2099-01' },
  INDICATORS_ALL_ACCEPTED: { period: '2026-10' },
  PRACTICE_OF_OWN_ZONE_ONLY: { orgId: 'gov-210804', zoneCode: '210881' },
  PLAN_OF_OWN_ZONE_ONLY: { orgId: 'gov-210804', zoneCode: '210881' },
  ROSTER_EMPTY: { orgId: 'le-210881' },
  MEASURE_NOT_LISTED: { measureCode: 'RM-902' },
  MEASURE_ALREADY_LISTED: { measureCode: 'RM-001' },
  MEASURE_DELISTED: { measureCode: 'RM-001', delistedOn: '2021-07-01', reason: '国发〔2021〕7号' },
  NO_ZONE_LEFT_TO_DECIDE: { measureCode: 'RM-002' },
};

/** A sentence of English words: what a Chinese reader must never be left with. */
const ENGLISH = /[A-Za-z]{3,} [A-Za-z]{3,}/;
const CHINESE = /[\u3400-\u9fff]/;

test.each(REFUSAL_CODES)('%s is worded in Chinese and in English, naming organisations, counties and fields by name', (code) => {
  const refusal = { code, params: SAMPLES[code] } as never;
  const zh = wordRefusal(refusal, 'zh', refusalNames);
  const en = wordRefusal(refusal, 'en', refusalNames);
  expect(zh).toMatch(CHINESE);
  expect(zh).not.toMatch(ENGLISH);
  expect(zh).not.toMatch(/body\.|undefined|\[object/);
  // English names every thing in English but a decision number, which is Chinese by law.
  expect(en.replace(/\S*〔\d+〕\d+号/g, '')).not.toMatch(CHINESE);
  expect(en).not.toMatch(/undefined|\[object/);
  expect([400, 401, 403, 404, 405, 409, 413, 415, 422, 429]).toContain(REFUSAL_STATUS[code]);
});

test('names come from the registries: organisations, counties and fields, not their ids', () => {
  const said = (code: RefusalCode, lang: 'zh' | 'en') => wordRefusal({ code, params: SAMPLES[code] } as never, lang, refusalNames);
  expect(said('NOT_YOUR_ORGANISATION', 'zh')).toBe('此事项由自贸区营口片区管委会办理，盖州市人民政府无权办理');
  expect(said('NOT_A_ZONE', 'zh')).toBe('大石桥市（210882）不是协同区');
  expect(said('NOT_A_PARTY', 'zh')).toBe('鲅鱼圈区协同区管理机构未参与流程 registration-x，无权查看');
  expect(said('LAUNCH_NOT_ALLOWED', 'zh')).toBe('行政处罚结果抄报与认可流程由属地执法机关的经办人员发起');
  // A duplicate decision number names the number; an unchanged resubmission names its fields.
  expect(said('DECISION_NUMBER_FILED', 'zh')).toContain('盖市监罚〔2026〕1号');
  expect(said('RESUBMISSION_UNCHANGED', 'zh')).toMatch(/^重新报送须有补正的内容：「[^」]+」、「[^」]+」与退回的版本相同$/);
  expect(said('STAGE_NOT_ALLOWED', 'zh')).toBe('协同区设立流程当前处于「起草备忘录」阶段，此操作只在「运行中」阶段办理');
  expect(said('STAGE_NOT_ALLOWED', 'en')).toBe('the zone establishment is at Drafting; this is done only at Active');
  // A figure by its indicator's label and its unit; in English, the unit in English.
  expect(said('FIGURE_BELOW_MIN', 'zh')).toBe('税收收入：不得为负数');
  expect(said('FIGURE_UNIT_WRONG', 'en')).toBe('New registered capital: the unit is 10,000 yuan, not "yuan"');
  // A power not in force says why, from the authority's own facts.
  expect(said('POWER_NOT_IN_FORCE', 'zh')).toBe(
    'CF-001 在 2026-11-02 未委托盖州市协同区实施：委托协议 agreement-x 第 2 版的期限为 2026-01-01 至 2026-10-31，不含该日',
  );
  expect(said('POWER_NOT_IN_FORCE', 'en')).toContain('agreement agreement-x version 2 runs 2026-01-01 to 2026-10-31');
});

test('several causes at once: the clash with the records (409) leads, each cause stays on its field with its own code', () => {
  const answer = refusedAll([
    { code: 'TERM_TOO_LONG', params: SAMPLES.TERM_TOO_LONG, path: 'body.term.endDate' },
    { code: 'POWER_ALREADY_ENTRUSTED', params: SAMPLES.POWER_ALREADY_ENTRUSTED, path: 'body.items.0.powerCode' },
  ]);
  expect([answer.status, answer.code, answer.refusal?.code]).toEqual([409, 'CONFLICT', 'POWER_ALREADY_ENTRUSTED']);
  expect(answer.details).toEqual([
    expect.objectContaining({ path: 'body.term.endDate', reason: 'TERM_TOO_LONG', zh: '委托期限最长 3 年' }),
    expect.objectContaining({ path: 'body.items.0.powerCode', reason: 'POWER_ALREADY_ENTRUSTED', params: SAMPLES.POWER_ALREADY_ENTRUSTED }),
  ]);
  expect(answer.zh).toBe('委托期限最长 3 年；XK-001 在这段期限内已由委托协议 agreement-x 委托给盖州市协同区');
  // One cause alone is answered as that refusal.
  expect(refusedAll([{ code: 'TERM_TOO_LONG', params: SAMPLES.TERM_TOO_LONG, path: 'body.term.endDate' }]).status).toBe(400);
});
