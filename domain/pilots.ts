/**
 * P6 reform pilots (改革试点复制推广): measures the state or province granted the FTZ, which each zone
 * decides for itself whether to adopt (协同区可视实际情况自主决定实施). One process per measure.
 */
import { z } from 'zod';
import { defineAction } from './actions';
import { builtOnFirstUse, isoDate, text } from './schemas';

/** A day that exists (not 2026-02-30): the records keep it in a date column, which refuses the rest. */
const calendarDate = isoDate.refine((day) => {
  const time = Date.parse(`${day}T00:00:00Z`);
  // Not a date at all (month 13): isoDate has said so already.
  if (Number.isNaN(time)) return true;
  // A day past its month's end parses as a day of the next month.
  return new Date(time).toISOString().startsWith(day);
}, 'a day of the calendar');

/** A reform measure's code: RM and three digits, e.g. RM-001. */
export const measureCodeSchema = z.string().regex(/^RM-\d{3}$/, 'a reform measure code such as RM-001');

/** A measure the FTZ lists as it launches the adoption: one not in the registry yet. */
export const measureListingSchema = builtOnFirstUse(() =>
  z
    .object({
      titleZh: text(200),
      titleEn: text(200),
      /** Who granted it to the FTZ: 国务院, 辽宁省人民政府, 商务部… */
      grantedBy: text(200),
      grantedOn: calendarDate,
      summary: z.string().trim().max(2000).optional(),
    })
    .strict(),
);

export const pilotInputSchema = builtOnFirstUse(() =>
  z
    .object({
      measureCode: measureCodeSchema,
      /** Lists the measure in the registry first; leave out for a measure already listed. */
      listing: measureListingSchema.optional(),
    })
    .strict(),
);
export type PilotInput = z.infer<typeof pilotInputSchema>;

export const pilotProcessId = (measureCode: string) => `pilot-${measureCode}`;

export const PILOT_DECISIONS = ['adopt', 'decline'] as const;
export const pilotDecisionSchema = builtOnFirstUse(() =>
  z
    .object({
      decision: z.enum(PILOT_DECISIONS),
      /** The day the zone starts running the measure, or decided not to. */
      date: calendarDate,
      note: text(2000),
    })
    .strict(),
);
export type PilotDecision = z.infer<typeof pilotDecisionSchema>;

export const pilotActions = {
  decidePilot: defineAction({
    name: 'decidePilot',
    schema: pilotDecisionSchema,
    role: 'staff',
    title: { zh: '决定是否复制推广改革试点经验', en: 'Adopt or decline a reform measure' },
  }),
};

export const PILOT_STAGES = ['PREPARING', 'DECIDING', 'DECIDED'] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];
export const PILOT_STAGE_LABELS: Record<PilotStage, { zh: string; en: string }> = {
  PREPARING: { zh: '准备', en: 'Preparing' },
  DECIDING: { zh: '各协同区决定中', en: 'Zones deciding' },
  DECIDED: { zh: '已全部决定', en: 'All decided' },
};
export const PILOT_TRANSITIONS: readonly [PilotStage, PilotStage][] = [
  ['PREPARING', 'DECIDING'],
  ['PREPARING', 'DECIDED'],
  ['DECIDING', 'DECIDED'],
];
