import type { Power } from '../domain/powers';

const power = (
  code: string,
  name: string,
  kind: Power['kind'],
  legalBasis: string,
  commitmentApplicable: boolean,
  verificationDays = 30,
): Power => ({
  code,
  name,
  kind,
  legalBasis,
  commitmentApplicable,
  verificationDays,
  status: 'listed',
});

/**
 * The first published catalogue of powers the FTZ may entrust to zones (version 1), citing the acts as
 * they stood on its effective date (seeds/legal-acts.ts checks it).
 */
export const firstCatalog = {
  effectiveDate: '2021-01-01',
  note: '首批可委托协同区行使的行政职权清单',
  powers: [
    power('XK-001', '食品经营许可', 'licensing', '《中华人民共和国食品安全法》第三十五条', true),
    power('XK-002', '公共场所卫生许可', 'licensing', '《公共场所卫生管理条例》第八条', true),
    power('XK-003', '建设工程规划许可证核发', 'licensing', '《中华人民共和国城乡规划法》第四十条', false),
    power('XK-004', '建筑工程施工许可证核发', 'licensing', '《中华人民共和国建筑法》第七条', false),
    power('XK-005', '道路货物运输经营许可', 'licensing', '《中华人民共和国道路运输条例》第二十四条', true, 20),
    power('XK-006', '药品零售企业经营许可', 'licensing', '《中华人民共和国药品管理法》第五十一条', false),
    power('XK-007', '第三类医疗器械经营许可', 'licensing', '《医疗器械监督管理条例》（2017年修订）第三十一条', false),
    power('XK-008', '出版物零售业务经营许可', 'licensing', '《出版管理条例》第三十七条', true, 20),
    power('XK-009', '危险化学品经营许可', 'licensing', '《危险化学品安全管理条例》第三十三条', false),
    power('XK-010', '排污许可', 'licensing', '《中华人民共和国环境保护法》第四十五条', false, 45),
    power('CF-001', '对未取得食品经营许可从事食品经营活动的行政处罚', 'penalty', '《中华人民共和国食品安全法》第一百二十二条', false),
    power('CF-002', '对违反市场主体登记管理规定的行政处罚', 'penalty', '《无照经营查处办法》第十三条', false),
    power('CF-003', '对生产经营单位违反安全生产规定的行政处罚', 'penalty', '《中华人民共和国安全生产法》（2014年修正）第九十四条', false),
    power('CF-004', '对违反环境保护规定的行政处罚', 'penalty', '《中华人民共和国环境保护法》第五十九条', false),
    power(
      'JC-001',
      '告知承诺事项现场核查',
      'inspection',
      '《国务院关于在自由贸易试验区开展"证照分离"改革全覆盖试点的通知》（国发〔2019〕25号）',
      false,
    ),
    power('JC-002', '食品安全监督检查', 'inspection', '《中华人民共和国食品安全法》第一百一十条', false),
    power('JC-003', '安全生产监督检查', 'inspection', '《中华人民共和国安全生产法》（2014年修正）第六十二条', false),
    power('QT-001', '企业投资项目备案', 'other', '《企业投资项目核准和备案管理条例》第十三条', false),
    power('QT-002', '外商投资信息报告', 'other', '《中华人民共和国外商投资法》第三十四条', false),
  ],
};

/**
 * Penalties leave the catalogue: local enforcement imposes them under its own authority (四(三)1), so
 * the FTZ entrusts none. A new version delists every penalty power of the version in force — version 2
 * where the seeded version 1 is in force — and never edits an earlier version; powers are kept, delisted.
 */
export const penaltiesDelisted = {
  effectiveDate: '2026-12-01',
  note: '行政处罚由协同区所在县（市）区行政执法机关按属地原则实施，不属委托事项：处罚类职权移出清单；法律依据按本版施行之日有效的文本更新',
  /** The same version cites the acts in force on its date: what was revised or replaced since version 1. */
  legalBases: {
    'XK-007': '《医疗器械监督管理条例》（2020年修订）第四十二条',
    'XK-010': '《排污许可管理条例》第二条',
    'CF-002': '《中华人民共和国市场主体登记管理条例》第四十三条',
    'CF-003': '《中华人民共和国安全生产法》（2021年修正）第九十七条',
    'JC-001': '《国务院关于深化"证照分离"改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）',
    'JC-003': '《中华人民共和国安全生产法》（2021年修正）第六十五条',
  } as Record<string, string>,
};
