import type { Period } from '../domain/deadline';

/** Policy defaults (DOMAIN.md); each may be narrowed per county by a row with that scope. */
export const policyDefaults = {
  /** From launch until both sides have signed the memorandum. */
  'memorandum.signingPeriod': { workingDays: 30 } satisfies Period,
  /** Continue-as-new once a run's history reaches this many events (0: when the engine suggests). */
  'workflow.historyEventLimit': 0,
};
export type PolicyKey = keyof typeof policyDefaults;
