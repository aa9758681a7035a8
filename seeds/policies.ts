import type { Period } from '../domain/deadline';

/** Policy defaults (DOMAIN.md); each may be narrowed per county by a row with that scope. */
export const policyDefaults = {
  /** From launch until both sides have signed the memorandum. */
  'memorandum.signingPeriod': { workingDays: 30 } satisfies Period,
  /** Continue-as-new once a run's history reaches this many events (0: when the engine suggests). */
  'workflow.historyEventLimit': 0,
  /** The longest term of a delegation agreement. */
  'agreement.maxTermYears': 3,
  /** From both signatures until the agreement must be announced. */
  'agreement.announcementPeriod': { workingDays: 10 } satisfies Period,
  /** Days before the end of its term that a renewal is asked for. */
  'agreement.renewalNoticeDays': 15,
  /** How long a day of a term lasts in workflow time: a day in production; shorter in tests and demonstrations. */
  'agreement.dayLengthMs': 86_400_000,
  /** From screening until the county government consents to a registration. */
  'registration.consentPeriod': { workingDays: 5 } satisfies Period,
  /** Each step of a tax transfer (request, approval, confirmation): no statutory period, a working default. */
  'registration.taxStepPeriod': { workingDays: 10 } satisfies Period,
  /**
   * Verification of a commitment. Each power carries its own `verificationDays`, which apply; only a
   * county's own setting of this key (scope `<code>`) overrides them, for that county.
   */
  'registration.verificationPeriod': { workingDays: 30 } satisfies Period,
  /** A rectification order's period, two months by default. */
  'registration.rectificationPeriod': { days: 61 } satisfies Period,
  /** The edition of the market access negative list applications are checked against. */
  'registration.negativeListEdition': '2022',
};
export type PolicyKey = keyof typeof policyDefaults;
