/**
 * P5: a month's round of economic indicators. Each ACTIVE zone's management body gets a task to report
 * the month's figures (definitions, units and checks as data, fixed for the round when it starts); the
 * FTZ checks each report and accepts it, or returns it with reasons, and the zone corrects and
 * resubmits, any number of times. Each zone's period is watched on its own: a reminder at half time,
 * an escalation when it is late. The round ends when every zone's report is accepted; launched again
 * for the same month, it offers the zones that became ACTIVE since. Accepted figures join the
 * statistics (store/statistics.ts).
 */
import { condition, continueAsNew, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { IndicatorReportRecord, Step } from '../activities/step';
import { stateQuery } from '../domain/state-query';
import type { Deadline } from '../domain/deadline';
import {
  checkFigures,
  indicatorActions as A,
  indicatorsStateNow,
  reportPrefill,
  type Figures,
  type IndicatorDefinition,
  type IndicatorReport,
  type IndicatorReview,
  type IndicatorsInput,
  type IndicatorsStage,
  type ZoneReportStatus,
} from '../domain/economic-indicators';
import type { Actor } from '../domain/identity';
import { orgIds } from '../domain/names';
import {
  actionHandlers,
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
  refuse,
  refuseAll,
  requireTask,
  resumeCore,
  watchDeadline,
  type ProcessCore,
  type WatchedDeadline,
} from './kernel';

type PolicyKey = Parameters<Activities['planDeadline']>[0]['key'];

/** The period a zone's report waits on: whom it reminds, whom it escalates to. */
export type ReportDeadline = WatchedDeadline & { name: PolicyKey; zoneCode: string; orgId: string; escalateTo: string[] };

export interface ZoneReport {
  zoneCode: string;
  zoneName: string;
  status: ZoneReportStatus;
  figures?: Figures;
  note?: string;
  /** Returns for correction so far (reviews are numbered 1, 2… beside it: a return is one review's outcome). */
  returns: number;
  reviews: (IndicatorReview & { round: number; reviewer: Actor; at: string })[];
  reportedBy?: Actor;
  reportedAt?: string;
  acceptedBy?: Actor;
  acceptedAt?: string;
  deadline?: ReportDeadline;
}

export interface IndicatorsState {
  core: ProcessCore;
  input: IndicatorsInput;
  stage: IndicatorsStage;
  path: IndicatorsStage[];
  launchedBy: Actor;
  edition: string;
  definitions: IndicatorDefinition[];
  zones: ZoneReport[];
  historyEventLimit: number;
}

export type IndicatorsView = Omit<IndicatorsState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: (ReportDeadline & { open: boolean })[];
};
export type IndicatorsArgs = { start: IndicatorsInput; launchedBy: Actor } | { continued: IndicatorsState };

export async function economicIndicators(args: IndicatorsArgs): Promise<IndicatorsView> {
  const state: IndicatorsState =
    'continued' in args
      ? // A run continued before the count was named `returns` carries it as `rounds`: read with the names of now.
        indicatorsStateNow(args.continued)
      : {
          core: newCore('economic-indicators'),
          input: args.start,
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          edition: '',
          definitions: [],
          zones: [],
          historyEventLimit: 0,
        };
  const core = resumeCore(state.core);
  const period = state.input.period;

  const view = (): IndicatorsView => {
    const { core: _core, ...rest } = state;
    const deadlines = state.zones.flatMap((zone) => (zone.deadline ? [{ ...zone.deadline, open: zone.status !== 'ACCEPTED' }] : []));
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines };
  };
  const write = async (step: Step): Promise<IndicatorsView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  const zoneOf = (task: { context: Record<string, unknown> }) =>
    state.zones.find((z) => z.zoneCode === task.context.zoneCode) as ZoneReport;
  const plan = (key: PolicyKey, zone: ZoneReport) => activities.planDeadline({ key, scope: zone.zoneCode, start: nowIso() });

  /** The report's row as it stands, into the step. */
  function save(step: Step, zone: ZoneReport): void {
    const record: IndicatorReportRecord = {
      period,
      zoneCode: zone.zoneCode,
      status: zone.status,
      edition: state.edition,
      figures: zone.figures,
      note: zone.note,
      returns: zone.returns,
      reviews: zone.reviews,
      dueAt: zone.status === 'ACCEPTED' ? undefined : zone.deadline?.dueAt,
      reportedBy: zone.reportedBy,
      reportedAt: zone.reportedAt,
      acceptedBy: zone.acceptedBy,
      acceptedAt: zone.acceptedAt,
    };
    step.indicatorReports = [...(step.indicatorReports ?? []), record];
  }
  function waitFor(zone: ZoneReport, deadline: Deadline, name: PolicyKey, orgId: string, escalateTo: string[]): void {
    zone.deadline = { ...deadline, name, zoneCode: zone.zoneCode, orgId, escalateTo, reminded: false, escalated: false };
  }
  /** The figures against the round's definitions: refused, without a trace, each figure's cause on its path with its code. */
  function requireSound(report: IndicatorReport): void {
    const problems = checkFigures(state.definitions, report.figures);
    if (problems.length) refuseAll(problems.map((p) => p.refusal));
  }
  /** A report or a resubmission: the figures go to the FTZ for checking. */
  function submit(input: { actor: Actor; taskId?: string; payload: IndicatorReport }, step: Step, reviewDeadline: Deadline): ZoneReport {
    const [task] = closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
    const zone = zoneOf(task);
    zone.figures = input.payload.figures;
    zone.note = input.payload.note;
    zone.status = 'REVIEWING';
    zone.reportedBy = input.actor;
    zone.reportedAt = step.at;
    waitFor(zone, reviewDeadline, 'indicators.reviewPeriod', 'ftz', ['ftz', 'city']);
    openTask(
      core,
      step,
      A.reviewIndicators,
      'ftz',
      {
        period,
        zoneCode: zone.zoneCode,
        zoneName: zone.zoneName,
        round: zone.returns + 1,
        figures: zone.figures,
        note: zone.note,
        definitions: state.definitions,
      },
      reviewDeadline.dueAt,
    );
    save(step, zone);
    return zone;
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.reportIndicators,
    check: (input) => {
      requireTask(core, A.reportIndicators, input);
      requireSound(input.payload);
    },
    prepare: (input) => plan('indicators.reviewPeriod', zoneOf(core.openTasks.find((t) => t.id === input.taskId)!)),
    decide: (input, step, reviewDeadline) => {
      const zone = submit(input, step, reviewDeadline);
      addEvent(core, step, 'indicatorsReported', input.actor, {
        period,
        zoneCode: zone.zoneCode,
        figures: zone.figures,
        note: zone.note,
      });
    },
  });

  handle({
    action: A.correctIndicators,
    check: (input) => {
      const task = requireTask(core, A.correctIndicators, input);
      requireSound(input.payload);
      const zone = zoneOf(task);
      const changed = state.definitions.some((d) => zone.figures?.[d.code].value !== input.payload.figures[d.code].value);
      if (!changed && !input.payload.note) refuse('INDICATORS_UNCHANGED', {}, 'body.note');
    },
    prepare: (input) => plan('indicators.reviewPeriod', zoneOf(core.openTasks.find((t) => t.id === input.taskId)!)),
    decide: (input, step, reviewDeadline) => {
      const before = zoneOf(core.openTasks.find((t) => t.id === input.taskId)!).figures;
      const zone = submit(input, step, reviewDeadline);
      const changed = state.definitions.filter((d) => before?.[d.code].value !== zone.figures![d.code].value).map((d) => d.code);
      addEvent(core, step, 'indicatorsResubmitted', input.actor, {
        period,
        zoneCode: zone.zoneCode,
        round: zone.returns,
        changed,
        note: zone.note,
      });
    },
  });

  handle({
    action: A.reviewIndicators,
    check: (input) => {
      requireTask(core, A.reviewIndicators, input);
    },
    prepare: (input) =>
      input.payload.decision === 'return'
        ? plan('indicators.correctionPeriod', zoneOf(core.openTasks.find((t) => t.id === input.taskId)!))
        : Promise.resolve(undefined),
    decide: (input, step, correctionDeadline) => {
      const [task] = closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const zone = zoneOf(task);
      const round = zone.returns + 1;
      zone.reviews.push({ ...input.payload, round, reviewer: input.actor, at: step.at });
      if (input.payload.decision === 'return') {
        zone.returns = round;
        zone.status = 'RETURNED';
        const zoneBody = orgIds.zoneBody(zone.zoneCode);
        waitFor(zone, correctionDeadline!, 'indicators.correctionPeriod', zoneBody, [orgIds.government(zone.zoneCode), 'ftz']);
        addEvent(core, step, 'indicatorsReturned', input.actor, {
          period,
          zoneCode: zone.zoneCode,
          round,
          reasons: input.payload.reasons,
          indicators: input.payload.indicators,
        });
        openTask(
          core,
          step,
          A.correctIndicators,
          zoneBody,
          {
            period,
            zoneCode: zone.zoneCode,
            zoneName: zone.zoneName,
            round,
            reasons: input.payload.reasons,
            indicators: input.payload.indicators ?? [],
            edition: state.edition,
            definitions: state.definitions,
            prefill: reportPrefill(state.definitions, zone.figures),
          },
          correctionDeadline!.dueAt,
        );
        save(step, zone);
        return;
      }
      zone.status = 'ACCEPTED';
      zone.acceptedBy = input.actor;
      zone.acceptedAt = step.at;
      zone.deadline = undefined;
      addEvent(core, step, 'indicatorsAccepted', input.actor, { period, zoneCode: zone.zoneCode, round, note: input.payload.note });
      save(step, zone);
      if (state.zones.every((z) => z.status === 'ACCEPTED')) {
        addEvent(core, step, 'indicatorsComplete', null, { period, zones: state.zones.length });
        enterStage(state, 'COMPLETE');
      }
    },
  });

  setHandler(stateQuery, view);

  const done = () => state.stage === 'COMPLETE';
  const stop = () => done() || historyFull(state.historyEventLimit) || Boolean(core.closing);

  /** One zone's reminder and escalation, of whichever period its report waits on; each new period replaces the last. */
  async function watchZone(zone: ZoneReport): Promise<void> {
    while (!stop() && zone.status !== 'ACCEPTED') {
      const deadline = zone.deadline;
      const moved = () => zone.deadline !== deadline || stop();
      if (deadline) {
        await watchDeadline(
          core,
          deadline,
          moved,
          () => warn(zone, deadline, 'reminder', [deadline.orgId]),
          () => warn(zone, deadline, 'escalation', deadline.escalateTo),
        );
      }
      await condition(moved);
    }
  }
  function warn(zone: ZoneReport, deadline: ReportDeadline, kind: 'reminder' | 'escalation', to: string[]): Promise<IndicatorsView> {
    const step = beginStep(core);
    const what = `${zone.zoneName} ${period} 经济指标`;
    const message = kind === 'reminder' ? `${what}：${deadline.dueAt} 前办结` : `${what}：已逾期（应于 ${deadline.dueAt} 前办结）`;
    step.notifications = to.map((orgId) => ({ orgId, kind, message }));
    const data = { zoneCode: zone.zoneCode, dueAt: deadline.dueAt, deadline: deadline.name };
    if (kind === 'reminder') addEvent(core, step, 'reminderSent', null, { ...data, orgIds: to });
    else addEvent(core, step, 'escalated', null, { ...data, to: to.join(', ') });
    return write(step);
  }

  if (state.stage === 'PREPARING') await prepare();
  for (const zone of state.zones) void watchZone(zone);

  const final = await awaitEndOfRun(core, done, state.historyEventLimit);
  if (!final) return continueAsNew<typeof economicIndicators>({ continued: state });
  return view();

  /** The round's definitions and zones, and each zone body's task to report, due by the report period. */
  async function prepare(): Promise<void> {
    const prepared = await activities.prepareIndicators({ period });
    state.edition = prepared.edition;
    state.definitions = prepared.definitions;
    state.historyEventLimit = prepared.historyEventLimit;
    state.zones = prepared.zones.map((zone) => ({ zoneCode: zone.code, zoneName: zone.name, status: 'PENDING', returns: 0, reviews: [] }));
    const deadlines: Deadline[] = [];
    for (const zone of state.zones) deadlines.push(await plan('indicators.reportPeriod', zone));
    const step = beginStep(core);
    addEvent(core, step, 'indicatorsLaunched', state.launchedBy, {
      period,
      edition: state.edition,
      zoneCodes: state.zones.map((z) => z.zoneCode),
    });
    state.zones.forEach((zone, index) => {
      const zoneBody = orgIds.zoneBody(zone.zoneCode);
      waitFor(zone, deadlines[index], 'indicators.reportPeriod', zoneBody, [orgIds.government(zone.zoneCode), 'ftz']);
      openTask(
        core,
        step,
        A.reportIndicators,
        zoneBody,
        {
          period,
          zoneCode: zone.zoneCode,
          zoneName: zone.zoneName,
          edition: state.edition,
          definitions: state.definitions,
          prefill: reportPrefill(state.definitions),
        },
        deadlines[index].dueAt,
      );
      save(step, zone);
    });
    enterStage(state, state.zones.length ? 'COLLECTING' : 'COMPLETE');
    await write(step);
  }
}
