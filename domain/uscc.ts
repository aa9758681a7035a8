/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from
 * 0-9 A-H J-N P-R T U W-Y; the last is a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccProblem = 'length' | 'character' | 'check';

/** The check character of the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, char, i) => total + ALPHABET.indexOf(char) * WEIGHTS[i], 0);
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check];
}

/** Why a code is not a valid USCC, or null when it is. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((char) => ALPHABET.includes(char))) return 'character';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

/** The division (positions 3–8) where the entity was first registered; not its residence. */
export function usccDivision(code: string): string {
  return code.slice(2, 8);
}

/**
 * A new USCC for an entity that has none, as the FTZ's registration authority issues it: a company
 * (91), first registered in Yingkou (210800), a nine-character body from `serial`, and its check.
 */
export function issueUscc(serial: string): string {
  const body = serial.toUpperCase().replace(/[^0-9A-F]/g, '').padEnd(9, '0').slice(0, 9);
  const first17 = `91210800${body}`;
  return first17 + usccCheckCharacter(first17);
}
