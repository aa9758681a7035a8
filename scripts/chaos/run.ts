/**
 * One chaos run: the scale-out layout on this machine (scripts/lab/cluster.ts), host zones set up
 * first, then the mixed processes driven through the API by clients that retry what found the
 * engine or the database away (same Idempotency-Key), while the faults run beside them. Then the
 * failure tasks the outage left are resolved by sending again, and the reconciliation runs once every
 * process has come to rest.
 */
import { Client, Connection } from '@temporalio/client';
import { hashPassword } from '../../store/passwords';
import { startCluster } from '../lab/cluster';
import { act, addCounty, addUsers, establishZone, inParallel, spareCountyCodes } from '../lab/flows';
import { runFaults, type FaultLog, type FaultPlan } from './faults';
import { AGREEMENT_IN_FORCE, flows, REGISTERED_BY_SYSTEM, ZONE_ESTABLISHED, type DriveContext, type Flow } from './plan';
import { reconcile, settleExpectations, type Counts, type Intended } from './reconcile';
import { CHAOS_OUTBOX_RETRY, reconcileExchanges, resendFailedExchanges, startPlatforms, type ExchangeCounts } from './platforms';

export interface ChaosOptions {
  processes: number;
  /** Zones set up before the faults, which the agreements are with. */
  hostZones: number;
  concurrency: number;
  faults: FaultPlan;
  log?: (line: string) => void;
}

export interface ChaosReport {
  counts: Counts;
  exchanges: ExchangeCounts;
  faults: FaultLog;
  retries: number;
  seconds: number;
  byFlow: Record<string, number>;
}

const REAL_COUNTIES = ['210881', '210804', '210802', '210803', '210811', '210882'];

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  let retries = 0;
  const platforms = await startPlatforms();
  const cluster = await startCluster({
    log,
    workerEnv: platforms.env,
    apiEnv: platforms.env,
    // A client that retries for as long as a fault and its aftermath may last (a task lost with a
    // killed worker waits out its start-to-close timeout), then gives up: a run stops by itself.
    retry: { forMs: 180_000, intervalMs: 500, onRetry: () => retries++ },
  });
  const connection = await Connection.connect({ address: cluster.temporalAddress });
  try {
    const started = Date.now();
    const { api, db } = cluster;
    platforms.apiListening(api.baseUrl);
    await db.query(`UPDATE policies SET value = $1 WHERE key = 'outbox.retry'`, [JSON.stringify(CHAOS_OUTBOX_RETRY)]);
    const ctx: DriveContext = { submit: (request) => platforms.submit(request, 180_000, () => retries++) };
    const intend = (id: string, flow: Flow, code: string): Intended => ({
      id,
      flow: flow.name,
      expected: flow.expected(code),
      ...(flow.undelivered ? { undelivered: flow.undelivered(code) } : {}),
    });
    const zoneFlows = flows.filter((f) => f.kind === 'zone');
    // Agreements and registrations alike run in the host zones.
    const hostedFlows = flows.filter((f) => f.kind !== 'zone');
    const counties = [...REAL_COUNTIES, ...spareCountyCodes()];
    const hosts = counties.slice(0, options.hostZones);
    // A third of the processes are zone establishments (a county each), the rest agreements and registrations.
    const zoneCount = Math.min(Math.round(options.processes / 3), counties.length - hosts.length);
    const runs: { flow: Flow; code: string; n: number }[] = [];
    for (let i = 0; i < options.processes; i++) {
      runs.push(
        i < zoneCount
          ? { flow: zoneFlows[i % zoneFlows.length], code: counties[hosts.length + i], n: 0 }
          : { flow: hostedFlows[i % hostedFlows.length], code: hosts[i % hosts.length], n: i },
      );
    }
    const passwordHash = await hashPassword('demo');
    for (const run of runs) if (!REAL_COUNTIES.includes(run.code)) await addCounty(db, run.code, passwordHash);
    log(`setting up ${hosts.length} host zones…`);
    const intended: Intended[] = [];
    for (const host of hosts) {
      intended.push(intend(await establishZone(api, host), ZONE_ESTABLISHED, host));
      await addUsers(db, `zone-${host}`, passwordHash);
      for (const setup of [AGREEMENT_IN_FORCE, REGISTERED_BY_SYSTEM]) {
        intended.push(intend(await setup.drive(api, host, Number(host), ctx), setup, host));
      }
    }
    // The hosts' companies' 划转 taken by the tax system before it goes down: the run's one certain 'by the system'.
    for (const until = Date.now() + 120_000; ;) {
      const [{ n }] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE channel = 'tax' AND status <> 'SENT'`);
      if (n === '0') break;
      if (Date.now() > until) throw new Error(`${n} 划转 of the host zones' companies not taken by the tax system before the faults`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // Every client logs in before the faults: a login is not what is being tested.
    const hostUsers = hosts.flatMap((host) => [`le-${host}.staff`, `zone-${host}.staff`, `tax-${host}.staff`]);
    for (const user of [
      'city.admin',
      'ftz.admin',
      'ftz.staff',
      'tax-ftz.staff',
      'tax-city.staff',
      'audit.auditor',
      ...hostUsers,
      ...new Set(runs.map((r) => `gov-${r.code}.staff`)),
    ]) {
      await api.as(user);
    }

    log(`driving ${runs.length} processes, ${options.concurrency} at a time, with faults…`);
    const faultsStarted = Date.now();
    const driving = inParallel(runs, options.concurrency, async (run) => {
      const id = await run.flow.drive(api, run.code, run.n, ctx);
      intended.push(intend(id, run.flow, run.code));
    }).catch((error: unknown) => {
      // A flow that met an answer no retry mends (a 500): the API's own account of it says why.
      const errors = cluster.apiProcess
        .output()
        .split('\n')
        .filter((line) => line.includes('"level":50'));
      throw new Error(`${(error as Error).message}\nthe API's errors meanwhile:\n${errors.slice(-5).join('\n') || '(none)'}`);
    });
    const driven = driving.then(
      () => undefined,
      () => undefined,
    );
    const [faults] = await Promise.all([runFaults(cluster, platforms, options.faults, faultsStarted, log, driven), driving]);

    // Launches answer before the first step is written: let every process come to rest.
    log('waiting for every process to come to rest…');
    const client = new Client({ connection });
    const deadline = Date.now() + 120_000;
    let counts: Counts;
    let exchanges: ExchangeCounts;
    let resent = 0;
    for (;;) {
      // The platforms are back: whoever holds a failure task sends the message again (平台已恢复，重新报送).
      resent += await resendFailedExchanges(db, async (username, processId) => {
        await act(api, username, processId, 'resolveFailedExchange', { decision: 'resend' }).catch((error: unknown) =>
          log(`resending ${processId}: ${String(error)}`),
        );
      });
      // A step's messages go out by a child workflow of their own (outboxDelivery), and a message that
      // outlasted the retry policy opens a process of its own (exchangeFailure): both reconciled with the platforms.
      const known = await client.workflow.count(`WorkflowType != 'outboxDelivery' AND WorkflowType != 'exchangeFailure'`);
      const settled = await settleExpectations(db, intended);
      counts = await reconcile(api, db, settled, Math.max(0, known.count - intended.length));
      // A message retried after the platforms' outage may still be on its backoff.
      exchanges = await reconcileExchanges(
        db,
        platforms,
        settled.map((p) => ({ id: p.id, statusFeed: p.expected.statusFeed })),
      );
      if ((!counts.problems.length && !exchanges.problems.length) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    log(`${resent} failure tasks resolved by sending again`);
    const byFlow: Record<string, number> = {};
    for (const p of intended) byFlow[p.flow] = (byFlow[p.flow] ?? 0) + 1;
    return { counts, exchanges, faults, retries, seconds: Math.round((Date.now() - started) / 1000), byFlow };
  } finally {
    await connection.close();
    await cluster.stop();
    await platforms.close();
  }
}
