import type { NegativeListItem } from '../domain/registration';

/**
 * An edition of the market access negative list (市场准入负面清单) as published by the NDRC and MOFCOM:
 * in force from its date until the next edition replaces it. Editions are never edited once seeded;
 * a correction is a new edition.
 */
export interface NegativeListEdition {
  edition: string;
  title: string;
  effectiveFrom: string;
  source: string;
  items: NegativeListItem[];
}

/** The 2022 edition, as first seeded (its codes are this product's own, kept as published here). */
const edition2022: NegativeListEdition = {
  edition: '2022',
  title: '市场准入负面清单（2022年版）',
  effectiveFrom: '2022-03-12',
  source:
    '国家发展改革委、商务部《市场准入负面清单（2022年版）》（发改体改规〔2022〕397号）；事项代码为本系统首次录入时所编，非清单事项编码',
  items: [
    {
      code: '禁止-1',
      kind: 'prohibited',
      title: '禁止违规开展金融相关经营活动',
      keywords: ['非法集资', '吸收公众存款', '地下钱庄', '虚拟货币交易'],
    },
    { code: '禁止-2', kind: 'prohibited', title: '禁止违规开展互联网相关经营活动', keywords: ['网络赌博', '网络传销'] },
    {
      code: '禁止-4',
      kind: 'prohibited',
      title: '产业结构调整指导目录中的淘汰类项目，禁止投资',
      keywords: ['高毒农药生产', '含汞电池生产', '氟氯烃生产'],
    },
    { code: '禁止-5', kind: 'prohibited', title: '非公有资本不得从事新闻采编播发业务', keywords: ['新闻采编'] },
    { code: '许可-14', kind: 'restricted', title: '未获得许可，不得从事危险化学品生产、经营', keywords: ['危险化学品'] },
    { code: '许可-21', kind: 'restricted', title: '未获得许可，不得从事烟草专卖品生产经营', keywords: ['烟草', '卷烟'] },
    {
      code: '许可-22',
      kind: 'restricted',
      title: '未获得许可，不得从事民用爆炸物品生产、销售',
      keywords: ['民用爆炸物品', '烟花爆竹生产'],
    },
    { code: '许可-96', kind: 'restricted', title: '未获得许可，不得从事金融业务', keywords: ['小额贷款', '融资担保', '典当'] },
    { code: '许可-107', kind: 'restricted', title: '未获得许可，不得设立医疗机构或执业', keywords: ['医疗机构', '诊所'] },
  ],
};

/**
 * The 2025 edition, which replaced 2022 (106 items: 6 prohibited, 100 requiring a licence), as far as
 * registrations in the zones meet it. Prohibited entries carry their 事项编码 (1000xx, the order the list
 * has kept since 2018); licence entries are named by their subject until their codes are entered from
 * the published text. A licence entry names the catalogue power that grants it, when the FTZ holds one.
 */
const edition2025: NegativeListEdition = {
  edition: '2025',
  title: '市场准入负面清单（2025年版）',
  effectiveFrom: '2025-04-24',
  source:
    '国家发展改革委、商务部、市场监管总局《市场准入负面清单（2025年版）》，2025-04-24 发布，https://www.ndrc.gov.cn/xxgk/zcfb/ghxwj/202504/t20250424_1397358.html',
  items: [
    {
      code: '100002',
      kind: 'prohibited',
      title: '国家产业政策明令淘汰和限制的产品、技术、工艺、设备及行为',
      keywords: ['高毒农药生产', '含汞电池生产', '氟氯烃生产'],
    },
    {
      code: '100004',
      kind: 'prohibited',
      title: '禁止违规开展金融相关经营活动',
      keywords: ['非法集资', '吸收公众存款', '地下钱庄', '虚拟货币交易'],
    },
    { code: '100005', kind: 'prohibited', title: '禁止违规开展互联网相关经营活动', keywords: ['网络赌博', '网络传销'] },
    { code: '100006', kind: 'prohibited', title: '禁止违规开展新闻传媒相关业务', keywords: ['新闻采编'] },
    {
      code: '许可准入类·危险化学品',
      kind: 'restricted',
      title: '未获得许可，不得从事危险化学品生产、经营',
      keywords: ['危险化学品'],
      powerCode: 'XK-009',
    },
    {
      code: '许可准入类·药品',
      kind: 'restricted',
      title: '未获得许可，不得从事药品生产、经营',
      keywords: ['药品零售', '药品批发'],
      powerCode: 'XK-006',
    },
    {
      code: '许可准入类·烟草',
      kind: 'restricted',
      title: '未获得许可，不得从事烟草专卖品生产经营',
      keywords: ['烟草', '卷烟'],
      powerCode: null,
    },
    {
      code: '许可准入类·民用爆炸物品',
      kind: 'restricted',
      title: '未获得许可，不得从事民用爆炸物品生产、销售',
      keywords: ['民用爆炸物品', '烟花爆竹生产'],
      powerCode: null,
    },
    {
      code: '许可准入类·金融',
      kind: 'restricted',
      title: '未获得许可，不得从事金融业务',
      keywords: ['小额贷款', '融资担保', '典当'],
      powerCode: null,
    },
    {
      code: '许可准入类·医疗机构',
      kind: 'restricted',
      title: '未获得许可，不得设立医疗机构或执业',
      keywords: ['医疗机构', '诊所'],
      powerCode: null,
    },
  ],
};

/** Every edition seeded, oldest first: applications are checked against the one in force on their day. */
export const negativeListEditions: NegativeListEdition[] = [edition2022, edition2025];
