import { divisions } from './divisions';

export interface OrganizationSeed {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'city' | 'ftz' | 'government' | 'enforcement' | 'tax' | 'audit' | 'zone';
  countyCode?: string;
  /** Roles the embedded default seeds a demo user for. */
  demoRoles: ('admin' | 'staff' | 'auditor' | 'leader')[];
}

const counties = divisions.filter((d) => d.level === 'county');

/**
 * A county's tax office under its full name: districts' offices belong to the city's bureau
 * (国家税务总局营口市鲅鱼圈区税务局), county-level cities' carry their own name (国家税务总局盖州市税务局).
 */
function localTaxOffice(countyName: string): string {
  return countyName.endsWith('区') ? `国家税务总局营口市${countyName}税务局` : `国家税务总局${countyName}税务局`;
}

export const organizations: OrganizationSeed[] = [
  { id: 'city', nameZh: '营口市人民政府', nameEn: 'Yingkou Municipal Government', kind: 'city', demoRoles: ['admin', 'staff', 'leader'] },
  {
    id: 'ftz',
    nameZh: '自贸区营口片区管委会',
    nameEn: 'FTZ Yingkou Area Management Committee',
    kind: 'ftz',
    // The leader signs for its organisation: memoranda, agreements, recognition letters.
    demoRoles: ['admin', 'staff', 'leader'],
  },
  ...counties.flatMap((county): OrganizationSeed[] => [
    {
      id: `gov-${county.code}`,
      nameZh: `${county.nameZh}人民政府`,
      nameEn: `${county.nameEn} Government`,
      kind: 'government',
      countyCode: county.code,
      demoRoles: ['admin', 'staff', 'leader'],
    },
    {
      id: `le-${county.code}`,
      nameZh: `${county.nameZh}属地行政执法机关`,
      nameEn: `${county.nameEn} Local Enforcement`,
      kind: 'enforcement',
      countyCode: county.code,
      demoRoles: ['staff'],
    },
    {
      id: `tax-${county.code}`,
      nameZh: localTaxOffice(county.nameZh),
      nameEn: `${county.nameEn} Tax Office, State Taxation Administration`,
      kind: 'tax',
      countyCode: county.code,
      demoRoles: ['staff'],
    },
  ]),
  {
    id: 'tax-ftz',
    nameZh: '国家税务总局中国（辽宁）自由贸易试验区营口片区税务局',
    nameEn: 'FTZ Yingkou Area Tax Office, State Taxation Administration',
    kind: 'tax',
    demoRoles: ['staff'],
  },
  {
    id: 'tax-city',
    nameZh: '国家税务总局营口市税务局',
    nameEn: 'Yingkou Tax Bureau, State Taxation Administration',
    kind: 'tax',
    demoRoles: ['staff'],
  },
  // Two bodies that read everything and change nothing, each under its own name.
  { id: 'audit', nameZh: '营口市审计局', nameEn: 'Yingkou Audit Bureau', kind: 'audit', demoRoles: ['auditor'] },
  {
    id: 'discipline',
    nameZh: '中共营口市纪律检查委员会、营口市监察委员会',
    nameEn: 'Yingkou Discipline Inspection and Supervision Commission',
    kind: 'audit',
    demoRoles: ['auditor'],
  },
];
