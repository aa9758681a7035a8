import {
  nationalView,
  municipalView,
  periodBounds,
  periodOf,
  periodSchema,
  previousPeriod,
  sumIndicators,
  zeroIndicators,
} from './statistics';

test('a month runs from midnight to midnight in China time', () => {
  expect(periodBounds('2025-03')).toEqual({ from: '2025-02-28T16:00:00.000Z', to: '2025-03-31T16:00:00.000Z' });
  expect(periodBounds('2025-12')).toEqual({ from: '2025-11-30T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z' });
  expect(periodOf(Date.parse('2025-03-31T16:30:00Z'))).toBe('2025-04');
  expect(previousPeriod(Date.parse('2026-01-01T01:00:00Z'))).toBe('2025-12');
  expect(periodSchema.safeParse('1999-12').success).toBe(false);
});

test('the national row is the municipal rows summed, the FTZ own figures kept apart', () => {
  const figures = {
    '210881': { ...zeroIndicators(), registrations: 2, penaltiesRecognised: 1 },
    '210804': { ...zeroIndicators(), registrations: 1 },
    ftz: { ...zeroIndicators(), taxTransfers: 4 },
  };
  const municipal = municipalView(figures, ['210882']);
  expect(municipal.map((row) => row.unit)).toEqual(['210804', '210881', '210882', 'ftz']);
  const [national] = nationalView(figures, ['210882']);
  expect(national.merged).toEqual(['210804', '210881', '210882']);
  expect(national.own).toEqual(figures.ftz);
  expect(national.indicators).toEqual(sumIndicators(municipal.map((row) => row.indicators)));
});
