/**
 * One marker for every patch made until now. Each `patched(id)` a run takes first records a marker,
 * and the SDK upserts `TemporalChangeVersion` beside it: an agreement took four of each, eight of its
 * ≈ 88 events and a visibility write each. A run started on this code asks the patch below once, at its
 * start, and takes every patch listed here on the strength of that one marker. A history recorded
 * before has no marker for it, so it asks each patch by its own marker as it did and replays as it ran.
 *
 * A patch made after this one is asked with `patched()` as usual: a run holding this marker may have
 * started before that patch existed. (The list's type keeps such a patch from coming through here.)
 */
import { patched } from '@temporalio/workflow';

export const ALL_PATCHES_UNTIL_2026_12 = 'all-patches-until-2026-12';

export type CoveredPatch =
  | 'lean-steps'
  | 'leaders-sign'
  | 'agreement-china-day'
  | 'deadline-watch-stops-when-run-closes'
  | 'outbox-delivery'
  | 'zone-end-carries-through'
  | 'credit-platform-port'
  | 'supervision-port'
  | 'registration-refusal-facts'
  | 'tax-transfer-by-system'
  | 'tax-callback'
  | 'normal-licence-route'
  | 'catalog-no-penalty-powers'
  | 'penalty-local-authority'
  | 'credit-repair-four-eyes'
  | 'penalty-refused-by-code'
  | 'exchange-failure-deadline'
  | 'exchange-failure-reason-words';

/** Undefined until the run asked (a workflow without the kernel's core never does). Module state is this run's own. */
let startedOnThisCode: boolean | undefined;

/**
 * Asked in the run's first activation (`newCore`, `resumeCore`), before it awaits anything: a history
 * recorded before answers false there, at its start, and never true later in the same run.
 */
export function askStartedOnThisCode(): void {
  startedOnThisCode ??= patched(ALL_PATCHES_UNTIL_2026_12);
}

/** Whether this run takes the patch: by the one marker when it started on this code, else by the patch's own. */
export function takesPatch(id: CoveredPatch): boolean {
  return startedOnThisCode === true || patched(id);
}
