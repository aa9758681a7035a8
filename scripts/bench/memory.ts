/**
 * Worker memory with many long-lived workflows cached: M delegation agreements launched and left
 * waiting for their draft (a workflow that lives for years waits like this), then the worker
 * process's resident set read from /proc, with the SDK's own count of cached workflows beside it.
 */
import { readFileSync } from 'node:fs';
import { commandOfScript, startEntry, type Child } from '../../test/support/child-process';
import { BARE_TASK_QUEUE } from './bare/activities';
import type { BareShape } from './bare/workflow';
import type { BenchContext } from './context';
import { inParallel, launchToDraft } from '../lab/flows';
import { round } from './stats';

export interface MemoryResult {
  workflows: number;
  cached: number;
  rssMiB: number;
  peakMiB: number;
  baselineMiB: number;
  launchRate: number;
  /** The bare worker (scripts/bench/bare) with as many bare workflows waiting: the SDK's own cost. */
  bare: { rssMiB: number; baselineMiB: number };
  /** A worker polling a queue of its own before any workflow: from source through tsx, and compiled. */
  idle: { tsxMiB: number; compiledMiB: number };
}

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: round(kib('VmRSS') / 1024), peak: round(kib('VmHWM') / 1024) };
}

async function cachedWorkflows(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  return Number(/^temporal_sticky_cache_size\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
}

/** As many bare workflows, each waiting for an update that does not come. */
async function bareMemory(ctx: BenchContext, bareWorker: Child, count: number, concurrency: number): Promise<MemoryResult['bare']> {
  const baseline = memoryOf(bareWorker.pid);
  const shape: BareShape = { start: { activities: 1, timers: 1 }, updates: [{ activities: 1, timers: 0 }] };
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const handle = await ctx.client.workflow.start('bareWorkflow', {
        taskQueue: BARE_TASK_QUEUE,
        workflowId: `bench-memory-${i}-${Date.now()}`,
        args: [shape],
      });
      // Its first activity done: the workflow has run on the worker and waits in its cache.
      while ((await handle.describe()).historyLength < 10) await new Promise((resolve) => setTimeout(resolve, 50));
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return { rssMiB: memoryOf(bareWorker.pid).rss, baselineMiB: baseline.rss };
}

/**
 * A worker's own footprint, before any workflow: `npm run worker` (tsx compiles the source as it loads)
 * beside the image's `node dist/server/worker/main.js`, same flags, each on an idle task queue.
 */
async function idleWorkerMemory(ctx: BenchContext): Promise<MemoryResult['idle']> {
  const build = startEntry('scripts/build.ts', {}, [], ['--server']);
  if ((await build.exited) !== 0) throw new Error(`npm run build failed:\n${build.output()}`);
  const { nodeFlags, entry } = commandOfScript('worker');
  const rssOf = async (file: string, queue: string) => {
    const worker = ctx.cluster.spawn(
      file,
      { ...ctx.cluster.env, TASK_QUEUE: queue, LOG_LEVEL: 'info', WORKER_METRICS_PORT: '0' },
      nodeFlags,
    );
    await worker.waitFor((line) => line.msg === 'worker polling', `a worker polling ${queue}`, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const { rss } = memoryOf(worker.pid);
    worker.signal('SIGTERM');
    await worker.exited;
    return rss;
  };
  return {
    tsxMiB: await rssOf(entry, 'bench-idle-tsx'),
    compiledMiB: await rssOf(`dist/server/${entry.replace(/\.ts$/, '.js')}`, 'bench-idle-compiled'),
  };
}

/** Launches `count` agreements and returns their draft task ids once every one is open. */
export async function measureMemory(
  ctx: BenchContext,
  count: number,
  concurrency: number,
  metricsUrl: string,
  bareWorker: Child,
): Promise<MemoryResult & { taskIds: string[] }> {
  const worker = ctx.cluster.workers[0];
  const baseline = memoryOf(worker.pid);
  ctx.log(`memory: launching ${count} agreements to wait at their draft…`);
  const taskIds: string[] = [];
  const started = performance.now();
  await inParallel(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async () => {
      taskIds.push(await launchToDraft(ctx.cluster.api, ctx.zone));
    },
  );
  const launchRate = count / ((performance.now() - started) / 1000);
  // Let the worker settle (collections after the burst) before reading it.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const now = memoryOf(worker.pid);
  ctx.log(`memory: ${count} bare workflows waiting…`);
  const bare = await bareMemory(ctx, bareWorker, count, concurrency);
  ctx.log('memory: idle workers, from source and compiled…');
  const idle = await idleWorkerMemory(ctx);
  return {
    bare,
    idle,
    workflows: count,
    cached: await cachedWorkflows(metricsUrl),
    rssMiB: now.rss,
    peakMiB: now.peak,
    baselineMiB: baseline.rss,
    launchRate: round(launchRate, 1),
    taskIds,
  };
}
