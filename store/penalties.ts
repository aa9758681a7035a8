import { authorityOn, type Authority } from '../domain/authority';
import type { DecisionFacts } from '../domain/penalties';
import { agreementFacts, type DraftProblem } from './agreements';
import type { Queryable } from './db';
import { refusal } from '../domain/refusals';

export interface DecisionCheck {
  problems: DraftProblem[];
  /** The agreement that entrusted the power on the decision date, when it was in force. */
  authority: Authority;
}

/** The entity a penalty concerns is registered in the FTZ: the only check a filing under local authority needs. */
export async function penaltyEntityProblems(q: Queryable, uscc: string): Promise<DraftProblem[]> {
  const [entity] = await q.query<{ status: string }>('SELECT status FROM entities WHERE uscc = $1', [uscc]);
  const path = 'body.decision.uscc';
  if (!entity) {
    return [
      {
        path: 'decision.uscc',
        message: `${uscc} is not registered in the FTZ`,
        status: 400,
        refusal: refusal('ENTITY_NOT_REGISTERED', { uscc }, path),
      },
    ];
  }
  if (entity.status !== 'REGISTERED') {
    return [
      {
        path: 'decision.uscc',
        message: `${uscc} is ${entity.status}`,
        status: 409,
        refusal: refusal('ENTITY_NOT_ACTIVE', { uscc, status: entity.status }, path),
      },
    ];
  }
  return [];
}

/**
 * A decision filed before penalties left the power catalogue, against the records: the entity
 * registered, and the power it named in force for the zone on the decision date. Reports filed then
 * still ask it when the zone resubmits them.
 */
export async function checkPenaltyDecision(q: Queryable, input: { zoneCode: string; decision: DecisionFacts }): Promise<DecisionCheck> {
  const { zoneCode, decision } = input;
  const problems = await penaltyEntityProblems(q, decision.uscc);
  const powerCode = decision.powerCode ?? '';
  const authority = authorityOn(await agreementFacts(q, zoneCode), { zoneCode, powerCode, date: decision.decidedOn });
  if (!authority.inForce) {
    problems.push({
      path: 'decision.powerCode',
      message: `${powerCode} was not in force for zone ${zoneCode} on ${decision.decidedOn}: ${authority.reason}`,
      status: 409,
      refusal: refusal(
        'POWER_NOT_IN_FORCE',
        { powerCode, zoneCode, date: decision.decidedOn, cause: authority.cause },
        'body.decision.powerCode',
      ),
    });
  }
  return { problems, authority };
}
