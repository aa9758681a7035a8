import { z } from 'zod';
import { PROCESS_TYPES } from '../domain/names';
import { searchAttributes } from '../domain/search-attributes';
import { earlierStageNames, typesThatRenamed } from '../domain/stage-names';
import { allOverdueProcessIds, orgCounty, overdueProcessIds, processIdsMatching, taskedProcessIds } from '../store/process-search';
import { readsEveryProcess } from './access';
import type { User } from './auth';
import type { ApiDeps } from './route';

/**
 * Finding processes. What the engine knows at every step is searched in its visibility store (type,
 * status, stage, zone, entity, awaited organisations, start time); what only the records know (open
 * tasks past due, words in the timeline, the zone's name) narrows the search to the processes found
 * there. A caller who does not read every process sees only those its organisation takes part in.
 */
export const EXECUTION_STATUS = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELLED: 'Canceled',
  TERMINATED: 'Terminated',
  TIMED_OUT: 'TimedOut',
} as const;

/** A calendar day (the day in China): one that exists, so that its midnight is an instant. */
const isoDay = z.string().refine((day) => {
  const midnight = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(day);
}, 'a date that exists, YYYY-MM-DD');
const keyword = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, dots, dashes or underscores');

export const searchQuerySchema = z.object({
  type: z.enum(PROCESS_TYPES).optional(),
  status: z.enum(Object.keys(EXECUTION_STATUS) as [keyof typeof EXECUTION_STATUS]).optional(),
  stage: keyword.optional(),
  zone: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit division code')
    .optional(),
  /** An organisation a process now awaits (it has an open task). */
  org: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  entity: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'a unified social credit code (18 characters)')
    .optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  startedFrom: isoDay.optional(),
  startedTo: isoDay.optional(),
  /** Words in the process id, its timeline, its zone's name or its documents' 文号 and titles. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;

// Letters of any script: a penalty's id is its decision number, e.g. 营盖市监罚〔2026〕12号.
const SAFE_ID = /^[\p{L}\p{N}_.:〔〕（）()[\]-]{1,200}$/u;

/** Midnight in China (UTC+8, no daylight saving) of a day, as an instant. */
const chinaMidnight = (day: string, plusDays = 0) => new Date(Date.parse(`${day}T00:00:00+08:00`) + plusDays * 86_400_000).toISOString();

const safe = (ids: string[]) => ids.filter((id) => SAFE_ID.test(id));
const quoted = (ids: string[]) =>
  safe(ids)
    .map((id) => `'${id}'`)
    .join(', ');

/** The engine's query for a search, or null when the records already say nothing can match. */
export async function visibilityQuery(deps: Pick<ApiDeps, 'db'>, user: User, query: SearchQuery): Promise<string | null> {
  const sa = searchAttributes;
  const clauses = [`${sa.processType.name} IS NOT NULL`];
  if (query.type) clauses.push(`${sa.processType.name} = '${query.type}'`);
  // A run that continued as new is not a process of its own: its chain's latest run stands for it.
  clauses.push(query.status ? `ExecutionStatus = '${EXECUTION_STATUS[query.status]}'` : `ExecutionStatus != 'ContinuedAsNew'`);
  if (query.stage) clauses.push(stageClause(query.stage));
  if (query.zone) clauses.push(`${sa.zoneCode.name} = '${query.zone}'`);
  if (query.org) clauses.push(`${sa.awaitingOrgs.name} = '${query.org}'`);
  if (query.entity) clauses.push(`${sa.entityUscc.name} = '${query.entity}'`);
  if (query.startedFrom) clauses.push(`StartTime >= '${chinaMidnight(query.startedFrom)}'`);
  if (query.startedTo) clauses.push(`StartTime < '${chinaMidnight(query.startedTo, 1)}'`);

  for (const ids of await recordMatches(deps, query)) {
    if (!safe(ids).length) return null;
    clauses.push(`WorkflowId IN (${quoted(ids)})`);
  }
  if (!readsEveryProcess(user)) {
    const scope = await readerScope(deps, user);
    if (!scope) return null;
    clauses.push(scope);
  }
  return clauses.join(' AND ');
}

/**
 * A stage by its name now. A process that has not moved since its stage was renamed still says the
 * earlier name in the engine (domain/stage-names.ts): it is found by either; and where a type's
 * earlier name is another type's name now, that type's processes saying it are not in this stage.
 */
export function stageClause(stage: string): string {
  const sa = searchAttributes;
  const earlier = earlierStageNames(stage).map(
    ({ processType, earlier }) => `(${sa.processType.name} = '${processType}' AND ${sa.stage.name} = '${earlier}')`,
  );
  const renamedAway = typesThatRenamed(stage).map((processType) => ` AND ${sa.processType.name} != '${processType}'`);
  const now = `(${sa.stage.name} = '${stage}'${renamedAway.join('')})`;
  return earlier.length ? `(${[now, ...earlier].join(' OR ')})` : now;
}

/** Id sets from the records store, one per criterion only the records can answer. */
async function recordMatches(deps: Pick<ApiDeps, 'db'>, query: SearchQuery): Promise<string[][]> {
  const sets: string[][] = [];
  if (query.overdue !== undefined) {
    const overdue = await overdueProcessIds(deps.db);
    if (query.overdue) sets.push(overdue);
    // Not overdue: the engine cannot say "not in", so it is answered after the search (see `excluded`).
  }
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    sets.push(await processIdsMatching(deps.db, pattern));
  }
  return sets;
}

/** Processes a search for `overdue=false` leaves out, once the engine has answered. */
export async function excluded(deps: Pick<ApiDeps, 'db'>, query: SearchQuery): Promise<Set<string>> {
  if (query.overdue !== false) return new Set();
  return new Set(await allOverdueProcessIds(deps.db));
}

/** The processes of the caller's county, and those it has or had a task in (api/access.ts `takesPart`). */
async function readerScope(deps: Pick<ApiDeps, 'db'>, user: User): Promise<string | null> {
  const county = await orgCounty(deps.db, user.orgId);
  const tasked = await taskedProcessIds(deps.db, user.orgId);
  const parts = [
    ...(county ? [`${searchAttributes.zoneCode.name} = '${county}'`] : []),
    ...(safe(tasked).length ? [`WorkflowId IN (${quoted(tasked)})`] : []),
  ];
  return parts.length ? `(${parts.join(' OR ')})` : null;
}
