/**
 * Stages that took another name after runs had recorded the first, so that the process and its
 * registry say one name for one state: a penalty's process stage `PUBLISHED` is the registry's
 * `RECOGNISED` (认可), an agreement's `ANNOUNCING` the registry's `SIGNED` (已签署，待公告).
 *
 * A run started before may still carry the earlier name where it wrote it then: the engine's `Stage`
 * search attribute (until the process next moves) and the plain-JSON state a run continued with. The
 * search reads both; a continued run reads its state with the names of now (`stageNow`).
 */
import type { AgreementStage } from './agreements';
import type { PenaltyStage } from './penalties';

/** Per process type: each earlier name and the name now. */
export const RENAMED_STAGES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'penalty-report': { PUBLISHED: 'RECOGNISED' } satisfies Record<string, PenaltyStage>,
  'delegation-agreement': { ANNOUNCING: 'SIGNED' } satisfies Record<string, AgreementStage>,
};

/** A stage as a process of the type names it now: an earlier name becomes the new one, any other stays. */
export function stageNow(processType: string, stage: string): string {
  return RENAMED_STAGES[processType]?.[stage] ?? stage;
}

/** The earlier names of a stage, by process type: what a running process's search attribute may still say for it. */
export function earlierStageNames(stage: string): { processType: string; earlier: string }[] {
  return Object.entries(RENAMED_STAGES).flatMap(([processType, renamed]) =>
    Object.entries(renamed)
      .filter(([, now]) => now === stage)
      .map(([earlier]) => ({ processType, earlier })),
  );
}

/** The process types that once called another stage by this name: for them the name now means nothing. */
export function typesThatRenamed(stage: string): string[] {
  return Object.entries(RENAMED_STAGES)
    .filter(([, renamed]) => Object.hasOwn(renamed, stage))
    .map(([processType]) => processType);
}

/**
 * A continued run's state with the stage names of now, in its stage and in its path. States written
 * since carry them already and come back unchanged.
 */
export function withStageNamesNow<S extends { stage: string; path: string[] }>(processType: string, state: S): S {
  return {
    ...state,
    stage: stageNow(processType, state.stage),
    path: state.path.map((stage) => stageNow(processType, stage)),
  };
}

/**
 * An object whose count of returns for correction a run before the names of now called `rounds`
 * (plain JSON: `returns` may be absent whatever the type says), with the count named `returns`.
 */
export function withReturnsNamed<T extends { returns: number }>(earlier: T): T {
  const { rounds, ...now } = earlier as T & { rounds?: number };
  return { ...now, returns: (now as { returns?: number }).returns ?? rounds ?? 0 } as T;
}
