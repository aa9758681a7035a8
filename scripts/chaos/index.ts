/**
 * `npm run chaos`: 300 mixed processes through worker kills, an engine restart, a database outage
 * and the outside systems down (tax, 双公示, 互联网+监管, 政务服务网); then every process is checked where it should be, and every intended record written
 * exactly once. `npm run chaos -- --small` is the size CI runs (test/chaos.test.ts).
 */
import { runChaos, type ChaosOptions, type ChaosReport } from './run';

export const SMALL: ChaosOptions = {
  processes: 12,
  hostZones: 1,
  concurrency: 6,
  faults: {
    kills: 5,
    killEveryMs: 1000,
    engineRestartAtMs: 2000,
    databaseDownAtMs: 4000,
    databaseDownForMs: 10_000,
    platformsDownAtMs: 0,
    platformsDownForMs: 20_000,
  },
};

export const FULL: ChaosOptions = {
  processes: 300,
  hostZones: 4,
  concurrency: 20,
  faults: {
    kills: 8,
    killEveryMs: 4000,
    engineRestartAtMs: 15_000,
    databaseDownAtMs: 30_000,
    databaseDownForMs: 10_000,
    platformsDownAtMs: 0,
    platformsDownForMs: 30_000,
  },
};

export function printReport(report: ChaosReport): string {
  const { counts, exchanges, faults } = report;
  return [
    `chaos: ${counts.processes} processes in ${report.seconds} s (${Object.entries(report.byFlow)
      .map(([flow, n]) => `${n} × ${flow}`)
      .join('; ')})`,
    `faults: ${faults.kills} worker kills (SIGKILL), ${faults.engineRestarts} engine restart, database down ${faults.databaseOutageMs} ms, platforms down ${faults.platformOutageMs} ms; ${faults.refusedStarts} worker starts refused meanwhile; ${report.retries} client retries`,
    `processes: ${counts.finished} finished, ${counts.waiting} waiting, ${counts.unplanned} unplanned`,
    `writes: ${counts.intended} intended, ${counts.found} found, ${counts.lost} lost, ${counts.duplicated} duplicated`,
    `platform messages: ${exchanges.decided} decided (${Object.entries(exchanges.byChannel)
      .map(([channel, n]) => `${channel} ${n}`)
      .join(
        ', ',
      )}), ${exchanges.delivered} taken in (${exchanges.attempts} attempts; ${exchanges.failureTasks} through a failure task sent again), ${exchanges.lost} lost, ${exchanges.duplicated} duplicated`,
    `划转 through the tax system's outage: ${exchanges.tax.bySystem} taken by the system, ${exchanges.tax.byTaxOffice} left to the tax office's task`,
    ...(counts.problems.length || exchanges.problems.length
      ? ['problems:', ...[...counts.problems, ...exchanges.problems].map((p) => `  ${p}`)]
      : ['every process where it should be; every record once']),
  ].join('\n');
}

if (require.main === module) {
  // Interrupted: exit, and the cluster's exit hook kills what it started and removes its files.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const options = process.argv.includes('--small') ? SMALL : FULL;
  runChaos({ ...options, log: (line) => console.log(`[chaos] ${line}`) }).then(
    (report) => {
      console.log(`\n${printReport(report)}`);
      process.exit(
        report.counts.problems.length ||
          report.exchanges.problems.length ||
          report.counts.lost ||
          report.counts.duplicated ||
          report.counts.unplanned
          ? 1
          : 0,
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
