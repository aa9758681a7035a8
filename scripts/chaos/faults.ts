/**
 * The faults, on a schedule that runs beside the processes: the worker killed with SIGKILL again
 * and again (a new one started each time, as an orchestrator would), the Temporal dev server
 * stopped and started once on the same data file, PostgreSQL down for ten seconds, and the outside
 * systems (the tax system, the credit platform, 互联网+监管, 政务服务网's status feed) answering 503 for a while.
 */
import type { Cluster } from '../lab/cluster';
import type { Platforms } from './platforms';

export interface FaultPlan {
  /** Worker kills, each `killEveryMs` after the previous worker began polling. */
  kills: number;
  killEveryMs: number;
  /** When the engine restarts and the database goes down, from the start of the run. */
  engineRestartAtMs: number;
  databaseDownAtMs: number;
  databaseDownForMs: number;
  /** When the outside platforms go down, from the start of the run, and for how long. */
  platformsDownAtMs: number;
  platformsDownForMs: number;
}

export interface FaultLog {
  kills: number;
  engineRestarts: number;
  databaseOutageMs: number;
  platformOutageMs: number;
  /** Worker starts refused while the database was down (the worker checks its migrations first). */
  refusedStarts: number;
  events: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runFaults(
  cluster: Cluster,
  platforms: Platforms,
  plan: FaultPlan,
  started: number,
  log: (line: string) => void,
  /** The processes all driven: the platforms stay down at least until then, so every message meets the outage. */
  driven: Promise<void>,
): Promise<FaultLog> {
  const faults: FaultLog = { kills: 0, engineRestarts: 0, databaseOutageMs: 0, platformOutageMs: 0, refusedStarts: 0, events: [] };
  const note = (what: string) => {
    const line = `${((Date.now() - started) / 1000).toFixed(1)} s: ${what}`;
    faults.events.push(line);
    log(line);
  };

  /** Starts a worker, again and again while the database refuses it. */
  async function replaceWorker(): Promise<void> {
    for (;;) {
      try {
        await cluster.startWorker();
        note('a new worker polls');
        return;
      } catch {
        faults.refusedStarts++;
        await sleep(1000);
      }
    }
  }

  const killing = (async () => {
    for (let i = 0; i < plan.kills; i++) {
      await sleep(plan.killEveryMs);
      const worker = cluster.workers[cluster.workers.length - 1];
      worker.signal('SIGKILL');
      await worker.exited;
      faults.kills++;
      note(`worker ${worker.pid} killed (SIGKILL ${faults.kills})`);
      await replaceWorker();
    }
  })();

  const restarting = (async () => {
    await sleep(plan.engineRestartAtMs);
    note('engine stopping');
    await cluster.restartEngine();
    faults.engineRestarts++;
    note('engine started again on the same data file');
  })();

  const outage = (async () => {
    await sleep(plan.databaseDownAtMs);
    cluster.postgres.down();
    const down = Date.now();
    note('database down: connections refused');
    await sleep(plan.databaseDownForMs);
    cluster.postgres.up();
    faults.databaseOutageMs = Date.now() - down;
    note(`database up after ${faults.databaseOutageMs} ms`);
  })();

  const platformOutage = (async () => {
    await sleep(plan.platformsDownAtMs);
    platforms.down();
    const down = Date.now();
    note('tax system, credit platform, 互联网+监管 and 政务服务网 down: every message answered 503');
    await Promise.all([sleep(plan.platformsDownForMs), driven]);
    platforms.up();
    faults.platformOutageMs = Date.now() - down;
    note(`platforms up after ${faults.platformOutageMs} ms`);
  })();

  await Promise.all([killing, restarting, outage, platformOutage]);
  return faults;
}
