import type { PowerHolding } from '../domain/powers';

/**
 * How the FTZ holds the seeded powers. The policy itself is the act for the powers the city confers
 * on the FTZ for the zones (营政发〔2020〕16号 四(一)); a power a city department only entrusts (委托) to
 * the FTZ stays with that department and cannot go further. A deployment records its own grants here,
 * each with its document, from the day it holds.
 */
const CITY_CONFERS = '《营口市人民政府关于中国（辽宁）自由贸易试验区营口片区协同发展示范区建设实施意见》（营政发〔2020〕16号）';
const conferred = (powerCode: string): PowerHolding => ({
  powerCode,
  mode: 'authorised',
  grantedBy: '营口市人民政府',
  document: CITY_CONFERS,
  validFrom: '2020-11-10',
});

export const powerHoldings: PowerHolding[] = [
  ...[
    'XK-001',
    'XK-002',
    'XK-003',
    'XK-004',
    'XK-005',
    'XK-006',
    'XK-008',
    'XK-009',
    'XK-010',
    'JC-001',
    'JC-002',
    'JC-003',
    'QT-001',
    'QT-002',
  ].map(conferred),
  // Held only by entrustment of the city's market regulation bureau: the FTZ may not entrust it onward.
  {
    powerCode: 'XK-007',
    mode: 'entrusted',
    grantedBy: '营口市市场监督管理局',
    document: '营口市市场监督管理局委托书（第三类医疗器械经营许可）',
    validFrom: '2021-01-01',
  },
];
