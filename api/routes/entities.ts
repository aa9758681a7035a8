import { z } from 'zod';
import { usccSchema } from '../../domain/registration';
import { entityDetail, listEntities, pendingVerifications } from '../../store/entities';
import { requireOrgReader } from '../access';
import { refused } from '../errors';
import { defineRoute } from '../route';

const address = z.object({ divisionCode: z.string().optional(), address: z.string() });
/** The residence with its township and park, which decided it was in the zone's area (absent for entities registered before). */
const residence = address.extend({ townshipCode: z.string().optional(), parkId: z.string().optional() });
const entitySchema = z.object({
  uscc: z.string(),
  name: z.string(),
  zoneCode: z.string(),
  residence,
  businessAddresses: z.array(address),
  businessScope: z.string(),
  legalRepresentative: z.object({ name: z.string(), idNumber: z.string(), phone: z.string() }),
  acceptedBy: z.string(),
  status: z.string(),
  processId: z.string(),
  registeredAt: z.string(),
  taxOffice: z.string().nullable(),
  taxTransfer: z.string().nullable(),
  commitmentBarred: z.boolean(),
});

const licenceSchema = z.object({
  id: z.string(),
  uscc: z.string(),
  powerCode: z.string(),
  powerName: z.string().nullable(),
  agreementId: z.string(),
  agreementVersion: z.number().int(),
  variant: z.string(),
  conditionsDue: z.string().nullable(),
  status: z.string(),
  verification: z.object({
    status: z.string(),
    enforcementOrg: z.string(),
    dueAt: z.string(),
    verifiedAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    rectificationDue: z.string().nullable(),
    overdue: z.boolean(),
  }),
  revokedAt: z.string().nullable(),
  grantedAt: z.string(),
  processId: z.string(),
});

export const listEntitiesRoute = defineRoute({
  method: 'get',
  path: '/api/entities',
  summary: 'Entities registered in the FTZ, newest first: by zone, or by name or USCC (q)',
  tag: 'Registries',
  query: z.object({
    zone: z
      .string()
      .regex(/^\d{6}$/, 'a zone (county) code')
      .optional(),
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  response: z.object({ items: z.array(entitySchema) }),
  async handler({ query, deps }) {
    return { items: await listEntities(deps.db, query) };
  },
});

export const getEntity = defineRoute({
  method: 'get',
  path: '/api/entities/{uscc}',
  summary: 'An entity: both address kinds, its tax office and transfer, licences with their verification, credit records and penalty cases',
  tag: 'Registries',
  params: z.object({ uscc: usccSchema }),
  // The tax office and the commitment bar are the entity's own fields (as in the list); not repeated here.
  response: entitySchema.extend({
    tax: z
      .object({
        transferStatus: z.string(),
        transferTo: z.string().nullable(),
        registeredAt: z.string(),
        requestedAt: z.string().nullable(),
        approvedAt: z.string().nullable(),
        confirmedAt: z.string().nullable(),
      })
      .optional(),
    licences: z.array(licenceSchema),
    /** Licences by the normal route: the window's review, the on-site check, the window's decision. */
    normalLicences: z.array(
      z.object({
        id: z.string(),
        powerCode: z.string(),
        reason: z.string(),
        because: z.string(),
        status: z.string(),
        enforcementOrg: z.string(),
        onSiteCheck: z.object({ result: z.string(), findings: z.string(), checkedOn: z.string() }).passthrough().nullable(),
        licenceNumber: z.string().nullable(),
        validFrom: z.string().nullable(),
        validUntil: z.string().nullable(),
        appliedAt: z.string(),
      }),
    ),
    credit: z.object({
      records: z.array(
        z.object({
          id: z.string(),
          kind: z.string(),
          grade: z.string().nullable(),
          reason: z.string(),
          barsCommitment: z.boolean(),
          sourceProcessId: z.string(),
          recordedAt: z.string(),
          publicationFrom: z.string().nullable(),
          publicationUntil: z.string().nullable(),
          status: z.string(),
        }),
      ),
    }),
    penaltyCases: z.array(
      z.object({
        id: z.string(),
        reason: z.string(),
        licenceId: z.string().nullable(),
        enforcementOrg: z.string(),
        openedAt: z.string(),
        status: z.string(),
        penaltyProcessId: z.string().nullable(),
      }),
    ),
  }),
  async handler({ params, deps }) {
    const entity = await entityDetail(deps.db, params.uscc);
    if (!entity) throw refused('ENTITY_NOT_FOUND', { uscc: params.uscc }, 'params.uscc');
    return entity;
  },
});

export const listVerifications = defineRoute({
  method: 'get',
  path: '/api/verifications',
  summary: 'Commitments an enforcement body has yet to verify or re-check, most urgent first; overdue=true for the overdue ones only',
  tag: 'Registries',
  query: z.object({
    org: z
      .string()
      .regex(/^le-\d{6}$/, 'an enforcement body, le-<county>')
      .optional(),
    overdue: z.enum(['true', 'false']).default('false'),
  }),
  response: z.object({ org: z.string(), items: z.array(licenceSchema) }),
  async handler({ query, user, deps }) {
    const org = query.org ?? user.orgId;
    requireOrgReader(user, org, `the verifications of ${org}`);
    return { org, items: await pendingVerifications(deps.db, org, query.overdue === 'true') };
  },
});
