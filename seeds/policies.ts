import type { Period } from '../domain/deadline';
import type { PublicationPolicy } from '../domain/penalties';
import type { OutboxRetry } from '../domain/notifications';
import { DEFAULT_SELECTION_RATIOS } from '../domain/supervision';

/** Policy defaults (docs/PROCESSES.md); each may be narrowed per county by a row with that scope. */
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
  /** From the penalty decision until the zone must have reported it to the FTZ (抄报). */
  'penalty.reportPeriod': { workingDays: 7 } satisfies Period,
  /** From a report or resubmission until the FTZ must have recognised or returned it. */
  'penalty.reviewPeriod': { workingDays: 10 } satisfies Period,
  /** From a return until the zone must have resubmitted; docs/PROCESSES.md names none, so the report period's length. */
  'penalty.correctionPeriod': { workingDays: 7 } satisfies Period,
  /**
   * Publication of a recognised penalty by severity (失信行为严重程度), counted from the decision date as
   * the national rule counts it, within its ranges (minor ≤ 3 months, general 3–12, serious 12–36), and
   * the minimum before credit repair may be asked. While published it bars the commitment route (P3).
   */
  'penalty.publication': {
    minor: { months: 3, repairAfterMonths: 1 },
    general: { months: 12, repairAfterMonths: 3 },
    serious: { months: 36, repairAfterMonths: 12 },
  } satisfies PublicationPolicy,
  /** From the launch of a month's round until each zone's body must have reported its economic indicators. */
  'indicators.reportPeriod': { workingDays: 10 } satisfies Period,
  /** From a report or resubmission until the FTZ must have accepted or returned it. */
  'indicators.reviewPeriod': { workingDays: 5 } satisfies Period,
  /** From a return until the zone's body must have resubmitted. */
  'indicators.correctionPeriod': { workingDays: 5 } satisfies Period,
  /**
   * From a zone's proposal of a good practice until the FTZ must have evaluated it. The policy names no
   * period ("深入挖掘…好经验、好做法"); a working default, as the indicators' checks.
   */
  'reform.evaluationPeriod': { workingDays: 20 } satisfies Period,
  /** From a window's registration of an enterprise's reform demand until the FTZ must have routed it. */
  'reform.routingPeriod': { workingDays: 3 } satisfies Period,
  /** From routing until the responsible organisation must have answered the demand. */
  'reform.answerPeriod': { workingDays: 15 } satisfies Period,
  /** How long a day of a publication period lasts in workflow time (as `agreement.dayLengthMs`). */
  'penalty.dayLengthMs': 86_400_000,
  /** Share of each credit grade's entities a random inspection plan draws (domain/supervision.ts names the source). */
  'supervision.selectionRatios': DEFAULT_SELECTION_RATIOS,
  /** Inspectors per inspection: 行政处罚法 第四十二条, “执法人员不得少于两人”. */
  'supervision.inspectorsPerEntity': 2,
  /** From the draw until each inspection should be done: no statutory period, a working default. */
  'supervision.inspectionPeriod': { workingDays: 20 } satisfies Period,
  /** How long a day of a rectification period lasts in workflow time (as `agreement.dayLengthMs`). */
  'supervision.dayLengthMs': 86_400_000,
  /**
   * How the outbox retries a message (e-mail, chat webhook, an outside system): waits doubling from
   * the first to the longest, up to the attempts; then the message is FAILED (about 40 minutes).
   */
  /** From a failed exchange's task opening until its organisation should have decided (重新报送 or 其他方式报送): a working default. */
  'exchangeFailure.resolvePeriod': { workingDays: 5 } satisfies Period,
  'outbox.retry': { initialIntervalMs: 2000, maximumIntervalMs: 300_000, maximumAttempts: 12 } satisfies OutboxRetry,
};
export type PolicyKey = keyof typeof policyDefaults;
