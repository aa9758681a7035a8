/**
 * The acts the seeded catalogue cites, with the dates their texts were in force, so that each catalogue
 * version cites only what was law on its effective date. An act whose articles were renumbered by a
 * revision lists its editions, and a citation of it names the edition (《…》（2014年修正）第六十二条);
 * an act without editions kept the cited articles' numbers throughout.
 * Source of the dates: the acts as published in 国家法律法规数据库 (flk.npc.gov.cn) and, for State Council
 * documents, 中国政府网 (www.gov.cn/zhengce).
 */
export interface LegalAct {
  title: string;
  inForceFrom: string;
  /** The day it ceased to be in force, if it has. */
  until?: string;
  editions?: { label: string; from: string; until?: string }[];
}

export const legalActs: LegalAct[] = [
  { title: '中华人民共和国食品安全法', inForceFrom: '2015-10-01' },
  { title: '公共场所卫生管理条例', inForceFrom: '1987-04-01' },
  { title: '中华人民共和国城乡规划法', inForceFrom: '2008-01-01' },
  { title: '中华人民共和国建筑法', inForceFrom: '1998-03-01' },
  { title: '中华人民共和国道路运输条例', inForceFrom: '2004-07-01' },
  { title: '中华人民共和国药品管理法', inForceFrom: '2019-12-01' },
  {
    title: '医疗器械监督管理条例',
    inForceFrom: '2000-04-01',
    editions: [
      { label: '2017年修订', from: '2017-05-04', until: '2021-06-01' },
      { label: '2020年修订', from: '2021-06-01' },
    ],
  },
  { title: '出版管理条例', inForceFrom: '2002-02-01' },
  { title: '危险化学品安全管理条例', inForceFrom: '2011-12-01' },
  { title: '排污许可管理条例', inForceFrom: '2021-03-01' },
  { title: '中华人民共和国环境保护法', inForceFrom: '2015-01-01' },
  { title: '无照经营查处办法', inForceFrom: '2017-10-01' },
  { title: '中华人民共和国市场主体登记管理条例', inForceFrom: '2022-03-01' },
  {
    title: '中华人民共和国安全生产法',
    inForceFrom: '2002-11-01',
    editions: [
      { label: '2014年修正', from: '2014-12-01', until: '2021-09-01' },
      { label: '2021年修正', from: '2021-09-01' },
    ],
  },
  { title: '国务院关于在自由贸易试验区开展"证照分离"改革全覆盖试点的通知', inForceFrom: '2019-12-01' },
  { title: '国务院关于深化"证照分离"改革进一步激发市场主体发展活力的通知', inForceFrom: '2021-07-01' },
  { title: '企业投资项目核准和备案管理条例', inForceFrom: '2017-02-01' },
  { title: '中华人民共和国外商投资法', inForceFrom: '2020-01-01' },
];

/**
 * Why a citation was not law on a day, or null when it was: the act (and the edition it names, which a
 * renumbered act's citation must name) in force on that day.
 */
export function citationProblem(citation: string, on: string): string | null {
  const [, title, edition] = /^《([^》]+)》(?:（([^）]+)）)?/.exec(citation) ?? [];
  if (!title) return `cites no act: ${citation}`;
  const act = legalActs.find((a) => a.title === title);
  if (!act) return `an act not in the data: ${title}`;
  if (act.inForceFrom > on || (act.until && act.until <= on)) return `${title} was not in force on ${on}`;
  // A parenthesis after an act without editions is its document number (国发〔2021〕7号), not an edition.
  if (!act.editions) return null;
  const named = act.editions.find((e) => e.label === edition);
  if (!named) return `${title} was renumbered: the citation names its edition (${act.editions.map((e) => e.label).join(', ')})`;
  if (named.from > on || (named.until && named.until <= on)) return `${title}（${edition}） was not in force on ${on}`;
  return null;
}
