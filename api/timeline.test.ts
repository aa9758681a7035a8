import { summarize } from './timeline';

test('timeline sentences read in Chinese or English, with deadlines as the day in China', () => {
  const data = { zoneName: '营口自贸片区盖州市协同发展示范区', dueAt: '2027-01-11T15:59:59.000Z' };
  expect(summarize('launched', data, 'zh')).toBe('发起设立营口自贸片区盖州市协同发展示范区，备忘录签署期限 2027-01-11');
  expect(summarize('launched', data, 'en')).toBe('Launched the establishment of 营口自贸片区盖州市协同发展示范区; memorandum due 2027-01-11');
  expect(summarize('memorandumReturned', { version: 2, comments: '面积需核实' }, 'zh')).toBe('退回备忘录第 2 版，意见：面积需核实');
  expect(summarize('somethingNew', {}, 'en')).toBe('somethingNew');
});
