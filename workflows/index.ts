/**
 * The workflow functions the worker registers, each loaded at its run's first activation. A cached run
 * evaluates the modules it requires in a module cache of its own (the SDK's reusable context): loaded
 * here at the top, every run would evaluate every process type's modules (54 of ours, 290 KiB a run),
 * where an agreement needs its own (35, 157 KiB). A process type's code and what it does are the same;
 * only when its module is evaluated moves, into the run's first activation, where nothing it does at
 * load (definitions of updates, signals, activity proxies) issues a command.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded by the run that needs it, as said above */

import type * as ClosedRunsSweep from './closed-runs-sweep';
import type * as DelegationAgreement from './delegation-agreement';
import type * as EconomicIndicators from './economic-indicators';
import type * as EntityRegistration from './entity-registration';
import type * as ExchangeFailure from './exchange-failure';
import type * as OutboxDelivery from './outbox-delivery';
import type * as PenaltyReport from './penalty-report';
import type * as PilotAdoption from './pilot-adoption';
import type * as PowerCatalog from './power-catalog';
import type * as ReformDemand from './reform-demand';
import type * as ReformPractice from './reform-practice';
import type * as StatisticsSnapshot from './statistics-snapshot';
import type * as SupervisionPlan from './supervision-plan';
import type * as ZoneEstablishment from './zone-establishment';

/**
 * A workflow function whose module is required when a run first calls it. The worker finds a workflow
 * by its export's name (this module's keys), so the wrapper needs no name of its own.
 */
function onFirstRun<F extends (...args: never[]) => unknown>(load: () => F): F {
  return ((...args: Parameters<F>) => load()(...args)) as F;
}

export const closedRunsSweep = onFirstRun(() => (require('./closed-runs-sweep') as typeof ClosedRunsSweep).closedRunsSweep);
export const delegationAgreement = onFirstRun(() => (require('./delegation-agreement') as typeof DelegationAgreement).delegationAgreement);
export const economicIndicators = onFirstRun(() => (require('./economic-indicators') as typeof EconomicIndicators).economicIndicators);
export const entityRegistration = onFirstRun(() => (require('./entity-registration') as typeof EntityRegistration).entityRegistration);
export const exchangeFailure = onFirstRun(() => (require('./exchange-failure') as typeof ExchangeFailure).exchangeFailure);
export const outboxDelivery = onFirstRun(() => (require('./outbox-delivery') as typeof OutboxDelivery).outboxDelivery);
export const penaltyReport = onFirstRun(() => (require('./penalty-report') as typeof PenaltyReport).penaltyReport);
export const pilotAdoption = onFirstRun(() => (require('./pilot-adoption') as typeof PilotAdoption).pilotAdoption);
export const powerCatalog = onFirstRun(() => (require('./power-catalog') as typeof PowerCatalog).powerCatalog);
export const reformDemand = onFirstRun(() => (require('./reform-demand') as typeof ReformDemand).reformDemand);
export const reformPractice = onFirstRun(() => (require('./reform-practice') as typeof ReformPractice).reformPractice);
export const statisticsSnapshot = onFirstRun(() => (require('./statistics-snapshot') as typeof StatisticsSnapshot).statisticsSnapshot);
export const supervisionPlan = onFirstRun(() => (require('./supervision-plan') as typeof SupervisionPlan).supervisionPlan);
export const zoneEstablishment = onFirstRun(() => (require('./zone-establishment') as typeof ZoneEstablishment).zoneEstablishment);
