export { delegationAgreement } from './delegation-agreement';
export { entityRegistration } from './entity-registration';
export { penaltyReport } from './penalty-report';
export { powerCatalog } from './power-catalog';
export { zoneEstablishment } from './zone-establishment';
