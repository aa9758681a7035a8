import { fullUsccProblem, issueUscc, organisationCodeCheckCharacter, usccCheckCharacter, usccDivision, usccProblem } from './uscc';

describe('unified social credit codes (GB 32100-2015)', () => {
  test("the standard's worked example is valid", () => {
    expect(usccProblem('91350100M000100Y43')).toBeNull();
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccDivision('91350100M000100Y43')).toBe('350100');
  });

  test('a changed character breaks the check', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check');
    expect(usccProblem('91350100M000101Y43')).toBe('check');
  });

  test('wrong length and characters outside the alphabet (I, O, S, V, Z, lower case) are refused', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('length');
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'a']) {
      expect(usccProblem(`91350100M000100Y4${bad}`)).toBe('character');
    }
  });

  test('a check that computes to 31 is written 0', () => {
    // 31 − (Σ mod 31) is never 0, so a check character 0 comes only from a sum that is a multiple of 31.
    const alphabet = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
    const found = alphabet
      .flatMap((a) => alphabet.map((b) => `000000${a}${b}`))
      .map((body) => `91210800${body}${organisationCodeCheckCharacter(body)}`)
      .find((first17) => usccCheckCharacter(first17) === '0');
    expect(found).toBeDefined();
    expect(fullUsccProblem(`${found}0`)).toBeNull();
  });
});

describe('the organisation code inside a USCC (GB 11714)', () => {
  test("the standard's example carries a valid organisation code", () => {
    expect(organisationCodeCheckCharacter('M000100Y')).toBe('4');
  });

  test('a code whose GB 32100 check holds but whose positions 9–17 fail GB 11714 is refused', () => {
    const first17 = '91210800M0001005Y'.slice(0, 16) + '9';
    expect(organisationCodeCheckCharacter(first17.slice(8, 16))).not.toBe('9');
    expect(usccProblem(first17 + usccCheckCharacter(first17))).toBeNull();
    expect(fullUsccProblem(first17 + usccCheckCharacter(first17))).toBe('organisationCode');
  });

  test('an issued code: a company (91) first registered in Yingkou (210800), M series', () => {
    const code = issueUscc('0123456789abcdef');
    expect(code).toMatch(/^91210800M/);
    expect(fullUsccProblem(code)).toBeNull();
    expect(issueUscc('0123456789abcdef')).toBe(code);
    expect(issueUscc('0123456789abcdee')).not.toBe(code);
  });
});
