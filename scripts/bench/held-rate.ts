/**
 * The latency target as a rate: the completion rate the product holds with p99 under 250 ms,
 * beside the update rate the bare engine holds under the same p99. Each side is paced at rising rates,
 * a step of `seconds` each on workflows waiting for that step (agreements at their draft; bare
 * workflows at an update of the draft's shape), until a step's p99 passes 250 ms or a request fails:
 * the rate held is the last step's before it.
 */
import { randomBytes } from 'node:crypto';
import { BARE_TASK_QUEUE } from './bare/activities';
import { stepUpdate, type BareShape } from './bare/workflow';
import type { BenchContext } from './context';
import { runLoad } from './latency';
import type { LoadResult } from './load';
import { percentile, round } from './stats';
import { agreementContent, inParallel, launchToDraft, termOf } from '../lab/flows';

export const HELD_P99_MS = 250;
const RATES = [5, 10, 15, 20, 25, 30, 40, 60];

export interface HeldStep {
  rate: number;
  p99: number;
  failed: number;
}
export interface HeldRate {
  seconds: number;
  ours: Ladder;
  bare: Ladder;
}
/** The rate held; `atTop` when the last rate tried held too, so the side holds at least that. */
export interface Ladder {
  held: number;
  atTop: boolean;
  steps: HeldStep[];
}

/**
 * A draft's step as an agreement's history has it (scripts/bench/bare/shape.ts reads it so): the
 * records check and the step's write, one search-attribute upsert. The launch before it: one activity.
 */
const DRAFT_SHAPE: BareShape = { start: { activities: 1, timers: 0 }, updates: [{ activities: 2, timers: 0, upserts: 1 }] };

async function ladder(step: (rate: number) => Promise<HeldStep>): Promise<Ladder> {
  const steps: HeldStep[] = [];
  for (const rate of RATES) {
    const result = await step(rate);
    steps.push(result);
    if (result.p99 >= HELD_P99_MS || result.failed) break;
  }
  const holds = (s: HeldStep) => s.p99 < HELD_P99_MS && !s.failed;
  const held = steps.filter(holds).at(-1)?.rate ?? 0;
  return { held, atTop: steps.length === RATES.length && holds(steps.at(-1)!), steps };
}

/** Agreements launched to wait at their draft: the tasks one step completes. */
async function draftTasks(ctx: BenchContext, count: number): Promise<string[]> {
  const ids: string[] = [];
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    25,
    async () => {
      ids.push(await launchToDraft(ctx.cluster.api, ctx.zone));
    },
  );
  return ids;
}

async function oursAt(ctx: BenchContext, rate: number, seconds: number): Promise<HeldStep> {
  const ids = await draftTasks(ctx, rate * seconds);
  const result: LoadResult = await runLoad(ctx, `held-${rate}`, {
    url: ctx.cluster.api.baseUrl,
    connections: 50,
    headers: { authorization: `Bearer ${await ctx.cluster.api.token('ftz.staff')}`, 'content-type': 'application/json' },
    method: 'POST',
    body: JSON.stringify(agreementContent([{ powerCode: 'XK-003' }], termOf(0))),
    paths: ids.map((id) => `/api/tasks/${id}/complete`),
    amount: ids.length,
    overallRate: rate,
  });
  const failed = Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((n, [, count]) => n + count, result.errors);
  return { rate, p99: result.p99, failed };
}

async function bareAt(ctx: BenchContext, rate: number, seconds: number): Promise<HeldStep> {
  const count = rate * seconds;
  const handles = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      ctx.client.workflow.start('bareWorkflow', {
        taskQueue: BARE_TASK_QUEUE,
        workflowId: `bench-held-${rate}-${i}-${randomBytes(3).toString('hex')}`,
        args: [DRAFT_SHAPE],
      }),
    ),
  );
  // Each has run its start and waits for its update in the worker's cache, as an agreement at its draft.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const latencies: number[] = [];
  let failed = 0;
  // Open loop, as the load tool paces ours: the i-th update is sent at i / rate seconds, answered or not.
  await Promise.all(
    handles.map(
      (handle, i) =>
        new Promise<void>((done) =>
          setTimeout(
            async () => {
              const sent = performance.now();
              try {
                await handle.executeUpdate(stepUpdate, { args: [0] });
                latencies.push(performance.now() - sent);
              } catch {
                failed++;
              }
              done();
            },
            (i * 1000) / rate,
          ),
        ),
    ),
  );
  return { rate, p99: round(percentile(latencies, 99)), failed };
}

export async function measureHeldRate(ctx: BenchContext, seconds: number): Promise<HeldRate> {
  ctx.log(`held rate: bare updates at rising rates, ${seconds} s a step, until p99 passes ${HELD_P99_MS} ms…`);
  const bare = await ladder((rate) => bareAt(ctx, rate, seconds));
  ctx.log(`held rate: completions (draftAgreement) at rising rates…`);
  const ours = await ladder((rate) => oursAt(ctx, rate, seconds));
  return { seconds, ours, bare };
}
