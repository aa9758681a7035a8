/**
 * 双随机: the draw of entities and of inspectors for an inspection plan, a pure function of the facts
 * and a seed. Anyone holding the recorded facts and seed draws the same plan again, which is what
 * makes the draw checkable (一公开). The generator is named and versioned in the result: changing it is
 * a new `DRAW_ALGORITHM`, never a silent change of old draws.
 */
import { CREDIT_GRADES, type CreditGrade, type RiskSignal } from './supervision';

export const DRAW_ALGORITHM = 'xmur3+mulberry32/v1';

/** xmur3: a 32-bit hash of the seed text, the generator's starting state. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

/** mulberry32 over the seed's hash: numbers in [0, 1), the same sequence for the same seed everywhere. */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** An entity as the draw sees it. */
export interface DrawEntity {
  uscc: string;
  name: string;
  grade: CreditGrade;
  /** Risk signals and when each arose (ISO instants); a targeted plan takes the entities with a fresh one. */
  signals: { signal: RiskSignal; at: string }[];
  /** When its last inspection was concluded, if ever. */
  lastConcludedAt?: string;
  /** Who inspected it last time: not drawn for it again (the same inspector twice running is a conflict). */
  lastInspectors: string[];
}

export interface DrawFacts {
  entities: DrawEntity[];
  /** The enforcement body's inspectors (user ids). */
  roster: string[];
  ratios: Record<CreditGrade, number>;
  inspectorsPerEntity: number;
}

export interface DrawnInspection {
  uscc: string;
  name: string;
  grade: CreditGrade;
  signals: RiskSignal[];
  inspectors: string[];
  /** Fewer inspectors free of conflict than needed: the roster was too short, the ones drawn are flagged. */
  conflict?: 'shortRoster' | 'repeatedInspector';
}

export interface Draw {
  algorithm: string;
  seed: string;
  selection: 'random' | 'targeted';
  /** Entities in each grade the draw chose from, and how many it took. */
  population: Record<CreditGrade, { entities: number; drawn: number }>;
  inspections: DrawnInspection[];
}

/** How many of a grade's entities a random plan takes: the ratio's share, at least one where there are any. */
export const drawCount = (entities: number, ratio: number) =>
  entities === 0 ? 0 : Math.min(entities, Math.max(1, Math.ceil(entities * ratio)));

/** Entities with a risk signal that arose after their last concluded inspection: each is always taken. */
export function targetedEntities(entities: readonly DrawEntity[]): DrawEntity[] {
  return entities.filter((e) => e.signals.some((s) => !e.lastConcludedAt || s.at > e.lastConcludedAt));
}

/**
 * The plan from the facts and the seed. Random: each grade's entities (by USCC) shuffled, its share
 * taken. Targeted: every entity with a fresh risk signal. Then inspectors: the roster (sorted)
 * shuffled once and dealt round, skipping for each entity whoever inspected it last time.
 */
export function drawPlan(facts: DrawFacts, seed: string, selection: 'random' | 'targeted'): Draw {
  const random = seededRandom(seed);
  const byUscc = [...facts.entities].sort((a, b) => a.uscc.localeCompare(b.uscc));
  const population = Object.fromEntries(CREDIT_GRADES.map((g) => [g, { entities: 0, drawn: 0 }])) as Draw['population'];
  let chosen: DrawEntity[] = [];
  if (selection === 'random') {
    for (const grade of CREDIT_GRADES) {
      const ofGrade = byUscc.filter((e) => e.grade === grade);
      const count = drawCount(ofGrade.length, facts.ratios[grade]);
      population[grade] = { entities: ofGrade.length, drawn: count };
      chosen.push(...shuffled(ofGrade, random).slice(0, count));
    }
  } else {
    chosen = targetedEntities(byUscc);
    for (const grade of CREDIT_GRADES) {
      population[grade] = {
        entities: byUscc.filter((e) => e.grade === grade).length,
        drawn: chosen.filter((e) => e.grade === grade).length,
      };
    }
  }
  const roster = shuffled([...new Set(facts.roster)].sort(), random);
  let next = 0;
  const inspections = chosen.map((entity): DrawnInspection => {
    const inspectors: string[] = [];
    const want = Math.min(facts.inspectorsPerEntity, roster.length);
    // Deal round the roster from where the last entity stopped, skipping a conflict.
    for (let looked = 0; looked < roster.length && inspectors.length < want; looked++) {
      const candidate = roster[(next + looked) % roster.length];
      if (!entity.lastInspectors.includes(candidate)) inspectors.push(candidate);
    }
    let conflict: DrawnInspection['conflict'];
    if (inspectors.length < want) {
      // Too few without a conflict: complete with the others, and say so.
      for (const candidate of roster) if (inspectors.length < want && !inspectors.includes(candidate)) inspectors.push(candidate);
      conflict = 'repeatedInspector';
    } else if (want < facts.inspectorsPerEntity) {
      conflict = 'shortRoster';
    }
    next = roster.length ? (roster.indexOf(inspectors[inspectors.length - 1] ?? roster[0]) + 1) % roster.length : 0;
    return {
      uscc: entity.uscc,
      name: entity.name,
      grade: entity.grade,
      signals: [...new Set(entity.signals.map((s) => s.signal))],
      inspectors,
      ...(conflict ? { conflict } : {}),
    };
  });
  return { algorithm: DRAW_ALGORITHM, seed, selection, population, inspections };
}
