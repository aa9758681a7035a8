/**
 * Reform that flows up from the zones (issue 23): the innovations report (which zone proposed which
 * practice, where it was adopted), the summary of enterprises' reform demands for reporting upward,
 * and training sessions for zone staff with who was trained when.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { forReader } from '../../domain/personal-data';
import { COUNTY_CODE } from '../../domain/names';
import { isoDate } from '../../domain/schemas';
import { DEMAND_STAGES, trainingSessionSchema } from '../../domain/reform';
import { periodBounds, periodSchema } from '../../domain/statistics';
import {
  demandRows,
  practiceAdoptionRows,
  practiceRows,
  recordTrainingSession as recordSession,
  registeredOrgIds,
  trainingAttendanceRows,
  type DemandRow,
} from '../../store/reform';
import { refusal } from '../../domain/refusals';
import { refused, refusedAll } from '../errors';
import { defineRoute } from '../route';

const zoneQuery = z.string().regex(COUNTY_CODE, 'a zone (county) division code').optional();
const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const adoptionSchema = z.object({
  zoneCode: z.string(),
  zoneName: z.string(),
  status: z.enum(['PENDING', 'ADOPTED', 'DECLINED']),
  decidedOn: z.string().nullable(),
  note: z.string().nullable(),
});
const practiceSchema = z.object({
  processId: z.string(),
  title: z.string(),
  status: z.enum(['PROPOSING', 'EVALUATING', 'ACCEPTED', 'DECLINED']),
  practice: z.string().nullable(),
  where: z.string().nullable(),
  startedOn: z.string().nullable(),
  results: z.string().nullable(),
  reasons: z.string().nullable(),
  measureCode: z.string().nullable(),
  proposedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  adoptions: z.array(adoptionSchema),
});
const zoneInnovationsSchema = z.object({
  zoneCode: z.string(),
  zoneName: z.string(),
  proposed: z.number(),
  accepted: z.number(),
  declined: z.number(),
  adoptedElsewhere: z.number(),
  practices: z.array(practiceSchema),
});

export const listInnovations = defineRoute({
  method: 'get',
  path: '/api/reform/innovations',
  summary:
    "Innovations by zone: each zone's good practices (proposed, being evaluated, accepted or declined with reasons), the reform measure an accepted one became, and the zones that adopted or declined it",
  tag: 'Registries',
  query: z.object({ zone: zoneQuery }),
  response: z.object({
    zones: z.array(zoneInnovationsSchema),
  }),
  async handler({ query, deps }) {
    const rows = await practiceRows(deps.db, query.zone ?? null);
    const decisions = await practiceAdoptionRows(deps.db);
    const zones = new Map<string, z.infer<typeof zoneInnovationsSchema>>();
    for (const r of rows) {
      const code = r.zone_code;
      const zone = zones.get(code) ?? {
        zoneCode: code,
        zoneName: r.zone_name ?? code,
        proposed: 0,
        accepted: 0,
        declined: 0,
        adoptedElsewhere: 0,
        practices: [],
      };
      zones.set(code, zone);
      const adoptions = decisions
        .filter((d) => d.measure_code === r.measure_code)
        .map((d) => ({
          zoneCode: d.zone_code,
          zoneName: d.zone_name ?? d.zone_code,
          status: d.status,
          decidedOn: d.decided_on,
          note: d.note,
        }));
      const status = r.status;
      zone.proposed += 1;
      if (status === 'ACCEPTED') zone.accepted += 1;
      if (status === 'DECLINED') zone.declined += 1;
      zone.adoptedElsewhere += adoptions.filter((a) => a.status === 'ADOPTED').length;
      zone.practices.push({
        processId: r.process_id,
        title: r.title,
        status,
        practice: r.practice,
        where: r.place,
        startedOn: r.started,
        results: r.results,
        reasons: r.reasons,
        // Reserved at acceptance: shown once the practice is accepted.
        measureCode: status === 'ACCEPTED' ? r.measure_code : null,
        proposedAt: iso(r.proposed_at),
        decidedAt: iso(r.decided_at),
        adoptions,
      });
    }
    return { zones: [...zones.values()] };
  },
});

const demandStatus = z.enum(DEMAND_STAGES);
export const listDemands = defineRoute({
  method: 'get',
  path: '/api/reform/demands',
  summary:
    "Enterprises' reform demands for reporting upward: by month (period) or year of receipt, zone and status — counts by zone and status, by category and outcome, overdue ones, and each demand (no contact: personal data stays in its process)",
  tag: 'Registries',
  query: z.object({
    period: periodSchema.optional(),
    year: z
      .string()
      .regex(/^20\d{2}$/, 'a year of this century')
      .optional(),
    zone: zoneQuery,
    status: demandStatus.optional(),
  }),
  response: z.object({
    totals: z.object({ registered: z.number(), routing: z.number(), answering: z.number(), answered: z.number(), overdue: z.number() }),
    byZone: z.array(z.object({ zoneCode: z.string(), zoneName: z.string(), status: demandStatus, count: z.number() })),
    byCategory: z.array(z.object({ category: z.string(), count: z.number() })),
    byOutcome: z.array(z.object({ outcome: z.string(), count: z.number() })),
    items: z.array(
      z.object({
        processId: z.string(),
        zoneCode: z.string(),
        enterpriseName: z.string(),
        uscc: z.string().nullable(),
        category: z.string(),
        demand: z.string(),
        receivedOn: z.string(),
        windowOrg: z.string(),
        status: demandStatus,
        responsibleOrg: z.string().nullable(),
        outcome: z.string().nullable(),
        answer: z.string().nullable(),
        dueAt: z.string().nullable(),
        overdue: z.boolean(),
        answeredAt: z.string().nullable(),
      }),
    ),
  }),
  async handler({ query, deps }) {
    const range = query.period
      ? { from: `${query.period}-01`, to: periodBounds(query.period).to.slice(0, 10) }
      : query.year
        ? { from: `${query.year}-01-01`, to: `${Number(query.year) + 1}-01-01` }
        : null;
    const rows = await demandRows(deps.db, {
      from: range?.from ?? null,
      to: range?.to ?? null,
      zoneCode: query.zone ?? null,
      status: query.status ?? null,
    });
    // The month's end as a day: periodBounds gives the next month's first instant in China time.
    const count = <K extends string>(key: (r: DemandRow) => K | null) => {
      const counts = new Map<K, number>();
      for (const r of rows) {
        const k = key(r);
        if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      return counts;
    };
    const byZone = new Map<string, { zoneCode: string; zoneName: string; status: DemandRow['status']; count: number }>();
    for (const r of rows) {
      const k = `${r.zone_code}|${r.status}`;
      const entry = byZone.get(k) ?? {
        zoneCode: r.zone_code,
        zoneName: r.zone_name ?? r.zone_code,
        status: r.status,
        count: 0,
      };
      entry.count += 1;
      byZone.set(k, entry);
    }
    const of = (status: string) => rows.filter((r) => r.status === status).length;
    return {
      totals: {
        registered: rows.length,
        routing: of('ROUTING'),
        answering: of('ANSWERING'),
        answered: of('ANSWERED'),
        overdue: rows.filter((r) => r.late === true).length,
      },
      byZone: [...byZone.values()],
      byCategory: [...count((r) => r.category)].map(([category, n]) => ({ category, count: n })),
      byOutcome: [...count((r) => r.outcome)].map(([outcome, n]) => ({ outcome, count: n })),
      items: rows.map((r) => ({
        processId: r.process_id,
        zoneCode: r.zone_code,
        enterpriseName: r.enterprise_name,
        uscc: r.uscc,
        category: r.category,
        demand: r.demand,
        receivedOn: r.received,
        windowOrg: r.window_org,
        status: r.status,
        responsibleOrg: r.responsible_org,
        outcome: r.outcome,
        answer: r.answer,
        dueAt: iso(r.due_at),
        overdue: r.late === true,
        answeredAt: iso(r.answered_at),
      })),
    };
  },
});

const attendeeSchema = z.object({ orgId: z.string(), count: z.number(), people: z.array(z.object({ personName: z.string() })).nullable() });
const sessionSchema = z.object({
  id: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  place: z.string().nullable(),
  hours: z.number(),
  organiserOrg: z.string(),
  attendees: z.array(attendeeSchema),
});
const trainedSchema = z.object({
  orgId: z.string(),
  sessions: z.number(),
  attendees: z.number(),
  trainings: z.array(z.object({ sessionId: z.string(), heldOn: z.string(), topic: z.string(), count: z.number() })),
});
export const listTrainingSessions = defineRoute({
  method: 'get',
  path: '/api/training-sessions',
  summary:
    'Training sessions for zone staff (date, topic, organiser, attendees by organisation) and who was trained when, by organisation; between two days, for one organisation. Named attendees are personal data: in full for auditors, the organiser and their own organisation',
  tag: 'Registries',
  query: z.object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    org: z.string().max(50).optional(),
  }),
  response: z.object({
    sessions: z.array(sessionSchema),
    byOrganization: z.array(trainedSchema),
  }),
  async handler({ query, user, deps }) {
    const rows = await trainingAttendanceRows(deps.db, { from: query.from ?? null, to: query.to ?? null, orgId: query.org ?? null });
    const sessions = new Map<string, z.infer<typeof sessionSchema>>();
    const orgs = new Map<string, z.infer<typeof trainedSchema>>();
    for (const r of rows) {
      const session = sessions.get(r.id) ?? {
        id: r.id,
        heldOn: r.held_on,
        topic: r.topic,
        place: r.place,
        hours: Number(r.hours),
        organiserOrg: r.organiser_org,
        attendees: [],
      };
      sessions.set(r.id, session);
      const people = r.people ? forReader(r.people, user, [r.organiser_org, r.org_id]) : null;
      session.attendees.push({ orgId: r.org_id, count: Number(r.attendees), people });
      if (query.org && r.org_id !== query.org) continue;
      const org = orgs.get(r.org_id) ?? { orgId: r.org_id, sessions: 0, attendees: 0, trainings: [] };
      orgs.set(r.org_id, org);
      org.sessions += 1;
      org.attendees += Number(r.attendees);
      org.trainings.push({ sessionId: r.id, heldOn: r.held_on, topic: r.topic, count: Number(r.attendees) });
    }
    return { sessions: [...sessions.values()], byOrganization: [...orgs.values()].sort((a, b) => a.orgId.localeCompare(b.orgId)) };
  },
});

export const recordTrainingSession = defineRoute({
  method: 'post',
  path: '/api/training-sessions',
  summary:
    "Records a training session the caller's organisation held: date (not after today), topic, place, hours, attendees by organisation (each once, each an organisation in the register)",
  tag: 'Registries',
  body: trainingSessionSchema,
  status: 201,
  response: z.object({ id: z.string(), organiserOrg: z.string() }),
  async handler({ body, user, deps }) {
    if (body.heldOn > chinaToday()) throw refused('HELD_AFTER_TODAY', { heldOn: body.heldOn, today: chinaToday() }, 'body.heldOn');
    const known = await registeredOrgIds(
      deps.db,
      body.attendees.map((a) => a.orgId),
    );
    const unknown = body.attendees.flatMap((a, i) =>
      known.includes(a.orgId) ? [] : [refusal('ATTENDEE_NOT_REGISTERED', { orgId: a.orgId }, `body.attendees.${i}.orgId`)],
    );
    // Every attendee not in the register at once, each on its field.
    if (unknown.length) throw refusedAll(unknown);
    const id = `training-${body.heldOn}-${randomBytes(3).toString('hex')}`;
    await recordSession(deps.db, {
      id,
      heldOn: body.heldOn,
      topic: body.topic,
      place: body.place ?? null,
      hours: body.hours,
      organiserOrg: user.orgId,
      recordedBy: { userId: user.id, orgId: user.orgId },
      attendees: body.attendees,
    });
    return { id, organiserOrg: user.orgId };
  },
});
