import { z } from 'zod';
import { authorityOn } from '../../domain/authority';
import { diffCatalogs } from '../../domain/powers';
import { agreementById, agreementFacts, agreementRows, type AgreementRow } from '../../store/agreements';
import { catalogVersion } from '../../store/catalog';
import { refused } from '../errors';
import { defineRoute } from '../route';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
const powerSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  legalBasis: z.string(),
  commitmentApplicable: z.boolean(),
  verificationDays: z.number().int(),
  status: z.enum(['listed', 'delisted']),
});

export const getPowers = defineRoute({
  method: 'get',
  path: '/api/powers',
  summary: 'A version of the power catalogue (the published one by default), and what changed since another',
  tag: 'Registries',
  query: z.object({
    // Versions are PostgreSQL integers: a larger number is refused here, not by the database.
    version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
    diffFrom: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  }),
  response: z.object({
    version: z.number().int(),
    status: z.string(),
    effectiveDate: z.string(),
    note: z.string().nullable(),
    publishedAt: z.string(),
    powers: z.array(powerSchema),
    diff: z
      .object({
        from: z.number().int(),
        added: z.array(z.string()),
        delisted: z.array(z.string()),
        relisted: z.array(z.string()),
        changed: z.array(z.string()),
      })
      .optional(),
  }),
  async handler({ query, deps }) {
    const catalog = await catalogVersion(deps.db, query.version);
    if (!catalog)
      throw query.version
        ? refused('CATALOGUE_VERSION_NOT_FOUND', { version: query.version }, 'query.version')
        : refused('CATALOGUE_NOT_PUBLISHED', {});
    if (!query.diffFrom) return catalog;
    const from = await catalogVersion(deps.db, query.diffFrom);
    if (!from) throw refused('CATALOGUE_VERSION_NOT_FOUND', { version: query.diffFrom }, 'query.diffFrom');
    return { ...catalog, diff: { from: from.version, ...diffCatalogs(from.powers, catalog.powers) } };
  },
});

const agreementSchema = z.object({
  id: z.string(),
  zoneCode: z.string(),
  status: z.string(),
  currentVersion: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  announcedOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  terminationReason: z.string().nullable(),
  items: z.array(z.object({ powerCode: z.string(), scope: z.string(), revokedOn: z.string().nullable() })),
});

const toAgreement = (r: AgreementRow) => ({
  id: r.id,
  zoneCode: r.zone_code,
  status: r.status,
  currentVersion: r.current_version,
  startDate: r.start_date,
  endDate: r.end_date,
  announcedOn: r.announced_on,
  terminatedOn: r.terminated_on,
  terminationReason: r.termination_reason,
  items: r.items ?? [],
});

export const listAgreements = defineRoute({
  method: 'get',
  path: '/api/agreements',
  summary: 'Delegation agreements with the powers of their latest signed version',
  tag: 'Registries',
  query: z.object({
    zone: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    status: z.enum(['NEGOTIATING', 'SIGNED', 'IN_FORCE', 'EXPIRED', 'TERMINATED']).optional(),
  }),
  response: z.array(agreementSchema),
  async handler({ query, deps }) {
    const rows = await agreementRows(deps.db, query.zone ?? null, query.status ?? null);
    return rows.map(toAgreement);
  },
});

export const getAgreement = defineRoute({
  method: 'get',
  path: '/api/agreements/{id}',
  summary: 'One delegation agreement',
  tag: 'Registries',
  params: z.object({ id: z.string().min(1).max(200) }),
  response: agreementSchema,
  async handler({ params, deps }) {
    const row = await agreementById(deps.db, params.id);
    if (!row) throw refused('AGREEMENT_NOT_FOUND', { agreementId: params.id }, 'params.id');
    return toAgreement(row);
  },
});

export const getAuthority = defineRoute({
  method: 'get',
  path: '/api/authority',
  summary: 'Is a power in force for a zone on a date, and under which agreement version?',
  tag: 'Registries',
  query: z.object({
    zone: z.string().regex(/^\d{6}$/, 'a zone code'),
    power: z.string().regex(/^[A-Z]{2}-\d{3}$/, 'a power code'),
    date: isoDate,
  }),
  response: z.union([
    z.object({ inForce: z.literal(true), agreementId: z.string(), version: z.number().int(), scope: z.string() }),
    z.object({ inForce: z.literal(false), reason: z.string() }),
  ]),
  async handler({ query, deps }) {
    return authorityOn(await agreementFacts(deps.db, query.zone), { zoneCode: query.zone, powerCode: query.power, date: query.date });
  },
});
