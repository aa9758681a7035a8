/**
 * P2: a new version of the power catalogue, drafted by FTZ staff, approved by an FTZ admin and
 * published; publishing revokes every delisted power in the agreements that hold it.
 */
import { continueAsNew, defineSignal, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { Step } from '../activities/step';
import { stateQuery } from '../domain/state-query';
import { refusal } from '../domain/refusals';
import type { Actor } from '../domain/identity';
import { catalogActions as A, listedPenaltyPowers, missingCodes, type CatalogDraft, type CatalogStage, type Power } from '../domain/powers';
import {
  actionHandlers,
  activities,
  addEvent,
  awaitEndOfRun,
  beginStep,
  closeTasks,
  commit,
  enterStage,
  newCore,
  resumeCore,
  openTask,
  publishAndCommit,
  refuse,
  refuseAll,
  requireTask,
  type ProcessCore,
  takesPatch,
} from './kernel';

/** Catalogue versions drafted from this patch on list no penalty power (penalties are not entrusted). */
export const NO_PENALTY_POWERS_PATCH = 'catalog-no-penalty-powers';

export interface CatalogState {
  core: ProcessCore;
  /** Set for versions drafted under the rule that penalties are not entrusted; absent for earlier runs. */
  penaltiesNotEntrusted?: boolean;
  stage: CatalogStage;
  path: CatalogStage[];
  launchedBy: Actor;
  basedOn: { version: number; powers: Power[] } | null;
  draft?: CatalogDraft;
  returns: { comments: string; by: Actor; at: string }[];
  published?: { version: number; revoked: { agreementId: string; powerCodes: string[] }[] };
}

export type CatalogView = Omit<CatalogState, 'core'> & {
  processId: string;
  acceptedActions: string[];
  openTasks: ProcessCore['openTasks'];
  deadlines: [];
};
export type CatalogArgs = { start: Record<string, never>; launchedBy: Actor } | { continued: CatalogState };

/** Told to every agreement that held a power a publication delisted. */
export interface PowersDelisted {
  catalogVersion: number;
  effectiveDate: string;
  powerCodes: string[];
}
export const powersDelistedSignal = defineSignal<[PowersDelisted]>('powersDelisted');

export async function powerCatalog(args: CatalogArgs): Promise<CatalogView> {
  const state: CatalogState =
    'continued' in args
      ? args.continued
      : {
          core: newCore('power-catalog'),
          // Decided once, at the start, and kept in state: validators and replays read it, never the patch.
          penaltiesNotEntrusted: takesPatch(NO_PENALTY_POWERS_PATCH) || undefined,
          stage: 'PREPARING',
          path: ['PREPARING'],
          launchedBy: args.launchedBy,
          basedOn: null,
          returns: [],
        };
  const core = resumeCore(state.core);

  const view = (): CatalogView => {
    const { core: _core, ...rest } = state;
    return { ...rest, processId: core.processId, acceptedActions: handle.accepted(), openTasks: core.openTasks, deadlines: [] };
  };
  const enter = (stage: CatalogStage) => enterStage(state, stage);
  const write = async (step: Step): Promise<CatalogView> => {
    await publishAndCommit(core, state.stage, step);
    return view();
  };
  /** The draft task, prefilled with the powers to start from. */
  const openDraftTask = (step: Step, context: Record<string, unknown>) =>
    openTask(core, step, A.draftCatalog, 'ftz', {
      basedOnVersion: state.basedOn?.version ?? null,
      prefill: state.draft ?? { effectiveDate: '', powers: state.basedOn?.powers ?? [] },
      ...context,
    });

  const handle = actionHandlers(core, write, view);
  handle({
    action: A.draftCatalog,
    check: (input) => {
      requireTask(core, A.draftCatalog, input);
      const missing = missingCodes(state.basedOn?.powers ?? [], input.payload.powers);
      if (missing.length) refuse('POWERS_NEVER_DELETED', { powerCodes: missing }, 'body.powers');
      const penalties = state.penaltiesNotEntrusted ? listedPenaltyPowers(input.payload.powers) : [];
      // Penalties are not entrusted: local enforcement imposes them under its own authority.
      if (penalties.length) {
        refuseAll(
          penalties.map((index) =>
            refusal('PENALTY_POWER_LISTED', { powerCodes: [input.payload.powers[index].code] }, `body.powers.${index}.status`),
          ),
        );
      }
    },
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      state.draft = input.payload;
      addEvent(core, step, 'catalogDrafted', input.actor, {
        powers: input.payload.powers.length,
        effectiveDate: input.payload.effectiveDate,
      });
      enter('APPROVAL');
      openTask(core, step, A.approveCatalog, 'ftz', { basedOnVersion: state.basedOn?.version ?? null });
    },
  });

  handle({
    action: A.approveCatalog,
    check: (input) => requireTask(core, A.approveCatalog, input),
    decide: (input, step) => {
      closeTasks(core, step, (t) => t.id === input.taskId, input.actor);
      if (input.payload.decision === 'return') {
        state.returns.push({ comments: input.payload.comments, by: input.actor, at: step.at });
        addEvent(core, step, 'catalogReturned', input.actor, { comments: input.payload.comments });
        enter('DRAFTING');
        openDraftTask(step, { comments: input.payload.comments });
        return;
      }
      const draft = state.draft as CatalogDraft;
      step.catalog = { effectiveDate: draft.effectiveDate, note: draft.note, powers: draft.powers, publishedBy: input.actor };
      addEvent(core, step, 'catalogApproved', input.actor, { effectiveDate: draft.effectiveDate });
      enter('PUBLISHED');
    },
    write: async (step) => {
      // The stage is published with the announcement step that follows.
      const result = await commit(core, step);
      if (result.catalogVersion !== undefined) await announcePublication(result.catalogVersion, result.revocations ?? []);
      return view();
    },
  });

  /** Records the published version and tells each agreement that lost a power. */
  async function announcePublication(version: number, revocations: { agreementId: string; processId: string; powerCodes: string[] }[]) {
    state.published = { version, revoked: revocations.map(({ agreementId, powerCodes }) => ({ agreementId, powerCodes })) };
    const effectiveDate = (state.draft as CatalogDraft).effectiveDate;
    for (const revocation of revocations) {
      // An agreement process that has ended needs no telling: its records were revoked all the same.
      await getExternalWorkflowHandle(revocation.processId)
        .signal(powersDelistedSignal, { catalogVersion: version, effectiveDate, powerCodes: revocation.powerCodes })
        .catch(() => undefined);
    }
    const step = beginStep(core);
    addEvent(core, step, 'catalogPublished', null, { version, effectiveDate, revoked: revocations.length });
    await write(step);
  }

  setHandler(stateQuery, view);

  if (state.stage === 'PREPARING') {
    state.basedOn = await activities.currentCatalog();
    const step = beginStep(core);
    addEvent(core, step, 'catalogLaunched', state.launchedBy, { basedOnVersion: state.basedOn?.version ?? null });
    enter('DRAFTING');
    openDraftTask(step, {});
    await write(step);
  }
  const final = await awaitEndOfRun(core, () => state.stage === 'PUBLISHED' && state.published !== undefined, 0);
  if (!final) return continueAsNew<typeof powerCatalog>({ continued: state });
  return view();
}
