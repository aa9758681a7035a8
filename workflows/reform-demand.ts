/**
 * An enterprise's reform demand (企业改革诉求, 五(二)): a window — the FTZ's or a zone body's — registers it;
 * the FTZ routes it to the organisation responsible within the routing period; that organisation
 * answers within the answer period (resolved, taken up as a reform, or explained). Each period has a
 * reminder at half time and an escalation when late. The demand registry (reform_demands) is what the
 * summary for reporting upward counts (GET /api/reform/demands).
 */
import { continueAsNew, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DemandRecord, Step } from '../activities/step';
import { stateQuery } from '../domain/state-query';
import type { Deadline } from '../domain/deadline';
import type { Actor } from '../domain/identity';
import { demandActions as A, type DemandAnswer, type DemandInput, type DemandRouting, type DemandStage } from '../domain/reform';
import {
  actionHandlers,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  newCore,
  nowIso,
  openTask,
  publishAndCommit,
  refuse,
  requireTask,
  resumeCore,
  watchCurrentDeadline,
  type OwnedDeadline,
  type ProcessCore,
} from './kernel';

type PolicyKey = Parameters<Activities['planDeadline']>[0]['key'];

export interface DemandState {
  core: ProcessCore;
  input: DemandInput;
  stage: DemandStage;
  path: DemandStage[];
  launchedBy: Actor;
  registeredAt: string;
  zoneName: string;
  routing?: DemandRouting & { orgName: string; by: Actor; at: string };
  answer?: DemandAnswer & { by: Actor; at: string };
  deadline?: OwnedDeadline;
  historyEventLimit: number;
}

export type DemandView = Omit<DemandState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: (OwnedDeadline & { open: boolean })[];
};
export type DemandArgs = { start: DemandInput; launchedBy: Actor } | { continued: DemandState };

export async function reformDemand(args: DemandArgs): Promise<DemandView> {
  const state: DemandState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('reform-demand'),
          input: args.start,
          stage: 'ROUTING',
          path: ['ROUTING'],
          launchedBy: args.launchedBy,
          registeredAt: nowIso(),
          zoneName: '',
          historyEventLimit: 0,
        };
  const core = resumeCore(state.core);
  const input = state.input;
  const done = () => state.stage === 'ANSWERED';

  const view = (): DemandView => {
    const { core: _core, ...rest } = state;
    const deadlines = state.deadline ? [{ ...state.deadline, open: !done() }] : [];
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines };
  };
  const write = async (step: Step): Promise<DemandView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  const plan = (key: PolicyKey) => activities.planDeadline({ key, scope: input.zoneCode, start: nowIso() });
  const waitFor = (deadline: Deadline, name: PolicyKey, orgId: string, escalateTo: string[]) => {
    state.deadline = { ...deadline, name, orgId, escalateTo, reminded: false, escalated: false };
  };
  /** What the task forms show: the demand without its contact (personal data stays in the process view). */
  const about = () => ({
    zoneCode: input.zoneCode,
    zoneName: state.zoneName,
    enterpriseName: input.enterpriseName,
    uscc: input.uscc,
    category: input.category,
    demand: input.demand,
    receivedOn: input.receivedOn,
  });

  function save(step: Step): void {
    const record: DemandRecord = {
      zoneCode: input.zoneCode,
      enterpriseName: input.enterpriseName,
      uscc: input.uscc,
      category: input.category,
      demand: input.demand,
      receivedOn: input.receivedOn,
      windowOrg: state.launchedBy.orgId,
      status: state.stage,
      responsibleOrg: state.routing?.responsibleOrg,
      outcome: state.answer?.outcome,
      answer: state.answer?.answer,
      dueAt: done() ? undefined : state.deadline?.dueAt,
      registeredAt: state.registeredAt,
      routedAt: state.routing?.at,
      answeredAt: state.answer?.at,
      answeredBy: state.answer?.by,
    };
    step.demand = record;
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.routeDemand,
    check: (i) => void requireTask(core, A.routeDemand, i),
    prepare: async (i) => {
      const answerer = await activities.demandAnswerer({ orgId: i.payload.responsibleOrg });
      if (!answerer) return refuse('ORG_CANNOT_ANSWER', { orgId: i.payload.responsibleOrg }, 'body.responsibleOrg');
      return { orgName: answerer.nameZh, deadline: await plan('reform.answerPeriod') };
    },
    decide: (i, step, { orgName, deadline }) => {
      closeTasks(core, step, (t) => t.id === i.taskId, i.actor);
      state.routing = { ...i.payload, orgName, by: i.actor, at: step.at };
      waitFor(deadline, 'reform.answerPeriod', i.payload.responsibleOrg, [i.payload.responsibleOrg, 'ftz']);
      addEvent(core, step, 'demandRouted', i.actor, {
        zoneCode: input.zoneCode,
        responsibleOrg: i.payload.responsibleOrg,
        orgName,
        note: i.payload.note,
      });
      openTask(
        core,
        step,
        A.answerDemand,
        i.payload.responsibleOrg,
        { ...about(), routedBy: i.actor.orgId, note: i.payload.note },
        deadline.dueAt,
      );
      enterStage(state, 'ANSWERING');
      save(step);
    },
  });

  handle({
    action: A.answerDemand,
    check: (i) => void requireTask(core, A.answerDemand, i),
    decide: (i, step) => {
      closeTasks(core, step, (t) => t.id === i.taskId, i.actor);
      state.answer = { ...i.payload, by: i.actor, at: step.at };
      state.deadline = undefined;
      addEvent(core, step, 'demandAnswered', i.actor, { zoneCode: input.zoneCode, outcome: i.payload.outcome, answer: i.payload.answer });
      enterStage(state, 'ANSWERED');
      save(step);
    },
  });
  setHandler(stateQuery, view);

  if (!state.zoneName) await prepare();
  void watchCurrentDeadline(core, () => state.deadline, done, warn);

  const final = await awaitEndOfRun(core, done, state.historyEventLimit);
  if (!final) return continueAsNew<typeof reformDemand>({ continued: state });
  return view();

  async function prepare(): Promise<void> {
    const prepared = await activities.prepareReform({ zoneCode: input.zoneCode });
    const routing = await plan('reform.routingPeriod');
    state.zoneName = prepared.zoneName;
    state.historyEventLimit = prepared.historyEventLimit;
    const step = beginStep(core);
    addEvent(core, step, 'demandRegistered', state.launchedBy, {
      zoneCode: input.zoneCode,
      enterpriseName: input.enterpriseName,
      category: input.category,
      receivedOn: input.receivedOn,
    });
    waitFor(routing, 'reform.routingPeriod', 'ftz', ['ftz', 'city']);
    openTask(core, step, A.routeDemand, 'ftz', about(), routing.dueAt);
    save(step);
    await write(step);
  }

  function warn(deadline: OwnedDeadline, kind: 'reminder' | 'escalation', to: string[]): Promise<DemandView> {
    const step = beginStep(core);
    const what = `${input.enterpriseName}的改革诉求${deadline.name === 'reform.routingPeriod' ? '分办' : '答复'}`;
    const message = kind === 'reminder' ? `${what}：${deadline.dueAt} 前办结` : `${what}：已逾期（应于 ${deadline.dueAt} 前办结）`;
    step.notifications = to.map((orgId) => ({ orgId, kind, message }));
    const data = { zoneCode: input.zoneCode, dueAt: deadline.dueAt, deadline: deadline.name };
    if (kind === 'reminder') addEvent(core, step, 'reminderSent', null, { ...data, orgIds: to });
    else addEvent(core, step, 'escalated', null, { ...data, to: to.join(', ') });
    return write(step);
  }
}
