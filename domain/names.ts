/** Names shared by workflows, worker, API and tests, defined once. */
export const TASK_QUEUE = 'collab-zones';

export const PROCESS_TYPES = [
  'zone-establishment',
  'power-catalog',
  'delegation-agreement',
  'entity-registration',
  'penalty-report',
  'pilot-adoption',
  'economic-indicators',
  'reform-practice',
  'reform-demand',
  'supervision-plan',
  'exchange-failure',
] as const;
export type ProcessType = (typeof PROCESS_TYPES)[number];

/** The workflow id is the process's business key: a second start for the same key is refused. */
export const processIds = {
  zoneEstablishment: (countyCode: string) => `zone-${countyCode}`,
  penaltyReport: (decisionNumber: string) => `penalty-${decisionNumber}`,
};

/** Organisation ids that depend on a county. */
export const orgIds = {
  government: (countyCode: string) => `gov-${countyCode}`,
  zoneBody: (countyCode: string) => `zone-${countyCode}`,
  enforcement: (countyCode: string) => `le-${countyCode}`,
  taxOffice: (countyCode: string) => `tax-${countyCode}`,
};

/** The county an organisation belongs to (`gov-210881` → `210881`); none for the city, the FTZ and others. */
export function countyOfOrg(orgId: string): string | undefined {
  const code = /^(?:gov|zone|le|tax)-(\d{6})$/.exec(orgId)?.[1];
  return code && COUNTY_CODE.test(code) ? code : undefined;
}

/** The canonical zone name the policy prescribes. */
export function zoneName(countyName: string): string {
  return `营口自贸片区${countyName}协同发展示范区`;
}

/** A county (or district) of Yingkou: 2108 followed by two digits, not the city itself. */
export const COUNTY_CODE = /^2108(?!00)\d{2}$/;
