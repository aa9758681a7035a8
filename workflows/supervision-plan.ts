/**
 * 事中事后监管: one inspection plan for a zone. The facts are read once (entities registered through the
 * FTZ with their credit grade and risk signals, the enforcement body's roster), then the plan is drawn
 * — 双随机 from a seed, recorded with the draw, or targeted by risk signals — and each inspection is a
 * task for the county's enforcement. A rectification order waits out its period on a durable timer,
 * then the inspection reopens for a re-inspection that ends compliant or in a penalty case. Every
 * result is published (一公开) as it is recorded; the plan concludes when every inspection has.
 */
import { continueAsNew, setHandler, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { SupervisionFacts } from '../activities/exchange-compose';
import type { InspectionRecord, Step } from '../activities/step';
import { chinaDate } from '../domain/calendar';
import type { Actor } from '../domain/identity';
import { orgIds } from '../domain/names';
import { drawPlan, type Draw, type DrawFacts } from '../domain/random-draw';
import {
  INSPECTION_MATTERS,
  SELECTION_LABELS,
  supervisionActions as A,
  type SupervisionInput,
  type SupervisionStage,
} from '../domain/supervision';
import { stateQuery } from '../domain/state-query';
import {
  actionHandlers,
  timeCame,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  handleAttachments,
  msUntil,
  newCore,
  nowIso,
  openTask,
  publishAndCommit,
  refuse,
  requireTask,
  resumeCore,
  type ProcessCore,
} from './kernel';

type PolicyKey = Parameters<Activities['planDeadline']>[0]['key'];
const DAY_MS = 86_400_000;

/** One inspection of the plan, as the workflow keeps it: the record, and when a rectification's period ends in workflow time. */
export type PlanInspection = Omit<InspectionRecord, 'zoneCode' | 'enforcementOrg'> & { reopenAt?: string };

export interface SupervisionState {
  core: ProcessCore;
  input: SupervisionInput;
  stage: SupervisionStage;
  path: SupervisionStage[];
  launchedBy: Actor;
  zoneName: string;
  title: string;
  draw?: Draw;
  facts?: DrawFacts;
  inspections: PlanInspection[];
  historyEventLimit: number;
  dayLengthMs: number;
}

export type SupervisionView = Omit<SupervisionState, 'core' | 'facts'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: [];
};
export type SupervisionArgs = { start: SupervisionInput; launchedBy: Actor } | { continued: SupervisionState };

export async function supervisionPlan(args: SupervisionArgs): Promise<SupervisionView> {
  const state: SupervisionState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('supervision-plan'),
          input: args.start,
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          zoneName: '',
          title: '',
          inspections: [],
          historyEventLimit: 0,
          dayLengthMs: DAY_MS,
        };
  const core = resumeCore(state.core);
  const zoneCode = state.input.zoneCode;
  const enforcement = orgIds.enforcement(zoneCode);

  const view = (): SupervisionView => {
    const { core: _core, facts: _facts, ...rest } = state;
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines: [] };
  };
  const write = async (step: Step): Promise<SupervisionView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  const inspectionOf = (taskId: string | undefined) => {
    const task = core.openTasks.find((t) => t.id === taskId);
    return state.inspections.find((i) => i.id === task?.context.inspectionId) as PlanInspection;
  };
  const plan = (key: PolicyKey) => activities.planDeadline({ key, scope: zoneCode, start: nowIso() });
  const taskContext = (i: PlanInspection) => ({
    inspectionId: i.id,
    zoneCode,
    zoneName: state.zoneName,
    uscc: i.uscc,
    entityName: i.entityName,
    grade: i.grade,
    signals: i.signals,
    inspectors: i.inspectors,
    selection: state.input.selection,
    seed: state.draw?.seed,
  });

  /** A result to 互联网+监管 (四(二)2), sent from the outbox where its port is configured (activities/exchange-compose.ts). */
  function report(
    step: Step,
    inspection: PlanInspection,
    kind: 'onSiteCheck' | 'rectificationOrder',
    details: Record<string, unknown>,
  ): void {
    const matter = INSPECTION_MATTERS[state.input.selection];
    const facts: SupervisionFacts = {
      kind,
      uscc: inspection.uscc,
      powerCode: matter.code,
      matter: matter.name,
      organ: enforcement,
      on: step.at,
      details,
    };
    step.exchanges = [
      ...(step.exchanges ?? []),
      { channel: 'supervision', orgId: enforcement, payload: facts as unknown as Record<string, unknown> },
    ];
    addEvent(core, step, 'supervisionSent', null, { kind, inspectionId: inspection.id, entityName: inspection.entityName });
  }
  /**
   * What an inspection's result and a re-inspection's both do first: close the task, publish the result
   * (一公开) and send the on-site check; the event data both record.
   */
  function takeResult(
    taskId: string | undefined,
    actor: Actor,
    step: Step,
    result: { outcome: string; inspectedOn: string; findings: string },
  ) {
    const inspection = inspectionOf(taskId);
    closeTasks(core, step, (t) => t.id === taskId, actor);
    inspection.publishedAt = step.at;
    report(step, inspection, 'onSiteCheck', {
      检查结果: result.outcome === 'compliant' ? '合格' : '不合格',
      检查发现: result.findings,
      检查日期: result.inspectedOn,
    });
    const data = {
      inspectionId: inspection.id,
      uscc: inspection.uscc,
      entityName: inspection.entityName,
      inspectedOn: result.inspectedOn,
      findings: result.findings,
    };
    return { inspection, data };
  }

  /** The inspection's row as it stands, into the step. */
  function save(step: Step, inspection: PlanInspection): void {
    const { reopenAt: _reopenAt, ...record } = inspection;
    step.inspections = [
      ...(step.inspections ?? []).filter((i) => i.id !== inspection.id),
      { ...record, zoneCode, enforcementOrg: enforcement },
    ];
  }
  /** The plan's row, concluded when every inspection is. */
  function concludeIfDone(step: Step): void {
    if (!state.inspections.every((i) => i.status === 'COMPLIANT' || i.status === 'PENALTY_CASE')) return;
    const count = (status: string) => state.inspections.filter((i) => i.status === status).length;
    addEvent(core, step, 'inspectionPlanConcluded', null, {
      inspections: state.inspections.length,
      compliant: count('COMPLIANT'),
      penaltyCases: count('PENALTY_CASE'),
    });
    step.inspectionPlan = { ...planRecord(), status: 'CONCLUDED', concludedAt: step.at };
    enterStage(state, 'CONCLUDED');
  }
  function planRecord() {
    const draw = state.draw!;
    return {
      zoneCode,
      selection: state.input.selection,
      title: state.title,
      seed: draw.seed,
      algorithm: draw.algorithm,
      population: draw.population,
      ratios: state.facts?.ratios ?? {},
      facts: state.facts ?? {},
      launchedBy: state.launchedBy,
      drawnAt: state.inspections[0]?.drawnAt ?? nowIso(),
      status: 'INSPECTING' as const,
    };
  }
  /** A day of the record cannot be after today (China time). */
  function requireNotFuture(day: string, path: string): void {
    const today = chinaDate(new Date());
    if (day > today) refuse('INSPECTED_AFTER_TODAY', { date: day, today }, path);
  }
  /** Opens a penalty case for the entity (the penalty-report process takes it up by its id). */
  function openCase(step: Step, inspection: PlanInspection, reason: string): void {
    const caseId = `case-${inspection.id}`;
    inspection.penaltyCaseId = caseId;
    inspection.status = 'PENALTY_CASE';
    inspection.concludedAt = step.at;
    step.penaltyCases = [{ id: caseId, uscc: inspection.uscc, zoneCode, enforcementOrg: enforcement, reason, openedAt: step.at }];
  }

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.inspectEntity,
    check: (input) => {
      requireTask(core, A.inspectEntity, input);
      requireNotFuture(input.payload.inspectedOn, 'body.inspectedOn');
    },
    decide: (input, step) => {
      const result = input.payload;
      const { inspection, data } = takeResult(input.taskId, input.actor, step, result);
      inspection.inspectedOn = result.inspectedOn;
      inspection.findings = result.findings;
      if (result.outcome === 'compliant') {
        inspection.status = 'COMPLIANT';
        inspection.concludedAt = step.at;
        addEvent(core, step, 'inspectionCompliant', input.actor, data);
      } else if (result.outcome === 'rectify') {
        inspection.status = 'RECTIFYING';
        inspection.rectifyBy = chinaDate(new Date(Date.parse(`${result.inspectedOn}T00:00:00+08:00`) + result.rectificationDays * DAY_MS));
        // The period runs on the policy's day (a real day in production): a durable timer, across restarts and continue-as-new.
        inspection.reopenAt = new Date(Date.now() + result.rectificationDays * state.dayLengthMs).toISOString();
        addEvent(core, step, 'inspectionRectificationOrdered', input.actor, {
          ...data,
          rectificationDays: result.rectificationDays,
          rectifyBy: inspection.rectifyBy,
        });
        report(step, inspection, 'rectificationOrder', {
          整改事项: result.findings,
          整改期限: new Date(Date.parse(`${inspection.rectifyBy}T23:59:59+08:00`)).toISOString(),
        });
        void reopenAfterPeriod(inspection);
      } else {
        openCase(step, inspection, result.caseReason);
        addEvent(core, step, 'inspectionCaseOpened', input.actor, {
          ...data,
          caseId: inspection.penaltyCaseId,
          reason: result.caseReason,
        });
      }
      save(step, inspection);
      concludeIfDone(step);
    },
  });

  handle({
    action: A.reinspectEntity,
    check: (input) => {
      requireTask(core, A.reinspectEntity, input);
      requireNotFuture(input.payload.inspectedOn, 'body.inspectedOn');
    },
    decide: (input, step) => {
      const result = input.payload;
      const { inspection, data } = takeResult(input.taskId, input.actor, step, result);
      inspection.reinspectedOn = result.inspectedOn;
      inspection.reinspectionFindings = result.findings;
      if (result.outcome === 'compliant') {
        inspection.status = 'COMPLIANT';
        inspection.concludedAt = step.at;
        addEvent(core, step, 'inspectionRectified', input.actor, data);
      } else {
        openCase(step, inspection, result.caseReason);
        addEvent(core, step, 'inspectionCaseOpened', input.actor, {
          ...data,
          caseId: inspection.penaltyCaseId,
          reason: result.caseReason,
          afterRectification: true,
        });
      }
      save(step, inspection);
      concludeIfDone(step);
    },
  });

  handleAttachments(core, () => state.stage);
  setHandler(stateQuery, view);

  /** When the rectification period is over, the inspection reopens as a re-inspection task. */
  async function reopenAfterPeriod(inspection: PlanInspection): Promise<void> {
    // A run that closes first leaves the timer to the next run, which starts it again from `reopenAt`.
    if (!(await timeCame(core, () => false, msUntil(inspection.reopenAt!)))) return;
    core.inFlight++;
    try {
      const due = await plan('supervision.inspectionPeriod');
      const step = beginStep(core);
      inspection.status = 'REINSPECTING';
      inspection.reopenAt = undefined;
      addEvent(core, step, 'inspectionReopened', null, {
        inspectionId: inspection.id,
        uscc: inspection.uscc,
        entityName: inspection.entityName,
        rectifyBy: inspection.rectifyBy,
      });
      openTask(
        core,
        step,
        A.reinspectEntity,
        enforcement,
        { ...taskContext(inspection), findings: inspection.findings, rectifyBy: inspection.rectifyBy },
        due.dueAt,
      );
      save(step, inspection);
      await write(step);
    } finally {
      core.inFlight--;
    }
  }

  if (state.stage === 'PREPARING') await prepare();
  for (const inspection of state.inspections)
    if (inspection.status === 'RECTIFYING' && inspection.reopenAt) void reopenAfterPeriod(inspection);

  const final = await awaitEndOfRun(core, () => state.stage === 'CONCLUDED', state.historyEventLimit);
  if (!final) return continueAsNew<typeof supervisionPlan>({ continued: state });
  return view();

  /** Reads the facts, draws the plan from the seed, records both, and gives each inspection to the enforcement body. */
  async function prepare(): Promise<void> {
    const drawnAt = nowIso();
    const prepared = await activities.prepareSupervisionPlan({ zoneCode, at: drawnAt });
    state.zoneName = prepared.zoneName;
    state.historyEventLimit = prepared.historyEventLimit;
    state.dayLengthMs = prepared.dayLengthMs;
    state.facts = prepared.facts;
    state.title = state.input.planName ?? `${prepared.zoneName}${SELECTION_LABELS[state.input.selection].zh}`;
    // Without a seed given, the process draws one (deterministically, as the engine replays it) and records it.
    const seed = state.input.seed ?? uuid4();
    const draw = drawPlan(prepared.facts, seed, state.input.selection);
    state.draw = draw;
    const due = draw.inspections.length ? await plan('supervision.inspectionPeriod') : undefined;
    const step = beginStep(core);
    state.inspections = draw.inspections.map((d, n) => ({
      id: `${core.processId}-${n + 1}`,
      uscc: d.uscc,
      entityName: d.name,
      grade: d.grade,
      signals: d.signals,
      inspectors: d.inspectors,
      ...(d.conflict ? { conflict: d.conflict } : {}),
      status: 'DRAWN' as const,
      drawnAt,
    }));
    addEvent(core, step, 'inspectionsDrawn', state.launchedBy, {
      selection: draw.selection,
      seed: draw.seed,
      algorithm: draw.algorithm,
      population: draw.population,
      ratios: prepared.facts.ratios,
      roster: prepared.facts.roster.length,
      inspections: draw.inspections,
    });
    step.inspectionPlan = planRecord();
    for (const inspection of state.inspections) {
      save(step, inspection);
      openTask(core, step, A.inspectEntity, enforcement, taskContext(inspection), due!.dueAt);
    }
    if (state.inspections.length) {
      enterStage(state, 'INSPECTING');
    } else {
      step.inspectionPlan = { ...step.inspectionPlan, status: 'CONCLUDED', concludedAt: step.at };
      enterStage(state, 'CONCLUDED');
    }
    await write(step);
  }
}
