import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { reachable } from '../../store/db';
import { refused } from '../errors';
import { defineRoute } from '../route';

const reachability = z.enum(['ok', 'unavailable']);

export const health = defineRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Whether the engine and the records store answer, each on its own',
  tag: 'Operations',
  public: true,
  response: z.object({ status: reachability, engine: reachability, database: reachability }),
  async handler({ deps, res }) {
    const [engine, database] = await Promise.all([
      deps.client
        .withDeadline(Date.now() + 3000, () => deps.client.workflowService.getSystemInfo({}))
        .then(
          () => 'ok' as const,
          () => 'unavailable' as const,
        ),
      reachable(deps.db).then((up) => (up ? ('ok' as const) : ('unavailable' as const))),
    ]);
    const status = engine === 'ok' && database === 'ok' ? 'ok' : 'unavailable';
    if (status !== 'ok') res.status(503).setHeader('Retry-After', '5');
    return { status, engine, database };
  },
});

const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Open like /healthz by default, since a scraper cannot log in; with METRICS_TOKEN set it wants that
 * token (a scrape credential, not a user's). The figures name organisations, never people.
 */
export const metrics = defineRoute({
  method: 'get',
  path: '/metrics',
  summary: 'Prometheus text: HTTP latencies, tasks by state and organisation, overdue tasks; a bearer METRICS_TOKEN when one is set',
  tag: 'Operations',
  public: true,
  produces: PROMETHEUS_TEXT,
  response: z.string(),
  async handler({ deps, req }) {
    if (deps.metricsToken && !sameSecret(req.header('authorization') ?? '', `Bearer ${deps.metricsToken}`)) {
      throw refused('METRICS_TOKEN_NEEDED', {}, 'headers.authorization');
    }
    return deps.metrics.registry.metrics();
  },
});

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
