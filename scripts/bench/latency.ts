/**
 * API latency under load, from autocannon in a process of its own (load.ts): the inbox
 * (`GET /api/tasks`) of an organisation with 10,000 open tasks, and task completion, each with 50
 * concurrent clients. The completions act on real processes (the memory benchmark's agreements,
 * each waiting for its draft). The inbox reads only the task ledger, so the rows beyond the real
 * ones are copies of a real row with ids of their own, due dates spread over a month and none.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from './context';
import type { LoadPlan, LoadResult } from './load';
import { agreementContent, termOf } from '../lab/flows';

export interface LatencyResult {
  openTasks: number;
  copies: number;
  connections: number;
  /** 50 clients, each sending again as soon as answered: what the API can serve, and at what latency. */
  inbox: LoadResult;
  /** The same clients at a steady rate in all. */
  inboxPaced: LoadResult & { rate: number };
  completion: LoadResult & { action: string };
  completionPaced: LoadResult & { action: string; rate: number };
}

/** Runs the load tool (load.ts) in a process of its own with `plan`; its summary line. */
export async function runLoad(ctx: BenchContext, name: string, plan: LoadPlan): Promise<LoadResult> {
  const file = join(ctx.cluster.dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(plan));
  const child = ctx.cluster.spawn('scripts/bench/load.ts', { LOAD_PLAN: file });
  const code = await child.exited;
  const summary = child.lines.find((line) => 'p99' in line);
  if (code !== 0 || !summary) throw new Error(`the load tool failed (${code}):\n${child.output().slice(-2000)}`);
  return summary as unknown as LoadResult;
}

/** Fills the organisation's inbox up to `open` tasks with copies of one of its real open tasks. */
async function fillInbox(ctx: BenchContext, orgId: string, open: number): Promise<number> {
  const [{ count }] = await ctx.cluster.db.query<{ count: string }>(`SELECT count(*) FROM tasks WHERE org_id = $1 AND status = 'open'`, [
    orgId,
  ]);
  const copies = Math.max(0, open - Number(count));
  await ctx.cluster.db.query(
    `INSERT INTO tasks (id, process_id, process_type, action, org_id, role, title_zh, title_en, due_at, status, context, opened_at)
     SELECT 'copy-' || g || '.' || t.id, 'copy-' || g || '.' || t.process_id, t.process_type, t.action, t.org_id, t.role,
       t.title_zh, t.title_en,
       CASE WHEN g % 3 = 0 THEN NULL ELSE now() + (g % 30) * interval '1 day' END,
       'open', t.context, now() - (g % 365) * interval '1 day'
     FROM (SELECT * FROM tasks WHERE org_id = $1 AND status = 'open' LIMIT 1) t, generate_series(1, $2) g`,
    [orgId, copies],
  );
  return copies;
}

export interface LatencyOptions {
  openTasks: number;
  connections: number;
  seconds: number;
  inboxRate: number;
  completionRate: number;
  draftTaskIds: string[];
}

export async function measureLatency(ctx: BenchContext, options: LatencyOptions): Promise<LatencyResult> {
  const { api } = ctx.cluster;
  const copies = await fillInbox(ctx, 'ftz', options.openTasks);
  const headers = { authorization: `Bearer ${await api.token('ftz.staff')}` };
  const inboxPlan: LoadPlan = {
    connections: options.connections,
    headers,
    url: `${api.baseUrl}/api/tasks`,
    method: 'GET',
    duration: options.seconds,
  };
  ctx.log(`latency: inbox of ${options.openTasks} open tasks, ${options.connections} clients in a closed loop for ${options.seconds} s…`);
  const inbox = await runLoad(ctx, 'inbox', inboxPlan);
  ctx.log(`latency: inbox at ${options.inboxRate} requests/s…`);
  const inboxPaced = { ...(await runLoad(ctx, 'inbox-paced', { ...inboxPlan, overallRate: options.inboxRate })), rate: options.inboxRate };

  // Each completion acts on a task of its own: the paced run takes the first ones, the closed loop the rest.
  const paths = options.draftTaskIds.map((id) => `/api/tasks/${id}/complete`);
  const pacedCount = Math.min(Math.round(options.completionRate * options.seconds), Math.floor(paths.length / 2));
  const completionPlan: LoadPlan = {
    connections: options.connections,
    headers: { ...headers, 'content-type': 'application/json' },
    url: api.baseUrl,
    method: 'POST',
    body: JSON.stringify(agreementContent([{ powerCode: 'XK-003' }], termOf(0))),
  };
  ctx.log(`latency: ${pacedCount} completions (draftAgreement) at ${options.completionRate}/s…`);
  const completionPaced = await runLoad(ctx, 'completion-paced', {
    ...completionPlan,
    paths: paths.slice(0, pacedCount),
    amount: pacedCount,
    overallRate: options.completionRate,
  });
  ctx.log(`latency: ${paths.length - pacedCount} completions, ${options.connections} clients in a closed loop…`);
  const completion = await runLoad(ctx, 'completion', {
    ...completionPlan,
    paths: paths.slice(pacedCount),
    amount: paths.length - pacedCount,
  });
  return {
    openTasks: options.openTasks,
    copies,
    connections: options.connections,
    inbox,
    inboxPaced,
    completion: { ...completion, action: 'draftAgreement' },
    completionPaced: { ...completionPaced, action: 'draftAgreement', rate: options.completionRate },
  };
}
