import { z } from 'zod';
import { chinaDate } from '../../domain/calendar';
import { entrustableOnward, HOLDING_MODE_LABELS, HOLDING_MODES, POWER_KIND_LABELS } from '../../domain/powers';
import { catalogVersion, powerHoldingsOn } from '../../store/catalog';
import { refused } from '../errors';
import { defineRoute } from '../route';

/**
 * The power catalogue as the policy has it published (“形成清单对外公布”): readable without a token.
 * Each listed power with its legal basis and how the FTZ itself holds it — devolved, authorised or
 * entrusted, by whom and by which act — and whether it may be entrusted onward to a zone.
 */
export const getPublicPowers = defineRoute({
  method: 'get',
  path: '/api/public/powers',
  summary:
    'The published power catalogue, for everyone: each power, its legal basis, how the FTZ holds it and whether zones may receive it',
  tag: 'Registries',
  public: true,
  response: z.object({
    version: z.number().int(),
    effectiveDate: z.string(),
    publishedAt: z.string(),
    powers: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        kindLabel: z.string(),
        legalBasis: z.string(),
        commitmentApplicable: z.boolean(),
        holding: z
          .object({
            mode: z.enum(HOLDING_MODES),
            modeLabel: z.string(),
            grantedBy: z.string(),
            document: z.string(),
            validFrom: z.string(),
          })
          .nullable(),
        entrustableOnward: z.boolean(),
      }),
    ),
  }),
  async handler({ deps }) {
    const catalog = await catalogVersion(deps.db);
    if (!catalog) throw refused('CATALOGUE_NOT_PUBLISHED', {});
    const holdings = await powerHoldingsOn(deps.db, chinaDate(new Date()));
    return {
      version: catalog.version,
      effectiveDate: catalog.effectiveDate,
      publishedAt: catalog.publishedAt,
      // Only what is listed is published: delisted powers stay in the catalogue's history, not in the public list.
      powers: catalog.powers
        .filter((p) => p.status === 'listed')
        .map((p) => {
          const holding = holdings.get(p.code);
          return {
            code: p.code,
            name: p.name,
            kind: p.kind,
            kindLabel: POWER_KIND_LABELS[p.kind].zh,
            legalBasis: p.legalBasis,
            commitmentApplicable: p.commitmentApplicable,
            holding: holding ? { ...holding, modeLabel: HOLDING_MODE_LABELS[holding.mode].zh } : null,
            // The same rule an agreement draft meets: only a holding by 委托 stops it.
            entrustableOnward: entrustableOnward(holding),
          };
        }),
    };
  },
});
