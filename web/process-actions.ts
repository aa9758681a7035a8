/**
 * The stages in which a process accepts each action started from its page, as the workflows check them
 * (`inStage(...)` in workflows/): an action the process would refuse is not offered. An action not
 * listed here is offered whenever the API lists it, and the process has the last word.
 */
const ACCEPTED_IN: Record<string, readonly string[]> = {
  proposeAmendment: ['ACTIVE'],
  suspendZone: ['ACTIVE'],
  resumeZone: ['SUSPENDED'],
  proposeTermination: ['ACTIVE', 'SUSPENDED'],
  terminateAgreement: ['PENDING_START', 'IN_FORCE', 'RENEWAL_DRAFTING', 'RENEWAL_SIGNING'],
  withdrawPenalty: ['REPORTING', 'REVIEWING', 'CORRECTING', 'PUBLISHED'],
  requestCreditRepair: ['PUBLISHED'],
};

export const acceptsAction = (action: string, stage: string): boolean => ACCEPTED_IN[action]?.includes(stage) ?? true;
