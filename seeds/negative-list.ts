import type { NegativeListItem } from '../domain/registration';

/**
 * Entries of the market access negative list, 2022 edition (市场准入负面清单（2022年版）), as far as
 * registrations in the zones meet them; each matched by keywords in a business scope.
 */
export const negativeList: { edition: string; items: NegativeListItem[] } = {
  edition: '2022',
  items: [
    { code: '禁止-1', kind: 'prohibited', title: '禁止违规开展金融相关经营活动', keywords: ['非法集资', '吸收公众存款', '地下钱庄', '虚拟货币交易'] },
    { code: '禁止-2', kind: 'prohibited', title: '禁止违规开展互联网相关经营活动', keywords: ['网络赌博', '网络传销'] },
    { code: '禁止-4', kind: 'prohibited', title: '产业结构调整指导目录中的淘汰类项目，禁止投资', keywords: ['高毒农药生产', '含汞电池生产', '氟氯烃生产'] },
    { code: '禁止-5', kind: 'prohibited', title: '非公有资本不得从事新闻采编播发业务', keywords: ['新闻采编'] },
    { code: '许可-14', kind: 'restricted', title: '未获得许可，不得从事危险化学品生产、经营', keywords: ['危险化学品'] },
    { code: '许可-21', kind: 'restricted', title: '未获得许可，不得从事烟草专卖品生产经营', keywords: ['烟草', '卷烟'] },
    { code: '许可-22', kind: 'restricted', title: '未获得许可，不得从事民用爆炸物品生产、销售', keywords: ['民用爆炸物品', '烟花爆竹生产'] },
    { code: '许可-96', kind: 'restricted', title: '未获得许可，不得从事金融业务', keywords: ['小额贷款', '融资担保', '典当'] },
    { code: '许可-107', kind: 'restricted', title: '未获得许可，不得设立医疗机构或执业', keywords: ['医疗机构', '诊所'] },
  ],
};
