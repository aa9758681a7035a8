/**
 * What the fuzzer aims at: processes in several states on a harness, so that generated ids hit
 * real processes and tasks (an ACTIVE zone, a zone waiting for its draft, an agreement in force, another
 * waiting for its draft), and the users who can act on them.
 */
import { agreementContent, concludeAgreement, launchAgreement } from '../../test/support/agreement-flow';
import type { Harness } from '../../test/support/harness';
import { establish, launch, taskFor } from '../../test/support/zone-flow';

export async function setUpFixtures(h: Harness): Promise<{ usernames: string[] }> {
  const active = await h.newCounty();
  const drafting = await h.newCounty();
  await establish(h, active);
  await launch(h, drafting);
  await concludeAgreement(h, active, agreementContent([{ powerCode: 'XK-001' }]));
  const open = await launchAgreement(h, active);
  await taskFor(h, 'ftz.staff', open, 'draftAgreement');
  return {
    usernames: [
      'city.admin',
      'city.staff',
      'ftz.admin',
      'ftz.staff',
      'audit.auditor',
      `gov-${active}.staff`,
      `gov-${active}.admin`,
      `gov-${drafting}.staff`,
    ],
  };
}
