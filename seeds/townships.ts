/**
 * Township-level divisions (乡镇/街道) of Yingkou: the National Bureau of Statistics' 统计用区划代码, kept
 * as the CSV it was compiled into (its first line names the source), one edition per file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DivisionEdition {
  edition: string;
  title: string;
  /** The day the codes describe (统计截止日期). */
  asOf: string;
  source: string;
}

export interface TownshipSeed {
  code: string;
  nameZh: string;
  countyCode: string;
}

const FILE_2023 = join(__dirname, 'reference', 'yingkou-townships-2023.csv');

/** The editions seeded: the counties' GB/T 2260 codes, and the 2023 统计用区划代码 of the townships. */
export const countyEdition: DivisionEdition = {
  edition: 'GB/T 2260',
  title: '中华人民共和国行政区划代码（GB/T 2260）',
  asOf: '1980-01-01',
  source: 'GB/T 2260 行政区划代码，营口市及所辖县（市、区）',
};

/** Reads the CSV: a `#` line naming the source, the header `code,name,county`, then one unit a line. */
export function readTownships(file = FILE_2023): { edition: DivisionEdition; townships: TownshipSeed[] } {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim());
  const source = lines[0].replace(/^#\s*/, '');
  if (lines[1] !== 'code,name,county') throw new Error(`${file}: expected the header code,name,county`);
  const townships = lines.slice(2).map((line) => {
    const [code, nameZh, countyCode] = line.split(',');
    if (!/^\d{9}$/.test(code) || !code.startsWith(countyCode)) throw new Error(`${file}: bad line ${line}`);
    return { code, nameZh, countyCode };
  });
  const edition = { edition: '统计用区划代码2023', title: '统计用区划代码（2023年）', asOf: '2023-06-30', source };
  return { edition, townships };
}
