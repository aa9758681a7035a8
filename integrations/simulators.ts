/**
 * The outside systems' stand-ins `npm start` runs, each only where no real endpoint is configured
 * (docs/OPERATIONS.md): the tax system, the credit platform, 互联网+监管 and 政务服务网. The ones
 * that call in (政务服务网's submissions, the tax system's callbacks) share a fresh secret with the API.
 */
import type { Config } from '../platform/config';
import { startCreditSimulator } from './credit/simulator';
import { startGovServiceSimulator } from './gov-service/simulator';
import { newSecret } from './signing';
import { startSupervisionSimulator } from './supervision/simulator';
import { startTaxSimulator } from './tax/simulator';

export async function startSimulators(config: Config, log: (line: string) => void) {
  const stops: (() => Promise<void>)[] = [];
  const secrets = {
    govService: config.GOV_SERVICE_CLIENT_SECRET ? undefined : newSecret(),
    taxSystem: config.TAX_CALLBACK_SECRET ? undefined : newSecret(),
  };
  const tax = config.TAX_SYSTEM_URL
    ? undefined
    : await startTaxSimulator({ callback: { secret: secrets.taxSystem ?? config.TAX_CALLBACK_SECRET! } });
  const credit = config.CREDIT_PLATFORM_URL ? undefined : await startCreditSimulator();
  const supervision = config.SUPERVISION_PLATFORM_URL ? undefined : await startSupervisionSimulator();
  const govService = config.GOV_SERVICE_URL
    ? undefined
    : await startGovServiceSimulator({ secret: secrets.govService ?? config.GOV_SERVICE_CLIENT_SECRET! });
  for (const [name, sim, variable] of [
    ['Tax system', tax, 'TAX_SYSTEM_URL'],
    ['Credit platform (双公示)', credit, 'CREDIT_PLATFORM_URL'],
    ['互联网+监管', supervision, 'SUPERVISION_PLATFORM_URL'],
    ['政务服务网', govService, 'GOV_SERVICE_URL'],
  ] as const) {
    if (!sim) continue;
    stops.push(() => sim.close());
    log(`${name} simulator at ${sim.url} (set ${variable} for the real one)`);
  }
  return {
    delivery: { taxSystemUrl: tax?.url, creditPlatformUrl: credit?.url, supervisionUrl: supervision?.url, govServiceUrl: govService?.url },
    secrets,
    /** Once the API listens: the simulators that call in learn where. */
    apiListening(apiUrl: string) {
      tax?.setApiUrl(apiUrl);
      govService?.setApiUrl(apiUrl);
    },
    stop: async () => {
      for (const stop of stops) await stop();
    },
  };
}
