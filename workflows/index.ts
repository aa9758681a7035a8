export { delegationAgreement } from './delegation-agreement';
export { powerCatalog } from './power-catalog';
export { zoneEstablishment } from './zone-establishment';
