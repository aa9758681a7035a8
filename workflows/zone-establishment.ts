/**
 * P1: a collaborative zone, from the memorandum both governments sign to its termination.
 * A zone lives for years: this workflow continues-as-new with its plain-JSON state.
 */
import { continueAsNew, defineSignal, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { MemorandumRecord, Step, ZoneAreaRecord, ZoneEnd, ZoneEnded, ZoneRecord } from '../activities/step';
import { chinaDate } from '../domain/calendar';
import { stateQuery } from '../domain/state-query';
import type { Deadline } from '../domain/deadline';
import type { Actor } from '../domain/identity';
import { orgIds, zoneName } from '../domain/names';
import { areaEffectiveFrom, unitsOf, type Approval } from '../domain/zone-area';
import {
  FINAL_ZONE_STAGES,
  zoneActions as A,
  type ManagementBody,
  type RecordedMemorandumContent,
  type ZoneEstablishmentInput,
  type ZoneStage,
} from '../domain/zone-establishment';
import {
  actionHandlers,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  newCore,
  resumeCore,
  nowIso,
  openTask,
  publishAndCommit,
  refuse,
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

interface MemorandumVersion extends MemorandumRecord {
  content: RecordedMemorandumContent;
}

export interface ZoneState {
  core: ProcessCore;
  countyCode: string;
  countyName: string;
  zoneName: string;
  stage: ZoneStage;
  /** Every stage entered, in order: the path the process took. */
  path: ZoneStage[];
  launchedBy: Actor;
  /** The city's approval (批复) it was launched under; absent in processes launched before it was recorded. */
  approval?: Approval;
  memoranda: MemorandumVersion[];
  /** Signatures on the version under review, by organisation; each pins the version it signed. */
  signatures: Record<string, { version: number; userId: string; at: string }>;
  /** The memorandum version in force. */
  signedVersion?: number;
  zone?: ZoneRecord;
  body?: ManagementBody;
  signingDeadline?: WatchedDeadline;
  /** Who proposed termination, and the stage to return to if the other side refuses. */
  termination?: { proposedBy: string; reason: string; resumeStage: ZoneStage };
  historyEventLimit: number;
}

export type ZoneView = Omit<ZoneState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: (Deadline & { name: string; reminded: boolean; escalated: boolean })[];
};

export type ZoneWorkflowArgs = { start: ZoneEstablishmentInput; launchedBy: Actor } | { continued: ZoneState };

/** Told to the zone's agreement processes and the registrations awaiting its consent when the zone ends. */
export const zoneEndedSignal = defineSignal<[ZoneEnd]>('zoneEnded');

const NEGOTIATING: readonly ZoneStage[] = ['PREPARING', 'DRAFTING', 'SIGNING'];

export async function zoneEstablishment(args: ZoneWorkflowArgs): Promise<ZoneView> {
  const state: ZoneState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('zone-establishment'),
          countyCode: args.start.countyCode,
          countyName: '',
          zoneName: '',
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          approval: args.start.approval,
          memoranda: [],
          signatures: {},
          historyEventLimit: 0,
        };
  const core = resumeCore(state.core);
  const leaderRule = leadersSign();
  handleAttachments(core, () => state.stage);
  const government = orgIds.government(state.countyCode);
  const parties = [government, 'ftz'];
  const amending = () => state.stage.startsWith('AMENDMENT');

  const view = (): ZoneView => {
    const { core: _core, ...rest } = state;
    const deadlines = state.signingDeadline ? [{ name: 'memorandum.signing', ...state.signingDeadline }] : [];
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines };
  };

  const enter = (stage: ZoneStage) => enterStage(state, stage);
  const write = async (step: Step): Promise<ZoneView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };

  function saveZone(step: Step, changes: Partial<ZoneRecord>): void {
    state.zone = { ...(state.zone as ZoneRecord), ...changes };
    step.zone = state.zone;
  }

  /**
   * The area a signed version draws, from its day on (an amendment's from its effective date).
   * Memoranda drafted before areas were drawn name no township or park: they record none.
   */
  function signedArea(draft: MemorandumVersion, step: Step, first: boolean): ZoneAreaRecord | undefined {
    const { townshipCodes, parkIds } = unitsOf(draft.content.boundary);
    if (!townshipCodes.length && !parkIds.length) return undefined;
    const effectiveFrom = areaEffectiveFrom({ first, effectiveDate: draft.content.effectiveDate, signedOn: chinaDate(new Date(step.at)) });
    const { areaKm2, description } = draft.content.boundary;
    return { zoneCode: state.countyCode, memorandumVersion: draft.version, effectiveFrom, townshipCodes, parkIds, areaKm2, description };
  }

  function currentDraft(): MemorandumVersion {
    return state.memoranda[state.memoranda.length - 1];
  }

  function signingDueAt(): string | undefined {
    return amending() ? undefined : state.signingDeadline?.dueAt;
  }

  const handle = actionHandlers(core, write, view);

  const inStage = (...stages: ZoneStage[]) => {
    if (!stages.includes(state.stage)) refuse('STAGE_NOT_ALLOWED', { type: 'zone-establishment', stage: state.stage, expected: stages });
  };

  handle({
    action: A.draftMemorandum,
    check: (input) => requireTask(core, A.draftMemorandum, input),
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const version: MemorandumVersion = {
        version: state.memoranda.length + 1,
        countyCode: state.countyCode,
        content: input.payload,
        status: 'draft',
        draftedBy: input.actor,
        draftedAt: step.at,
        signatures: {},
      };
      state.memoranda.push(version);
      state.signatures = {};
      step.memoranda.push(version);
      addEvent(core, step, 'memorandumDrafted', input.actor, { version: version.version, amendment: amending() });
      enter(amending() ? 'AMENDMENT_SIGNING' : 'SIGNING');
      for (const orgId of parties) openTask(core, step, A.reviewMemorandum, orgId, { version: version.version }, signingDueAt());
    },
  });

  handle({
    action: A.reviewMemorandum,
    check: (input) => {
      const task = requireSigningTask(core, A.reviewMemorandum, input, leaderRule);
      if (task.context.version !== currentDraft().version) {
        refuse('VERSION_SUPERSEDED', { version: Number(task.context.version), current: currentDraft().version });
      }
    },
    decide: (input, step) => {
      const [task] = closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const draft = currentDraft();
      if (input.payload.decision === 'return') {
        const voided = Object.keys(state.signatures);
        state.signatures = {};
        draft.status = 'returned';
        draft.signatures = {};
        step.memoranda.push(draft);
        closeTasks(core, step, (t) => t.action === A.reviewMemorandum.name, null);
        addEvent(core, step, 'memorandumReturned', input.actor, { version: draft.version, comments: input.payload.comments });
        if (voided.length) addEvent(core, step, 'signaturesVoided', null, { version: draft.version, orgIds: voided });
        enter(amending() ? 'AMENDMENT_DRAFTING' : 'DRAFTING');
        openTask(
          core,
          step,
          A.draftMemorandum,
          'ftz',
          { returnedVersion: draft.version, comments: input.payload.comments },
          signingDueAt(),
        );
        return;
      }
      state.signatures[input.actor.orgId] = { version: Number(task.context.version), userId: input.actor.userId, at: step.at };
      draft.signatures = state.signatures;
      addEvent(core, step, 'memorandumSigned', input.actor, { version: draft.version });
      if (!parties.every((orgId) => state.signatures[orgId]?.version === draft.version)) {
        step.memoranda.push(draft);
        return;
      }
      const previous = state.memoranda.find((m) => m.version === state.signedVersion);
      if (previous) {
        previous.status = 'superseded';
        step.memoranda.push(previous);
      }
      draft.status = 'signed';
      step.memoranda.push(draft);
      state.signedVersion = draft.version;
      step.zoneArea = signedArea(draft, step, !amending());
      if (amending()) {
        saveZone(step, { memorandumVersion: draft.version, areaKm2: draft.content.boundary.areaKm2, boundary: draft.content.boundary });
        addEvent(core, step, 'amendmentInForce', null, { version: draft.version, areaFrom: step.zoneArea?.effectiveFrom });
        enter('ACTIVE');
        return;
      }
      saveZone(step, {
        code: state.countyCode,
        name: state.zoneName,
        status: 'ACTIVE_PENDING_BODY',
        memorandumVersion: draft.version,
        areaKm2: draft.content.boundary.areaKm2,
        boundary: draft.content.boundary,
        establishedAt: step.at,
        ...(state.approval ? { approval: state.approval } : {}),
      });
      closeTasks(core, step, (t) => t.action === A.decideOverdueMemorandum.name, null);
      addEvent(core, step, 'zoneRecorded', null, { version: draft.version, zoneName: state.zoneName });
      enter('AWAITING_BODY');
      openTask(core, step, A.nameManagementBody, government);
    },
  });

  handle({
    action: A.nameManagementBody,
    check: (input) => requireTask(core, A.nameManagementBody, input),
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      state.body = input.payload;
      const orgId = orgIds.zoneBody(state.countyCode);
      step.organization = {
        id: orgId,
        nameZh: input.payload.name,
        nameEn: `${state.countyCode} zone management body`,
        kind: 'zone',
        countyCode: state.countyCode,
        active: true,
      };
      saveZone(step, { status: 'ACTIVE', body: input.payload, orgId });
      addEvent(core, step, 'bodyNamed', input.actor, { name: input.payload.name, orgId });
      enter('ACTIVE');
    },
  });

  handle({
    action: A.decideOverdueMemorandum,
    check: (input) => {
      requireTask(core, A.decideOverdueMemorandum, input);
      inStage('DRAFTING', 'SIGNING');
    },
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      if (input.payload.decision === 'keepWaiting') {
        addEvent(core, step, 'escalationAnswered', input.actor, { decision: 'keepWaiting', reason: input.payload.reason });
        return;
      }
      closeTasks(core, step, () => true, null);
      addEvent(core, step, 'withdrawn', input.actor, { reason: input.payload.reason });
      enter('WITHDRAWN');
    },
  });

  handle({
    action: A.proposeAmendment,
    check: (input) => {
      requireProcessActor(input.actor, A.proposeAmendment, state.countyCode);
    },
    accepts: () => {
      inStage('ACTIVE');
    },
    decide: (input, step) => {
      addEvent(core, step, 'amendmentProposed', input.actor, { reason: input.payload.reason });
      enter('AMENDMENT_DRAFTING');
      openTask(core, step, A.draftMemorandum, 'ftz', { amendmentReason: input.payload.reason, basedOnVersion: state.signedVersion });
    },
  });

  handle({
    action: A.suspendZone,
    check: (input) => {
      requireProcessActor(input.actor, A.suspendZone, state.countyCode);
    },
    accepts: () => {
      inStage('ACTIVE');
    },
    decide: (input, step) => {
      saveZone(step, { status: 'SUSPENDED' });
      addEvent(core, step, 'suspended', input.actor, { reason: input.payload.reason });
      enter('SUSPENDED');
    },
  });

  handle({
    action: A.resumeZone,
    check: (input) => {
      requireProcessActor(input.actor, A.resumeZone, state.countyCode);
    },
    accepts: () => {
      inStage('SUSPENDED');
    },
    decide: (input, step) => {
      saveZone(step, { status: 'ACTIVE' });
      addEvent(core, step, 'resumed', input.actor, { note: input.payload.note });
      enter('ACTIVE');
    },
  });

  handle({
    action: A.proposeTermination,
    check: (input) => {
      requireProcessActor(input.actor, A.proposeTermination, state.countyCode);
    },
    accepts: () => {
      inStage('ACTIVE', 'SUSPENDED');
    },
    decide: (input, step) => {
      state.termination = { proposedBy: input.actor.orgId, reason: input.payload.reason, resumeStage: state.stage };
      addEvent(core, step, 'terminationProposed', input.actor, { reason: input.payload.reason });
      enter('TERMINATION_PROPOSED');
      const otherSide = parties.find((orgId) => orgId !== input.actor.orgId) as string;
      openTask(core, step, A.consentTermination, otherSide, { reason: input.payload.reason, proposedBy: input.actor.orgId });
    },
  });

  handle({
    action: A.consentTermination,
    check: (input) => requireTask(core, A.consentTermination, input),
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const termination = state.termination as NonNullable<ZoneState['termination']>;
      state.termination = undefined;
      if (input.payload.decision === 'refuse') {
        addEvent(core, step, 'terminationRefused', input.actor, { note: input.payload.note });
        enter(termination.resumeStage);
        return;
      }
      saveZone(step, { status: 'TERMINATED' });
      if (state.zone?.orgId) {
        step.organization = {
          id: state.zone.orgId,
          nameZh: state.body?.name ?? state.zone.orgId,
          nameEn: `${state.countyCode} zone management body`,
          kind: 'zone',
          countyCode: state.countyCode,
          active: false,
        };
      }
      // The zone's end carries through: its agreements end that day, in the same step.
      if (takesPatch('zone-end-carries-through')) {
        step.zoneEnd = { zoneCode: state.countyCode, terminatedOn: chinaDate(new Date(step.at)), reason: termination.reason };
      }
      addEvent(core, step, 'terminated', input.actor, { reason: termination.reason, note: input.payload.note });
      enter('TERMINATED');
    },
    write: async (step) => {
      const result = await publishAndCommit(core, state.stage, step);
      if (result.zoneEnded) await tellZoneEnded(result.zoneEnded);
      return view();
    },
  });

  /** Each agreement process ends and each registration awaiting consent is refused, with the zone's reason. */
  async function tellZoneEnded(ended: ZoneEnded): Promise<void> {
    const { agreementProcesses, registrationProcesses, ...end } = ended;
    for (const processId of [...agreementProcesses, ...registrationProcesses]) {
      // A process that has ended since needs no telling: the records were ended all the same.
      await getExternalWorkflowHandle(processId)
        .signal(zoneEndedSignal, end)
        .catch(() => undefined);
    }
    const step = beginStep(core);
    addEvent(core, step, 'zoneEndCarriedThrough', null, {
      terminatedOn: end.terminatedOn,
      agreements: agreementProcesses,
      registrationsRefused: registrationProcesses,
    });
    await write(step);
  }

  setHandler(stateQuery, view);

  /** One reminder at half the period to those awaited, one escalation to the city at its end. */
  async function watchSigningDeadline(): Promise<void> {
    const deadline = state.signingDeadline;
    if (!deadline) return;
    await watchDeadline(
      core,
      deadline,
      () => !NEGOTIATING.includes(state.stage),
      () => {
        const step = beginStep(core);
        const awaited = [...new Set(core.openTasks.map((task) => task.orgId))];
        step.notifications = awaited.map((orgId) => ({
          orgId,
          kind: 'reminder' as const,
          message: `${state.zoneName}: memorandum due ${deadline.dueAt}`,
        }));
        addEvent(core, step, 'reminderSent', null, { dueAt: deadline.dueAt, orgIds: awaited });
        return write(step);
      },
      () => {
        const step = beginStep(core);
        step.notifications = [
          { orgId: 'city', kind: 'escalation', message: `${state.zoneName}: memorandum overdue since ${deadline.dueAt}` },
        ];
        addEvent(core, step, 'escalated', null, { dueAt: deadline.dueAt, to: 'city' });
        openTask(core, step, A.decideOverdueMemorandum, 'city', { dueAt: deadline.dueAt });
        return write(step);
      },
    );
  }

  if (state.stage === 'PREPARING') {
    const prepared = await activities.prepareZoneEstablishment({ countyCode: state.countyCode, startedAt: nowIso() });
    state.countyName = prepared.countyName;
    state.zoneName = zoneName(prepared.countyName);
    state.historyEventLimit = prepared.historyEventLimit;
    state.signingDeadline = { ...prepared.signingDeadline, reminded: false, escalated: false };
    const step = beginStep(core);
    addEvent(core, step, 'launched', state.launchedBy, {
      countyCode: state.countyCode,
      zoneName: state.zoneName,
      dueAt: state.signingDeadline.dueAt,
      approval: state.approval,
    });
    enter('DRAFTING');
    openTask(core, step, A.draftMemorandum, 'ftz', {}, state.signingDeadline.dueAt);
    await write(step);
  }
  void watchSigningDeadline();

  const final = await awaitEndOfRun(core, () => FINAL_ZONE_STAGES.includes(state.stage), state.historyEventLimit);
  if (!final) return continueAsNew<typeof zoneEstablishment>({ continued: state });
  return view();
}
