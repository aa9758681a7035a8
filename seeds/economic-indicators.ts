import type { DefinitionEdition } from '../domain/economic-indicators';

/**
 * The economic indicators each zone's body reports monthly (docs/PROCESSES.md, P5), as data: what each counts,
 * its unit and its checks. An edition is never edited once seeded; a change is a new edition, in
 * force from its date (the rounds launched after it report by it).
 */
export const indicatorEditions: DefinitionEdition[] = [
  {
    edition: '2020',
    effectiveFrom: '2020-11-10',
    source:
      '营政发〔2020〕16号“各类统计指标”所指经济指标，由本系统首次录入时编列；口径参照市场监管（市场主体登记）、税务（税收收入）、海关（进出口）和商务（实际利用外资）部门的月度统计报表，上限为单个协同区单月的合理性校验值',
    definitions: [
      {
        code: 'newMarketEntities',
        nameZh: '新增市场主体',
        nameEn: 'New market entities',
        unit: '户',
        definitionZh: '本月在协同区范围内新登记的企业、个体工商户和农民专业合作社户数（含在自贸片区登记和在属地登记的）',
        decimals: 0,
        min: 0,
        max: 100_000,
      },
      {
        code: 'registeredCapital',
        nameZh: '新增注册资本',
        nameEn: 'New registered capital',
        unit: '万元',
        definitionZh: '本月新增市场主体的注册资本（金）合计，外币按登记当日汇率折合人民币',
        decimals: 2,
        min: 0,
        max: 10_000_000,
      },
      {
        code: 'taxRevenue',
        nameZh: '税收收入',
        nameEn: 'Tax revenue',
        unit: '万元',
        definitionZh: '本月协同区内纳税人缴纳入库的各项税收收入合计（不含海关代征税收）',
        decimals: 2,
        min: 0,
        max: 1_000_000,
      },
      {
        code: 'importExportValue',
        nameZh: '进出口总额',
        nameEn: 'Import and export value',
        unit: '万元',
        definitionZh: '本月协同区内企业经海关进口和出口的货物贸易总值（人民币）',
        decimals: 2,
        min: 0,
        max: 10_000_000,
      },
      {
        code: 'actualForeignInvestment',
        nameZh: '实际利用外资',
        nameEn: 'Actual foreign investment',
        unit: '万美元',
        definitionZh: '本月协同区内外商投资企业实际到位的外方投资金额',
        decimals: 2,
        min: 0,
        max: 1_000_000,
      },
    ],
  },
];
