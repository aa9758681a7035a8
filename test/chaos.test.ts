import { printReport, SMALL } from '../scripts/chaos/index';
import { runChaos } from '../scripts/chaos/run';
import { scaled } from './support/time';

/**
 * `npm run chaos` at CI's size: a dozen mixed processes on a cluster of their own (dev server,
 * PostgreSQL, worker and API processes) while the worker is killed five times, the engine restarts
 * and the database refuses connections for ten seconds. The full size is `npm run chaos`.
 */
test(
  'through worker kills, an engine restart and a database outage, every process ends where it should with every record written once',
  async () => {
    const report = await runChaos(SMALL);
    const { counts, faults } = report;
    process.stdout.write(`${printReport(report)}\n`);
    expect(faults.kills).toBeGreaterThanOrEqual(5);
    expect(faults.engineRestarts).toBe(1);
    expect(faults.databaseOutageMs).toBeGreaterThanOrEqual(10_000);
    expect(counts.problems).toEqual([]);
    expect({ lost: counts.lost, duplicated: counts.duplicated, unplanned: counts.unplanned }).toEqual({
      lost: 0,
      duplicated: 0,
      unplanned: 0,
    });
    expect(counts.found).toBe(counts.intended);
    expect(counts.finished + counts.waiting).toBe(counts.processes);
  },
  scaled(240_000),
);
