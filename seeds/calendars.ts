import type { YearCalendar } from '../domain/calendar';

const range = (from: string, days: number): string[] =>
  Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

/**
 * Public holidays and make-up working days (调休) from the State Council's notices.
 * 2027's notice is not yet loaded: its year carries the statutory holidays only
 * (全国年节及纪念日放假办法, as amended in 2024) and is provisional, so deadlines that
 * reach into it are flagged, not silently guessed.
 */
export const calendars: YearCalendar[] = [
  {
    year: 2025,
    holidays: [
      '2025-01-01',
      ...range('2025-01-28', 8),
      ...range('2025-04-04', 3),
      ...range('2025-05-01', 5),
      ...range('2025-05-31', 3),
      ...range('2025-10-01', 8),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    provisional: false,
    source: '国办发明电〔2024〕12号',
  },
  {
    year: 2026,
    holidays: [
      ...range('2026-01-01', 3),
      ...range('2026-02-15', 9),
      ...range('2026-04-04', 3),
      ...range('2026-05-01', 5),
      ...range('2026-06-19', 3),
      ...range('2026-09-25', 3),
      ...range('2026-10-01', 7),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    provisional: false,
    source: '国务院办公厅关于2026年部分节假日安排的通知',
  },
  {
    year: 2027,
    holidays: [
      '2027-01-01',
      ...range('2027-02-05', 4),
      '2027-04-05',
      ...range('2027-05-01', 2),
      '2027-06-09',
      '2027-09-15',
      ...range('2027-10-01', 3),
    ],
    workdays: [],
    provisional: true,
    source: '全国年节及纪念日放假办法 (statutory days only; the 2027 arrangement is not yet loaded)',
  },
];
