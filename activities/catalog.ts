import type { AgreementContent } from '../domain/agreements';
import { authorityOn, type Authority } from '../domain/authority';
import type { Power } from '../domain/powers';
import { agreementFacts, checkAgreementDraft, type DraftProblem } from '../store/agreements';
import { catalogVersion } from '../store/catalog';
import type { Db } from '../store/db';

/** Reads of the catalogue and agreements that workflows make before they decide. */
export function createCatalogActivities(db: Db) {
  return {
    async currentCatalog(): Promise<{ version: number; powers: Power[] } | null> {
      const current = await catalogVersion(db);
      return current ? { version: current.version, powers: current.powers } : null;
    },

    checkAgreementDraft(input: { agreementId: string; zoneCode: string; content: AgreementContent }): Promise<DraftProblem[]> {
      return db.together((q) => checkAgreementDraft(q, input));
    },

    /** Is the power in force for the zone on the date, and under which agreement version? */
    async authority(query: { zoneCode: string; powerCode: string; date: string }): Promise<Authority> {
      return authorityOn(await agreementFacts(db, query.zoneCode), query);
    },
  };
}
