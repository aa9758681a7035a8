/**
 * The reconciliation: for every process, what its flow intended, what the workflow's own state says
 * (read through the API, which decodes it) and what the records store holds, compared write by write.
 */
import type { Api } from '../lab/api-client';
import type { Queryable } from '../../store/db';
import type { Expected } from './plan';
import { SENT_EVENTS } from './platforms';

export interface Intended {
  id: string;
  flow: string;
  expected: Expected;
  /** The expectation if the process's 划转 outlasted the retry policy (see Flow.undelivered). */
  undelivered?: Expected;
}

/**
 * Each process's expectation as its outcome fell: where a flow's end hangs on the tax system's
 * outage, what became of its 划转 in the outbox decides — FAILED, the tax office's task; otherwise
 * taken by the system (a message still on its backoff is the platforms' reconciliation's problem).
 */
export async function settleExpectations(db: Queryable, intended: Intended[]): Promise<Intended[]> {
  const hanging = intended.filter((p) => p.undelivered).map((p) => p.id);
  const failed = new Set(
    (
      await db.query<{ process_id: string }>(
        `SELECT process_id FROM outbox WHERE process_id = ANY($1) AND channel = 'tax' AND status = 'FAILED'`,
        [hanging],
      )
    ).map((row) => row.process_id),
  );
  return intended.map((p) => (p.undelivered && failed.has(p.id) ? { ...p, expected: p.undelivered } : p));
}

interface Row {
  id: string;
  events: string[];
  steps: string;
  tasks: string;
  open_tasks: string[];
  zones: string;
  zone_status: string | null;
  memoranda: string;
  agreements: string;
  agreement_status: string | null;
  versions: string;
  entities: string;
  entity_status: string | null;
  penalties: string;
  penalty_status: string | null;
}

export interface Counts {
  processes: number;
  finished: number;
  waiting: number;
  intended: number;
  found: number;
  lost: number;
  duplicated: number;
  /** Processes the engine knows that no flow launched (a launch acted twice). */
  unplanned: number;
  problems: string[];
}

/** One query for every process: its timeline, steps, tasks and registry rows. */
export async function recordsOf(db: Queryable, ids: string[]): Promise<Map<string, Row>> {
  const rows = await db.query<Row>(
    `SELECT p.id,
       (SELECT coalesce(array_agg(kind ORDER BY seq), '{}') FROM process_events WHERE process_id = p.id) AS events,
       (SELECT count(*) FROM step_results WHERE split_part(key, ':', 1) = p.id) AS steps,
       (SELECT count(*) FROM tasks WHERE process_id = p.id) AS tasks,
       (SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM tasks WHERE process_id = p.id AND status = 'open') AS open_tasks,
       (SELECT count(*) FROM zones WHERE process_id = p.id) AS zones,
       (SELECT min(status) FROM zones WHERE process_id = p.id) AS zone_status,
       (SELECT count(*) FROM memoranda WHERE process_id = p.id) AS memoranda,
       (SELECT count(*) FROM agreements WHERE process_id = p.id) AS agreements,
       (SELECT min(status) FROM agreements WHERE process_id = p.id) AS agreement_status,
       (SELECT count(*) FROM agreement_versions WHERE agreement_id = p.id) AS versions,
       (SELECT count(*) FROM entities e WHERE e.process_id = p.id)
         + (SELECT count(*) FROM tax_registrations t JOIN entities e USING (uscc) WHERE e.process_id = p.id) AS entities,
       (SELECT min(status) FROM entities WHERE process_id = p.id) AS entity_status,
       (SELECT count(*) FROM penalties WHERE process_id = p.id)
         + (SELECT count(*) FROM penalty_reviews r JOIN penalties x USING (decision_number) WHERE x.process_id = p.id)
         + (SELECT count(*) FROM credit_records WHERE source_process_id = p.id) AS penalties,
       (SELECT min(status) FROM penalties WHERE process_id = p.id) AS penalty_status
     FROM unnest($1::text[]) AS p(id)`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** Multiset difference: how many of `a`'s items `b` lacks. */
function missing(a: string[], b: string[]): number {
  const left = [...b];
  let count = 0;
  for (const item of a) {
    const at = left.indexOf(item);
    if (at < 0) count++;
    else left.splice(at, 1);
  }
  return count;
}

interface ProcessView {
  status: string;
  stage: string;
  openTasks: { id: string; action: string; orgId: string }[];
  data: {
    memoranda?: unknown[];
    zone?: { status: string };
    versions?: unknown[];
    record?: { status: string };
    entity?: { status: string };
  };
}

export async function reconcile(api: Api, db: Queryable, intended: Intended[], unplanned: number): Promise<Counts> {
  const auditor = await api.as('audit.auditor');
  const records = await recordsOf(
    db,
    intended.map((p) => p.id),
  );
  const counts: Counts = {
    processes: intended.length,
    finished: 0,
    waiting: 0,
    intended: 0,
    found: 0,
    lost: 0,
    duplicated: 0,
    unplanned,
    problems: [],
  };
  for (const { id, flow, expected } of intended) {
    const row = records.get(id)!;
    const problem = (what: string) => counts.problems.push(`${id} (${flow}): ${what}`);
    const answer = await auditor.get<ProcessView>(`/api/processes/${id}`);
    if (answer.status !== 200) {
      problem(`the API answered ${answer.status} for its state`);
      continue;
    }
    const view = answer.body;
    if (view.status === 'COMPLETED') counts.finished++;
    else if (view.status === 'RUNNING') counts.waiting++;

    // The workflow is where its flow left it, waiting at the right human step.
    if (view.status !== expected.status || view.stage !== expected.stage) {
      problem(`${view.status} at ${view.stage}, not ${expected.status} at ${expected.stage}`);
    }
    const waitingFor = view.openTasks.map((t) => `${t.action}@${t.orgId}`).sort();
    if (JSON.stringify(waitingFor) !== JSON.stringify([...expected.openTasks].sort()))
      problem(`waits for ${waitingFor.join(', ') || 'nothing'}`);

    // The records agree with the workflow's state…
    if (JSON.stringify(view.openTasks.map((t) => t.id).sort()) !== JSON.stringify([...row.open_tasks].sort())) {
      problem(`open tasks: workflow ${view.openTasks.map((t) => t.id).join(', ')}; ledger ${row.open_tasks.join(', ')}`);
    }
    const versions = view.data.memoranda?.length ?? view.data.versions?.length ?? 0;
    const recordVersions = Number(row.memoranda) + Number(row.versions);
    if (versions !== recordVersions) problem(`${versions} versions in the workflow, ${recordVersions} in the records`);
    const status = view.data.zone?.status ?? view.data.record?.status ?? view.data.entity?.status;
    const recordStatus = row.zone_status ?? row.agreement_status ?? row.entity_status ?? row.penalty_status ?? undefined;
    if (status !== recordStatus || status !== expected.recordStatus)
      problem(`registry status: workflow ${status}, records ${recordStatus}, intended ${expected.recordStatus}`);

    // …and hold each intended write once: nothing lost, nothing twice.
    const wrote = {
      // A message decided for a platform is reconciled with the platform (platforms.ts), not here.
      events: row.events.filter((kind) => !(kind in SENT_EVENTS)),
      steps: Number(row.steps),
      tasks: Number(row.tasks),
      records: [row.zones, row.memoranda, row.agreements, row.versions, row.entities, row.penalties].reduce((sum, n) => sum + Number(n), 0),
    };
    const meant = {
      events: expected.events,
      steps: expected.steps,
      tasks: expected.tasks,
      records: Object.values(expected.records).reduce((sum, n) => sum + n, 0),
    };
    const lost =
      missing(meant.events, wrote.events) +
      Math.max(0, meant.steps - wrote.steps) +
      Math.max(0, meant.tasks - wrote.tasks) +
      Math.max(0, meant.records - wrote.records);
    const duplicated =
      missing(wrote.events, meant.events) +
      Math.max(0, wrote.steps - meant.steps) +
      Math.max(0, wrote.tasks - meant.tasks) +
      Math.max(0, wrote.records - meant.records);
    counts.intended += meant.events.length + meant.steps + meant.tasks + meant.records;
    counts.found += wrote.events.length + wrote.steps + wrote.tasks + wrote.records;
    counts.lost += lost;
    counts.duplicated += duplicated;
    if (lost || duplicated)
      problem(
        `${lost} writes lost, ${duplicated} duplicated: events ${wrote.events.join(',')}; steps ${wrote.steps}; tasks ${wrote.tasks}; records ${wrote.records}`,
      );
    else if (JSON.stringify(wrote.events) !== JSON.stringify(meant.events)) problem(`events out of order: ${wrote.events.join(',')}`);
  }
  return counts;
}
