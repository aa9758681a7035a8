/**
 * What a zone is: "具体设定区域以…签署协同发展备忘录为准" — the area its signed memorandum draws
 * (townships and/or parks of the county), not the whole county; and the city's approval (批复) a
 * county needs before its memorandum, which the first batch has from the policy itself.
 */
import { z } from 'zod';
import { FIRST_BATCH, POLICY_APPROVAL } from './first-batch';
import { builtOnFirstUse, isoDate, text } from './schemas';

export { FIRST_BATCH, POLICY_APPROVAL };

/** A township-level unit (乡镇/街道): its 9-digit 统计用区划代码. */
export const TOWNSHIP_CODE = /^2108\d{5}$/;
/** A park's id in the division data: `P-<county>-<nn>`. */
export const PARK_ID = /^P-2108\d{2}-\d{2}$/;

/** The memorandum's area: the units it draws, its size and description, an optional map. */
export const zoneAreaSchema = builtOnFirstUse(() =>
  z
    .object({
      townshipCodes: z.array(z.string().regex(TOWNSHIP_CODE, 'a township code (9 digits)')).max(100),
      parkIds: z.array(z.string().regex(PARK_ID, 'a park of the division data')).max(50),
      areaKm2: z.number().positive().max(10_000),
      description: text(2000),
      geojson: z.record(z.string(), z.unknown()).optional(),
    })
    .strict()
    .refine((area) => area.townshipCodes.length + area.parkIds.length > 0, {
      message: 'the area names at least one township or park',
      path: ['townshipCodes'],
    })
    .refine(
      (area) => new Set(area.townshipCodes).size === area.townshipCodes.length && new Set(area.parkIds).size === area.parkIds.length,
      {
        message: 'each township and park once',
        path: ['townshipCodes'],
      },
    ),
);
export type ZoneArea = z.infer<typeof zoneAreaSchema>;

/** The units a memorandum's boundary draws; memoranda signed before areas existed drew none. */
export function unitsOf(boundary: unknown): { townshipCodes: string[]; parkIds: string[] } {
  const b = (boundary ?? {}) as { townshipCodes?: string[]; parkIds?: string[] };
  return { townshipCodes: b.townshipCodes ?? [], parkIds: b.parkIds ?? [] };
}

/** One signed version of a zone's area and the day it applies from. */
export interface AreaVersion {
  zoneCode: string;
  memorandumVersion: number;
  effectiveFrom: string;
  townshipCodes: string[];
  parkIds: string[];
}

/** Where an address is: its township, and the park it is in if any. */
export interface Place {
  townshipCode: string;
  parkId?: string;
}

/**
 * The area version applying on `date` (a day in China): the latest effective by then; none before the
 * first. An amendment's area thus applies from its day, and earlier days keep the earlier area.
 */
export function areaOn(versions: AreaVersion[], date: string): AreaVersion | undefined {
  return versions
    .filter((v) => v.effectiveFrom <= date)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.memorandumVersion - b.memorandumVersion)
    .at(-1);
}

/** A place is in an area when its township, or the park it names, is drawn into it. */
export function placeInArea(area: Pick<AreaVersion, 'townshipCodes' | 'parkIds'>, place: Place): boolean {
  return area.townshipCodes.includes(place.townshipCode) || (place.parkId !== undefined && area.parkIds.includes(place.parkId));
}

/**
 * The day a signed version's area applies from: its effective date, but never before the day it was
 * signed (a signature does not move membership backwards: entities registered meanwhile stay as they are).
 * The first version applies from its signing, as the zone itself exists from then.
 */
export function areaEffectiveFrom(input: { first: boolean; effectiveDate: string; signedOn: string }): string {
  if (input.first) return input.signedOn;
  return input.effectiveDate > input.signedOn ? input.effectiveDate : input.signedOn;
}

/** The city's approval (批复) of a zone: its 文号 and date. */
export const approvalSchema = builtOnFirstUse(() => z.object({ documentNumber: text(100), approvedOn: isoDate }).strict());
export type Approval = z.infer<typeof approvalSchema>;

/** The approval a launch records: the one given, else the policy's for the first batch; none otherwise. */
export function launchApproval(countyCode: string, given?: Approval): Approval | undefined {
  return given ?? (FIRST_BATCH.includes(countyCode) ? POLICY_APPROVAL : undefined);
}
