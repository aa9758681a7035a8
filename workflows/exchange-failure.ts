/**
 * A message to the credit platform (双公示), 互联网+监管 or 政务服务网 that the platform did not take —
 * refused, down beyond the retry policy, or not composable (an organ without a 统一社会信用代码) — as a
 * task for the organisation responsible for it. It decides: send it again (the platform is back, the
 * cause fixed), or record that it was reported by other means. A message sent again keeps the failed
 * one's request id, so a platform that did get it once answers as before: nothing is published twice.
 * Started by the delivery (workflows/outbox-delivery.ts), named by the failed message; nobody launches it.
 */
import { allHandlersFinished, condition, continueAsNew, setHandler } from '@temporalio/workflow';
import { stateQuery } from '../domain/state-query';
import type { Step } from '../activities/step';
import {
  CHANNEL_NAMES,
  exchangeFailureActions as A,
  failureReason,
  type ExchangeFailureInput,
  type FailureDecision,
  type FailureStage,
} from '../domain/exchange-failures';
import { exchangeAnsweredSignal, type ExchangeAnswer } from './outbox-delivery';
import {
  activities,
  addEvent,
  beginStep,
  closeTasks,
  enterStage,
  actionHandlers,
  newCore,
  nowIso,
  openTask,
  publishAndCommit,
  requireTask,
  resumeCore,
  watchCurrentDeadline,
  type OwnedDeadline,
  type ProcessCore,
  takesPatch,
} from './kernel';

export interface ExchangeFailureState {
  core: ProcessCore;
  input: ExchangeFailureInput;
  stage: FailureStage;
  path: FailureStage[];
  /** Why the message was not taken, newest last (the first failure, then each resend that failed). */
  failures: { at: string; error: string }[];
  /** Answers already acted on, by the resend's key. */
  answered: string[];
  resolution?: { decision: FailureDecision['decision']; how?: string; reference?: string; by: string; at: string };
  /** The open task's period (absent in runs from before the deadline): reminder to the owner at half time, escalation when late. */
  deadline?: OwnedDeadline;
}

export type ExchangeFailureView = Omit<ExchangeFailureState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: (OwnedDeadline & { open: boolean })[];
};
export type ExchangeFailureArgs = { start: ExchangeFailureInput } | { continued: ExchangeFailureState };

/** Tasks from this patch on have a period (policy `exchangeFailure.resolvePeriod`, working days), a reminder and an escalation. */
export const DEADLINE_PATCH = 'exchange-failure-deadline';
const PERIOD = 'exchangeFailure.resolvePeriod';

/** Tasks from this patch on say why in words (domain/exchange-failures.ts failureReason). */
export const REASON_WORDS_PATCH = 'exchange-failure-reason-words';

/** Steps a run takes before it continues as new: a message resent and failing again many times. */
const STEPS_PER_RUN = 40;

export async function exchangeFailure(args: ExchangeFailureArgs): Promise<ExchangeFailureView> {
  const state: ExchangeFailureState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('exchange-failure'),
          input: args.start,
          stage: 'AWAITING_DECISION',
          path: ['AWAITING_DECISION'],
          failures: [],
          answered: [],
        };
  const core = resumeCore(state.core);
  const { input } = state;
  const channelName = CHANNEL_NAMES[input.channel];

  const awaiting = () => state.stage === 'AWAITING_DECISION';
  const view = (): ExchangeFailureView => {
    const { core: _core, ...rest } = state;
    const deadlines = state.deadline ? [{ ...state.deadline, open: awaiting() }] : [];
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines };
  };
  /**
   * The period to decide in, from now: the owner is reminded at half time; when late, the FTZ hears of it
   * (the FTZ's own task: the city), and the process goes on the escalated organisation's 督办 list.
   */
  async function planDeadline(): Promise<void> {
    const deadline = await activities.planDeadline({ key: PERIOD, scope: input.orgId, start: nowIso() });
    const escalateTo = input.orgId === 'ftz' ? ['ftz', 'city'] : [input.orgId, 'ftz'];
    state.deadline = { ...deadline, name: PERIOD, orgId: input.orgId, escalateTo, reminded: false, escalated: false };
  }
  function warn(deadline: OwnedDeadline, kind: 'reminder' | 'escalation', to: string[]): Promise<ExchangeFailureView> {
    const step = beginStep(core);
    const what = `${input.summary}未能报送${channelName.zh}，待处理`;
    const message = kind === 'reminder' ? `${what}：请于 ${deadline.dueAt} 前处理` : `${what}：已逾期（应于 ${deadline.dueAt} 前处理）`;
    step.notifications = to.map((orgId) => ({ orgId, kind, message }));
    const data = { channel: input.channel, summary: input.summary, dueAt: deadline.dueAt, deadline: deadline.name };
    if (kind === 'reminder') addEvent(core, step, 'reminderSent', null, { ...data, orgIds: to });
    else addEvent(core, step, 'escalated', null, { ...data, to: to.join(', ') });
    return write(step);
  }
  const write = async (step: Step): Promise<ExchangeFailureView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  /**
   * The task, in Chinese: what failed, where, and why — the delivery's error in words (patched: tasks
   * opened before say the error as the port raised it); the error itself stays beside it for auditors.
   */
  const openDecision = (step: Step, error: string) =>
    openTask(
      core,
      step,
      A.resolveFailedExchange,
      input.orgId,
      {
        channel: input.channel,
        channelName: channelName.zh,
        summary: input.summary,
        error,
        failedMessage: `${input.summary}未能报送${channelName.zh}：${
          takesPatch(REASON_WORDS_PATCH) ? failureReason(error, channelName.zh).zh : error
        }`,
        sourceProcessId: input.sourceProcessId,
        requestId: input.requestId,
        attempts: input.attempts,
      },
      state.deadline?.dueAt,
    );

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.resolveFailedExchange,
    check: (action) => {
      requireTask(core, A.resolveFailedExchange, action);
    },
    decide: (action, step) => {
      closeTasks(core, step, (t) => t.id === action.taskId, action.actor);
      const decision = action.payload;
      if (decision.decision === 'resend') {
        // The same facts, composed again from the records as they stand now, under the failed message's request id.
        step.exchanges = [
          { channel: input.channel, orgId: input.orgId, payload: input.facts, replyTo: core.processId, requestId: input.requestId },
        ];
        addEvent(core, step, 'exchangeResent', action.actor, { channel: input.channel, summary: input.summary });
        enterStage(state, 'RESENDING');
      } else {
        state.resolution = {
          decision: 'reportedOtherwise',
          how: decision.how,
          reference: decision.reference,
          by: action.actor.userId,
          at: step.at,
        };
        addEvent(core, step, 'exchangeReportedOtherwise', action.actor, {
          channel: input.channel,
          summary: input.summary,
          how: decision.how,
          ...(decision.reference ? { reference: decision.reference } : {}),
        });
        enterStage(state, 'REPORTED_OTHERWISE');
      }
    },
  });
  setHandler(stateQuery, view);

  // The resent message's answer: taken, the process ends; not taken, the task opens again with the new reason.
  const answers: ExchangeAnswer[] = [];
  setHandler(exchangeAnsweredSignal, (answer) => {
    if (!state.answered.includes(answer.key)) answers.push(answer);
  });

  if (!state.failures.length) {
    // Runs from before the deadline open the task with none (a run that has one plans it again on each reopening).
    if (takesPatch(DEADLINE_PATCH)) await planDeadline();
    const step = beginStep(core);
    state.failures.push({ at: step.at, error: input.error });
    addEvent(core, step, 'exchangeFailureOpened', null, {
      channel: input.channel,
      summary: input.summary,
      error: input.error,
      attempts: input.attempts,
      sourceProcessId: input.sourceProcessId,
    });
    openDecision(step, input.error);
    await write(step);
  }

  void watchCurrentDeadline(
    core,
    () => (awaiting() ? state.deadline : undefined),
    () => !awaiting() && state.stage !== 'RESENDING',
    warn,
  );

  let steps = 0;
  while (state.stage === 'AWAITING_DECISION' || state.stage === 'RESENDING') {
    if (++steps > STEPS_PER_RUN) {
      await condition(() => allHandlersFinished() && core.inFlight === 0);
      return continueAsNew<typeof exchangeFailure>({ continued: state });
    }
    await condition(() => answers.length > 0 || (state.stage !== 'AWAITING_DECISION' && state.stage !== 'RESENDING'));
    const answer = answers.shift();
    if (!answer) break;
    state.answered.push(answer.key);
    if (answer.outcome !== 'answered' && state.deadline) await planDeadline();
    const step = beginStep(core);
    if (answer.outcome === 'answered') {
      addEvent(core, step, 'exchangeDeliveredAgain', null, { channel: input.channel, summary: input.summary });
      enterStage(state, 'RESENT');
    } else {
      const error = answer.error ?? 'not delivered';
      state.failures.push({ at: step.at, error });
      addEvent(core, step, 'exchangeFailedAgain', null, { channel: input.channel, summary: input.summary, error });
      openDecision(step, error);
      enterStage(state, 'AWAITING_DECISION');
    }
    await write(step);
  }
  await condition(() => allHandlersFinished() && core.inFlight === 0);
  return view();
}
