/**
 * Reform measures granted to the FTZ that the city policy (营政发〔2020〕16号) names for the zones to
 * copy: its 二(二) and 四(三)(四) sections. Who granted each and when is the national or provincial act
 * behind it; zones adopt or decline each through the `pilot-adoption` process.
 */
export interface MeasureSeed {
  code: string;
  titleZh: string;
  titleEn: string;
  grantedBy: string;
  grantedOn: string;
  summary: string;
}

export const reformMeasures: MeasureSeed[] = [
  {
    code: 'RM-001',
    titleZh: '“证照分离”改革全覆盖',
    titleEn: 'Separating operating permits from the business licence, for every item',
    grantedBy: '国务院',
    grantedOn: '2019-11-06',
    summary: '涉企经营许可事项按直接取消审批、审批改备案、实行告知承诺、优化审批服务分类改革',
  },
  {
    code: 'RM-002',
    titleZh: '行政审批跨区域“无差别化”受理',
    titleEn: 'Cross-zone "no-difference" acceptance of administrative approvals',
    grantedBy: '辽宁省人民政府',
    grantedOn: '2020-06-30',
    summary: '任一协同区窗口受理任一协同区的审批申请，按住所分送属地办理',
  },
  {
    code: 'RM-003',
    titleZh: '统一的市场准入负面清单制度',
    titleEn: 'One market access negative list',
    grantedBy: '国家发展改革委、商务部',
    grantedOn: '2020-12-10',
    summary: '清单之外的行业、领域、业务等各类市场主体皆可依法平等进入',
  },
  {
    code: 'RM-004',
    titleZh: '涉企经营许可告知承诺制',
    titleEn: 'Licensing on notification and commitment',
    grantedBy: '国务院',
    grantedOn: '2019-11-06',
    summary: '申请人书面承诺符合条件即可取得许可，由属地执法机关事中事后核查',
  },
  {
    code: 'RM-005',
    titleZh: '“互联网+监管”与信用分级分类监管',
    titleEn: 'Internet Plus supervision and credit-graded supervision',
    grantedBy: '国务院',
    grantedOn: '2019-09-06',
    summary: '以信用监管为核心的事中事后全链条监管，宽放、严管、可控的大数据监管体系',
  },
  {
    code: 'RM-006',
    titleZh: '口岸数据互换、执法互认和协同监管',
    titleEn: 'Port data exchange, mutual recognition of enforcement and joint supervision',
    grantedBy: '海关总署',
    grantedOn: '2020-01-15',
    summary: '综保区与开放平台载体协同，提升通关一体化水平',
  },
];
