import { authorityOn, type Authority } from '../domain/authority';
import type { DecisionFacts } from '../domain/penalties';
import { agreementFacts, type DraftProblem } from './agreements';
import type { Queryable } from './db';

export interface DecisionCheck {
  problems: DraftProblem[];
  /** The agreement that entrusted the power on the decision date, when it was in force. */
  authority: Authority;
}

/**
 * A penalty decision against the records: the entity registered in the FTZ, and the power it was
 * imposed under in force for the zone on the decision date (the authority rule, DOMAIN.md P2).
 */
export async function checkPenaltyDecision(q: Queryable, input: { zoneCode: string; decision: DecisionFacts }): Promise<DecisionCheck> {
  const { zoneCode, decision } = input;
  const problems: DraftProblem[] = [];
  const [entity] = await q.query<{ status: string }>('SELECT status FROM entities WHERE uscc = $1', [decision.uscc]);
  if (!entity) problems.push({ path: 'decision.uscc', message: `${decision.uscc} is not registered in the FTZ`, status: 400 });
  else if (entity.status !== 'REGISTERED') problems.push({ path: 'decision.uscc', message: `${decision.uscc} is ${entity.status}`, status: 409 });
  const authority = authorityOn(await agreementFacts(q, zoneCode), { zoneCode, powerCode: decision.powerCode, date: decision.decidedOn });
  if (!authority.inForce) {
    problems.push({
      path: 'decision.powerCode',
      message: `${decision.powerCode} was not in force for zone ${zoneCode} on ${decision.decidedOn}: ${authority.reason}`,
      status: 409,
    });
  }
  return { problems, authority };
}
