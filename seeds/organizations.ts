import { divisions } from './divisions';

export interface OrganizationSeed {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'city' | 'ftz' | 'government' | 'enforcement' | 'tax' | 'audit' | 'zone';
  countyCode?: string;
  /** Roles the embedded default seeds a demo user for. */
  demoRoles: ('admin' | 'staff' | 'auditor')[];
}

/** The first batch of zones' counties; the others may apply later. */
export const FIRST_BATCH = ['210881', '210804'];

const counties = divisions.filter((d) => d.level === 'county');

export const organizations: OrganizationSeed[] = [
  { id: 'city', nameZh: '营口市人民政府', nameEn: 'Yingkou Municipal Government', kind: 'city', demoRoles: ['admin', 'staff'] },
  {
    id: 'ftz',
    nameZh: '自贸区营口片区管委会',
    nameEn: 'FTZ Yingkou Area Management Committee',
    kind: 'ftz',
    demoRoles: ['admin', 'staff'],
  },
  ...counties.flatMap((county): OrganizationSeed[] => [
    {
      id: `gov-${county.code}`,
      nameZh: `${county.nameZh}人民政府`,
      nameEn: `${county.nameEn} Government`,
      kind: 'government',
      countyCode: county.code,
      demoRoles: ['admin', 'staff'],
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
      nameZh: `${county.nameZh}税务局`,
      nameEn: `${county.nameEn} Tax Office`,
      kind: 'tax',
      countyCode: county.code,
      demoRoles: ['staff'],
    },
  ]),
  { id: 'tax-ftz', nameZh: '自贸区营口片区税务局', nameEn: 'FTZ Tax Office', kind: 'tax', demoRoles: ['staff'] },
  { id: 'tax-city', nameZh: '营口市税务局', nameEn: 'Yingkou Tax Bureau', kind: 'tax', demoRoles: ['staff'] },
  { id: 'audit', nameZh: '审计与纪检', nameEn: 'Auditors', kind: 'audit', demoRoles: ['auditor'] },
];
