/**
 * Personal data by purpose, one rule for every reader (registries, process views, timelines, exports):
 * ID numbers, phones, contacts and the names of the people behind them are shown in full to
 * auditors and to the organisations handling the step that holds them; everyone else sees them masked.
 * Fields are known by their names wherever they nest: the schemas of domain/ name them so.
 */
const keepEnds = (value: string, head: number, tail: number) =>
  value.length <= head + tail
    ? '*'.repeat(value.length)
    : `${value.slice(0, head)}${'*'.repeat(value.length - head - tail)}${value.slice(-tail)}`;

const MASKS: Record<string, (value: string) => string> = {
  idNumber: (v) => keepEnds(v, 4, 4),
  phone: (v) => keepEnds(v, 3, 4),
  contact: (v) => keepEnds(v, 3, 4),
  // A zone body's head: the surname stays, so the record still reads as a person's.
  head: (v) => `${v.slice(0, 1)}${'*'.repeat(Math.max(1, v.length - 1))}`,
  // An enterprise's contact for a reform demand, and a named attendee of a training session: as a head.
  contactName: (v) => `${v.slice(0, 1)}${'*'.repeat(Math.max(1, v.length - 1))}`,
  personName: (v) => `${v.slice(0, 1)}${'*'.repeat(Math.max(1, v.length - 1))}`,
};

export const PERSONAL_FIELDS = Object.keys(MASKS);

/** A copy with every personal field masked; other values as they were. */
export function maskPersonalData<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item)) as T;
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, typeof item === 'string' && MASKS[key] ? MASKS[key](item) : maskPersonalData(item)]),
  ) as T;
}

export interface Reader {
  orgId: string;
  roles: readonly string[];
}

/** Whether a reader sees a step's personal data in full: an auditor, or one of the organisations handling it. */
export const seesPersonalData = (reader: Reader, handlingOrgs: readonly string[]): boolean =>
  reader.roles.includes('auditor') || handlingOrgs.includes(reader.orgId);

/** The value as this reader may see it. */
export const forReader = <T>(value: T, reader: Reader, handlingOrgs: readonly string[]): T =>
  seesPersonalData(reader, handlingOrgs) ? value : maskPersonalData(value);
