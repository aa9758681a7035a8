import { startPortSimulator } from '../simulator-server';
import { signedHeaders } from '../signing';
import { intakeRequestSchema, statusChangeSchema, type IntakeRequest } from './messages';

export const GOV_SERVICE_CLIENT = 'gov-service';

/**
 * 政务服务网 as `npm start` and the tests meet it: it submits applications to the API as the signed
 * system client `gov-service`, and takes the status changes the API sends back (`/status-changes`,
 * validated against the contract, once per requestId; `GET /_received`).
 */
export async function startGovServiceSimulator(options: { apiUrl?: string; secret: string; port?: number; host?: string }) {
  const server = await startPortSimulator({
    port: options.port,
    host: options.host,
    path: '/status-changes',
    schema: statusChangeSchema,
    answer: (message) => ({ requestId: message.requestId, result: 'received' }),
  });
  let apiUrl = options.apiUrl;
  return {
    ...server,
    /** Where the API listens, once it does (`npm start` starts the simulator first). */
    setApiUrl(url: string) {
      apiUrl = url;
    },
    /** Submits an application, signed; answers the API's status and body. */
    async submit(request: IntakeRequest): Promise<{ status: number; body: unknown }> {
      const path = '/api/system/applications';
      const body = JSON.stringify(intakeRequestSchema.parse(request));
      const response = await fetch(`${apiUrl}${path}`, {
        method: 'POST',
        headers: signedHeaders(GOV_SERVICE_CLIENT, options.secret, 'POST', path, body),
        body,
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
  };
}
export type GovServiceSimulator = Awaited<ReturnType<typeof startGovServiceSimulator>>;
