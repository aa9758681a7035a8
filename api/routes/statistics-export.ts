import { z } from 'zod';
import { periodSchema, VIEWS } from '../../domain/statistics';
import { latestIndicatorDefinitions } from '../../store/indicators';
import { refused } from '../errors';
import { defineRoute } from '../route';
import { monthFigures, yearFigures, yearHasBegun } from '../statistics-figures';
import { toCsv, toXlsx, unitsOf, type SheetInput } from '../statistics-sheet';
import { yearQuery } from './statistics';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

export const exportStatistics = defineRoute({
  method: 'get',
  path: '/api/statistics/export',
  summary:
    'A view for submission as a file (format=xlsx or csv), for a month (period) or a year: Chinese headings, the period and view, and the snapshot the figures come from (id and SHA-256; ' +
    'a year names each month’s in a sheet of sources). The figures are those of GET /api/statistics with the same query.',
  tag: 'Registries',
  query: z.object({
    view: z.enum(VIEWS).default('municipal'),
    period: periodSchema.optional(),
    year: yearQuery.optional(),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  }),
  produces: [XLSX, CSV],
  response: z.union([z.string(), z.custom<Buffer>((value) => Buffer.isBuffer(value))]),
  async handler({ query, deps, res }) {
    if (Boolean(query.period) === (query.year !== undefined)) {
      throw refused('PERIOD_OR_YEAR', {}, query.period ? 'query.year' : 'query.period');
    }
    if (query.year !== undefined && !yearHasBegun(query.year)) throw refused('YEAR_NOT_BEGUN', { year: query.year }, 'query.year');
    const edition = await latestIndicatorDefinitions(deps.db);
    const common = { exportedAt: new Date().toISOString(), units: unitsOf(edition?.definitions ?? []) };
    let input: SheetInput;
    let name: string;
    if (query.period) {
      const { period, ...month } = await monthFigures(deps, query.view, query.period, 'zh');
      input = { ...common, ...month, kind: 'month', period };
      name = period;
    } else {
      input = { ...common, ...(await yearFigures(deps, query.view, query.year!, 'zh')), kind: 'year' };
      name = String(query.year);
    }
    // ASCII name for old clients, the Chinese one (RFC 6266) for the rest.
    const file = `statistics-${query.view}-${name}.${query.format}`;
    const zh = `统计指标-${query.view === 'municipal' ? '市政府考核口径' : '国家省及海关总署考核口径'}-${name}.${query.format}`;
    res.setHeader('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${encodeURIComponent(zh)}`);
    res.type(query.format === 'xlsx' ? XLSX : CSV);
    return query.format === 'xlsx' ? toXlsx(input) : toCsv(input);
  },
});
