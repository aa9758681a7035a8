import { startPortSimulator } from '../simulator-server';
import { supervisionMessageSchema } from './messages';

/** 互联网+监管 as `npm start` and the tests meet it (see integrations/simulator-server.ts). */
export async function startSupervisionSimulator(options: { port?: number; host?: string } = {}) {
  let sequence = 0;
  return startPortSimulator({
    ...options,
    path: '/supervision-records',
    schema: supervisionMessageSchema,
    answer: (message) => ({
      requestId: message.requestId,
      result: 'accepted',
      recordId: `JG-${String(++sequence).padStart(8, '0')}`,
      acceptedAt: new Date().toISOString(),
    }),
  });
}
export type SupervisionSimulator = Awaited<ReturnType<typeof startSupervisionSimulator>>;
