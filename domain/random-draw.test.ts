import { drawCount, drawPlan, seededRandom, type DrawEntity, type DrawFacts } from './random-draw';
import { creditGradeOf, DEFAULT_SELECTION_RATIOS } from './supervision';

const entity = (n: number, overrides: Partial<DrawEntity> = {}): DrawEntity => ({
  uscc: `91210800MA${String(n).padStart(7, '0')}X`,
  name: `营口测试${n}有限公司`,
  grade: 'A',
  signals: [],
  lastInspectors: [],
  ...overrides,
});
const roster = ['le-x.staff', 'le-x.staff2', 'le-x.staff3', 'le-x.staff4', 'le-x.staff5'];
const facts = (entities: DrawEntity[], overrides: Partial<DrawFacts> = {}): DrawFacts => ({
  entities,
  roster,
  ratios: DEFAULT_SELECTION_RATIOS,
  inspectorsPerEntity: 2,
  ...overrides,
});
const population = [
  ...Array.from({ length: 40 }, (_, n) => entity(n)),
  ...Array.from({ length: 10 }, (_, n) => entity(100 + n, { grade: 'C' })),
  entity(200, { grade: 'D' }),
];

test('the same seed draws the same entities and inspectors, whatever order the facts come in', () => {
  const first = drawPlan(facts(population), 'plan-2026-11', 'random');
  const again = drawPlan(facts([...population].reverse(), { roster: [...roster].reverse() }), 'plan-2026-11', 'random');
  expect(again).toEqual(first);
  const other = drawPlan(facts(population), 'plan-2026-12', 'random');
  expect(other.inspections.map((i) => i.uscc)).not.toEqual(first.inspections.map((i) => i.uscc));
  expect(seededRandom('x')()).toBe(seededRandom('x')());
});

test('worse credit, more checks: each grade drawn by its ratio, a serious record always', () => {
  const draw = drawPlan(facts(population), 'ratios', 'random');
  expect(draw.population).toEqual({
    A: { entities: 40, drawn: 2 },
    B: { entities: 0, drawn: 0 },
    C: { entities: 10, drawn: 3 },
    D: { entities: 1, drawn: 1 },
  });
  expect(draw.inspections.filter((i) => i.grade === 'D').map((i) => i.uscc)).toEqual([entity(200).uscc]);
  expect(drawCount(3, 0.05)).toBe(1);
  expect(drawCount(0, 1)).toBe(0);
  expect(creditGradeOf([])).toBe('A');
  expect(creditGradeOf([{ kind: 'penalty', grade: 'minor' }])).toBe('B');
  expect(creditGradeOf([{ kind: 'commitment-breach' }])).toBe('C');
  expect(
    creditGradeOf([
      { kind: 'penalty', grade: 'general' },
      { kind: 'penalty', grade: 'serious' },
    ]),
  ).toBe('D');
});

test('two inspectors each, never the one who inspected the entity last time; a short roster is said', () => {
  const last = ['le-x.staff', 'le-x.staff2', 'le-x.staff3'];
  const draw = drawPlan(facts(population.map((e) => ({ ...e, lastInspectors: last }))), 'conflicts', 'random');
  for (const i of draw.inspections) {
    expect(i.inspectors).toHaveLength(2);
    expect(new Set(i.inspectors).size).toBe(2);
    expect(i.inspectors.some((x) => last.includes(x))).toBe(false);
  }
  const tight = drawPlan(facts([entity(1, { lastInspectors: ['le-x.staff'] })], { roster: ['le-x.staff', 'le-x.staff2'] }), 's', 'random');
  expect(tight.inspections[0]).toMatchObject({ inspectors: ['le-x.staff2', 'le-x.staff'], conflict: 'repeatedInspector' });
  const short = drawPlan(facts([entity(1)], { roster: ['le-x.staff'] }), 's', 'random');
  expect(short.inspections[0]).toMatchObject({ inspectors: ['le-x.staff'], conflict: 'shortRoster' });
});

test('a targeted plan takes every entity with a risk signal newer than its last concluded inspection', () => {
  const revoked = entity(1, { grade: 'C', signals: [{ signal: 'revokedCommitment', at: '2026-11-01T00:00:00.000Z' }] });
  const settled = entity(2, {
    signals: [{ signal: 'recognisedPenalty', at: '2026-10-01T00:00:00.000Z' }],
    lastConcludedAt: '2026-10-15T00:00:00.000Z',
  });
  const overdue = entity(3, {
    signals: [{ signal: 'overdueVerification', at: '2026-11-02T00:00:00.000Z' }],
    lastConcludedAt: '2026-10-15T00:00:00.000Z',
  });
  for (const seed of ['a', 'b', 'c']) {
    const draw = drawPlan(facts([revoked, settled, overdue, entity(4)]), seed, 'targeted');
    expect(draw.inspections.map((i) => i.uscc)).toEqual([revoked.uscc, overdue.uscc]);
    expect(draw.inspections[0].signals).toEqual(['revokedCommitment']);
  }
});
