/**
 * P4: a penalty decision of local enforcement, reported (抄报) by the zone, reviewed by the FTZ —
 * recognised (认可), or returned (补正) for the report's formal defects any number of times — then
 * applied (适用) to the entity's credit: published for a period by severity, until repaired, withdrawn
 * or the period ends. It continues-as-new with its plain-JSON state, so no number of returns
 * outgrows a run.
 *
 * Reports filed since the `penalty-local-authority` patch follow the policy's rules: no entrusted power
 * is checked (penalties are imposed under local authority), a correction completes the report and never
 * the decision's facts, publication runs from the decision date. Reports filed before finish under the
 * rules they were filed under: `state.rules` says which, and it survives continue-as-new.
 */
import { condition, continueAsNew, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PenaltyPolicy } from '../activities/penalties';
import type { PenaltyCreditRecord, PenaltyRecord } from '../activities/penalty-records';
import type { Step } from '../activities/step';
import type { CreditFacts } from '../activities/exchange-compose';
import type { Authority } from '../domain/authority';
import { stateQuery } from '../domain/state-query';
import { REJECTION } from '../domain/actions';
import type { Deadline } from '../domain/deadline';
import type { Actor } from '../domain/identity';
import { orgIds } from '../domain/names';
import {
  changedFacts,
  changedFields,
  completedReport,
  FINAL_PENALTY_STAGES,
  LIVE_PENALTY_STAGES,
  penaltyActions as A,
  penaltyStateNow,
  publicationPeriod,
  RETURN_REASONS,
  type Correction,
  type DecisionFacts,
  type PenaltyInput,
  type PenaltyReportDetails,
  type PenaltyReview,
  type PenaltyStage,
} from '../domain/penalties';
import { clockReading, msUntilDayStarts, startClock, type PolicyClock } from '../domain/policy-clock';
import { searchAttributes } from '../domain/search-attributes';
import {
  actionHandlers,
  timeCame,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  historyFull,
  newCore,
  nowIso,
  openTask,
  publishAndCommit,
  reject,
  refuse,
  refuseAll,
  requireProcessActor,
  requireSigningTask,
  requireTask,
  leadersSign,
  handleAttachments,
  resumeCore,
  watchDeadline,
  type ProcessCore,
  type WatchedDeadline,
  takesPatch,
} from './kernel';

/** A policy period's key, as the deadline activity takes it. */
type PolicyKey = Parameters<Activities['planDeadline']>[0]['key'];

/** The period the process waits on now: whom it reminds, whom it escalates to. */
type PenaltyDeadline = WatchedDeadline & { name: PolicyKey; orgId: string; escalateTo: string[] };
type Side = 'zone' | 'ftz';

/** Reports filed from this patch on follow the rules of local authority (see the file's comment). */
export const LOCAL_AUTHORITY_PATCH = 'penalty-local-authority';
/** Credit repair requests from this patch on are decided by someone other than their asker. */
export const CREDIT_REPAIR_FOUR_EYES_PATCH = 'credit-repair-four-eyes';
/** Penalties recognised from this patch on are published on the credit platform (双公示), and their withdrawal and repair sent after. */
export const CREDIT_PLATFORM_PATCH = 'credit-platform-port';
/** A refused report's event carries each cause as its catalogued refusal, so the timeline words it in the reader's language. */
export const REFUSED_BY_CODE_PATCH = 'penalty-refused-by-code';

export interface PenaltyState {
  core: ProcessCore;
  zoneCode: string;
  decisionNumber: string;
  caseId?: string;
  /** `local-authority` for reports filed under the policy's rules; absent for those filed before. */
  rules?: 'local-authority';
  /** The decision as delivered; before the local-authority rules, corrections replaced it. */
  decision: DecisionFacts;
  /** What the report adds to the decision (documents, transcription): what a correction completes. */
  report?: PenaltyReportDetails;
  /** The decision this one changes, whose report the enforcement body withdrew. */
  replaces?: string;
  /** The agreement that entrusted the power, for reports filed before the local-authority rules. */
  authority?: { agreementId: string; version: number };
  stage: PenaltyStage;
  path: PenaltyStage[];
  launchedBy: Actor;
  /** Everyone who reported or resubmitted it: none of them, nor their organisations, may review it. */
  submitters: Actor[];
  /** Returns for correction so far (reviews are numbered 1, 2… beside it: a return is one review's outcome). */
  returns: number;
  reviews: (PenaltyReview & { round: number; reviewer: Actor; at: string })[];
  /** Who asked for the credit repair awaiting a decision: someone else decides it. */
  repairRequestedBy?: Actor;
  /** The recognition went to the credit platform (absent for penalties recognised before the port): its withdrawal and repair follow it there. */
  creditPlatform?: true;
  /** Time the case waited on each side, in milliseconds, and who holds it now. */
  held: { zone: number; ftz: number; holder: Side | null; since: string | null };
  record?: PenaltyRecord;
  credit?: PenaltyCreditRecord;
  /** The first day the clock no longer publishes the penalty. */
  publicationEndsOn?: string;
  deadline?: PenaltyDeadline;
  policy: PenaltyPolicy;
  clock: PolicyClock;
}

export type PenaltyView = Omit<PenaltyState, 'core' | 'clock'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: PenaltyDeadline[];
  /** Today as the publication clock read it when the workflow last acted (a query does not move workflow time). */
  today: string;
};
export type PenaltyArgs = { start: PenaltyInput; launchedBy: Actor } | { continued: PenaltyState };

const chinaDay = (instant: number) => new Date(instant + 8 * 3_600_000).toISOString().slice(0, 10);

export async function penaltyReport(args: PenaltyArgs): Promise<PenaltyView> {
  const state: PenaltyState =
    'continued' in args
      ? // A run continued before the names of now carries `PUBLISHED` and `rounds`: read with the names of now.
        penaltyStateNow(args.continued)
      : {
          core: newCore('penalty-report'),
          zoneCode: args.start.zoneCode,
          decisionNumber: args.start.decisionNumber,
          caseId: args.start.caseId,
          // Decided once, at the start, and kept in state: validators and replays read it, never the patch.
          rules: takesPatch(LOCAL_AUTHORITY_PATCH) ? 'local-authority' : undefined,
          decision: args.start.decision,
          report: args.start.report ?? {},
          replaces: args.start.replaces,
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          submitters: [],
          returns: 0,
          reviews: [],
          held: { zone: 0, ftz: 0, holder: null, since: null },
          policy: { historyEventLimit: 0, dayLengthMs: 86_400_000, publication: undefined as never },
          clock: startClock(Date.now(), 86_400_000),
        };
  const core = resumeCore(state.core);
  const leaderRule = leadersSign();
  handleAttachments(core, () => state.stage);
  const zoneBody = orgIds.zoneBody(state.zoneCode);
  const enforcement = orgIds.enforcement(state.zoneCode);
  const today = () => chinaDay(clockReading(state.clock, Date.now()));
  const localAuthority = () => state.rules === 'local-authority';

  const view = (): PenaltyView => {
    const { core: _core, clock: _clock, ...rest } = state;
    return {
      ...rest,
      processId: core.processId,
      acceptedActions: handle.accepted(),
      openTasks: core.openTasks,
      deadlines: state.deadline ? [state.deadline] : [],
      today: today(),
    };
  };
  const enter = (stage: PenaltyStage) => enterStage(state, stage);
  const write = async (step: Step): Promise<PenaltyView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  const inStage = (...stages: PenaltyStage[]) => {
    if (!stages.includes(state.stage)) refuse('STAGE_NOT_ALLOWED', { type: 'penalty-report', stage: state.stage, expected: stages });
  };

  /** Hands the case to a side (or to none): the time the last holder kept it is added to its account. */
  function handTo(side: Side | null): void {
    const { holder, since } = state.held;
    if (holder && since) state.held[holder] += Math.max(0, Date.now() - Date.parse(since));
    state.held.holder = side;
    state.held.since = side ? nowIso() : null;
  }
  /** The register row as it stands now, with `changes`, into the step. */
  function saveRecord(step: Step, changes: Partial<PenaltyRecord> = {}): void {
    state.record = {
      ...(state.record as PenaltyRecord),
      ...changes,
      decision: state.decision,
      report: state.report,
      replaces: state.replaces,
      agreementId: state.authority?.agreementId,
      returns: state.returns,
      zoneHeldMs: state.held.zone,
      ftzHeldMs: state.held.ftz,
    };
    step.penalty = { ...step.penalty, record: state.record };
  }
  function saveCredit(step: Step, changes: Partial<PenaltyCreditRecord>): void {
    state.credit = { ...(state.credit as PenaltyCreditRecord), ...changes };
    step.penalty = { ...step.penalty!, credit: state.credit };
  }
  /** A 双公示 message, sent after the step commits (the step never waits on it); the FTZ owns it. */
  function toCreditPlatform(step: Step, facts: CreditFacts): void {
    step.exchanges = [...(step.exchanges ?? []), { channel: 'credit', orgId: 'ftz', payload: facts as unknown as Record<string, unknown> }];
    addEvent(core, step, 'creditPlatformSent', null, { kind: facts.kind, decisionNumber: state.decisionNumber });
  }
  /** The authority an event names: local authority, or (filed before) the power and agreement that authorised it. */
  const authorityData = () =>
    localAuthority()
      ? { authority: 'local' }
      : { powerCode: state.decision.powerCode, agreementId: state.authority?.agreementId, agreementVersion: state.authority?.version };
  function waitFor(deadline: Deadline, name: PolicyKey, orgId: string, escalateTo: string[]): PenaltyDeadline {
    state.deadline = { ...deadline, name, orgId, escalateTo, reminded: false, escalated: false };
    return state.deadline;
  }
  /** The records' verdict on a decision: the authority that covers it, or the refusal with the reasons. */
  async function checkDecision(decision: DecisionFacts): Promise<Authority & { inForce: true }> {
    const { problems, authority } = await activities.checkPenaltyDecision({ zoneCode: state.zoneCode, decision });
    if (problems.length || !authority.inForce) {
      // Every cause at once, each naming its field; a result recorded before refusals had codes words them as it did.
      if (problems.length && problems.every((p) => p.refusal)) refuseAll(problems.map((p) => p.refusal!));
      const type = problems.some((p) => p.status === 409) ? REJECTION.conflict : REJECTION.badRequest;
      reject(type, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    }
    return authority;
  }
  const planReview = () => activities.planDeadline({ key: 'penalty.reviewPeriod', scope: state.zoneCode, start: nowIso() });
  function openReview(step: Step, deadline: Deadline): void {
    handTo('ftz');
    waitFor(deadline, 'penalty.reviewPeriod', 'ftz', ['ftz']);
    enter('REVIEWING');
    openTask(core, step, A.reviewPenalty, 'ftz', { decisionNumber: state.decisionNumber, round: state.returns + 1 }, deadline.dueAt);
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.reportPenalty,
    check: (input) => requireTask(core, A.reportPenalty, input),
    prepare: () => planReview(),
    decide: (input, step, reviewDeadline) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      state.submitters.push(input.actor);
      openReview(step, reviewDeadline);
      saveRecord(step, { status: 'REPORTED', reportedAt: step.at });
      addEvent(core, step, 'penaltyReported', input.actor, {
        decisionNumber: state.decisionNumber,
        note: input.payload.note,
        ...authorityData(),
      });
    },
  });

  handle({
    action: A.reviewPenalty,
    check: (input) => {
      requireSigningTask(core, A.reviewPenalty, input, leaderRule);
      // Separation of duties: whoever reported it, and their organisation, never reviews it.
      const reporter = [state.launchedBy, ...state.submitters].find(
        (s) => s.userId === input.actor.userId || s.orgId === input.actor.orgId,
      );
      if (reporter) refuse('REVIEWER_REPORTED', { userId: input.actor.userId, orgId: reporter.orgId });
      if (localAuthority() && input.payload.decision === 'return') {
        const judged = input.payload.reasons.filter((r) => !(RETURN_REASONS as readonly string[]).includes(r));
        if (judged.length) refuse('RETURN_REJUDGES', { reasons: judged, allowed: [...RETURN_REASONS] }, 'body.reasons');
      }
    },
    prepare: (input) =>
      input.payload.decision === 'return'
        ? activities.planDeadline({ key: 'penalty.correctionPeriod', scope: state.zoneCode, start: nowIso() })
        : Promise.resolve(undefined),
    decide: (input, step, correctionDeadline) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const round = state.returns + 1;
      state.reviews.push({ ...input.payload, round, reviewer: input.actor, at: step.at });
      if (input.payload.decision === 'return') {
        state.returns = round;
        handTo('zone');
        saveRecord(step, { status: 'RETURNED' });
        step.penalty!.review = {
          round,
          outcome: 'returned',
          reasons: input.payload.reasons,
          note: input.payload.note,
          reviewer: input.actor,
        };
        addEvent(core, step, 'penaltyReturned', input.actor, { round, reasons: input.payload.reasons, note: input.payload.note });
        waitFor(correctionDeadline!, 'penalty.correctionPeriod', zoneBody, [orgIds.government(state.zoneCode), 'ftz']);
        enter('CORRECTING');
        // The facts come with the report to complete, to be read (or sent back unchanged), never changed.
        const facts = { decisionNumber: state.decisionNumber, ...state.decision };
        const prefill = localAuthority() ? { ...state.report, ...facts } : state.decision;
        const context = {
          decisionNumber: state.decisionNumber,
          round,
          reasons: input.payload.reasons,
          note: input.payload.note,
          prefill,
          ...(localAuthority() ? { facts } : {}),
        };
        openTask(core, step, A.correctPenalty, zoneBody, context, correctionDeadline!.dueAt);
        return;
      }
      handTo(null);
      // The national rule counts publication from the decision date; reports filed before counted from recognition.
      const from = localAuthority() ? state.decision.decidedOn : today();
      const term = state.policy.publication[state.decision.grade];
      const period = publicationPeriod(from, term);
      state.publicationEndsOn = period.endsOn;
      state.deadline = undefined;
      saveRecord(step, { status: 'RECOGNISED', recognisedAt: step.at, creditRecordId: `${core.processId}.credit` });
      step.penalty!.review = { round, outcome: 'recognised', reasons: [], note: input.payload.note, reviewer: input.actor };
      saveCredit(step, {
        id: `${core.processId}.credit`,
        uscc: state.decision.uscc,
        grade: state.decision.grade,
        reason: `${state.decisionNumber}: ${state.decision.violation}`,
        // A recognised penalty bars the commitment route while published; earlier reports followed the policy's flag.
        barsCommitment: localAuthority() || (term.barsCommitment ?? true),
        publicationFrom: from,
        publicationUntil: period.until,
        repairEligibleFrom: period.repairEligibleFrom,
        status: 'ACTIVE',
      });
      if (takesPatch(CREDIT_PLATFORM_PATCH)) {
        state.creditPlatform = true;
        toCreditPlatform(step, {
          kind: 'penalty',
          decisionNumber: state.decisionNumber,
          decision: state.decision,
          entityName: state.report?.entityName,
          organ: enforcement,
          source: 'ftz',
          publicationUntil: period.until,
        });
      }
      addEvent(core, step, 'penaltyRecognised', input.actor, {
        round,
        grade: state.decision.grade,
        publicationFrom: from,
        publicationUntil: period.until,
        repairEligibleFrom: period.repairEligibleFrom,
        ...authorityData(),
      });
      enter('RECOGNISED');
    },
  });

  handle({
    action: A.correctPenalty,
    check: (input) => {
      requireTask(core, A.correctPenalty, input);
      if (!localAuthority()) {
        if (!changedFields(state.decision, earlierCorrection(input.payload)).length) {
          refuse('RESUBMISSION_UNCHANGED', { fields: Object.keys(earlierCorrection(input.payload)).map((f) => `body.${f}`) });
        }
        return;
      }
      const facts = changedFacts({ ...state.decision, decisionNumber: state.decisionNumber }, input.payload);
      if (facts.length) {
        refuse('DECISION_FACT_CHANGED', { fields: facts.map((f) => `body.${f}`), enforcementOrgId: enforcement });
      }
      const report = state.report ?? {};
      if (!changedFields(report, completedReport(report, input.payload)).length) {
        const sent = (['entityName', 'documents'] as const).filter((f) => input.payload[f] !== undefined);
        refuse('REPORT_UNCHANGED', { fields: (sent.length ? sent : ['entityName', 'documents']).map((f) => `body.${f}`) });
      }
    },
    prepare: async (input) =>
      localAuthority()
        ? { reviewDeadline: await planReview() }
        : { authority: await checkDecision(earlierCorrection(input.payload)), reviewDeadline: await planReview() },
    decide: (input, step, { authority, reviewDeadline }) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      let changed: string[];
      if (localAuthority()) {
        const report = state.report ?? {};
        state.report = completedReport(report, input.payload);
        changed = changedFields(report, state.report);
      } else {
        const decision = earlierCorrection(input.payload);
        changed = changedFields(state.decision, decision);
        if (decision.uscc !== state.decision.uscc) upsertSearchAttributes([{ key: searchAttributes.entityUscc, value: decision.uscc }]);
        state.decision = decision;
        state.authority = { agreementId: authority!.agreementId, version: authority!.version };
      }
      state.submitters.push(input.actor);
      openReview(step, reviewDeadline);
      saveRecord(step, { status: 'REPORTED' });
      addEvent(core, step, 'penaltyResubmitted', input.actor, { round: state.returns, changed, ...authorityData() });
    },
  });

  handle({
    action: A.withdrawPenalty,
    check: (input) => {
      requireProcessActor(input.actor, A.withdrawPenalty, state.zoneCode);
    },
    accepts: () => {
      inStage(...LIVE_PENALTY_STAGES);
    },
    decide: (input, step) => {
      closeTasks(core, step, () => true, null);
      handTo(null);
      state.deadline = undefined;
      const reason = `${input.payload.cause}: ${input.payload.reason}`;
      saveRecord(step, { status: 'WITHDRAWN', withdrawnAt: step.at, withdrawalReason: reason });
      if (state.credit) saveCredit(step, { status: 'WITHDRAWN', endedAt: step.at, endReason: reason });
      if (state.creditPlatform)
        toCreditPlatform(step, {
          kind: 'withdrawal',
          decisionNumber: state.decisionNumber,
          uscc: state.decision.uscc,
          reason,
          on: step.at,
          source: 'ftz',
        });
      addEvent(core, step, 'penaltyWithdrawn', input.actor, {
        cause: input.payload.cause,
        reason: input.payload.reason,
        creditRecordId: state.credit?.id,
      });
      enter('WITHDRAWN');
    },
  });

  handle({
    action: A.requestCreditRepair,
    check: (input) => {
      requireProcessActor(input.actor, A.requestCreditRepair, state.zoneCode);
    },
    accepts: () => {
      inStage('RECOGNISED');
      if (core.openTasks.some((t) => t.action === A.decideCreditRepair.name))
        refuse('CREDIT_REPAIR_PENDING', { decisionNumber: state.decisionNumber });
      const eligible = state.credit!.repairEligibleFrom;
      if (today() < eligible) refuse('CREDIT_REPAIR_TOO_EARLY', { eligibleFrom: eligible, today: today() });
    },
    decide: (input, step) => {
      // Histories recorded before the four-eyes rule replay without it (their deciders were never checked).
      if (takesPatch(CREDIT_REPAIR_FOUR_EYES_PATCH)) state.repairRequestedBy = input.actor;
      addEvent(core, step, 'creditRepairRequested', input.actor, {
        rectification: input.payload.rectification,
        onBehalfOf: state.decision.uscc,
      });
      openTask(core, step, A.decideCreditRepair, 'ftz', {
        decisionNumber: state.decisionNumber,
        rectification: input.payload.rectification,
        uscc: state.decision.uscc,
      });
    },
  });

  handle({
    action: A.decideCreditRepair,
    check: (input) => {
      requireTask(core, A.decideCreditRepair, input);
      inStage('RECOGNISED');
      // Four eyes: the window's staff who asked on the entity's behalf does not grant or refuse it.
      const asker = state.repairRequestedBy;
      if (asker && asker.userId === input.actor.userId) {
        refuse('CREDIT_REPAIR_ASKER', { userId: input.actor.userId });
      }
    },
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      if (input.payload.decision === 'refuse') {
        addEvent(core, step, 'creditRepairRefused', input.actor, { reason: input.payload.reason });
        return;
      }
      saveRecord(step);
      saveCredit(step, {
        status: 'REPAIRED',
        endedAt: step.at,
        endReason: `repaired${input.payload.note ? `: ${input.payload.note}` : ''}`,
      });
      addEvent(core, step, 'creditRepaired', input.actor, { on: today(), note: input.payload.note });
      if (state.creditPlatform)
        toCreditPlatform(step, {
          kind: 'repair',
          decisionNumber: state.decisionNumber,
          uscc: state.decision.uscc,
          note: input.payload.note ?? '准予信用修复',
          on: step.at,
          source: 'ftz',
        });
      enter('REPAIRED');
    },
  });

  setHandler(stateQuery, view);

  const done = () => FINAL_PENALTY_STAGES.includes(state.stage);
  const stop = () => done() || historyFull(state.policy.historyEventLimit) || Boolean(core.closing);

  /** Reminder and escalation of whichever period the process waits on; each new period replaces the last. */
  async function watchDeadlines(): Promise<void> {
    while (!stop()) {
      const deadline = state.deadline;
      const moved = () => state.deadline !== deadline || stop();
      if (deadline) {
        await watchDeadline(
          core,
          deadline,
          moved,
          () => warn(deadline, 'reminder', [deadline.orgId]),
          () => warn(deadline, 'escalation', deadline.escalateTo),
        );
      }
      await condition(moved);
    }
  }
  function warn(deadline: PenaltyDeadline, kind: 'reminder' | 'escalation', to: string[]): Promise<PenaltyView> {
    const step = beginStep(core);
    const message =
      kind === 'reminder' ? `${state.decisionNumber}: due ${deadline.dueAt}` : `${state.decisionNumber}: overdue since ${deadline.dueAt}`;
    step.notifications = to.map((orgId) => ({ orgId, kind, message }));
    if (kind === 'reminder') addEvent(core, step, 'reminderSent', null, { dueAt: deadline.dueAt, orgIds: to, deadline: deadline.name });
    else addEvent(core, step, 'escalated', null, { dueAt: deadline.dueAt, to: to.join(', '), deadline: deadline.name });
    return write(step);
  }

  /** The publication's end on the policy clock: the credit record ends with it unless repaired or withdrawn first. */
  async function followPublication(): Promise<void> {
    await condition(() => state.stage === 'RECOGNISED' || stop());
    if (stop()) return;
    const moved = () => state.stage !== 'RECOGNISED' || stop();
    if (!(await timeCame(core, moved, msUntilDayStarts(state.clock, Date.now(), state.publicationEndsOn!)))) return;
    const step = beginStep(core);
    closeTasks(core, step, () => true, null);
    saveRecord(step);
    saveCredit(step, { status: 'ENDED', endedAt: step.at, endReason: 'publication period ended' });
    addEvent(core, step, 'publicationEnded', null, { until: state.credit!.publicationUntil });
    enter('PUBLICATION_ENDED');
    await write(step);
  }

  if (state.stage === 'PREPARING') await prepare();
  void watchDeadlines();
  void followPublication();

  const final = await awaitEndOfRun(core, done, state.policy.historyEventLimit);
  if (!final) return continueAsNew<typeof penaltyReport>({ continued: state });
  return view();

  /** Policy, the records' verdict on the decision and the report deadline; then the zone's task to report it. */
  async function prepare(): Promise<void> {
    state.policy = await activities.preparePenalty({ zoneCode: state.zoneCode });
    state.clock = startClock(Date.now(), state.policy.dayLengthMs);
    // Under local authority only the entity is checked; reports filed before checked the entrusted power too.
    const { problems, authority } = localAuthority()
      ? { problems: await activities.checkPenaltyEntity({ uscc: state.decision.uscc }), authority: undefined }
      : await activities.checkPenaltyDecision({ zoneCode: state.zoneCode, decision: state.decision });
    const step = beginStep(core);
    if (problems.length || (authority && !authority.inForce)) {
      // The API checked the same moments before: only a change to the records in between lands here.
      const refusals = problems.flatMap((p) => (p.refusal ? [p.refusal] : []));
      addEvent(core, step, 'penaltyRefused', state.launchedBy, {
        decisionNumber: state.decisionNumber,
        problems: problems.map((p) => `${p.path}: ${p.message}`),
        ...(takesPatch(REFUSED_BY_CODE_PATCH) ? { refusals } : {}),
      });
      enter('REFUSED');
      await write(step);
      return;
    }
    if (authority?.inForce) state.authority = { agreementId: authority.agreementId, version: authority.version };
    // Working days count from the decision date; a decision of today starts the period now (a test's short period too).
    const decidedEarlier = state.decision.decidedOn < chinaDay(Date.now());
    const start = decidedEarlier ? `${state.decision.decidedOn}T00:00:00+08:00` : nowIso();
    const reportDeadline = await activities.planDeadline({
      key: 'penalty.reportPeriod',
      scope: state.zoneCode,
      start: new Date(start).toISOString(),
    });
    handTo('zone');
    waitFor(reportDeadline, 'penalty.reportPeriod', zoneBody, [orgIds.government(state.zoneCode), 'ftz']);
    state.record = {
      decisionNumber: state.decisionNumber,
      zoneCode: state.zoneCode,
      enforcementOrg: enforcement,
      agreementId: state.authority?.agreementId,
      decision: state.decision,
      report: state.report,
      replaces: state.replaces,
      caseId: state.caseId,
      status: 'RECORDED',
      returns: 0,
      zoneHeldMs: 0,
      ftzHeldMs: 0,
    };
    saveRecord(step);
    if (state.caseId) step.penalty!.linkCase = state.caseId;
    addEvent(core, step, 'penaltyRecorded', state.launchedBy, {
      decisionNumber: state.decisionNumber,
      uscc: state.decision.uscc,
      grade: state.decision.grade,
      reportBy: reportDeadline.dueAt,
      replaces: state.replaces,
      ...authorityData(),
    });
    enter('REPORTING');
    openTask(
      core,
      step,
      A.reportPenalty,
      zoneBody,
      { decisionNumber: state.decisionNumber, decision: state.decision },
      reportDeadline.dueAt,
    );
    await write(step);
  }
}

/** A correction recorded before the local-authority rules: the decision's facts, resubmitted whole. */
function earlierCorrection(correction: Correction): DecisionFacts {
  const { entityName: _name, documents: _documents, decisionNumber: _number, ...facts } = correction;
  return facts as DecisionFacts;
}
