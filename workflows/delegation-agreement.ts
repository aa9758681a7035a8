/**
 * P2: a delegation agreement between the FTZ and one zone's government, from the first draft through
 * signing, announcement and its term, to renewal, expiry or early termination. Long-lived: it
 * continues-as-new with its plain-JSON state.
 */
import { condition, continueAsNew, setHandler } from '@temporalio/workflow';
import type { AgreementRecord, AgreementVersionRecord, Step } from '../activities/step';
import type { AgreementPolicy } from '../activities/policy';
import { stateQuery } from '../domain/state-query';
import { REJECTION } from '../domain/actions';
import {
  addDays,
  agreementActions as A,
  agreementStateNow,
  announcementRefusal,
  FINAL_AGREEMENT_STAGES,
  type AgreementContent,
  type AgreementInput,
  type AgreementStage,
} from '../domain/agreements';
import { chinaDate } from '../domain/calendar';
import type { Actor } from '../domain/identity';
import { orgIds } from '../domain/names';
import { clockReading, msUntilDayStarts, startClock, type PolicyClock } from '../domain/policy-clock';
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
  resumeCore,
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
  watchDeadline,
  type ProcessCore,
  type WatchedDeadline,
  takesPatch,
} from './kernel';
import { powersDelistedSignal } from './power-catalog';
import { zoneEndedSignal } from './zone-establishment';

export interface AgreementState {
  core: ProcessCore;
  zoneCode: string;
  zoneName: string;
  stage: AgreementStage;
  path: AgreementStage[];
  launchedBy: Actor;
  versions: AgreementVersionRecord[];
  signatures: Record<string, { version: number; userId: string; at: string }>;
  /** The agreement as the registry keeps it, once there is a draft. */
  record?: AgreementRecord;
  announcementDeadline?: WatchedDeadline;
  /** Renewal was asked for the current term. */
  renewalAsked: boolean;
  /** Powers a later catalogue delisted: the process is flagged with each. */
  flags: { catalogVersion: number; effectiveDate: string; powerCodes: string[] }[];
  policy: AgreementPolicy;
  clock: PolicyClock;
}

export type AgreementView = Omit<AgreementState, 'core' | 'clock'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: (WatchedDeadline & { name: string })[];
  /** Today as the agreement's clock reads it. */
  today: string;
};
export type AgreementArgs = { start: AgreementInput; launchedBy: Actor } | { continued: AgreementState };

const RENEWING: readonly AgreementStage[] = ['RENEWAL_DRAFTING', 'RENEWAL_SIGNING'];
const LIVE: readonly AgreementStage[] = ['IN_FORCE', ...RENEWING];

export async function delegationAgreement(args: AgreementArgs): Promise<AgreementView> {
  const state: AgreementState =
    'continued' in args
      ? // A run continued before the names of now carries `ANNOUNCING` for `SIGNED`: read with the names of now.
        agreementStateNow(args.continued)
      : {
          core: newCore('delegation-agreement'),
          zoneCode: args.start.zoneCode,
          zoneName: '',
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          versions: [],
          signatures: {},
          renewalAsked: false,
          flags: [],
          policy: { historyEventLimit: 0, renewalNoticeDays: 15, dayLengthMs: 86_400_000 },
          clock: startClock(Date.now(), 86_400_000),
        };
  const core = resumeCore(state.core);
  const leaderRule = leadersSign();
  handleAttachments(core, () => state.stage);
  const government = orgIds.government(state.zoneCode);
  const parties = [government, 'ftz'];
  const renewing = () => RENEWING.includes(state.stage);
  // The day in China, as terms start and end at 00:00 China time (msUntilDayStarts). Runs recorded
  // before this read the UTC day, which differs from 16:00 to 24:00 UTC: asked once, before the first
  // await, so those replay as they ran.
  const chinaDays = takesPatch('agreement-china-day');
  const today = () => {
    const reading = new Date(clockReading(state.clock, Date.now()));
    return chinaDays ? chinaDate(reading) : reading.toISOString().slice(0, 10);
  };
  const current = () => state.versions[state.versions.length - 1];
  const lastSigned = () => [...state.versions].reverse().find((v) => v.status === 'signed');

  const view = (): AgreementView => {
    const { core: _core, clock: _clock, ...rest } = state;
    const deadlines = state.announcementDeadline ? [{ name: 'agreement.announcement', ...state.announcementDeadline }] : [];
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines, today: today() };
  };
  const enter = (stage: AgreementStage) => enterStage(state, stage);
  const write = async (step: Step): Promise<AgreementView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  function saveRecord(step: Step, changes: Partial<AgreementRecord>): void {
    state.record = { ...(state.record as AgreementRecord), ...changes };
    step.agreement = state.record;
    step.agreementVersions ??= [];
  }
  function saveVersion(step: Step, version: AgreementVersionRecord): void {
    saveRecord(step, {});
    step.agreementVersions!.push(version);
  }
  function openReviews(step: Step, version: number): void {
    for (const orgId of parties) openTask(core, step, A.reviewAgreement, orgId, { version, zoneCode: state.zoneCode });
  }
  const inStage = (...stages: AgreementStage[]) => {
    if (!stages.includes(state.stage)) refuse('STAGE_NOT_ALLOWED', { type: 'delegation-agreement', stage: state.stage, expected: stages });
  };
  /** The records' verdict on a draft: refused with the reasons, nothing changed. */
  async function checkDraft(content: AgreementContent): Promise<void> {
    const problems = await activities.checkAgreementDraft({ agreementId: core.processId, zoneCode: state.zoneCode, content });
    if (!problems.length) return;
    // Every cause at once, each naming its field; a result recorded before refusals had codes words them as it did.
    if (problems.every((p) => p.refusal)) refuseAll(problems.map((p) => p.refusal!));
    const type = problems.some((p) => p.status === 409) ? REJECTION.conflict : REJECTION.badRequest;
    reject(type, problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.draftAgreement,
    check: (input) => requireTask(core, A.draftAgreement, input),
    prepare: (input) => checkDraft(input.payload).then(() => undefined),
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const version: AgreementVersionRecord = {
        version: state.versions.length + 1,
        status: 'draft',
        content: input.payload,
        signatures: {},
        draftedBy: input.actor,
        draftedAt: step.at,
      };
      state.versions.push(version);
      state.signatures = {};
      if (!state.record) {
        saveRecord(step, {
          id: core.processId,
          zoneCode: state.zoneCode,
          status: 'NEGOTIATING',
          currentVersion: version.version,
          startDate: input.payload.term.startDate,
          endDate: input.payload.term.endDate,
        });
      }
      saveVersion(step, version);
      addEvent(core, step, 'agreementDrafted', input.actor, {
        version: version.version,
        renewal: renewing(),
        items: input.payload.items.length,
      });
      enter(renewing() ? 'RENEWAL_SIGNING' : 'SIGNING');
      openReviews(step, version.version);
    },
  });

  handle({
    action: A.reviewAgreement,
    check: (input) => {
      const task = requireSigningTask(core, A.reviewAgreement, input, leaderRule);
      if (task.context.version !== current().version) {
        refuse('VERSION_SUPERSEDED', { version: Number(task.context.version), current: current().version });
      }
    },
    prepare: async (input) => {
      const completes =
        input.payload.decision === 'sign' &&
        parties.every((org) => org === input.actor.orgId || state.signatures[org]?.version === current().version);
      if (!completes) return undefined;
      // The last signature: the records must still allow the agreement (an overlapping one may have been signed since).
      await checkDraft(current().content);
      return renewing()
        ? undefined
        : activities.planDeadline({ key: 'agreement.announcementPeriod', scope: state.zoneCode, start: nowIso() });
    },
    decide: (input, step, announcementDeadline) => {
      const [task] = closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const draft = current();
      if (input.payload.decision === 'return') {
        const voided = Object.keys(state.signatures);
        state.signatures = {};
        draft.status = 'returned';
        draft.signatures = {};
        saveVersion(step, draft);
        closeTasks(core, step, (t) => t.action === A.reviewAgreement.name, null);
        addEvent(core, step, 'agreementReturned', input.actor, { version: draft.version, comments: input.payload.comments });
        if (voided.length) addEvent(core, step, 'signaturesVoided', null, { version: draft.version, orgIds: voided });
        enter(renewing() ? 'RENEWAL_DRAFTING' : 'DRAFTING');
        openTask(core, step, A.draftAgreement, 'ftz', {
          returnedVersion: draft.version,
          comments: input.payload.comments,
          zoneCode: state.zoneCode,
          prefill: draft.content,
        });
        return;
      }
      state.signatures[input.actor.orgId] = { version: Number(task.context.version), userId: input.actor.userId, at: step.at };
      draft.signatures = { ...state.signatures };
      addEvent(core, step, 'agreementSigned', input.actor, { version: draft.version });
      if (!parties.every((org) => state.signatures[org]?.version === draft.version)) {
        saveVersion(step, draft);
        return;
      }
      draft.status = 'signed';
      saveVersion(step, draft);
      if (renewing()) {
        saveRecord(step, { currentVersion: draft.version, endDate: draft.content.term.endDate });
        state.renewalAsked = false;
        addEvent(core, step, 'agreementRenewed', null, { version: draft.version, endDate: draft.content.term.endDate });
        enter('IN_FORCE');
        return;
      }
      saveRecord(step, {
        status: 'SIGNED',
        currentVersion: draft.version,
        startDate: draft.content.term.startDate,
        endDate: draft.content.term.endDate,
      });
      state.announcementDeadline = { ...announcementDeadline!, reminded: false, escalated: false };
      addEvent(core, step, 'agreementConcluded', null, { version: draft.version, announceBy: announcementDeadline!.dueAt });
      enter('SIGNED');
      openTask(core, step, A.announceAgreement, 'ftz', { version: draft.version }, announcementDeadline!.dueAt);
    },
  });

  handle({
    action: A.announceAgreement,
    check: (input) => {
      requireTask(core, A.announceAgreement, input);
      const deadline = state.announcementDeadline;
      // Validators do not run on replay: the announcements recorded before this check replay unchanged.
      if (!deadline) return;
      const refused = announcementRefusal(input.payload.announcedOn, {
        today: chinaDate(new Date(clockReading(state.clock, Date.now()))),
        concludedOn: chinaDate(new Date(deadline.startsAt)),
        announceBy: chinaDate(new Date(deadline.dueAt)),
      });
      if (refused) refuseAll([refused]);
    },
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const started = today() >= (state.record as AgreementRecord).startDate;
      saveRecord(step, {
        announcedOn: input.payload.announcedOn,
        announcementRef: input.payload.announcementRef,
        status: started ? 'IN_FORCE' : 'SIGNED',
      });
      addEvent(core, step, 'agreementAnnounced', input.actor, { ref: input.payload.announcementRef, on: input.payload.announcedOn });
      enter(started ? 'IN_FORCE' : 'PENDING_START');
    },
  });

  handle({
    action: A.decideRenewal,
    check: (input) => {
      requireTask(core, A.decideRenewal, input);
      const end = (state.record as AgreementRecord).endDate;
      if (input.payload.decision === 'renew' && input.payload.newEndDate <= end) {
        refuse('RENEWAL_NOT_LATER', { newEndDate: input.payload.newEndDate, endDate: end }, 'body.newEndDate');
      }
    },
    prepare: async (input) => {
      if (input.payload.decision === 'renew') await checkDraft(renewalContent(input.payload.newEndDate));
    },
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      if (input.payload.decision === 'letExpire') {
        addEvent(core, step, 'renewalDeclined', input.actor, { note: input.payload.note });
        return;
      }
      const version: AgreementVersionRecord = {
        version: state.versions.length + 1,
        status: 'draft',
        content: renewalContent(input.payload.newEndDate),
        signatures: {},
        draftedBy: input.actor,
        draftedAt: step.at,
      };
      state.versions.push(version);
      state.signatures = {};
      saveVersion(step, version);
      addEvent(core, step, 'renewalProposed', input.actor, { version: version.version, endDate: input.payload.newEndDate });
      enter('RENEWAL_SIGNING');
      openReviews(step, version.version);
    },
  });

  /** A renewal continues the signed version for a new term starting the day after the current one ends. */
  function renewalContent(newEndDate: string): AgreementContent {
    const signed = lastSigned() as AgreementVersionRecord;
    const revoked = new Set(state.flags.flatMap((f) => f.powerCodes));
    return {
      ...signed.content,
      items: signed.content.items.filter((item) => !revoked.has(item.powerCode)),
      term: { startDate: addDays((state.record as AgreementRecord).endDate, 1), endDate: newEndDate },
    };
  }

  handle({
    action: A.terminateAgreement,
    check: (input) => {
      requireProcessActor(input.actor, A.terminateAgreement, state.zoneCode);
    },
    accepts: () => {
      inStage('PENDING_START', ...LIVE);
    },
    decide: (input, step) => {
      closeTasks(core, step, () => true, null);
      saveRecord(step, { status: 'TERMINATED', terminatedOn: today(), terminationReason: input.payload.reason });
      addEvent(core, step, 'agreementTerminated', input.actor, { reason: input.payload.reason, on: today() });
      enter('TERMINATED');
    },
  });

  setHandler(powersDelistedSignal, async (delisted) => {
    state.flags.push(delisted);
    const step = beginStep(core);
    addEvent(core, step, 'powersRevoked', null, { ...delisted });
    await write(step);
  });
  /** The zone ended: whatever stage the agreement is in, it ends that day; the records ended it already. */
  setHandler(zoneEndedSignal, async (end) => {
    if (FINAL_AGREEMENT_STAGES.includes(state.stage)) return;
    const step = beginStep(core);
    closeTasks(core, step, () => true, null);
    const reason = `zone ${end.zoneCode} terminated on ${end.terminatedOn}: ${end.reason}`;
    if (state.record) saveRecord(step, { status: 'TERMINATED', terminatedOn: end.terminatedOn, terminationReason: reason });
    addEvent(core, step, 'agreementEndedWithZone', null, { on: end.terminatedOn, reason: end.reason });
    enter('TERMINATED');
    await write(step);
  });
  setHandler(stateQuery, view);

  async function becomeInForce(): Promise<void> {
    const step = beginStep(core);
    saveRecord(step, { status: 'IN_FORCE' });
    addEvent(core, step, 'agreementInForce', null, { startDate: (state.record as AgreementRecord).startDate });
    enter('IN_FORCE');
    await write(step);
  }

  async function askRenewal(): Promise<void> {
    state.renewalAsked = true;
    const step = beginStep(core);
    const endDate = (state.record as AgreementRecord).endDate;
    step.notifications = parties.map((orgId) => ({
      orgId,
      kind: 'reminder' as const,
      message: `${core.processId}: ends ${endDate}; renew or let it expire`,
    }));
    addEvent(core, step, 'renewalReminder', null, { endDate });
    openTask(core, step, A.decideRenewal, 'ftz', { endDate, zoneCode: state.zoneCode });
    await write(step);
  }

  async function expire(): Promise<void> {
    const step = beginStep(core);
    closeTasks(core, step, () => true, null);
    saveRecord(step, { status: 'EXPIRED' });
    addEvent(core, step, 'agreementExpired', null, { endDate: (state.record as AgreementRecord).endDate });
    enter('EXPIRED');
    await write(step);
  }

  const done = () => FINAL_AGREEMENT_STAGES.includes(state.stage);
  const stop = () => done() || historyFull(state.policy.historyEventLimit) || Boolean(core.closing);

  /** The term's clock: start, the renewal reminder, the end. Each wait ends early when the state moves. */
  async function followTerm(): Promise<void> {
    while (!stop()) {
      const stage = state.stage;
      const record = state.record;
      if (stage === 'PENDING_START' && record) {
        if (await timeCame(core, () => state.stage !== stage || stop(), msUntilDayStarts(state.clock, Date.now(), record.startDate))) {
          await becomeInForce();
        }
      } else if (LIVE.includes(stage) && record) {
        const endDate = record.endDate;
        const moved = () => state.record?.endDate !== endDate || stop();
        if (!state.renewalAsked) {
          const noticeDay = addDays(endDate, -state.policy.renewalNoticeDays);
          if (await timeCame(core, moved, msUntilDayStarts(state.clock, Date.now(), noticeDay))) await askRenewal();
        } else if (await timeCame(core, moved, msUntilDayStarts(state.clock, Date.now(), addDays(endDate, 1)))) {
          await expire();
        }
      } else {
        await condition(() => state.stage !== stage || stop());
      }
    }
  }

  async function watchAnnouncement(): Promise<void> {
    const deadline = state.announcementDeadline;
    if (!deadline) return;
    await watchDeadline(
      core,
      deadline,
      () => state.stage !== 'SIGNED',
      () => {
        const step = beginStep(core);
        step.notifications = [{ orgId: 'ftz', kind: 'reminder', message: `${core.processId}: announce by ${deadline.dueAt}` }];
        addEvent(core, step, 'reminderSent', null, { dueAt: deadline.dueAt, orgIds: ['ftz'] });
        return write(step);
      },
      () => {
        const step = beginStep(core);
        step.notifications = [
          { orgId: 'ftz', kind: 'escalation', message: `${core.processId}: announcement overdue since ${deadline.dueAt}` },
        ];
        addEvent(core, step, 'escalated', null, { dueAt: deadline.dueAt, to: 'ftz' });
        return write(step);
      },
    );
  }

  if (state.stage === 'PREPARING') {
    const prepared = await activities.prepareAgreement({ zoneCode: state.zoneCode });
    state.zoneName = prepared.zoneName;
    state.policy = {
      historyEventLimit: prepared.historyEventLimit,
      renewalNoticeDays: prepared.renewalNoticeDays,
      dayLengthMs: prepared.dayLengthMs,
    };
    state.clock = startClock(Date.now(), prepared.dayLengthMs);
    const step = beginStep(core);
    addEvent(core, step, 'agreementLaunched', state.launchedBy, { zoneCode: state.zoneCode, zoneName: state.zoneName });
    enter('DRAFTING');
    openTask(core, step, A.draftAgreement, 'ftz', { zoneCode: state.zoneCode });
    await write(step);
  }
  // Watch the announcement only once the agreement is concluded; the term's clock runs throughout.
  void condition(() => state.announcementDeadline !== undefined || stop()).then(() => watchAnnouncement());
  void followTerm();

  const final = await awaitEndOfRun(core, done, state.policy.historyEventLimit);
  if (!final) return continueAsNew<typeof delegationAgreement>({ continued: state });
  return view();
}
