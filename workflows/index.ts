export { delegationAgreement } from './delegation-agreement';
export { pilotAdoption } from './pilot-adoption';
export { powerCatalog } from './power-catalog';
export { statisticsSnapshot } from './statistics-snapshot';
export { zoneEstablishment } from './zone-establishment';
