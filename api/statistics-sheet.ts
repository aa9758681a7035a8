/**
 * A statistics view as a file for submission: a spreadsheet (.xlsx) or CSV with Chinese headings, the
 * period, the view, and the snapshot its figures come from (id and SHA-256) above the table, so that a
 * reader can check the file against the records.
 */
import ExcelJS from 'exceljs';
import type { IndicatorDefinition } from '../domain/economic-indicators';
import { INDICATORS, type Indicator, type Indicators, type View } from '../domain/statistics';
import { ECONOMIC_INDICATORS, INDICATOR_LABELS, RECORD_UNITS, VIEW_LABELS } from '../domain/statistics-labels';
import type { MonthSource } from './statistics-figures';

interface Row {
  unit: string;
  name: string;
  indicators: Indicators;
  merged?: string[];
}
interface Table {
  rows: Row[];
  total: Indicators;
}

/** What a file holds: a month (with the corrections its snapshot published) or a year (with each month's source). */
export type SheetInput = Table & { view: View; exportedAt: string; units: Partial<Record<Indicator, string>> } & (
    | ({ kind: 'month'; period: string; corrections: (Table & { period: string })[] } & Omit<MonthSource, 'period'>)
    | { kind: 'year'; year: number; months: MonthSource[] }
  );

/** Each indicator's unit: the definition's for reported figures, the records' own for counts. */
export function unitsOf(definitions: Pick<IndicatorDefinition, 'code' | 'unit'>[]): Partial<Record<Indicator, string>> {
  return { ...RECORD_UNITS, ...Object.fromEntries(definitions.map((d) => [d.code, d.unit])) };
}

const heading = (input: SheetInput, name: Indicator) =>
  `${INDICATOR_LABELS[name].zh}${input.units[name] ? `（${input.units[name]}）` : ''}`;
const periodWords = (input: SheetInput) =>
  input.kind === 'month' ? `${input.period.slice(0, 4)}年${Number(input.period.slice(5))}月` : `${input.year}年`;
const SOURCE_WORDS = { snapshot: '月度快照', live: '实时数据（未快照，仅供参考）' };

/** The lines above the table: what, when, from which snapshot. */
function header(input: SheetInput): (string | number)[][] {
  const title = `营口自贸片区协同发展示范区统计指标（${VIEW_LABELS[input.view].zh}）`;
  const lines: (string | number)[][] = [[title], ['统计期', periodWords(input)], ['统计口径', VIEW_LABELS[input.view].zh]];
  if (input.kind === 'month') {
    lines.push(
      ['数据来源', SOURCE_WORDS[input.source]],
      ['快照编号', input.snapshotId ?? '无（本月尚未快照）'],
      ['快照哈希（SHA-256）', input.hash ?? '无'],
      ['快照时间', input.takenAt ?? '无'],
    );
  } else {
    const snapshotted = input.months.filter((m) => m.source === 'snapshot').length;
    lines.push([
      '数据来源',
      `各月已发布数据（快照及其后更正）合计：${snapshotted} 个月为快照，${input.months.length - snapshotted} 个月为实时数据`,
    ]);
  }
  lines.push(['导出时间', input.exportedAt]);
  return lines;
}

function tableLines(input: SheetInput, table: Table): (string | number)[][] {
  const national = input.view === 'national';
  const head = ['单位', '代码', ...(national ? ['并入的协同区'] : []), ...INDICATORS.map((name) => heading(input, name))];
  const line = (row: Row) => [
    row.name,
    row.unit,
    ...(national ? [(row.merged ?? []).join('、')] : []),
    ...INDICATORS.map((name) => row.indicators[name]),
  ];
  return [head, ...table.rows.map(line), ['合计', '', ...(national ? [''] : []), ...INDICATORS.map((name) => table.total[name])]];
}

function sourceLines(months: MonthSource[]): (string | number)[][] {
  return [
    ['月份', '数据来源', '快照编号', '快照哈希（SHA-256）', '快照时间'],
    ...months.map((m) => [m.period, SOURCE_WORDS[m.source], m.snapshotId ?? '无', m.hash ?? '无', m.takenAt ?? '无']),
  ];
}

/** Every line of the file, in order: the header, the table, the corrections (a month) or the sources (a year). */
function lines(input: SheetInput): { main: (string | number)[][]; sources?: (string | number)[][] } {
  const main = [...header(input), [], ...tableLines(input, input)];
  if (input.kind === 'month') {
    for (const correction of input.corrections)
      main.push([], [`本快照对 ${correction.period} 已发布数据的更正（增减数）`], ...tableLines(input, correction));
    return { main };
  }
  return { main, sources: sourceLines(input.months) };
}

export async function toXlsx(input: SheetInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'collab-zones';
  book.created = new Date(input.exportedAt);
  const { main, sources } = lines(input);
  const sheet = book.addWorksheet('统计表');
  for (const line of main) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true, size: 14 };
  // Amounts to two places, as reported; counts as whole numbers.
  const firstIndicatorColumn = input.view === 'national' ? 4 : 3;
  ECONOMIC_INDICATORS.forEach((name) => {
    if (name === 'newMarketEntities') return;
    sheet.getColumn(firstIndicatorColumn + INDICATORS.indexOf(name)).numFmt = '0.00';
  });
  sheet.getColumn(1).width = 24;
  if (sources) {
    const sourceSheet = book.addWorksheet('数据来源');
    for (const line of sources) sourceSheet.addRow(line);
    sourceSheet.getColumn(4).width = 66;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** CSV as spreadsheet programs open it: UTF-8 with a byte-order mark, CRLF lines, fields quoted when they must be. */
export function toCsv(input: SheetInput): string {
  const { main, sources } = lines(input);
  const field = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const all = sources ? [...main, [], ['数据来源'], ...sources] : main;
  return `\uFEFF${all.map((line) => line.map(field).join(',')).join('\r\n')}\r\n`;
}
