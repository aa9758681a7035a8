/**
 * P5 statistics (统计指标共享): indicators per unit and month, and the two views the policy asks for.
 * A unit is a zone (its county's division code) or `ftz`, the FTZ's own figures. Pure: the records
 * store computes the figures, workflows and the API shape them.
 */
import { z } from 'zod';
import { COUNTY_CODE } from './names';
import { INDICATOR_LABELS, INDICATORS, type Indicator } from './statistics-labels';

export { INDICATOR_LABELS, INDICATORS, type Indicator };
export type Indicators = Record<Indicator, number>;

/** Figures per unit: a zone's county code, or `ftz`. */
export type UnitFigures = Record<string, Indicators>;

export const FTZ_UNIT = 'ftz';
export const VIEWS = ['municipal', 'national'] as const;
export type View = (typeof VIEWS)[number];

/** A month, `YYYY-MM`, in China time; this century's, which every record of the policy falls in. */
export const periodSchema = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, 'a month of this century, YYYY-MM');

/** China has kept UTC+8 all year since 1991: a fixed offset, no time-zone data needed. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The month's first instant and the next month's, as ISO instants (China time). */
export function periodBounds(period: string): { from: string; to: string } {
  const [year, month] = period.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  const start = (p: string) => new Date(Date.parse(`${p}-01T00:00:00Z`) - CHINA_OFFSET_MS).toISOString();
  return { from: start(period), to: start(next) };
}

/** The month (China time) an instant falls in. */
export function periodOf(instantMs: number): string {
  return new Date(instantMs + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/** The month before the one an instant falls in: what the monthly schedule snapshots. */
export function previousPeriod(instantMs: number): string {
  const [year, month] = periodOf(instantMs).split('-').map(Number);
  return new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
}

export function zeroIndicators(): Indicators {
  return Object.fromEntries(INDICATORS.map((name) => [name, 0])) as Indicators;
}

/** Records carry the zone code of their county; a code that is no county's is the FTZ's own. */
export function unitOf(zoneCode: string): string {
  return COUNTY_CODE.test(zoneCode) ? zoneCode : FTZ_UNIT;
}

/**
 * Reported amounts carry decimals (万元 to two places): sums are rounded to four, so that 0.1 + 0.2 is
 * 0.3 in every view. Counts are whole numbers and stay so.
 */
export const roundFigure = (value: number): number => Math.round(value * 10_000) / 10_000;

/** Adds unit figures; an indicator a figure lacks (a snapshot taken before it existed) counts 0. */
export function addIndicators(a: Partial<Indicators>, b: Partial<Indicators>): Indicators {
  return Object.fromEntries(INDICATORS.map((name) => [name, roundFigure((a[name] ?? 0) + (b[name] ?? 0))])) as Indicators;
}

export function sumIndicators(all: Partial<Indicators>[]): Indicators {
  return all.reduce<Indicators>((sum, one) => addIndicators(sum, one), zeroIndicators());
}

/** Unit by unit, `after − before`, keeping only the units and indicators that moved. */
export function figuresDelta(after: UnitFigures, before: UnitFigures): Record<string, Partial<Indicators>> {
  const delta: Record<string, Partial<Indicators>> = {};
  for (const unit of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const moved: Partial<Indicators> = {};
    for (const name of INDICATORS) {
      const change = roundFigure((after[unit]?.[name] ?? 0) - (before[unit]?.[name] ?? 0));
      if (change !== 0) moved[name] = change;
    }
    if (Object.keys(moved).length) delta[unit] = moved;
  }
  return delta;
}

/** Adds partial figures unit by unit (a snapshot's figures plus the corrections published since). */
export function addFigures(base: UnitFigures, ...changes: Record<string, Partial<Indicators>>[]): UnitFigures {
  const result: UnitFigures = { ...base };
  for (const change of changes) {
    for (const [unit, indicators] of Object.entries(change)) result[unit] = addIndicators(result[unit] ?? zeroIndicators(), indicators);
  }
  return result;
}

export interface ViewRow {
  /** A county code (municipal view) or `ftz`. */
  unit: string;
  indicators: Indicators;
  /** National view: the zones whose figures are merged into the FTZ's row. */
  merged?: string[];
  /** National view: the FTZ's own figures, before the zones' are added. */
  own?: Indicators;
}

/**
 * The municipal assessment: each zone's figures belong to its county, one row per county code, and
 * the FTZ's own figures (if any) stay in its own row. `units` lists rows shown even with no figures.
 */
export function municipalView(figures: UnitFigures, units: string[] = []): ViewRow[] {
  const all = [...new Set([...units, ...Object.keys(figures)])].sort((a, b) =>
    a === FTZ_UNIT ? 1 : b === FTZ_UNIT ? -1 : a.localeCompare(b),
  );
  return all.map((unit) => ({ unit, indicators: addIndicators(zeroIndicators(), figures[unit] ?? {}) }));
}

/** The national (provincial, customs) assessment: every zone's figures merged into the FTZ's one row. */
export function nationalView(figures: UnitFigures, units: string[] = []): ViewRow[] {
  const zones = [...new Set([...units, ...Object.keys(figures)])].filter((unit) => unit !== FTZ_UNIT).sort();
  const own = addIndicators(zeroIndicators(), figures[FTZ_UNIT] ?? {});
  return [
    { unit: FTZ_UNIT, indicators: sumIndicators([own, ...zones.map((zone) => figures[zone] ?? zeroIndicators())]), merged: zones, own },
  ];
}

export function viewOf(view: View, figures: UnitFigures, units: string[] = []): ViewRow[] {
  return view === 'municipal' ? municipalView(figures, units) : nationalView(figures, units);
}
