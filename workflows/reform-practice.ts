/**
 * Reform that flows up (三(一) "深入挖掘协同发展示范区在改革创新方面的好经验、好做法"): a zone's body or its
 * county's government proposes a good practice — what, where, since when, with which results, its
 * documents attached to the proposal — and the FTZ evaluates it within the evaluation period (reminder
 * at half time, escalation to the FTZ and the city when late). Declined, the zone has the reasons.
 * Accepted, the practice becomes a P6 reform measure (the next RM code) and the existing adoption process
 * (workflows/pilot-adoption.ts) offers it to every other ACTIVE zone; the innovations report
 * (GET /api/reform/innovations) joins the two.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { continueAsNew, ParentClosePolicy, setHandler, startChild } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { PracticeRecord, Step } from '../activities/step';
import type { Actor } from '../domain/identity';
import { stateQuery } from '../domain/state-query';
import { pilotProcessId } from '../domain/pilots';
import {
  measureFromPractice,
  practiceActions as A,
  type PracticeEvaluation,
  type PracticeInput,
  type PracticeProposal,
  type PracticeStage,
} from '../domain/reform';
import { searchAttributes } from '../domain/search-attributes';
import {
  actionHandlers,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  handleAttachments,
  newCore,
  nowIso,
  openTask,
  publishAndCommit,
  requireTask,
  resumeCore,
  watchCurrentDeadline,
  type OwnedDeadline,
  type ProcessCore,
} from './kernel';
import type { PilotArgs } from './pilot-adoption';

type PolicyKey = Parameters<Activities['planDeadline']>[0]['key'];

export interface PracticeState {
  core: ProcessCore;
  input: PracticeInput;
  stage: PracticeStage;
  path: PracticeStage[];
  launchedBy: Actor;
  launchedAt: string;
  zoneName: string;
  proposal?: PracticeProposal & { by: Actor; at: string };
  evaluation?: PracticeEvaluation & { by: Actor; at: string };
  /** The P6 measure it became, and the adoption process offering it. */
  measureCode?: string;
  pilotProcessId?: string;
  /** Set once the adoption process is started (or found already running). */
  offered?: boolean;
  deadline?: OwnedDeadline;
  historyEventLimit: number;
}

export type PracticeView = Omit<PracticeState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: (OwnedDeadline & { open: boolean })[];
};
export type PracticeArgs = { start: PracticeInput; launchedBy: Actor } | { continued: PracticeState };

export async function reformPractice(args: PracticeArgs): Promise<PracticeView> {
  const state: PracticeState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('reform-practice'),
          input: args.start,
          stage: 'PROPOSING',
          path: ['PROPOSING'],
          launchedBy: args.launchedBy,
          launchedAt: nowIso(),
          zoneName: '',
          historyEventLimit: 0,
        };
  const core = resumeCore(state.core);
  const zoneCode = state.input.zoneCode;
  const done = () => state.stage === 'ACCEPTED' || state.stage === 'DECLINED';

  const view = (): PracticeView => {
    const { core: _core, ...rest } = state;
    const deadlines = state.deadline ? [{ ...state.deadline, open: !done() }] : [];
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines };
  };
  const write = async (step: Step): Promise<PracticeView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  const plan = (key: PolicyKey) => activities.planDeadline({ key, scope: zoneCode, start: nowIso() });

  /** The practice's row as it stands, into the step. */
  function save(step: Step): void {
    const record: PracticeRecord = {
      zoneCode,
      title: state.input.titleZh,
      status: state.stage,
      practice: state.proposal?.practice,
      where: state.proposal?.where,
      startedOn: state.proposal?.startedOn,
      results: state.proposal?.results,
      reasons: state.evaluation?.reasons,
      note: state.evaluation?.note,
      measureCode: state.measureCode,
      dueAt: done() ? undefined : state.deadline?.dueAt,
      launchedBy: state.launchedBy,
      launchedAt: state.launchedAt,
      proposedBy: state.proposal?.by,
      proposedAt: state.proposal?.at,
      decidedBy: state.evaluation?.by,
      decidedAt: state.evaluation?.at,
    };
    step.practice = record;
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.proposePractice,
    check: (input) => void requireTask(core, A.proposePractice, input),
    prepare: () => plan('reform.evaluationPeriod'),
    decide: (input, step, evaluationDeadline) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      state.proposal = { ...input.payload, by: input.actor, at: step.at };
      state.deadline = {
        ...evaluationDeadline,
        name: 'reform.evaluationPeriod',
        orgId: 'ftz',
        escalateTo: ['ftz', 'city'],
        reminded: false,
        escalated: false,
      };
      addEvent(core, step, 'practiceProposed', input.actor, {
        zoneCode,
        title: state.input.titleZh,
        where: input.payload.where,
        startedOn: input.payload.startedOn,
      });
      openTask(
        core,
        step,
        A.evaluatePractice,
        'ftz',
        { zoneCode, zoneName: state.zoneName, practiceTitle: state.input.titleZh, ...input.payload, proposedBy: input.actor.orgId },
        evaluationDeadline.dueAt,
      );
      enterStage(state, 'EVALUATING');
      save(step);
    },
  });

  handle({
    action: A.evaluatePractice,
    check: (input) => void requireTask(core, A.evaluatePractice, input),
    // The measure code is reserved before the decision is written: a retried step finds the same one.
    prepare: (input) =>
      input.payload.decision === 'accept' ? activities.reserveMeasureCode({ processId: core.processId }) : Promise.resolve(undefined),
    decide: (input, step, measureCode) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      state.evaluation = { ...input.payload, by: input.actor, at: step.at };
      state.deadline = undefined;
      if (input.payload.decision === 'decline') {
        addEvent(core, step, 'practiceDeclined', input.actor, { zoneCode, title: state.input.titleZh, reasons: input.payload.reasons });
        enterStage(state, 'DECLINED');
      } else {
        state.measureCode = measureCode!;
        state.pilotProcessId = pilotProcessId(measureCode!);
        addEvent(core, step, 'practiceAccepted', input.actor, {
          zoneCode,
          title: state.input.titleZh,
          measureCode,
          pilotProcessId: state.pilotProcessId,
          note: input.payload.note,
        });
        enterStage(state, 'ACCEPTED');
      }
      save(step);
    },
  });

  // The proposal's documents (scans, photos, reports) are attached to the proposal task.
  handleAttachments(core, () => state.stage);
  setHandler(stateQuery, view);

  if (!state.zoneName) await prepare();
  void watchCurrentDeadline(core, () => state.deadline, done, warn);

  const final = await awaitEndOfRun(core, done, state.historyEventLimit);
  if (!final) return continueAsNew<typeof reformPractice>({ continued: state });
  if (state.stage === 'ACCEPTED' && !state.offered) await offer();
  return view();

  async function prepare(): Promise<void> {
    const prepared = await activities.prepareReform({ zoneCode });
    state.zoneName = prepared.zoneName;
    state.historyEventLimit = prepared.historyEventLimit;
    const step = beginStep(core);
    addEvent(core, step, 'practiceLaunched', state.launchedBy, { zoneCode, title: state.input.titleZh });
    // The proposing organisation writes the proposal: a zone body's, or the county government's.
    openTask(core, step, A.proposePractice, state.launchedBy.orgId, {
      zoneCode,
      zoneName: state.zoneName,
      practiceTitle: state.input.titleZh,
    });
    save(step);
    await write(step);
  }

  function warn(deadline: OwnedDeadline, kind: 'reminder' | 'escalation', to: string[]): Promise<PracticeView> {
    const step = beginStep(core);
    const what = `${state.zoneName}好经验好做法「${state.input.titleZh}」评估`;
    const message = kind === 'reminder' ? `${what}：${deadline.dueAt} 前办结` : `${what}：已逾期（应于 ${deadline.dueAt} 前办结）`;
    step.notifications = to.map((orgId) => ({ orgId, kind, message }));
    const data = { zoneCode, dueAt: deadline.dueAt, deadline: deadline.name };
    if (kind === 'reminder') addEvent(core, step, 'reminderSent', null, { ...data, orgIds: to });
    else addEvent(core, step, 'escalated', null, { ...data, to: to.join(', ') });
    return write(step);
  }

  /**
   * The accepted practice offered to the other zones: the P6 adoption process, started under its
   * measure's id and left to run on its own (abandoned when this process ends, as it does now).
   */
  async function offer(): Promise<void> {
    const evaluation = state.evaluation!;
    const acceptedOn = new Date(Date.parse(evaluation.at) + 8 * 3_600_000).toISOString().slice(0, 10);
    const listing = measureFromPractice(
      { zh: state.input.titleZh, en: evaluation.titleEn },
      state.zoneName,
      acceptedOn,
      state.proposal!.practice,
    );
    const pilotArgs: PilotArgs = {
      start: { measureCode: state.measureCode!, listing, origin: { zoneCode, practiceProcessId: core.processId } },
      launchedBy: evaluation.by,
    };
    const step = beginStep(core);
    try {
      await startChild('pilotAdoption', {
        workflowId: state.pilotProcessId!,
        args: [pilotArgs],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        memo: { launchedBy: evaluation.by.orgId },
        typedSearchAttributes: [
          { key: searchAttributes.processType, value: 'pilot-adoption' },
          { key: searchAttributes.stage, value: 'PREPARING' },
        ],
      });
      addEvent(core, step, 'practiceOffered', null, { measureCode: state.measureCode, pilotProcessId: state.pilotProcessId });
    } catch (error) {
      // An adoption of that code already running (launched by hand meanwhile): said on the timeline, not retried.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      addEvent(core, step, 'practiceOfferFailed', null, {
        measureCode: state.measureCode,
        pilotProcessId: state.pilotProcessId,
        reason: (error as Error).message,
      });
    }
    state.offered = true;
    await commit(step);
  }

  function commit(step: Step) {
    return publishAndCommit(core, state.stage, step);
  }
}
