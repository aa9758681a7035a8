/**
 * 文号 prefixes (机关代字) of the organisations that issue numbered documents. `demo: true` marks a
 * prefix made up in the organisation's usual pattern for the demonstration, not read from a published
 * document of that organisation: a deployment replaces it with the real one (the table is data).
 */
import { divisions } from './divisions';

export interface DocumentPrefixSeed {
  orgId: string;
  prefix: string;
  source: string;
  demo: boolean;
}

/** Demo prefixes of the county governments, in the 「<简称>政发」 pattern. */
const COUNTY_SHORT: Record<string, string> = {
  '210802': '站政发',
  '210803': '西政发',
  '210804': '鲅政发',
  '210811': '老政发',
  '210881': '盖政发',
  '210882': '大政发',
};

export const documentPrefixes: DocumentPrefixSeed[] = [
  // The policy itself is 营政发〔2020〕16号 (seed/yingkou-collab-zones-2020.txt).
  { orgId: 'city', prefix: '营政发', source: '营政发〔2020〕16号, the policy this product implements', demo: false },
  { orgId: 'ftz', prefix: '营自贸发', source: 'demonstration: the FTZ committee’s prefix in the city’s pattern', demo: true },
  ...divisions
    .filter((d) => d.level === 'county')
    .map((d) => ({
      orgId: `gov-${d.code}`,
      prefix: COUNTY_SHORT[d.code],
      source: `demonstration: ${d.nameZh}人民政府 in the 「简称+政发」 pattern`,
      demo: true,
    })),
];
