import { launchRefusal } from '../domain/eligibility';
import type { ProcessType } from '../domain/names';
import { launchApproval } from '../domain/zone-area';
import type { ZoneEstablishmentInput } from '../domain/zone-establishment';
import { launchCase } from '../store/launch-facts';
import type { User } from './auth';
import { refused } from './errors';
import type { ApiDeps } from './route';

/**
 * Launch eligibility: the facts a launch's rules read (store/launch-facts.ts), the rules themselves
 * (domain/eligibility.ts), and the first refusal they give, answered by its code.
 */
export async function checkEligibility(deps: ApiDeps, type: ProcessType, input: unknown, user: User): Promise<void> {
  const launch = await launchCase(deps.db, type, input);
  const refusal = launch && launchRefusal(launch, { orgId: user.orgId, now: Date.now() });
  if (refusal) throw refused(refusal.code, refusal.params as never, refusal.path);
}

/** What a launch records beyond what was sent: the first batch's approval by the policy itself. */
export function completeInput(type: ProcessType, input: Record<string, unknown>): Record<string, unknown> {
  if (type !== 'zone-establishment') return input;
  const zone = input as ZoneEstablishmentInput;
  const approval = launchApproval(zone.countyCode, zone.approval);
  return approval ? { ...input, approval } : input;
}
