import { authorityOf, summarize } from './timeline';
import { payloadWords } from './words';

test('timeline sentences read in Chinese or English, with deadlines as the day in China', () => {
  const data = { zoneName: '营口自贸片区盖州市协同发展示范区', dueAt: '2027-01-11T15:59:59.000Z' };
  expect(summarize('launched', data, 'zh')).toBe('发起设立营口自贸片区盖州市协同发展示范区，备忘录签署期限 2027年1月11日');
  expect(summarize('launched', data, 'en')).toBe(
    'Launched the establishment of 营口自贸片区盖州市协同发展示范区; memorandum due 2027-01-11',
  );
  expect(summarize('memorandumReturned', { version: 2, comments: '面积需核实' }, 'zh')).toBe('退回备忘录第 2 版，意见：面积需核实');
  expect(summarize('somethingNew', {}, 'en')).toBe('somethingNew');
});

test('the engine’s notes read in words: a deadline in working days, a retry, an operator ending the process', () => {
  const deadline = {
    name: 'agreement.announcementPeriod',
    dueAt: '2026-12-31T15:59:59.000Z',
    period: '10 working days',
    provisional: false,
  };
  expect(summarize('deadlineSet', deadline, 'zh')).toBe('设定委托协议公告期限：10 个工作日，截止 2026年12月31日');
  expect(summarize('deadlineSet', deadline, 'en')).toBe('Deadline set for announcing the agreement: 10 working days, due 2026-12-31');
  expect(summarize('activityRetried', { activity: 'commitStep', attempt: 3, lastFailure: 'connection reset' }, 'zh')).toBe(
    '写入记录第 3 次执行（上次失败：connection reset）',
  );
  expect(summarize('processEnded', { how: 'terminated', identity: 'ops@host', reason: '误启动' }, 'en')).toBe(
    'Process terminated by ops@host: 误启动',
  );
});

test('an event that names its authority reads as the power and agreement version it was taken under', () => {
  expect(authorityOf({ powerCode: 'XK-005', agreementId: 'agreement-210804-a1b2c3', agreementVersion: 2 }, 'zh')).toEqual({
    powerCodes: ['XK-005'],
    agreementId: 'agreement-210804-a1b2c3',
    agreementVersion: 2,
    words: '依据：委托协议 agreement-210804-a1b2c3 第 2 版；职权 XK-005',
  });
  expect(authorityOf({ catalogVersion: 3, powerCodes: ['XK-010', 'CF-002'] }, 'en')?.words).toBe(
    'Under powers XK-010, CF-002; catalogue version 3',
  );
  expect(authorityOf({ version: 2, comments: '无' }, 'zh')).toBeNull();
});

test('a payload reads as labelled fields, coded values by name, lists summed up, unknown fields by their own name', () => {
  const draft = {
    items: [
      { powerCode: 'XK-005', scope: 'decision' },
      { powerCode: 'XK-010', scope: 'acceptance' },
    ],
    term: { startDate: '2027-01-01', endDate: '2027-12-31' },
    noSubEntrustment: true,
  };
  expect(payloadWords(draft, 'zh')).toBe(
    '委托职权：XK-005（决定）、XK-010（受理）；期限起：2027-01-01；期限止：2027-12-31；不得再委托：是',
  );
  expect(payloadWords({ decision: 'return', comments: '面积需核实' }, 'en')).toBe('Decision: return for changes; Comments: 面积需核实');
  expect(payloadWords({ legalRepresentative: { name: '张三' } }, 'zh')).toBe('法定代表人姓名：张三');
  expect(payloadWords({ yetToCome: { name: '张三' } }, 'zh')).toBe('yetToCome.name：张三');
  expect(payloadWords({ boundary: { areaKm2: 3, description: '东至…', geojson: { type: 'Polygon' } } }, 'zh')).toBe(
    '面积（平方公里）：3；四至范围：东至…',
  );
});

test('a screened application names the items going by the normal route, and a zone’s end what it reached', () => {
  const screened = {
    items: ['XK-001'],
    normalRoute: [{ powerCode: 'XK-009', because: '市场准入负面清单（2025年版） 许可准入类·危险化学品' }],
    notices: [],
  };
  expect(summarize('applicationScreened', screened, 'zh')).toBe(
    '审查通过，告知承诺事项 1 项；按一般程序办理许可 XK-009（市场准入负面清单（2025年版） 许可准入类·危险化学品）',
  );
  expect(summarize('applicationScreened', { items: ['XK-001'] }, 'en')).toBe('Screened: 1 licence items on commitment');
  expect(summarize('zoneEndCarriedThrough', { terminatedOn: '2026-12-01', agreements: ['a'], registrationsRefused: [] }, 'zh')).toContain(
    '1 份委托协议终止',
  );
  expect(summarize('taxTransferApproved', { reference: '营税〔2026〕1号' }, 'zh')).toBe('市税务局批准划转（营税〔2026〕1号）');
});

test('a refused penalty report reads each cause in the reader’s language; one recorded before its causes had codes, as recorded', () => {
  const refused = {
    decisionNumber: '盖市监罚〔2026〕1号',
    problems: ['decision.uscc: 91210800MA0000000X is DEREGISTERED'],
    refusals: [{ code: 'ENTITY_NOT_ACTIVE', params: { uscc: '91210800MA0000000X', status: 'DEREGISTERED' }, path: 'body.decision.uscc' }],
  };
  expect(summarize('penaltyRefused', refused, 'zh')).toBe(
    '处罚决定 盖市监罚〔2026〕1号 不予受理：91210800MA0000000X 当前已注销，不是已登记状态',
  );
  expect(summarize('penaltyRefused', refused, 'en')).toBe(
    'Penalty decision 盖市监罚〔2026〕1号 not accepted: 91210800MA0000000X is deregistered, not registered',
  );
  const { refusals: _none, ...recordedBefore } = refused;
  expect(summarize('penaltyRefused', recordedBefore, 'zh')).toBe(
    '处罚决定 盖市监罚〔2026〕1号 不予受理：decision.uscc: 91210800MA0000000X is DEREGISTERED',
  );
});
