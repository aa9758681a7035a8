export { zoneEstablishment } from './zone-establishment';
