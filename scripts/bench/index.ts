/**
 * `npm run bench`: the figures of docs/BENCHMARKS.md, measured on this machine against the
 * scale-out layout it starts for the purpose (scripts/lab/cluster.ts: dev server on a SQLite file,
 * a throw-away PostgreSQL, one worker process, one API process) and tears down after, failure or not.
 *
 *   npm run bench                      every benchmark at full size; rewrites the figures in docs/BENCHMARKS.md
 *   npm run bench -- --small           every benchmark at a size of seconds; prints, writes nothing
 *   npm run bench -- --only throughput,latency      some of them (also: memory, audit, startup)
 *   npm run bench -- --pragma synchronous=NORMAL     an SQLite pragma of the engine's file to try
 *   npm run bench -- --small --memory 1000           one size changed (throughput, concurrency, memory, openTasks, events, repetitions)
 *   npm run bench -- --worker-env WORKER_CACHED_WORKFLOWS=100      a worker setting to try
 */
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startCluster, type Cluster } from '../lab/cluster';
import { establishZone } from '../lab/flows';
import { freePort } from '../../test/support/ports';
import { measureAudit } from './audit';
import { BARE_TASK_QUEUE } from './bare/activities';
import type { BenchContext } from './context';
import { measureHeldRate } from './held-rate';
import { measureLatency } from './latency';
import { measureMemory } from './memory';
import { busyProcesses, currentLoad, renderFigures, writeReport, type BenchResults } from './report';
import { abandonStartup, measureStartup } from './startup';
import { measureThroughput } from './throughput';

const args = process.argv.slice(2);
const small = args.includes('--small');
const valueOf = (flag: string) => args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));
const pragmas = Object.fromEntries(valueOf('--pragma').map((pair) => pair.split('=') as [string, string]));
const workerSettings = Object.fromEntries(
  valueOf('--worker-env').map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const only = valueOf('--only').flatMap((list) => list.split(','));
const wanted = (name: string) => !only.length || only.includes(name);
const overrides = Object.fromEntries(
  ['throughput', 'concurrency', 'memory', 'openTasks', 'events', 'repetitions'].flatMap((name) =>
    valueOf(`--${name}`).map((v) => [name, Number(v)]),
  ),
);

const size = small
  ? { throughput: 30, concurrency: 10, memory: 100, openTasks: 1000, loadSeconds: 5, heldSeconds: 3, events: 600, repetitions: 3 }
  : { throughput: 500, concurrency: 25, memory: 1000, openTasks: 10_000, loadSeconds: 20, heldSeconds: 10, events: 5000, repetitions: 10 };
Object.assign(size, overrides);

// A mistyped benchmark or size would otherwise run nothing, or NaN workflows, and print an empty table.
const BENCHMARKS = ['throughput', 'memory', 'latency', 'audit', 'startup'];
const wrong = [
  ...only.filter((name) => !BENCHMARKS.includes(name)).map((name) => `--only ${name}: not one of ${BENCHMARKS.join(', ')}`),
  ...Object.entries(overrides)
    .filter(([, n]) => !(Number.isInteger(n) && n > 0))
    .map(([name]) => `--${name}: a positive whole number`),
];
if (wrong.length) {
  console.error(wrong.join('\n'));
  process.exit(2);
}

const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const started = Date.now();
  const results: BenchResults = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    alongside: busyProcesses(),
    loadBefore: currentLoad(),
    pragmas,
  };
  // What else the cores carried: the load average's peak over the run.
  results.loadPeak = results.loadBefore;
  const sampler = setInterval(() => (results.loadPeak = Math.max(results.loadPeak!, currentLoad())), 10_000);
  if (wanted('startup')) {
    const interrupted = () => void abandonStartup().finally(() => process.exit(130));
    process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
    log('startup: npm start, cold then warm…');
    results.startup = await measureStartup();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    log(JSON.stringify(results.startup));
  }
  if (['throughput', 'memory', 'latency', 'audit'].some(wanted)) await onCluster(results);
  clearInterval(sampler);
  if (results.retried) log(`${results.retried} requests sent again after a 503`);
  results.loadAfter = currentLoad();
  results.seconds = Math.round((Date.now() - started) / 1000);
  const figures = renderFigures(results);
  console.log(`\n${figures}\n`);
  if (!small && !only.length) {
    writeReport(join(__dirname, '..', '..', 'docs', 'BENCHMARKS.md'), figures);
    log('figures written to docs/BENCHMARKS.md');
  }
}

async function onCluster(results: BenchResults): Promise<void> {
  let cluster: Cluster | undefined;
  let connection: Connection | undefined;
  const stop = async () => {
    await connection?.close().catch(() => undefined);
    await cluster?.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));
  try {
    const metricsPort = await freePort();
    const workerEnv = { WORKER_METRICS_PORT: String(metricsPort), ...workerSettings };
    // On a machine loaded by others an update may outwait the engine's answer (a 503): the driver
    // sends it again with its Idempotency-Key, as the API asks its clients to, and the run counts it.
    const retry = { forMs: 180_000, intervalMs: 250, onRetry: () => (results.retried = (results.retried ?? 0) + 1) };
    cluster = await startCluster({ log, sqlitePragmas: pragmas, workerEnv, retry });
    const bare = cluster.spawn('scripts/bench/bare/worker.ts', { TEMPORAL_ADDRESS: cluster.temporalAddress });
    await bare.waitFor((line) => line.msg === 'worker polling', `the bare worker on ${BARE_TASK_QUEUE}`, 300_000);
    // A run of a long process holds pages of history larger than gRPC's default 4 MB.
    connection = await Connection.connect({
      address: cluster.temporalAddress,
      channelArgs: { 'grpc.max_receive_message_length': 256 * 2 ** 20 },
    });
    const ctx: BenchContext = { cluster, client: new Client({ connection }), zone: '210881', barePid: bare.pid, log };
    log(`establishing zone ${ctx.zone}, which the agreements are with…`);
    await establishZone(cluster.api, ctx.zone);

    if (wanted('throughput')) {
      results.throughput = await measureThroughput(ctx, size.throughput, size.concurrency);
      log(JSON.stringify(results.throughput));
    }
    let draftTaskIds: string[] = [];
    if (wanted('memory') || wanted('latency')) {
      const { taskIds, ...memory } = await measureMemory(
        ctx,
        size.memory,
        size.concurrency,
        `http://127.0.0.1:${metricsPort}/metrics`,
        bare,
      );
      draftTaskIds = taskIds;
      if (wanted('memory')) results.memory = memory;
      log(JSON.stringify(memory));
    }
    if (wanted('latency')) {
      // Paced: 50 clients that each look at their inbox every quarter second, and a completion every 5 s.
      const rates = { inboxRate: 200, completionRate: 10 };
      results.latency = await measureLatency(ctx, {
        openTasks: size.openTasks,
        connections: 50,
        seconds: size.loadSeconds,
        ...rates,
        draftTaskIds,
      });
      log(JSON.stringify(results.latency));
      results.heldRate = await measureHeldRate(ctx, size.heldSeconds);
      log(JSON.stringify(results.heldRate));
    }
    if (wanted('audit')) {
      results.audit = await measureAudit(ctx, size.events, size.repetitions);
      log(JSON.stringify(results.audit));
    }
  } catch (error) {
    // Printed before the stop: a call still retrying on a closed connection may end the process first.
    console.error(error);
    throw error;
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
