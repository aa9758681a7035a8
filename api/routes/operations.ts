import { z } from 'zod';
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
      deps.client.withDeadline(Date.now() + 3000, () => deps.client.workflowService.getSystemInfo({})).then(() => 'ok' as const, () => 'unavailable' as const),
      deps.db.query('SELECT 1').then(() => 'ok' as const, () => 'unavailable' as const),
    ]);
    const status = engine === 'ok' && database === 'ok' ? 'ok' : 'unavailable';
    if (status !== 'ok') res.status(503).setHeader('Retry-After', '5');
    return { status, engine, database };
  },
});
