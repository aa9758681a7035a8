export { closedRunsSweep } from './closed-runs-sweep';
export { delegationAgreement } from './delegation-agreement';
export { entityRegistration } from './entity-registration';
export { penaltyReport } from './penalty-report';
export { pilotAdoption } from './pilot-adoption';
export { powerCatalog } from './power-catalog';
export { statisticsSnapshot } from './statistics-snapshot';
export { zoneEstablishment } from './zone-establishment';
