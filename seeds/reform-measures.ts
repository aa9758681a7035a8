/**
 * Reform measures granted to the FTZ as pilots (试点), for the zones to copy (营政发〔2020〕16号 二(二),
 * 四(三)(四)). Only real pilots: a measure that became a nationwide obligation is delisted from the
 * day it did, with the act that made it so; its record and the zones' decisions stay. Each names its
 * source. Codes are stable: a measure keeps its code, a new one takes the next.
 */
export interface MeasureSeed {
  code: string;
  titleZh: string;
  titleEn: string;
  grantedBy: string;
  grantedOn: string;
  summary: string;
  /** The act that granted it to the FTZ (or, for the zones' own mechanism, the act that set it up). */
  source: string;
  /** No longer a pilot: from when, and why. */
  delisted?: { on: string; reason: string };
}

export const reformMeasures: MeasureSeed[] = [
  {
    code: 'RM-001',
    titleZh: '“证照分离”改革全覆盖',
    titleEn: 'Separating operating permits from the business licence, for every item',
    grantedBy: '国务院',
    grantedOn: '2019-11-06',
    summary: '涉企经营许可事项按直接取消审批、审批改备案、实行告知承诺、优化审批服务分类改革',
    source: '《国务院关于在自由贸易试验区开展“证照分离”改革全覆盖试点的通知》（国发〔2019〕25号）',
    delisted: {
      on: '2021-07-01',
      reason:
        '自2021年7月1日起在全国推开（《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》国发〔2021〕7号），已是全国性要求，不再是自贸试验区试点',
    },
  },
  {
    code: 'RM-002',
    titleZh: '行政审批跨区域“无差别化”受理',
    titleEn: 'Cross-zone "no-difference" acceptance of administrative approvals',
    grantedBy: '辽宁省人民政府',
    grantedOn: '2020-06-30',
    summary: '任一协同区窗口受理任一协同区的审批申请，按住所分送属地办理',
    source:
      '《营口市人民政府关于中国（辽宁）自由贸易试验区营口片区协同发展示范区建设实施意见》（营政发〔2020〕16号）二(二)：“探索推行行政审批跨区‘无差别化’受理审批”',
  },
  {
    code: 'RM-003',
    titleZh: '统一的市场准入负面清单制度',
    titleEn: 'One market access negative list',
    grantedBy: '国家发展改革委、商务部',
    grantedOn: '2020-12-10',
    summary: '清单之外的行业、领域、业务等各类市场主体皆可依法平等进入',
    source: '《国务院关于实行市场准入负面清单制度的意见》（国发〔2015〕55号）',
    delisted: { on: '2018-12-21', reason: '市场准入负面清单制度自2018年起在全国统一实行，是全国性制度，不是授予片区的试点' },
  },
  {
    code: 'RM-004',
    titleZh: '涉企经营许可告知承诺制',
    titleEn: 'Licensing on notification and commitment',
    grantedBy: '国务院',
    grantedOn: '2019-11-06',
    summary: '申请人书面承诺符合条件即可取得许可，由属地执法机关事中事后核查',
    source: '《国务院关于在自由贸易试验区开展“证照分离”改革全覆盖试点的通知》（国发〔2019〕25号）',
    delisted: { on: '2021-07-01', reason: '随“证照分离”改革全覆盖在全国推开（国发〔2021〕7号），告知承诺已是全国性要求' },
  },
  {
    code: 'RM-005',
    titleZh: '“互联网+监管”与信用分级分类监管',
    titleEn: 'Internet Plus supervision and credit-graded supervision',
    grantedBy: '国务院',
    grantedOn: '2019-09-06',
    summary: '以信用监管为核心的事中事后全链条监管，宽放、严管、可控的大数据监管体系',
    source: '国务院关于加强和规范事中事后监管的部署（全国性要求）',
    delisted: { on: '2019-09-06', reason: '全国各级政府均须实行的监管要求，不是授予片区的试点' },
  },
  {
    code: 'RM-006',
    titleZh: '口岸数据互换、执法互认和协同监管',
    titleEn: 'Port data exchange, mutual recognition of enforcement and joint supervision',
    grantedBy: '海关总署',
    grantedOn: '2020-01-15',
    summary: '综保区与开放平台载体协同，提升通关一体化水平',
    source: '《中国（辽宁）自由贸易试验区总体方案》（国发〔2017〕15号）：口岸监管“信息互换、监管互认、执法互助”',
  },
];
