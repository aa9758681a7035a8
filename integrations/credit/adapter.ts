import { postMessage } from '../http-port';
import { creditAnswerSchema, creditMessageSchema, type CreditAnswer, type CreditMessage } from './messages';

/** The credit platform over HTTP (or its simulator): every 双公示 message goes to `/records`. */
export function createCreditAdapter(baseUrl: string) {
  return {
    async publish(message: CreditMessage): Promise<CreditAnswer> {
      return postMessage('credit platform', baseUrl, 'records', creditMessageSchema.parse(message), creditAnswerSchema);
    },
  };
}
