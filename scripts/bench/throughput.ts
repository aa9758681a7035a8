/**
 * Throughput against the engine's own ceiling: N delegation agreements driven through the API
 * through every update to their end (draft, two signatures, announcement, early termination), and
 * N bare workflows of the same shape driven by the Temporal client. Agreements, not zone
 * establishments: their ids are unique, so N is not bounded by Yingkou's county codes, and one
 * ACTIVE zone hosts them all, each with a one-day term of its own so that none overlaps another.
 */
import { randomBytes } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { BARE_TASK_QUEUE } from './bare/activities';
import { shapeOf, totals, withoutUpserts } from './bare/shape';
import type { BareShape } from './bare/workflow';
import type { BenchContext } from './context';
import { describeRun } from './describe-run';
import { cpuPerWorkflow, cpuSnapshot, type CpuParts } from './cpu';
import { round } from './stats';
import { actNext, agreementContent, inParallel, launchOpened, processAction, termOf, today } from '../lab/flows';

const ITEMS = [{ powerCode: 'XK-001' }, { powerCode: 'XK-002' }, { powerCode: 'JC-002' }];

export interface ThroughputResult {
  n: number;
  concurrency: number;
  shape: ReturnType<typeof totals> & { events: number };
  bareSeconds: number;
  oursSeconds: number;
  bareRate: number;
  oursRate: number;
  ratio: number;
  /** Bare workflows that also upsert search attributes as ours do. */
  bareUpsertsRate: number;
  ratioToBareUpserts: number;
  /** Milliseconds of CPU per workflow, per process, in the bare run, in ours and in the bare run with our upserts. */
  cpu: { bare: CpuParts; ours: CpuParts; bareUpserts?: CpuParts };
}

/** One agreement from launch to its end; `n` picks its term. */
async function driveAgreement(ctx: BenchContext, n: number): Promise<string> {
  const { api } = ctx.cluster;
  const gov = `gov-${ctx.zone}.leader`;
  const launched = await launchOpened(api, 'ftz.admin', 'delegation-agreement', { zoneCode: ctx.zone });
  const id = launched.id;
  let state = await actNext(api, launched.state, 'ftz.staff', id, 'draftAgreement', agreementContent(ITEMS, termOf(n)));
  state = await actNext(api, state, gov, id, 'reviewAgreement', { decision: 'sign' });
  state = await actNext(api, state, 'ftz.leader', id, 'reviewAgreement', { decision: 'sign' });
  await actNext(api, state, 'ftz.staff', id, 'announceAgreement', { announcementRef: `营自贸委〔2026〕${n}号`, announcedOn: today() });
  await processAction(api, 'ftz.admin', id, 'terminateAgreement', { reason: '基准测试结束' });
  return id;
}

async function driveBare(ctx: BenchContext, shape: BareShape, n: number): Promise<string> {
  const handle = await ctx.client.workflow.start('bareWorkflow', {
    taskQueue: BARE_TASK_QUEUE,
    workflowId: `bench-bare-${n}-${randomBytes(3).toString('hex')}`,
    args: [shape],
  });
  for (let i = 0; i < shape.updates.length; i++) await handle.executeUpdate('step', { args: [i] });
  return handle.workflowId;
}

/**
 * Seconds to drive `n` processes, `concurrency` at a time, each until its last update returned;
 * then every one must be found completed (its end follows the last update at once: not timed, for
 * either kind, and read with `describe`, which needs no payload codec).
 */
async function rate(
  ctx: BenchContext,
  n: number,
  concurrency: number,
  drive: (i: number) => Promise<string>,
): Promise<{ seconds: number; cpu: CpuParts }> {
  const { cluster } = ctx;
  const processes = () =>
    cpuSnapshot(
      {
        engine: cluster.engine.pid,
        worker: cluster.workers[0].pid,
        api: cluster.apiProcess.pid,
        postgres: cluster.postgres.serverPid(),
        bareWorker: ctx.barePid,
      },
      ['postgres'],
    );
  const ids: string[] = [];
  const cpuBefore = processes();
  const started = performance.now();
  await inParallel(
    Array.from({ length: n }, (_, i) => i),
    concurrency,
    async (i) => {
      ids.push(await drive(i));
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuPerWorkflow(cpuBefore, processes(), n);
  await inParallel(ids, 10, async (id) => {
    for (;;) {
      const { status } = await describeRun(ctx.client, id);
      if (status === temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) return;
      if (status !== temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING)
        throw new Error(`${id} ended ${String(status)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  return { seconds, cpu };
}

export async function measureThroughput(ctx: BenchContext, n: number, concurrency: number): Promise<ThroughputResult> {
  // One of ours first: its history is the shape the bare workflow copies (and it warms both paths).
  const sample = await driveAgreement(ctx, n + concurrency + 1);
  const history = await ctx.client.workflow.getHandle(sample).fetchHistory();
  const measured = shapeOf(history.events ?? []);
  const upserting: BareShape = { start: measured.start, updates: measured.updates };
  const shape = withoutUpserts(upserting);
  ctx.log(`shape of one agreement: ${JSON.stringify({ ...totals(upserting), events: measured.events })}`);
  // Untimed warm-up of both paths (JIT, connections, caches), a batch each.
  await inParallel(
    Array.from({ length: concurrency }, (_, i) => i),
    concurrency,
    async (i) => {
      await Promise.all([driveBare(ctx, upserting, -1 - i), driveAgreement(ctx, n + 1 + i)]);
    },
  );

  // The bare run first: the engine's data file only grows, so ours runs on the larger one.
  ctx.log(`throughput: ${n} bare workflows, ${concurrency} at a time…`);
  const bare = await rate(ctx, n, concurrency, (i) => driveBare(ctx, shape, i + 1));
  ctx.log(`throughput: ${n} agreements through the API, ${concurrency} at a time…`);
  // Terms 1 to n (each of a batch has days of its own; the warm-up and the sample took later ones).
  const ours = await rate(ctx, n, concurrency, (i) => driveAgreement(ctx, i + 1));
  ctx.log(`throughput: ${n} bare workflows with our search-attribute upserts…`);
  const bareUpserts = await rate(ctx, n, concurrency, (i) => driveBare(ctx, upserting, n + i + 1));
  const bareUpsertsSeconds = bareUpserts.seconds;
  const [bareSeconds, oursSeconds] = [bare.seconds, ours.seconds];
  const bareRate = n / bareSeconds;
  const oursRate = n / oursSeconds;
  return {
    n,
    concurrency,
    shape: { ...totals(upserting), events: measured.events },
    bareUpsertsRate: round(n / bareUpsertsSeconds, 2),
    ratioToBareUpserts: round(oursSeconds === 0 ? 0 : bareUpsertsSeconds / oursSeconds, 2),
    bareSeconds: round(bareSeconds),
    oursSeconds: round(oursSeconds),
    bareRate: round(bareRate, 2),
    oursRate: round(oursRate, 2),
    ratio: round(oursRate / bareRate, 2),
    cpu: { bare: bare.cpu, ours: ours.cpu, bareUpserts: bareUpserts.cpu },
  };
}
