/**
 * The statistics views as the API serves them and the exports file them: a month (its snapshot, or the
 * live figures) or a year (each month as published, summed). One builder, so that a file's figures are
 * the API's.
 */
import { addFigures, FTZ_UNIT, periodBounds, periodOf, sumIndicators, viewOf, type UnitFigures, type View } from '../domain/statistics';
import {
  computeFigures,
  countedZoneCodes,
  listSnapshots,
  publishedFigures,
  readSnapshot,
  snapshotHash,
  unitNames,
  type Snapshot,
} from '../store/statistics';
import type { ApiDeps } from './route';
import type { Lang } from './schemas';

/** Rows of a view, each named: a county by its division, the FTZ by its committee. */
export async function rowsOf(deps: ApiDeps, view: View, figures: UnitFigures, lang: Lang) {
  const zones = await countedZoneCodes(deps.db);
  const names = await unitNames(deps.db, FTZ_UNIT);
  const nameOf = (unit: string) => {
    const found = names.find((n) => n.code === unit);
    return found ? (lang === 'zh' ? found.name_zh : found.name_en) : unit;
  };
  const rows = viewOf(view, figures, zones).map((row) => ({ ...row, name: nameOf(row.unit) }));
  return { rows, total: sumIndicators(rows.map((row) => row.indicators)) };
}

/** Where a month's figures come from: its snapshot (id and hash to cite) or the records as they stand. */
export interface MonthSource {
  period: string;
  source: 'snapshot' | 'live';
  snapshotId: string | null;
  hash: string | null;
  takenAt: string | null;
  trigger: Snapshot['trigger'] | null;
}

const sourceOf = (period: string, snapshot: Snapshot | undefined): MonthSource =>
  snapshot
    ? {
        period,
        source: 'snapshot',
        snapshotId: snapshot.processId,
        hash: snapshotHash(snapshot),
        takenAt: snapshot.takenAt,
        trigger: snapshot.trigger,
      }
    : { period, source: 'live', snapshotId: null, hash: null, takenAt: null, trigger: null };

/** A month: its snapshot with the corrections to earlier months it published, or the live figures (`live`, or no snapshot yet). */
export async function monthFigures(deps: ApiDeps, view: View, period: string, lang: Lang, live = false) {
  const snapshot = live ? undefined : await readSnapshot(deps.db, period);
  const corrections = [];
  for (const [corrected, delta] of Object.entries(snapshot?.corrections ?? {}).sort()) {
    corrections.push({ period: corrected, ...(await rowsOf(deps, view, addFigures({}, delta), lang)) });
  }
  const figures = snapshot ? snapshot.figures : await computeFigures(deps.db, period);
  return { view, ...sourceOf(period, snapshot), ...(await rowsOf(deps, view, figures, lang)), corrections };
}

/**
 * A year: each month up to the current one, as published (its snapshot and every correction since) or
 * live where it has no snapshot, summed. `months` names each month's source.
 */
export async function yearFigures(deps: ApiDeps, view: View, year: number, lang: Lang) {
  const all = await listSnapshots(deps.db);
  const current = periodOf(Date.now());
  const months: MonthSource[] = [];
  let figures: UnitFigures = {};
  for (let month = 1; month <= 12; month++) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    if (period > current) break;
    const snapshot = all.find((s) => s.period === period);
    months.push(sourceOf(period, snapshot));
    figures = addFigures(figures, snapshot ? publishedFigures(snapshot, all) : await computeFigures(deps.db, period));
  }
  return { view, year, months, ...(await rowsOf(deps, view, figures, lang)) };
}

/** The month a year's export or view may ask for: any year whose first month has begun. */
export const yearHasBegun = (year: number) => Date.parse(periodBounds(`${year}-01`).from) <= Date.now();
