/**
 * Parks (园区) as named areas of a county, which a memorandum may draw into a zone ("1区+N园").
 * The policy (营政发〔2020〕16号) names no park, and no official list is at hand: these are
 * demonstration data, flagged `demo` and shown as such, to be replaced by the counties' own list.
 */
export interface ParkSeed {
  id: string;
  countyCode: string;
  nameZh: string;
  nameEn: string;
  source: string;
  demo: boolean;
}

const DEMO_SOURCE = '演示数据：营政发〔2020〕16号未列园区名单，名称为示例，待县（市、区）提供正式名单后替换';

export const parks: ParkSeed[] = [
  {
    id: 'P-210881-01',
    countyCode: '210881',
    nameZh: '盖州市示范产业园（演示）',
    nameEn: 'Gaizhou demonstration industrial park (demo)',
    source: DEMO_SOURCE,
    demo: true,
  },
  {
    id: 'P-210881-02',
    countyCode: '210881',
    nameZh: '盖州市物流园（演示）',
    nameEn: 'Gaizhou logistics park (demo)',
    source: DEMO_SOURCE,
    demo: true,
  },
  {
    id: 'P-210804-01',
    countyCode: '210804',
    nameZh: '鲅鱼圈区示范产业园（演示）',
    nameEn: 'Bayuquan demonstration industrial park (demo)',
    source: DEMO_SOURCE,
    demo: true,
  },
];
