export { delegationAgreement } from './delegation-agreement';
export { penaltyReport } from './penalty-report';
export { powerCatalog } from './power-catalog';
export { zoneEstablishment } from './zone-establishment';
