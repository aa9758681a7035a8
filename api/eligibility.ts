import type { ProcessType } from '../domain/names';
import { countyOfOrg, orgIds } from '../domain/names';
import type { PenaltyInput } from '../domain/penalties';
import { periodBounds } from '../domain/statistics';
import type { Application } from '../domain/registration';
import { launchApproval } from '../domain/zone-area';
import type { ZoneEstablishmentInput } from '../domain/zone-establishment';
import type { SupervisionInput } from '../domain/supervision';
import { placeProblems } from '../store/divisions';
import { penaltyEntityProblems } from '../store/penalties';
import type { User } from './auth';
import { badRequest, conflict, forbidden, refused } from './errors';
import type { ApiDeps } from './route';

type Check = (deps: ApiDeps, input: Record<string, unknown>, user: User) => Promise<void>;

/** Rules of launching that need the records; the workflow id and the workflows check the rest. */
const eligibility: Partial<Record<ProcessType, Check>> = {
  async 'zone-establishment'(deps, input) {
    const [county] = await deps.db.query(`SELECT 1 FROM divisions WHERE code = $1 AND level = 'county' AND valid_to IS NULL`, [
      input.countyCode,
    ]);
    if (!county)
      throw badRequest('invalid zone-establishment input', [
        { path: 'body.countyCode', message: `${String(input.countyCode)} is not a county of Yingkou` },
      ]);
    const [zone] = await deps.db.query<{ status: string }>(`SELECT status FROM zones WHERE code = $1 AND status <> 'TERMINATED'`, [
      input.countyCode,
    ]);
    if (zone) throw refused('ALREADY_A_ZONE', { zoneCode: String(input.countyCode), status: zone.status }, 'body.countyCode');
    approvalCheck(input as ZoneEstablishmentInput);
  },
  async 'delegation-agreement'(deps, input) {
    const [zone] = await deps.db.query<{ status: string }>('SELECT status FROM zones WHERE code = $1', [input.zoneCode]);
    if (!zone) throw refused('NOT_A_ZONE', { zoneCode: String(input.zoneCode) }, 'body.zoneCode');
    if (zone.status !== 'ACTIVE')
      throw refused('ZONE_NOT_ACTIVE', { zoneCode: String(input.zoneCode), status: zone.status }, 'body.zoneCode');
  },
  async 'entity-registration'(deps, raw) {
    const input = raw as unknown as Application;
    const problems = await placeProblems(deps.db, { ...input.residence, countyCode: input.residence.divisionCode }, 'body.residence');
    if (problems.length)
      throw badRequest({ zh: '住所的乡镇（街道）或园区与区划数据不符', en: 'the residence does not fit the division data' }, problems);
    if (!input.uscc) return;
    const [entity] = await deps.db.query<{ process_id: string }>(
      `SELECT process_id FROM entities WHERE uscc = $1 AND status = 'REGISTERED'`,
      [input.uscc],
    );
    if (entity) throw refused('ALREADY_REGISTERED', { uscc: String(input.uscc), processId: entity.process_id }, 'body.uscc');
  },
  async 'penalty-report'(deps, raw, user) {
    const input = raw as unknown as PenaltyInput;
    if (user.orgId !== orgIds.enforcement(input.zoneCode))
      throw refused('OWN_COUNTY_ONLY', { orgId: user.orgId, zoneCode: input.zoneCode });
    const [zone] = await deps.db.query<{ status: string }>('SELECT status FROM zones WHERE code = $1', [input.zoneCode]);
    if (!zone) throw refused('NOT_A_ZONE', { zoneCode: input.zoneCode }, 'body.zoneCode');
    if (zone.status !== 'ACTIVE') throw refused('ZONE_NOT_ACTIVE', { zoneCode: input.zoneCode, status: zone.status }, 'body.zoneCode');
    const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (input.decision.decidedOn > chinaToday)
      throw badRequest('invalid penalty-report input', [
        { path: 'body.decision.decidedOn', message: 'a decision cannot be dated after today' },
      ]);
    // Decision numbers are unique for good: a withdrawn decision's number is not filed again.
    const [filed] = await deps.db.query<{ process_id: string; status: string }>(
      'SELECT process_id, status FROM penalties WHERE decision_number = $1',
      [input.decisionNumber],
    );
    // The 409 names the number, on its field: the number is what is taken, not the entity.
    if (filed)
      throw refused(
        'DECISION_NUMBER_FILED',
        { decisionNumber: input.decisionNumber, status: filed.status, processId: filed.process_id },
        'body.decisionNumber',
      );
    if (input.caseId) {
      const [found] = await deps.db.query<{ uscc: string; zone_code: string; status: string }>(
        'SELECT uscc, zone_code, status FROM penalty_cases WHERE id = $1',
        [input.caseId],
      );
      if (!found) throw badRequest('invalid penalty-report input', [{ path: 'body.caseId', message: `no penalty case ${input.caseId}` }]);
      if (found.uscc !== input.decision.uscc || found.zone_code !== input.zoneCode) {
        throw badRequest('invalid penalty-report input', [
          { path: 'body.caseId', message: `case ${input.caseId} concerns ${found.uscc} in zone ${found.zone_code}` },
        ]);
      }
      if (found.status !== 'OPEN') throw conflict(`penalty case ${input.caseId} is ${found.status}, not OPEN`);
    }
    if (input.replaces) await checkReplaced(deps, input);
    // Imposed under local authority (四(三)1): no entrusted power is asked for, only the entity's registration.
    const problems = await penaltyEntityProblems(deps.db, input.decision.uscc);
    const bad = problems.filter((p) => p.status === 400);
    if (bad.length)
      throw badRequest(
        'invalid penalty-report input',
        bad.map((p) => ({ path: `body.${p.path}`, message: p.message })),
      );
    if (problems.length) throw conflict(problems.map((p) => p.message).join('; '));
  },
  async 'economic-indicators'(deps, input) {
    const period = String(input.period);
    // A month's figures are known once it has ended (China time).
    if (Date.parse(periodBounds(period).to) > Date.now()) throw conflict(`${period} 尚未结束，月度经济指标在次月报送`);
    const [unreported] = await deps.db.query(
      `SELECT 1 FROM zones z WHERE z.status = 'ACTIVE' AND NOT EXISTS (
         SELECT 1 FROM indicator_reports r WHERE r.period = $1 AND r.zone_code = z.code AND r.status = 'ACCEPTED')`,
      [period],
    );
    if (!unreported) throw conflict(`${period} 各运行中协同区的经济指标均已采用，无需再次发起报送`);
  },
  /** A zone's own body or government proposes, for its own ACTIVE zone. */
  async 'reform-practice'(deps, input, user) {
    await requireActiveZone(deps, String(input.zoneCode));
    if (countyOfOrg(user.orgId) !== input.zoneCode) {
      throw forbidden({
        zh: `${user.orgId} 只能报送本县（市、区）协同区的好经验好做法`,
        en: `${user.orgId} proposes practices of its own zone, not of zone ${String(input.zoneCode)}`,
      });
    }
  },
  /** Any window may register a demand for any ACTIVE zone (无差别化受理); a day received is not after today. */
  async 'reform-demand'(deps, input) {
    await requireActiveZone(deps, String(input.zoneCode));
    const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    if (String(input.receivedOn) > chinaToday)
      throw badRequest({ zh: '受理日期不能晚于今天', en: 'a demand cannot be received after today' }, [
        { path: 'body.receivedOn', message: '受理日期不能晚于今天' },
      ]);
  },
  async 'supervision-plan'(deps, raw, user) {
    const input = raw as unknown as SupervisionInput;
    // A county plans inspections in its own zone only; the FTZ in any.
    if (user.orgId !== 'ftz' && user.orgId !== orgIds.government(input.zoneCode)) {
      throw forbidden({
        zh: `${user.orgId} 只能为本县（市、区）的协同区制定检查计划，不能为 ${input.zoneCode}`,
        en: `${user.orgId} plans inspections in its own county's zone only, not ${input.zoneCode}`,
      });
    }
    const [zone] = await deps.db.query<{ status: string; name: string }>('SELECT status, name FROM zones WHERE code = $1', [
      input.zoneCode,
    ]);
    if (!zone)
      throw badRequest({ zh: '检查计划的协同区不存在', en: 'no such zone' }, [
        { path: 'body.zoneCode', message: `${input.zoneCode} 不是协同区` },
      ]);
    if (zone.status !== 'ACTIVE')
      throw conflict({
        zh: `${zone.name}当前不在运行中（${zone.status}），不能制定检查计划`,
        en: `zone ${input.zoneCode} is ${zone.status}, not ACTIVE`,
      });
    const [inspector] = await deps.db.query(`SELECT 1 FROM users WHERE org_id = $1 AND 'staff' = ANY(roles) LIMIT 1`, [
      orgIds.enforcement(input.zoneCode),
    ]);
    if (!inspector)
      throw conflict({
        zh: `${orgIds.enforcement(input.zoneCode)} 的执法人员名录为空，无法抽取检查人员`,
        en: `the roster of ${orgIds.enforcement(input.zoneCode)} is empty`,
      });
  },
  async 'pilot-adoption'(deps, input) {
    const [measure] = await deps.db.query<{ delisted_on: string | null; delisting_reason: string | null }>(
      `SELECT to_char(delisted_on, 'YYYY-MM-DD') AS delisted_on, delisting_reason FROM reform_measures WHERE code = $1`,
      [input.measureCode],
    );
    if (!measure && !input.listing) {
      throw badRequest('invalid pilot-adoption input', [
        { path: 'body.measureCode', message: `reform measure ${String(input.measureCode)} is not listed; list it with "listing"` },
      ]);
    }
    if (measure && input.listing) throw conflict(`reform measure ${String(input.measureCode)} is already listed`);
    if (measure?.delisted_on)
      throw conflict(`reform measure ${String(input.measureCode)} is no pilot since ${measure.delisted_on}: ${measure.delisting_reason}`);
    // A measure from a zone's own practice is not offered to that zone.
    const [undecided] = await deps.db.query(
      `SELECT 1 FROM zones z WHERE z.status = 'ACTIVE'
         AND z.code IS DISTINCT FROM (SELECT origin_zone_code FROM reform_measures WHERE code = $1)
         AND NOT EXISTS (SELECT 1 FROM pilot_decisions d WHERE d.measure_code = $1 AND d.zone_code = z.code AND d.status <> 'PENDING')`,
      [input.measureCode],
    );
    if (!undecided) throw conflict(`no ACTIVE zone is left to decide on ${String(input.measureCode)}`);
  },
};

/** The zone a reform process is about: recorded, and ACTIVE. */
async function requireActiveZone(deps: ApiDeps, zoneCode: string): Promise<void> {
  const [zone] = await deps.db.query<{ status: string }>('SELECT status FROM zones WHERE code = $1', [zoneCode]);
  if (!zone) throw refused('NOT_A_ZONE', { zoneCode }, 'body.zoneCode');
  if (zone.status !== 'ACTIVE') throw refused('ZONE_NOT_ACTIVE', { zoneCode, status: zone.status }, 'body.zoneCode');
}

/**
 * The city's approval (批复) before the memorandum: the first batch has the policy's own (filled in at
 * launch when left out); any other county is launched only with the approval's 文号 and date.
 */
function approvalCheck(input: ZoneEstablishmentInput): void {
  const approval = launchApproval(input.countyCode, input.approval);
  if (!approval) {
    throw badRequest(
      {
        zh: '须录入市政府批复：该县（市、区）不在首批协同区（盖州市、鲅鱼圈区）之列',
        en: 'a county outside the first batch needs the city’s approval',
      },
      [
        {
          path: 'body.approval',
          message: `${input.countyCode} 不在营政发〔2020〕16号确定的首批协同区之列，发起设立前须录入市政府批复的文号和日期`,
        },
      ],
    );
  }
  const chinaToday = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  if (approval.approvedOn > chinaToday) {
    throw badRequest({ zh: '批复日期不能晚于今天', en: 'the approval cannot be dated after today' }, [
      { path: 'body.approval.approvedOn', message: '批复日期不能晚于今天' },
    ]);
  }
}

/** What a launch records beyond what was sent: the first batch's approval by the policy itself. */
export function completeInput(type: ProcessType, input: Record<string, unknown>): Record<string, unknown> {
  if (type !== 'zone-establishment') return input;
  const zone = input as ZoneEstablishmentInput;
  const approval = launchApproval(zone.countyCode, zone.approval);
  return approval ? { ...input, approval } : input;
}

/** A new decision that changes an earlier one follows its withdrawal: same zone and entity, withdrawn as changed, replaced once. */
async function checkReplaced(deps: ApiDeps, input: PenaltyInput): Promise<void> {
  const refuse = (message: string) => badRequest('invalid penalty-report input', [{ path: 'body.replaces', message }]);
  const [earlier] = await deps.db.query<{ zone_code: string; uscc: string; status: string; withdrawal_reason: string | null }>(
    'SELECT zone_code, uscc, status, withdrawal_reason FROM penalties WHERE decision_number = $1',
    [input.replaces],
  );
  if (!earlier) throw refuse(`no penalty ${input.replaces} was filed`);
  if (earlier.zone_code !== input.zoneCode || earlier.uscc !== input.decision.uscc) {
    throw refuse(`${input.replaces} concerns ${earlier.uscc} in zone ${earlier.zone_code}`);
  }
  if (earlier.status !== 'WITHDRAWN' || !earlier.withdrawal_reason?.startsWith('changed:')) {
    throw conflict(
      `${input.replaces} is ${earlier.status}: withdraw its report as changed (withdrawPenalty, cause "changed") before filing the decision that changes it`,
    );
  }
  const [replaced] = await deps.db.query<{ decision_number: string }>('SELECT decision_number FROM penalties WHERE replaces = $1', [
    input.replaces,
  ]);
  if (replaced) throw conflict(`${input.replaces} is already replaced by ${replaced.decision_number}`);
}

export async function checkEligibility(deps: ApiDeps, type: ProcessType, input: unknown, user: User): Promise<void> {
  await eligibility[type]?.(deps, input as Record<string, unknown>, user);
}
