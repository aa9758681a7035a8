import { firstCatalog, penaltiesDelisted } from './catalog';
import { citationProblem } from './legal-acts';

describe('the seeded catalogue cites the law of its day', () => {
  test('version 1 cites only acts (and editions) in force on its effective date', () => {
    const problems = firstCatalog.powers.map((p) => citationProblem(p.legalBasis, firstCatalog.effectiveDate)).filter(Boolean);
    expect(problems).toEqual([]);
  });

  test('the version that delists penalties cites the acts in force on its own date', () => {
    const cited = firstCatalog.powers.map((p) => penaltiesDelisted.legalBases[p.code] ?? p.legalBasis);
    expect(cited.map((c) => citationProblem(c, penaltiesDelisted.effectiveDate)).filter(Boolean)).toEqual([]);
  });

  test('the check refuses what it exists to refuse', () => {
    // What version 1 cited before it was corrected: an act of 2021-03 and a renumbered act without its edition.
    expect(citationProblem('《排污许可管理条例》第三条', '2021-01-01')).toMatch(/not in force on 2021-01-01/);
    expect(citationProblem('《中华人民共和国安全生产法》第六十五条', '2021-01-01')).toMatch(/names its edition/);
    expect(citationProblem('《中华人民共和国安全生产法》（2021年修正）第六十五条', '2021-01-01')).toMatch(/not in force/);
    expect(citationProblem('《中华人民共和国安全生产法》（2014年修正）第六十二条', '2021-01-01')).toBeNull();
    expect(citationProblem('《某某条例》第一条', '2021-01-01')).toMatch(/not in the data/);
    expect(citationProblem('依法', '2021-01-01')).toMatch(/cites no act/);
  });
});
