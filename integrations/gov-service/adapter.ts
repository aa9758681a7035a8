import { postMessage } from '../http-port';
import { statusAnswerSchema, statusChangeSchema, type StatusChange } from './messages';

/** Status changes back to 政务服务网 (or its simulator). */
export function createGovServiceAdapter(baseUrl: string) {
  return {
    async statusChanged(message: StatusChange) {
      return postMessage('政务服务网', baseUrl, 'status-changes', statusChangeSchema.parse(message), statusAnswerSchema);
    },
  };
}
