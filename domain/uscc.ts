/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from
 * 0-9 A-H J-N P-R T U W-Y; the last is a check character over the first 17. Positions 1–2 are the
 * registration authority (登记管理部门码) and the kind of entity (机构类别码), 3–8 the division where it
 * was first registered, 9–17 its organisation code (GB 11714, with a check character of its own).
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

/** GB 11714: eight characters (digits, A=10 … Z=35) weighted 3 7 9 10 5 8 4 2; check 11 − (Σ mod 11), 10 is X, 11 is 0. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
export function organisationCodeCheckCharacter(body8: string): string {
  const sum = [...body8].reduce((total, char, i) => total + parseInt(char, 36) * ORG_WEIGHTS[i], 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Why a code is not a valid USCC by GB 32100, or null when it is. Kept to GB 32100 alone: entities
 * registered before codes carried a checked organisation code keep being recognised (penalties, credit).
 */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  if (![...code].every((char) => ALPHABET.includes(char))) return 'character';
  return usccCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'check';
}

/** Why a code is not a valid USCC with a valid GB 11714 organisation code at 9–17, or null: the check a new application passes. */
export function fullUsccProblem(code: string): UsccProblem | 'organisationCode' | null {
  const problem = usccProblem(code);
  if (problem) return problem;
  return organisationCodeCheckCharacter(code.slice(8, 16)) === code[16] ? null : 'organisationCode';
}

/** The division (positions 3–8) where the entity was first registered; not its residence. */
export function usccDivision(code: string): string {
  return code.slice(2, 8);
}

/** 登记管理部门码 9 (market regulation) and 机构类别码 1 (enterprise): a company. */
export const ISSUED_KIND = '91';
/** The FTZ's registration authority registers at the city level of Yingkou. */
export const ISSUED_DIVISION = '210800';
const SERIAL_LENGTH = 7;

/**
 * A new USCC for an entity that has none, as the FTZ's registration authority issues it: a company
 * (91), first registered in Yingkou (210800), an organisation code of the M series that registration
 * authorities assign — M, seven characters drawn from `serial`, its GB 11714 check — and the GB 32100 check.
 * `serial` is any text; its hexadecimal digits (a UUID's, say) choose the seven characters.
 */
export function issueUscc(serial: string): string {
  let n = BigInt(`0x0${serial.replace(/[^0-9a-fA-F]/g, '')}`);
  let chars = '';
  for (let i = 0; i < SERIAL_LENGTH; i += 1) {
    chars = ALPHABET[Number(n % 31n)] + chars;
    n /= 31n;
  }
  const body8 = `M${chars}`;
  const first17 = `${ISSUED_KIND}${ISSUED_DIVISION}${body8}${organisationCodeCheckCharacter(body8)}`;
  return first17 + usccCheckCharacter(first17);
}
