import { indicatorEditions } from '../seeds/economic-indicators';
import { checkFigures, indicatorReportSchema, reportPrefill } from './economic-indicators';
import { wordRefusal, type RefusalNames } from './refusal-wording';

const [{ definitions }] = indicatorEditions;
/** A figure's wording names nothing from the registries: ids stand for names. */
const ids: RefusalNames = { org: (id) => id, county: (code) => code, field: (path) => path };
const good = {
  newMarketEntities: { value: 3, unit: '户' },
  registeredCapital: { value: 100.25, unit: '万元' },
  taxRevenue: { value: 0, unit: '万元' },
  importExportValue: { value: 1e3, unit: '万元' },
  actualForeignInvestment: { value: 0.5, unit: '万美元' },
};

test('figures that fit their definitions pass; each misfit is a catalogued refusal on its path, and its Chinese', () => {
  expect(checkFigures(definitions, good)).toEqual([]);
  const problems = checkFigures(definitions, {
    ...good,
    newMarketEntities: { value: 1.5, unit: '家' },
    registeredCapital: { value: 100.255, unit: '万元' },
    taxRevenue: { value: -0.01, unit: '万元' },
    importExportValue: { value: Number.POSITIVE_INFINITY, unit: '万元' },
    exports: { value: 1, unit: '万元' },
  });
  expect(problems.map((p) => [p.path, p.message])).toEqual([
    ['figures.newMarketEntities.value', '新增市场主体：应为整数（户）'],
    ['figures.newMarketEntities.unit', '新增市场主体：计量单位应为“户”，不是“家”'],
    ['figures.registeredCapital.value', '新增注册资本：最多保留2位小数（万元）'],
    ['figures.taxRevenue.value', '税收收入：不得为负数'],
    ['figures.importExportValue.value', '进出口总额：应为数字（万元）'],
    ['figures.exports', 'exports：不是本月需报送的指标'],
  ]);
  expect(problems.map((p) => p.refusal)).toEqual([
    {
      code: 'FIGURE_TOO_PRECISE',
      params: { indicator: 'newMarketEntities', decimals: 0, unit: '户' },
      path: 'body.figures.newMarketEntities.value',
    },
    {
      code: 'FIGURE_UNIT_WRONG',
      params: { indicator: 'newMarketEntities', unit: '户', given: '家' },
      path: 'body.figures.newMarketEntities.unit',
    },
    {
      code: 'FIGURE_TOO_PRECISE',
      params: { indicator: 'registeredCapital', decimals: 2, unit: '万元' },
      path: 'body.figures.registeredCapital.value',
    },
    { code: 'FIGURE_BELOW_MIN', params: { indicator: 'taxRevenue', min: 0, unit: '万元' }, path: 'body.figures.taxRevenue.value' },
    { code: 'FIGURE_NOT_A_NUMBER', params: { indicator: 'importExportValue', unit: '万元' }, path: 'body.figures.importExportValue.value' },
    { code: 'FIGURE_NOT_ASKED', params: { indicator: 'exports' }, path: 'body.figures.exports' },
  ]);
  // The catalogue's Chinese is the Chinese the check has always given.
  for (const p of problems) expect(wordRefusal(p.refusal, 'zh', ids)).toBe(p.message);
  const { actualForeignInvestment: _gone, ...missing } = good;
  expect(checkFigures(definitions, missing)).toEqual([
    {
      path: 'figures.actualForeignInvestment.value',
      message: '实际利用外资：必填，请填写本月数值（万美元）',
      refusal: {
        code: 'FIGURE_MISSING',
        params: { indicator: 'actualForeignInvestment', unit: '万美元' },
        path: 'body.figures.actualForeignInvestment.value',
      },
    },
  ]);
});

test('the payload schema says what is missing in Chinese, and the form starts from the units', () => {
  const parsed = indicatorReportSchema.safeParse({ figures: { ...good, taxRevenue: { unit: '万元' } } });
  expect(parsed.success).toBe(false);
  expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['figures.taxRevenue.value', '必填：请填写数值']]);
  expect(reportPrefill(definitions).figures.actualForeignInvestment).toEqual({ unit: '万美元' });
  expect(reportPrefill(definitions, good).figures.registeredCapital).toEqual({ value: 100.25, unit: '万元' });
});
