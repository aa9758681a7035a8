import { printReport, SMALL } from '../scripts/chaos/index';
import { runChaos } from '../scripts/chaos/run';
import { scaled } from './support/time';

/**
 * `npm run chaos` at CI's size: a dozen mixed processes on a cluster of their own (dev server,
 * PostgreSQL, worker and API processes) while the worker is killed five times, the engine restarts
 * the database refuses connections for ten seconds and the credit platform and 互联网+监管 answer
 * 503 for twenty. The full size is `npm run chaos`.
 */
test(
  'through worker kills, an engine restart, a database and a platform outage, every process ends where it should with every record written and every message delivered once',
  async () => {
    const report = await runChaos(SMALL);
    const { counts, exchanges, faults } = report;
    process.stdout.write(`${printReport(report)}\n`);
    expect(faults.kills).toBeGreaterThanOrEqual(5);
    expect(faults.engineRestarts).toBe(1);
    expect(faults.databaseOutageMs).toBeGreaterThanOrEqual(10_000);
    expect(faults.platformOutageMs).toBeGreaterThanOrEqual(20_000);
    expect(counts.problems).toEqual([]);
    expect({ lost: counts.lost, duplicated: counts.duplicated, unplanned: counts.unplanned }).toEqual({
      lost: 0,
      duplicated: 0,
      unplanned: 0,
    });
    expect(counts.found).toBe(counts.intended);
    expect(counts.finished + counts.waiting).toBe(counts.processes);
    // The recognised penalties and licences on commitment decided messages; each reached its platform once.
    expect(exchanges.decided).toBeGreaterThan(0);
    // Down from the start until every process was driven: each message met the outage before it got through.
    expect(exchanges.attempts).toBeGreaterThan(exchanges.delivered);
    expect(exchanges.problems).toEqual([]);
    expect({ delivered: exchanges.delivered, lost: exchanges.lost, duplicated: exchanges.duplicated }).toEqual({
      delivered: exchanges.decided,
      lost: 0,
      duplicated: 0,
    });
  },
  scaled(420_000),
);
