import { publicationPolicySchema, type DecisionFacts, type PublicationPolicy } from '../domain/penalties';
import type { Db } from '../store/db';
import type { DraftProblem } from '../store/agreements';
import { checkPenaltyDecision, penaltyEntityProblems, type DecisionCheck } from '../store/penalties';
import { readPolicy } from '../store/policy';
import { notRetryable } from './records';

export interface PenaltyPolicy {
  historyEventLimit: number;
  dayLengthMs: number;
  publication: PublicationPolicy;
}

/** Reads a penalty-report process needs before it decides: the records' verdict on a decision, its policy. */
export function createPenaltyActivities(db: Db) {
  return {
    /** The entity registered in the FTZ, all a filing under local authority is checked for; problems, never a throw. */
    checkPenaltyEntity(input: { uscc: string }): Promise<DraftProblem[]> {
      return penaltyEntityProblems(db, input.uscc);
    },

    /** For reports filed before local authority: the entity registered and the power in force on the decision date. */
    checkPenaltyDecision(input: { zoneCode: string; decision: DecisionFacts }): Promise<DecisionCheck> {
      return checkPenaltyDecision(db, input);
    },

    async preparePenalty(input: { zoneCode: string }): Promise<PenaltyPolicy> {
      const scope = input.zoneCode;
      const publication = publicationPolicySchema.safeParse(await readPolicy(db, 'penalty.publication', scope));
      // A misconfigured policy is no passing fault: retrying cannot mend it.
      if (!publication.success) throw notRetryable(`policy penalty.publication: ${publication.error.message}`, 'PolicyInvalid');
      return {
        historyEventLimit: Number(await readPolicy(db, 'workflow.historyEventLimit', scope)),
        dayLengthMs: Number(await readPolicy(db, 'penalty.dayLengthMs', scope)),
        publication: publication.data,
      };
    },
  };
}
