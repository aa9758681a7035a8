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

export function closedRunsSweep(
  ...args: Parameters<typeof ClosedRunsSweep.closedRunsSweep>
): ReturnType<typeof ClosedRunsSweep.closedRunsSweep> {
  return (require('./closed-runs-sweep') as typeof ClosedRunsSweep).closedRunsSweep(...args);
}

export function delegationAgreement(
  ...args: Parameters<typeof DelegationAgreement.delegationAgreement>
): ReturnType<typeof DelegationAgreement.delegationAgreement> {
  return (require('./delegation-agreement') as typeof DelegationAgreement).delegationAgreement(...args);
}

export function economicIndicators(
  ...args: Parameters<typeof EconomicIndicators.economicIndicators>
): ReturnType<typeof EconomicIndicators.economicIndicators> {
  return (require('./economic-indicators') as typeof EconomicIndicators).economicIndicators(...args);
}

export function entityRegistration(
  ...args: Parameters<typeof EntityRegistration.entityRegistration>
): ReturnType<typeof EntityRegistration.entityRegistration> {
  return (require('./entity-registration') as typeof EntityRegistration).entityRegistration(...args);
}

export function exchangeFailure(
  ...args: Parameters<typeof ExchangeFailure.exchangeFailure>
): ReturnType<typeof ExchangeFailure.exchangeFailure> {
  return (require('./exchange-failure') as typeof ExchangeFailure).exchangeFailure(...args);
}

export function outboxDelivery(
  ...args: Parameters<typeof OutboxDelivery.outboxDelivery>
): ReturnType<typeof OutboxDelivery.outboxDelivery> {
  return (require('./outbox-delivery') as typeof OutboxDelivery).outboxDelivery(...args);
}

export function penaltyReport(...args: Parameters<typeof PenaltyReport.penaltyReport>): ReturnType<typeof PenaltyReport.penaltyReport> {
  return (require('./penalty-report') as typeof PenaltyReport).penaltyReport(...args);
}

export function pilotAdoption(...args: Parameters<typeof PilotAdoption.pilotAdoption>): ReturnType<typeof PilotAdoption.pilotAdoption> {
  return (require('./pilot-adoption') as typeof PilotAdoption).pilotAdoption(...args);
}

export function powerCatalog(...args: Parameters<typeof PowerCatalog.powerCatalog>): ReturnType<typeof PowerCatalog.powerCatalog> {
  return (require('./power-catalog') as typeof PowerCatalog).powerCatalog(...args);
}

export function reformDemand(...args: Parameters<typeof ReformDemand.reformDemand>): ReturnType<typeof ReformDemand.reformDemand> {
  return (require('./reform-demand') as typeof ReformDemand).reformDemand(...args);
}

export function reformPractice(
  ...args: Parameters<typeof ReformPractice.reformPractice>
): ReturnType<typeof ReformPractice.reformPractice> {
  return (require('./reform-practice') as typeof ReformPractice).reformPractice(...args);
}

export function statisticsSnapshot(
  ...args: Parameters<typeof StatisticsSnapshot.statisticsSnapshot>
): ReturnType<typeof StatisticsSnapshot.statisticsSnapshot> {
  return (require('./statistics-snapshot') as typeof StatisticsSnapshot).statisticsSnapshot(...args);
}

export function supervisionPlan(
  ...args: Parameters<typeof SupervisionPlan.supervisionPlan>
): ReturnType<typeof SupervisionPlan.supervisionPlan> {
  return (require('./supervision-plan') as typeof SupervisionPlan).supervisionPlan(...args);
}

export function zoneEstablishment(
  ...args: Parameters<typeof ZoneEstablishment.zoneEstablishment>
): ReturnType<typeof ZoneEstablishment.zoneEstablishment> {
  return (require('./zone-establishment') as typeof ZoneEstablishment).zoneEstablishment(...args);
}
