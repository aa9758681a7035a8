import { SimulatorAnswer, startPortSimulator } from '../simulator-server';
import { creditMessageSchema, type CreditMessage } from './messages';

/**
 * The credit platform as `npm start` and the tests meet it: it publishes penalties and licences,
 * and takes a withdrawal or a repair only of a record it published (409 "not yet" otherwise, which
 * the sender retries: the two may overtake each other on the way).
 */
export async function startCreditSimulator(options: { port?: number; host?: string } = {}) {
  let sequence = 0;
  const published = (message: CreditMessage, received: CreditMessage[]) =>
    'kind' in message && (message.kind === 'withdrawal' || message.kind === 'repair')
      ? received.some(
          (r) =>
            r.kind === 'penalty' && r.行政处罚决定书文号 === message.行政处罚决定书文号 && r.统一社会信用代码 === message.统一社会信用代码,
        )
      : true;
  return startPortSimulator({
    ...options,
    path: '/records',
    schema: creditMessageSchema,
    answer(message, received) {
      if (!published(message, received))
        throw new SimulatorAnswer(409, { error: `未找到原公示记录 ${'行政处罚决定书文号' in message ? message.行政处罚决定书文号 : ''}` });
      return {
        requestId: message.requestId,
        result: 'accepted',
        recordId: `XY-${String(++sequence).padStart(8, '0')}`,
        acceptedAt: new Date().toISOString(),
      };
    },
  });
}
export type CreditSimulator = Awaited<ReturnType<typeof startCreditSimulator>>;
