import { postMessage } from '../http-port';
import { supervisionAnswerSchema, supervisionMessageSchema, type SupervisionAnswer, type SupervisionMessage } from './messages';

/** 互联网+监管 over HTTP (or its simulator). */
export function createSupervisionAdapter(baseUrl: string) {
  return {
    async report(message: SupervisionMessage): Promise<SupervisionAnswer> {
      return postMessage('互联网+监管', baseUrl, 'supervision-records', supervisionMessageSchema.parse(message), supervisionAnswerSchema);
    },
  };
}
