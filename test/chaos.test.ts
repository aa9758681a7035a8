import { printReport, SMALL } from '../scripts/chaos/index';
import { runChaos } from '../scripts/chaos/run';
import { scaled } from './support/time';

/**
 * `npm run chaos` at CI's size: a dozen mixed processes on a cluster of their own (dev server,
 * PostgreSQL, worker and API processes) while the worker is killed five times, the engine restarts
 * the database refuses connections for ten seconds and the tax system, the credit platform, 互联网+监管
 * and 政务服务网 answer 503 for twenty seconds at least (until every process is driven). The full size is `npm run chaos`.
 */
test(
  'through worker kills, an engine restart, a database outage and the outside systems down, every process ends where it should with every record written and every message delivered once or handed to its task',
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
    // The recognised penalties, the 划转 and 政务服务网's status feed decided messages, each met the outage.
    expect(exchanges.byChannel).toMatchObject({ credit: expect.any(Number), tax: expect.any(Number), 'gov-service': expect.any(Number) });
    for (const channel of ['credit', 'tax', 'gov-service']) expect(exchanges.byChannel[channel]).toBeGreaterThan(0);
    // Down from the start until every process was driven: each message met the outage before it got through.
    expect(exchanges.attempts).toBeGreaterThan(exchanges.delivered);
    // The two registrations that wait for the tax office's task met the outage past the retry policy; the host's went through at once.
    expect(exchanges.tax.byTaxOffice).toBeGreaterThanOrEqual(2);
    expect(exchanges.tax.bySystem).toBeGreaterThanOrEqual(1);
    expect(exchanges.problems).toEqual([]);
    // Every message taken in once — straight, or sent again from its failure task — or, a 划转, left to the tax office.
    expect({
      accounted: exchanges.delivered + exchanges.tax.byTaxOffice,
      lost: exchanges.lost,
      duplicated: exchanges.duplicated,
    }).toEqual({ accounted: exchanges.decided, lost: 0, duplicated: 0 });
  },
  scaled(420_000),
);
