import { indicatorEditions } from '../seeds/economic-indicators';
import { checkFigures, indicatorReportSchema, reportPrefill } from './economic-indicators';

const [{ definitions }] = indicatorEditions;
const good = {
  newMarketEntities: { value: 3, unit: '户' },
  registeredCapital: { value: 100.25, unit: '万元' },
  taxRevenue: { value: 0, unit: '万元' },
  importExportValue: { value: 1e3, unit: '万元' },
  actualForeignInvestment: { value: 0.5, unit: '万美元' },
};

test('figures that fit their definitions pass; each misfit is named on its path, in Chinese', () => {
  expect(checkFigures(definitions, good)).toEqual([]);
  expect(
    checkFigures(definitions, {
      ...good,
      newMarketEntities: { value: 1.5, unit: '家' },
      registeredCapital: { value: 100.255, unit: '万元' },
      taxRevenue: { value: -0.01, unit: '万元' },
      importExportValue: { value: Number.POSITIVE_INFINITY, unit: '万元' },
    }),
  ).toEqual([
    { path: 'figures.newMarketEntities.value', message: '新增市场主体：应为整数（户）' },
    { path: 'figures.newMarketEntities.unit', message: '新增市场主体：计量单位应为“户”，不是“家”' },
    { path: 'figures.registeredCapital.value', message: '新增注册资本：最多保留2位小数（万元）' },
    { path: 'figures.taxRevenue.value', message: '税收收入：不得为负数' },
    { path: 'figures.importExportValue.value', message: '进出口总额：应为数字（万元）' },
  ]);
  const { actualForeignInvestment: _gone, ...missing } = good;
  expect(checkFigures(definitions, missing)).toEqual([
    { path: 'figures.actualForeignInvestment.value', message: '实际利用外资：必填，请填写本月数值（万美元）' },
  ]);
});

test('the payload schema says what is missing in Chinese, and the form starts from the units', () => {
  const parsed = indicatorReportSchema.safeParse({ figures: { ...good, taxRevenue: { unit: '万元' } } });
  expect(parsed.success).toBe(false);
  expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['figures.taxRevenue.value', '必填：请填写数值']]);
  expect(reportPrefill(definitions).figures.actualForeignInvestment).toEqual({ unit: '万美元' });
  expect(reportPrefill(definitions, good).figures.registeredCapital).toEqual({ value: 100.25, unit: '万元' });
});
