/**
 * P6: one reform measure offered to every ACTIVE zone; each zone's government adopts or declines it,
 * with a date and a note. Listing a new measure is the first step; the process ends once every zone
 * offered has decided. Launched again later, it offers the measure to the zones that became ACTIVE since.
 */
import { ApplicationFailure, continueAsNew, setHandler } from '@temporalio/workflow';
import type { PilotDecisionRecord, Step } from '../activities/step';
import type { Actor } from '../domain/identity';
import { stateQuery } from '../domain/state-query';
import { orgIds } from '../domain/names';
import { pilotActions as A, type PilotDecision, type PilotInput, type PilotStage } from '../domain/pilots';
import {
  actionHandlers,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  enterStage,
  newCore,
  openTask,
  publishAndCommit,
  requireTask,
  resumeCore,
  type ProcessCore,
} from './kernel';

export interface ZoneDecision {
  zoneCode: string;
  zoneName: string;
  decision?: PilotDecision & { by: Actor; at: string };
}

/**
 * A measure that came from a zone's good practice is started by that practice's process
 * (workflows/reform-practice.ts), naming its origin: the proposing zone is not offered its own practice.
 * The API's launch input has no origin.
 */
export type PilotStart = PilotInput & { origin?: { zoneCode: string; practiceProcessId: string } };

export interface PilotState {
  core: ProcessCore;
  input: PilotStart;
  stage: PilotStage;
  path: PilotStage[];
  launchedBy: Actor;
  title: { zh: string; en: string };
  zones: ZoneDecision[];
  historyEventLimit: number;
}

export type PilotView = Omit<PilotState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: [];
};
export type PilotArgs = { start: PilotStart; launchedBy: Actor } | { continued: PilotState };

export async function pilotAdoption(args: PilotArgs): Promise<PilotView> {
  const state: PilotState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('pilot-adoption'),
          input: args.start,
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          title: { zh: '', en: '' },
          zones: [],
          historyEventLimit: 0,
        };
  const core = resumeCore(state.core);
  const measureCode = state.input.measureCode;

  const view = (): PilotView => {
    const { core: _core, ...rest } = state;
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines: [] };
  };
  const write = async (step: Step): Promise<PilotView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  const pending = () => state.zones.filter((zone) => !zone.decision);

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.decidePilot,
    // The task names the zone; only that zone's government may decide (api/access.ts: addressee).
    check: (input) => requireTask(core, A.decidePilot, input),
    decide: (input, step) => {
      const [task] = closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      const zone = state.zones.find((z) => z.zoneCode === task.context.zoneCode) as ZoneDecision;
      zone.decision = { ...input.payload, by: input.actor, at: step.at };
      const record: PilotDecisionRecord = {
        measureCode,
        zoneCode: zone.zoneCode,
        status: input.payload.decision === 'adopt' ? 'ADOPTED' : 'DECLINED',
        decidedOn: input.payload.date,
        note: input.payload.note,
        decidedBy: input.actor,
      };
      step.pilotDecisions = [record];
      addEvent(core, step, input.payload.decision === 'adopt' ? 'pilotAdopted' : 'pilotDeclined', input.actor, {
        measureCode,
        zoneCode: zone.zoneCode,
        date: input.payload.date,
        note: input.payload.note,
      });
      if (!pending().length) {
        addEvent(core, step, 'pilotDecided', null, {
          measureCode,
          adopted: state.zones.filter((z) => z.decision?.decision === 'adopt').length,
          zones: state.zones.length,
        });
        enterStage(state, 'DECIDED');
      }
    },
  });
  setHandler(stateQuery, view);

  if (state.stage === 'PREPARING') {
    const origin = state.input.origin;
    const prepared = await activities.preparePilot(origin ? { measureCode, originZoneCode: origin.zoneCode } : { measureCode });
    const listing = state.input.listing;
    // The API refuses an unknown measure; a process started past it fails here rather than guess a title.
    if (!prepared.measure && !listing)
      throw ApplicationFailure.nonRetryable(`reform measure ${measureCode} is not listed`, 'UnknownMeasure');
    state.title = prepared.measure
      ? { zh: prepared.measure.titleZh, en: prepared.measure.titleEn }
      : { zh: listing!.titleZh, en: listing!.titleEn };
    state.historyEventLimit = prepared.historyEventLimit;
    state.zones = prepared.zones.map((zone) => ({ zoneCode: zone.code, zoneName: zone.name }));
    const step = beginStep(core);
    if (!prepared.measure && listing)
      step.measure = { code: measureCode, ...listing, listedBy: state.launchedBy, ...(origin ? { origin } : {}) };
    step.pilotDecisions = state.zones.map((zone) => ({ measureCode, zoneCode: zone.zoneCode, status: 'PENDING' }));
    addEvent(core, step, 'pilotLaunched', state.launchedBy, {
      measureCode,
      title: state.title.zh,
      listed: Boolean(step.measure),
      zoneCodes: state.zones.map((z) => z.zoneCode),
      ...(origin ? { originZoneCode: origin.zoneCode, practiceProcessId: origin.practiceProcessId } : {}),
    });
    for (const zone of state.zones) {
      openTask(core, step, A.decidePilot, orgIds.government(zone.zoneCode), {
        measureCode,
        title: state.title,
        zoneCode: zone.zoneCode,
        zoneName: zone.zoneName,
      });
    }
    enterStage(state, state.zones.length ? 'DECIDING' : 'DECIDED');
    await write(step);
  }

  const final = await awaitEndOfRun(core, () => state.stage === 'DECIDED', state.historyEventLimit);
  if (!final) return continueAsNew<typeof pilotAdoption>({ continued: state });
  return view();
}
