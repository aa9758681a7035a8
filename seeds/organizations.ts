import { organisationCodeCheckCharacter, usccCheckCharacter } from '../domain/uscc';
import { divisions } from './divisions';

export interface OrganizationSeed {
  id: string;
  nameZh: string;
  nameEn: string;
  kind: 'city' | 'ftz' | 'government' | 'enforcement' | 'tax' | 'audit' | 'zone';
  countyCode?: string;
  /** Its 统一社会信用代码 (see `organUscc`): the 双公示 records name the deciding organ and the source by it. */
  uscc?: string;
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

/**
 * ILLUSTRATIVE 统一社会信用代码 for the seeded organs: the real codes are not published in one source this
 * project could cite, so each is made valid by GB 32100 and GB 11714 from the organisation's id — 登记管理部门码
 * 1 (机构编制), 机构类别码 1 (机关), the county's division (the city's, 210800, for the others), an organisation
 * code of eight digits chosen by the id and its check. An organisation's admin (or the FTZ's) replaces it
 * with the real code through the API or the console; a seed run again keeps what they set.
 */
export function organUscc(id: string, countyCode?: string): string {
  // FNV-1a of the id chooses the eight digits of its organisation code: the same id always gets the same code.
  let hash = 0x811c9dc5;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  const body8 = String(hash % 100_000_000).padStart(8, '0');
  const first17 = `11${countyCode ?? '210800'}${body8}${organisationCodeCheckCharacter(body8)}`;
  return first17 + usccCheckCharacter(first17);
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
