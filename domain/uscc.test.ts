import { usccCheckCharacter, usccDivision, usccProblem } from './uscc';

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
    const base = '9121080000000000';
    const found = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => base + c).find((first17) => usccCheckCharacter(first17) === '0');
    expect(found).toBeDefined();
    expect(usccProblem(`${found}0`)).toBeNull();
  });
});
