import { divisions } from '../../seeds/divisions';

/** Yingkou's real county codes, as the seeds know them. */
export const REAL_COUNTY_CODES: readonly string[] = divisions.filter((d) => d.level === 'county').map((d) => d.code);

/** Yingkou county codes (2108xx) no real county has: counties of a test file's or a run's own. */
export function spareCountyCodes(): string[] {
  return Array.from({ length: 88 }, (_, i) => `2108${i + 12}`).filter((code) => !REAL_COUNTY_CODES.includes(code));
}
